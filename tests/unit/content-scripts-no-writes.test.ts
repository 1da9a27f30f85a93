import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/scripts.ts';
import { removeTrees, treeWith } from '../helpers/validate-fixtures.ts';

afterAll(removeTrees);

/** Every file under `content/` and `public/` with its size, modification time, mode and hash. */
function snapshot(root: string): string[] {
  return ['content', 'public'].flatMap((top) =>
    readdirSync(join(root, top), { recursive: true, encoding: 'utf8' })
      .map((relative) => join(top, relative))
      .sort()
      .map((path) => {
        const stat = statSync(join(root, path), { bigint: true });
        if (stat.isDirectory()) return `${path}/ ${String(stat.mtimeNs)}`;
        const hash = createHash('sha256')
          .update(readFileSync(join(root, path)))
          .digest('hex');
        return `${path} ${String(stat.size)} ${String(stat.mtimeNs)} ${stat.mode.toString(8)} ${hash}`;
      }),
  );
}

describe('the content scripts never write a content file', () => {
  it('validate (cold and warm cache) and index (printed, written, as a feed) leave content/ and public/ untouched', () => {
    const root = treeWith();
    const before = snapshot(root);
    const cache = ['--cache-dir', join(root, '.cache')];
    expect(runScript('validate.ts', cache, { cwd: root }).status).toBe(0);
    expect(runScript('validate.ts', cache, { cwd: root }).status).toBe(0);
    expect(runScript('index-toolkits.ts', [], { cwd: root }).status).toBe(0);
    expect(runScript('index-toolkits.ts', ['--feed'], { cwd: root }).status).toBe(0);
    expect(runScript('index-toolkits.ts', ['--out', 'sortie/index.json'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'sortie/index.json'))).toBe(true);
    expect(snapshot(root)).toEqual(before);
  });

  it('a failing validation and a refused index leave every file, even the broken ones, as they were', () => {
    const root = treeWith('schema', 'mdx-syntax', 'file-line-endings', 'file-bom', 'file-encoding', 'yaml-syntax');
    const before = snapshot(root);
    expect(runScript('validate.ts', ['--cache-dir', join(root, '.cache')], { cwd: root }).status).toBe(1);
    const index = runScript('index-toolkits.ts', ['--out', 'sortie/index.json'], { cwd: root });
    expect(index.status).toBe(1);
    expect(existsSync(join(root, 'sortie'))).toBe(false);
    expect(snapshot(root)).toEqual(before);
  });

  it('index refuses to write its output inside content/', () => {
    const root = treeWith();
    const before = snapshot(root);
    const run = runScript('index-toolkits.ts', ['--out', 'content/toolkits/index.json'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('refus d’écrire dans content/');
    expect(snapshot(root)).toEqual(before);
  });
});
