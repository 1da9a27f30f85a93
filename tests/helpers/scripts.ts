/** Runs a script of `scripts/` the way npm does: a child Node, from a given folder. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = fileURLToPath(new URL('../../scripts/', import.meta.url));

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): ScriptRun {
  const env = { ...process.env, GITHUB_ACTIONS: undefined, ...options.env };
  const result = spawnSync(process.execPath, [`${SCRIPTS}${script}`, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
