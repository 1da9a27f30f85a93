/**
 * Builds the site once before the tests that read `dist/` or open it in a browser, then
 * prints its PDFs (`npm run booklet`). Set `KPA_REUSE_BUILD=1` to reuse an existing `dist/`
 * (and its PDFs, when it has them) while working on tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../helpers/site.ts';
import { BOOKLET_PATH } from '../../src/config/print.ts';

/** What Vite puts in a test process's environment (`import.meta.env`), which a build must not inherit. */
const VITE_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/**
 * Vitest sets NODE_ENV=test and VITEST* variables; an Astro build that inherits them is a
 * development build (no search, "available only in production" warnings). Vite's own
 * variables go too: an inherited `BASE_URL=/` overrides Astro's `base` in the build.
 */
export function productionEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !VITE_ENV.has(key)),
  );
  return { ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
}

export default function buildSite(): void {
  const reuse = process.env['KPA_REUSE_BUILD'] === '1' && existsSync(join(DIST, 'index.html'));
  if (!reuse) {
    // The same command a maintainer runs, so the tests see what `npm run build` produces.
    const result = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: productionEnv(),
    });
    if (result.status !== 0) throw new Error(`La construction du site a échoué (code ${String(result.status)}).`);
  }
  // Then the PDFs, as the deploy workflows do: the pages link to them.
  if (reuse && existsSync(join(DIST, BOOKLET_PATH.slice(1)))) return;
  const booklet = spawnSync('npm', ['run', '--silent', 'booklet'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: productionEnv(),
  });
  if (booklet.status !== 0) throw new Error(`Le livret PDF n’a pas pu être produit (code ${String(booklet.status)}).`);
}
