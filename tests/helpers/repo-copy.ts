/**
 * A throwaway copy of the repository for tests that write content (the CMS): the files git
 * knows about, plus new ones not ignored, in a folder under `.cache/` (ignored by git and
 * the tools). It has no `node_modules`: Node and Vite find the repository's one folder up.
 * (A copy elsewhere with linked packages breaks Astro, which expects packages under its
 * root or a parent of it.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './site.ts';

export interface RepoCopy {
  root: string;
  remove: () => void;
}

export function copyRepository(): RepoCopy {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const root = mkdtempSync(join(ROOT, '.cache', 'repo-copy-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files a échoué : ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(ROOT, file), join(root, file), { errorOnExist: false });
  }
  return {
    root,
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Variables that Vitest sets in its workers (`import.meta.env` mirrored into `process.env`):
 * an Astro build that inherits them is a development build, without search.
 */
const VITEST_VARIABLES = /^(?:VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/;

/** This process's environment without what Vitest adds, for a command that runs Astro. */
export function inheritedEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.test(key)));
}

/** `astro build` in `root`, as in production, with extra environment variables; throws with the log on failure. */
export function buildCopy(root: string, env: Record<string, string>): void {
  const inherited = inheritedEnv();
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...inherited, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env },
    timeout: 240_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `La construction de la copie a échoué (code ${String(result.status)}) :\n${result.stdout}\n${result.stderr}`,
    );
  }
}
