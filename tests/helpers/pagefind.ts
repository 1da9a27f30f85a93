/**
 * Pagefind's browser bundle (`pagefind.js` and its WebAssembly) run in Node over an index a
 * build wrote, for tests without a browser: `globalThis.fetch` reads the bundle's files from
 * disk while the bundle is in use. Pagefind's Node API builds indexes but cannot search them.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PagefindApi, PagefindOptions } from '../../src/lib/pagefind-api.ts';
import { LEXICON_PATH, PAGEFIND_OPTIONS } from '../../src/config/search.ts';
import { createSearchEngine, type SearchEngine } from '../../src/lib/search-engine.ts';
import type { SearchLexicon } from '../../src/lib/search-query.ts';

export interface LoadedPagefind {
  api: PagefindApi;
  /** Puts the real `fetch` back. */
  restore: () => void;
}

export async function loadPagefind(bundleDir: string, options: PagefindOptions): Promise<LoadedPagefind> {
  const realFetch = globalThis.fetch;
  const root = pathToFileURL(join(bundleDir, '/')).href;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.href.startsWith(root)) throw new Error(`requête inattendue hors de l’index : ${url.href}`);
    // Pagefind adds `?ts=…` to its entry file to skip caches: the path alone names the file.
    return new Response(await readFile(fileURLToPath(url)));
  };
  const api = (await import(/* @vite-ignore */ pathToFileURL(join(bundleDir, 'pagefind.js')).href)) as PagefindApi;
  // Results link to site paths (`/boites-a-outils/…/`), as in the browser.
  await api.options({ baseUrl: '/', ...options });
  await api.init();
  return {
    api,
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
}

export interface LoadedSearch extends LoadedPagefind {
  /** The site's search (`src/lib/search-engine.ts`) over this index, as the browser runs it. */
  engine: SearchEngine;
  lexicon: SearchLexicon;
}

/** The site's search over a build's `dist/`: its Pagefind index, its ranking and its lexicon. */
export async function loadSearch(dist: string): Promise<LoadedSearch> {
  const lexicon = JSON.parse(readFileSync(join(dist, LEXICON_PATH), 'utf8')) as SearchLexicon;
  const loaded = await loadPagefind(join(dist, 'pagefind'), PAGEFIND_OPTIONS);
  return { ...loaded, lexicon, engine: createSearchEngine(loaded.api, lexicon) };
}
