import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { removeTrees, treeWith } from '../helpers/validate-fixtures.ts';

const caches: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpa-validate-cache-'));
  caches.push(dir);
  return dir;
}

afterAll(() => {
  removeTrees();
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

describe('the validation cache', () => {
  it('a second run reads no file again and reports exactly the same issues', async () => {
    const root = treeWith('schema', 'link-broken', 'variant-cycle');
    const cache = cacheDir();
    const cold = await validateContent({ root, cacheDir: cache, jobs: 1 });
    const warm = await validateContent({ root, cacheDir: cache, jobs: 1 });
    expect(cold.parsed).toBe(10);
    expect(warm.parsed).toBe(0);
    expect(warm.issues).toEqual(cold.issues);
  });

  it('after one file changes, only that file is read again, and its new issues are reported', async () => {
    const root = treeWith();
    const cache = cacheDir();
    await validateContent({ root, cacheDir: cache, jobs: 1 });
    appendFileSync(join(root, 'content/docs/notes.md'), '\n[Un lien cassé](/nulle-part/)\n');
    const after = await validateContent({ root, cacheDir: cache, jobs: 1 });
    expect(after.parsed).toBe(1);
    expect(after.issues.map((i) => [i.file, i.line, i.rule])).toEqual([['content/docs/notes.md', 12, 'link-broken']]);
  });

  it('a deleted or corrupted cache only makes the next run read everything again', async () => {
    const root = treeWith('image-alt');
    const cache = cacheDir();
    const first = await validateContent({ root, cacheDir: cache, jobs: 1 });
    writeFileSync(join(cache, 'summaries.json'), '{ pas du JSON');
    const corrupted = await validateContent({ root, cacheDir: cache, jobs: 1 });
    rmSync(cache, { recursive: true });
    const deleted = await validateContent({ root, cacheDir: cache, jobs: 1 });
    expect([corrupted.parsed, deleted.parsed]).toEqual([10, 10]);
    expect(corrupted.issues).toEqual(first.issues);
    expect(deleted.issues).toEqual(first.issues);
  });

  it('a change in public/ is seen at once: an image added there is no longer missing', async () => {
    const root = treeWith('image-missing');
    const cache = cacheDir();
    const before = await validateContent({ root, cacheDir: cache, jobs: 1 });
    writeFileSync(join(root, 'public/media/absent.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const after = await validateContent({ root, cacheDir: cache, jobs: 1 });
    expect(before.issues.length - after.issues.length).toBe(1);
    expect(after.parsed).toBe(0);
  });
});
