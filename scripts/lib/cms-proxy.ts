/**
 * decap-server, the proxy through which Decap CMS reads and writes the working tree, bound
 * to 127.0.0.1. Started in-process from decap-server's own middlewares so that a test can
 * ask for port 0 and learn the port (the `decap-server` command prints the port it was
 * given, and `BIND_HOST=127.0.0.1 PORT=… npx decap-server` is the equivalent by hand).
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

interface ExpressApp {
  listen: (port: number, host: string, callback: () => void) => Server;
}

interface DecapMiddlewares {
  registerLocalFs: (app: ExpressApp, options?: { logLevel?: string }) => Promise<void>;
}

const require = createRequire(import.meta.url);
// express is decap-server's own dependency: take the copy it resolves to.
const fromDecap = createRequire(require.resolve('decap-server'));
const express = fromDecap('express') as () => ExpressApp;
const middlewares = require('decap-server/dist/middlewares') as DecapMiddlewares;

export interface CmsProxy {
  /** Address of the API, for Decap's `local_backend.url`. */
  url: string;
  port: number;
  close: () => Promise<void>;
}

export interface CmsProxyOptions {
  /** Repository whose files the CMS edits. */
  root: string;
  /** 0 for any free port. */
  port: number;
  /** decap-server's log level: `info` shows each request, `warn` only problems. */
  logLevel?: string;
}

export async function startCmsProxy(options: CmsProxyOptions): Promise<CmsProxy> {
  const app = express();
  // decap-server reads the repository from GIT_REPO_DIRECTORY while it registers.
  const previous = process.env['GIT_REPO_DIRECTORY'];
  process.env['GIT_REPO_DIRECTORY'] = resolve(options.root);
  try {
    await middlewares.registerLocalFs(app, { logLevel: options.logLevel ?? 'warn' });
  } finally {
    if (previous === undefined) delete process.env['GIT_REPO_DIRECTORY'];
    else process.env['GIT_REPO_DIRECTORY'] = previous;
  }
  const server = await new Promise<Server>((done, fail) => {
    const s = app.listen(options.port, '127.0.0.1', () => {
      done(s);
    });
    s.on('error', fail);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}
