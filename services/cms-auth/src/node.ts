/**
 * Runs the relay with Node: `npm run cms-auth` at the repository root, or
 * `node services/cms-auth/src/node.ts`. Settings come from the environment (see README.md);
 * `PORT` (8787 by default, 0 for any free port) and `HOST` (127.0.0.1 by default: put a
 * proxy that terminates HTTPS in front, or set HOST=0.0.0.0 in a container).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createRelay } from './app.ts';
import { readConfig, RelayConfigError, type RelayConfig } from './config.ts';

export interface RunningRelay {
  url: string;
  close: () => Promise<void>;
}

export function startRelay(config: RelayConfig, port: number, hostname: string): Promise<RunningRelay> {
  const app = createRelay(config);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  let config: RelayConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof RelayConfigError)) throw error;
    console.error(`cms-auth : ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const port = Number(process.env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`cms-auth : PORT doit être un numéro de port, pas « ${process.env['PORT'] ?? ''} ».`);
    process.exitCode = 1;
    return;
  }
  const relay = await startRelay(config, port, process.env['HOST'] ?? '127.0.0.1');
  // The first line is read by the tests to find the port: keep the address in it.
  console.log(`cms-auth : relais prêt sur ${relay.url} (origines autorisées : ${config.allowedOrigins.join(', ')})`);
  const stop = () => {
    void relay.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) await main();
