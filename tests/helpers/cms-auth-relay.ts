/**
 * Starts the relay the way a maintainer does (`node services/cms-auth/src/node.ts`), as a
 * child process on 127.0.0.1 and a free port, and reads its address from its first line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const RELAY_ENTRY = fileURLToPath(new URL('../../services/cms-auth/src/node.ts', import.meta.url));

export interface SpawnedRelay {
  url: string;
  /** Everything the relay wrote to stderr so far (warnings about refused exchanges…). */
  stderr: () => string;
  close: () => Promise<void>;
}

export async function spawnRelay(env: Record<string, string>, timeoutMs = 10_000): Promise<SpawnedRelay> {
  // Only what the relay needs: no variable of the test run leaks into its settings.
  const child = spawn(process.execPath, [RELAY_ENTRY], {
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Le relais n’a pas démarré en ${String(timeoutMs)} ms.\n${stdout}${stderr}`));
    }, timeoutMs);
    const onData = () => {
      const found = /relais prêt sur (http:\/\/\S+)/.exec(stdout);
      if (!found?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(found[1]);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Le relais s’est arrêté (code ${String(code)}).\n${stdout}${stderr}`));
    });
  });

  return {
    url,
    stderr: () => stderr,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
