/**
 * A static file server for built sites, on 127.0.0.1 and a free port, for browser tests. As
 * a Pages host does, it can serve the site under a sub-path (`base`): nothing answers
 * outside it but the 404 page.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { headersForPath, type HeaderRule } from './headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** The sub-path the site is served under, `/` (the default) or e.g. `/guide/`. */
  base?: string;
  /**
   * Rules of a `_headers` file (`tests/helpers/headers-file.ts`): each response carries the
   * headers of the rules that match its path, as on Netlify or Cloudflare Pages.
   */
  headers?: readonly HeaderRule[];
  /**
   * Compress text (HTML, CSS, JavaScript, JSON, SVG…) with gzip when the browser accepts it,
   * as the hosts do: for measures of what a reader downloads (`npm run bench -- lighthouse`).
   */
  gzip?: boolean;
}

/** The types worth compressing; images, fonts and Pagefind's index are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt', '.yml', '.webmanifest']);

export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/';
  const notFound = (res: ServerResponse) => {
    const page = join(root, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    if (existsSync(page)) createReadStream(page).pipe(res);
    else res.end('Not found');
  };
  const server: Server = createServer((req, res) => {
    const address = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (options.headers) {
      for (const [name, value] of Object.entries(headersForPath(options.headers, address))) res.setHeader(name, value);
    }
    // The hosts read `_headers`, they do not serve it.
    if (options.headers && address === `${base}_headers`) {
      res.writeHead(404).end();
      return;
    }
    if (address === base.slice(0, -1) && base !== '/') {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!address.startsWith(base)) {
      notFound(res);
      return;
    }
    const path = `/${address.slice(base.length)}`;
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${address}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      notFound(res);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepts = (req.headers['accept-encoding'] ?? '').split(',').some((t) => t.split(';')[0]?.trim() === 'gzip');
    if (options.gzip && accepts && COMPRESSIBLE.has(extname(file))) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
