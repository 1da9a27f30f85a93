/**
 * Builds the site once before the tests that read `dist/` or open it in a browser. Set
 * `KPA_REUSE_BUILD=1` to reuse an existing `dist/` while working on tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../helpers/site.ts';

/**
 * Vitest sets NODE_ENV=test and VITEST* variables; an Astro build that inherits them is a
 * development build (no search, "available only in production" warnings).
 */
function productionEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return { ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
}

export default function buildSite(): void {
  if (process.env['KPA_REUSE_BUILD'] === '1' && existsSync(join(DIST, 'index.html'))) return;
  // The same command a maintainer runs, so the tests see what `npm run build` produces.
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: productionEnv(),
  });
  if (result.status !== 0) throw new Error(`La construction du site a échoué (code ${String(result.status)}).`);
}
