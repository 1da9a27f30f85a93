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
 *   entry that tells the page it came from the cache (the notice in `OfflineSupport.astro`);
 * - search result fragments, images and the built files not precached: cache first (their
 *   names change with their content, or the cache goes with the build);
 * - nothing under `/admin/`, nor from another site.
 *
 * Each cache's name ends with the build's version; activating a new build deletes the
 * caches of every other one.
 */
/// <reference lib="webworker" />
import { clientsClaim, cacheNames } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CACHE_PREFIX } from '../config/offline.ts';
import { FROM_CACHE_TIMING } from './notice.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };
/** Set by the build (esbuild `define`). */
declare const __KPA_VERSION__: string;
declare const __KPA_BASE__: string;

const VERSION = __KPA_VERSION__;
const BASE = __KPA_BASE__;
const PAGES = `${CACHE_PREFIX}pages-${VERSION}`;
const FILES = `${CACHE_PREFIX}files-${VERSION}`;

void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** Addresses of this site that the worker may keep: never the editor's. */
function ours(url: URL): boolean {
  return (
    url.origin === self.location.origin && url.pathname.startsWith(BASE) && !url.pathname.startsWith(`${BASE}admin/`)
  );
}

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
    ours(url) && request.method === 'GET' && (url.pathname.endsWith('/') || url.pathname.endsWith('.html')),
  new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 6, plugins: [fromCache] }),
);

// Built files whose name changes with their content, Pagefind's other files, images. The
// lists (`hors-ligne.json`, the toolkit index and feed) and the PDFs stay on the network.
const FILE_FOLDERS = ['_astro/', 'pagefind/', 'media/', 'icons/'].map((folder) => `${BASE}${folder}`);
registerRoute(
  ({ url, request }) =>
    ours(url) && request.method === 'GET' && FILE_FOLDERS.some((folder) => url.pathname.startsWith(folder)),
  new CacheFirst({ cacheName: FILES }),
);

self.addEventListener('activate', (event) => {
  const current = new Set([PAGES, FILES, cacheNames.precache, cacheNames.runtime]);
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(CACHE_PREFIX) && !current.has(key)).map((key) => caches.delete(key)),
        ),
      ),
  );
});
