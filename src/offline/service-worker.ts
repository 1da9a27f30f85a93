/**
 * The service worker, built by `src/integrations/offline.ts` (esbuild, then Workbox's
 * `injectManifest` writes the precache list into `self.__WB_MANIFEST`). Workbox does the
 * caching; this file only says what goes where:
 *
 * - precached at install, one version per build: the scripts and styles of the pages, the
 *   search's code and index (Pagefind), the manifest and icons. Workbox serves them from the
 *   cache and replaces them all at once when a new build is installed, so a search never
 *   mixes two versions of Pagefind's files;
 * - pages: network first, so that a reader online always gets the newest page; the copy
 *   kept for offline reading is served when the network fails, with a `Server-Timing`
 *   entry that tells the page it came from the cache (the notice in `OfflineSupport.astro`).
 *   The home page, the catalogue and the search page are kept from the install on;
 * - search result fragments, images and the built files not precached: cache first (their
 *   names change with their content, or the cache goes with the build);
 * - nothing under `/admin/`, nor from another site.
 *
 * Each cache's name ends with the build's version; activating a new build deletes the
 * caches of every other one, and fetches again, from the new build, what the reader kept.
 */
/// <reference lib="webworker" />
import { clientsClaim, cacheNames } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CACHE_PREFIX } from '../config/offline.ts';
import { FROM_CACHE_TIMING, REFRESH_MESSAGE } from './notice.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };
/** Set by the build (esbuild `define`). */
declare const __KPA_VERSION__: string;
declare const __KPA_BASE__: string;

const VERSION = __KPA_VERSION__;
const BASE = __KPA_BASE__;
const PAGES = `${CACHE_PREFIX}pages-${VERSION}`;
const FILES = `${CACHE_PREFIX}files-${VERSION}`;

/** Kept from the start, visited or not: the home page, the catalogue and the search page. */
declare const __KPA_START_PAGES__: string[];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(__KPA_START_PAGES__)));
});
void self.skipWaiting();
clientsClaim();
// Pagefind asks for its files with a cache-busting `?ts=…`: a precached file is the same
// whatever its query.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

/** Addresses of this site that the worker may keep: never the editor's. */
function ours(url: URL): boolean {
  return (
    url.origin === self.location.origin && url.pathname.startsWith(BASE) && !url.pathname.startsWith(`${BASE}admin/`)
  );
}

/**
 * Requests made for the editor: by its pages, and by the workers it starts. The editor's own
 * service worker (`sw-admin.js`, scope `admin/`, no fetch handler) normally keeps them away,
 * its checking worker included (built under `admin/_worker/`); but the first visit to
 * `/admin/` after the site's pages is still controlled by this one, and a worker falls under
 * the service worker whose scope holds its own address. The site's pages start no worker
 * (Pagefind runs without one), so a worker is the editor's.
 */
function forEditor(request: Request): boolean {
  if (request.destination === 'worker' || request.destination === 'sharedworker') return true;
  if (!request.referrer) return false;
  return new URL(request.referrer).pathname.startsWith(`${BASE}admin/`);
}

/** One copy per page, whatever its query (`/recherche/?q=soupe` is the search page). */
const pageKey: WorkboxPlugin = {
  cacheKeyWillBeUsed: ({ request }) => {
    const url = new URL(request.url);
    url.search = '';
    return Promise.resolve(url.href);
  },
};

/** Marks a page read from the cache, with the date it was saved. */
const fromCache: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    const saved = cachedResponse.headers.get('date') ?? '';
    headers.append('Server-Timing', `${FROM_CACHE_TIMING};desc="${saved.replace(/"/g, '')}"`);
    return new Response(await cachedResponse.blob(), {
      status: cachedResponse.status,
      statusText: cachedResponse.statusText,
      headers,
    });
  },
};

// Pages end with « / » (trailingSlash: 'always'); the 404 page is the one `.html` page.
registerRoute(
  ({ url, request }) =>
    ours(url) &&
    request.method === 'GET' &&
    !forEditor(request) &&
    (url.pathname.endsWith('/') || url.pathname.endsWith('.html')),
  new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 6, plugins: [pageKey, fromCache] }),
);

// Built files whose name changes with their content, Pagefind's other files, images. The
// lists (`hors-ligne.json`, the toolkit index and feed) and the PDFs stay on the network.
const FILE_FOLDERS = ['_astro/', 'pagefind/', 'media/', 'icons/'].map((folder) => `${BASE}${folder}`);
registerRoute(
  ({ url, request }) =>
    ours(url) &&
    request.method === 'GET' &&
    !forEditor(request) &&
    FILE_FOLDERS.some((folder) => url.pathname.startsWith(folder)),
  new CacheFirst({ cacheName: FILES }),
);

/**
 * A new build makes new caches. The old ones are deleted when it takes over, but what a
 * reader kept (pages, images) is listed first, then fetched again from the new build when a
 * page asks (`REFRESH_MESSAGE`, sent by src/offline/register.ts): a message lets the worker
 * finish in the background, where work in `activate` would hold up every request meanwhile.
 */
const REFRESH = `${CACHE_PREFIX}refresh-${VERSION}`;
const REFRESH_LIST = `${BASE}__kpa-refresh__.json`;

/** The clean-up of the old caches, which a refresh waits for: the list it reads is written there. */
let cleaned: Promise<void> = Promise.resolve();

self.addEventListener('activate', (event) => {
  const current = new Set([PAGES, FILES, REFRESH, cacheNames.precache, cacheNames.runtime]);
  cleaned = (async () => {
    const old = (await caches.keys()).filter((key) => key.startsWith(CACHE_PREFIX) && !current.has(key));
    const kept: string[] = [];
    for (const name of old.filter(
      (key) => key.startsWith(`${CACHE_PREFIX}pages-`) || key.startsWith(`${CACHE_PREFIX}files-`),
    )) {
      for (const request of await (await caches.open(name)).keys()) kept.push(request.url);
    }
    if (kept.length > 0) await (await caches.open(REFRESH)).put(REFRESH_LIST, Response.json(kept));
    await Promise.all(old.map((key) => caches.delete(key)));
  })();
  event.waitUntil(cleaned);
});

async function refresh(): Promise<void> {
  const list = await caches.match(REFRESH_LIST, { cacheName: REFRESH });
  if (!list) return;
  const urls = (await list.json()) as string[];
  const next = async (): Promise<void> => {
    for (let url = urls.shift(); url !== undefined; url = urls.shift()) {
      const cache = await caches.open(new URL(url).pathname.endsWith('/') ? PAGES : FILES);
      if (await cache.match(url)) continue;
      try {
        const response = await fetch(url);
        // A file the new build no longer has (an old search fragment) is left behind.
        if (response.ok) await cache.put(url, response);
      } catch {
        // Offline again: what is not fetched now is fetched at the next visit.
      }
    }
  };
  await Promise.all([next(), next(), next(), next()]);
  await caches.delete(REFRESH);
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  // Pages ask as soon as the new worker takes over, which can be before its clean-up is done.
  if ((event.data as { type?: string } | null)?.type === REFRESH_MESSAGE) event.waitUntil(cleaned.then(refresh));
});
