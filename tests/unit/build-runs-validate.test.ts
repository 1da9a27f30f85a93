import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

// Inside the repository, so that node_modules resolves as usual; .cache/ is ignored by git.
const COPY = join(ROOT, '.cache/test-build-validate');

afterAll(() => {
  rmSync(COPY, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('stops on an invalid content file with the validator’s message, before Astro starts', () => {
    rmSync(COPY, { recursive: true, force: true });
    mkdirSync(COPY, { recursive: true });
    for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'scripts', 'public', 'content']) {
      cpSync(join(ROOT, entry), join(COPY, entry), { recursive: true });
    }
    writeFileSync(
      join(COPY, 'content/docs/page-cassee.mdx'),
      '---\ntitle: Page cassée\ndescription: Une page qui oublie de fermer son encadré.\n---\n\n<Aside>\n\nTexte.\n',
    );
    const result = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: COPY,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: undefined, ASTRO_TELEMETRY_DISABLED: '1' },
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain(
      'content/docs/page-cassee.mdx:6:1  erreur  mdx-syntax  balise « <Aside> » jamais fermée',
    );
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).not.toContain('[build]'); // Astro never ran
  });
});
