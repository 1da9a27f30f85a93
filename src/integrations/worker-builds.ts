/**
 * A Vite plugin for the online editor's checking worker (`src/cms/site-checks-worker.ts`),
 * which has no `document`. Packages whose browser build uses the DOM, and that publish a build
 * for workers, resolve to the latter there (the `worker` condition of their `exports`).
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The packages of the worker whose browser build reaches for `document` (micromark decodes entities with it). */
const WORKER_BUILDS = ['decode-named-character-reference'];

export function workerBuilds(): Plugin {
  // Node resolves without the `browser` condition: to the `default` entry, the worker's own.
  const require = createRequire(import.meta.url);
  return {
    name: 'kpa:worker-builds',
    enforce: 'pre',
    resolveId(source) {
      return WORKER_BUILDS.includes(source) ? require.resolve(source) : null;
    },
  };
}
