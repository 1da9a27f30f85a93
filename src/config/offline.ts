/**
 * Offline reading: the addresses of the web app manifest, the service worker and the list
 * of what « Rendre disponible hors ligne » downloads. The files are written at the end of
 * the build by `src/integrations/offline.ts`; the worker's code is `src/offline/`.
 */

/** The service worker, at the site's root so that it can serve every page of the guide. */
export const WORKER_PATH = '/sw.js';

/**
 * A worker without a fetch handler for `/admin/`. A worker's scope cannot leave out a
 * sub-path, and the longest matching scope wins: with this one registered for `/admin/`, the
 * editor's pages are never controlled by the caching worker, and none of their requests
 * (the editor's git tokens included) goes through a worker at all.
 */
export const ADMIN_WORKER_PATH = '/sw-admin.js';
export const ADMIN_PATH = '/admin/';

export const MANIFEST_PATH = '/manifest.webmanifest';

/** The pages, images and search files that « Rendre disponible hors ligne » fetches. */
export const OFFLINE_LIST_PATH = '/hors-ligne.json';

/** Icons of the web app, drawn from `src/assets/logo.svg`. */
export const ICON_SIZES = [192, 512] as const;
export const iconPath = (size: number): string => `/icons/kpa-cite-${String(size)}.png`;

/** The prefix of every cache the worker fills; each name ends with the build's version. */
export const CACHE_PREFIX = 'kpa-';

/** The list that `OFFLINE_LIST_PATH` serves. */
export interface OfflineList {
  /** The build's version, as in the caches' names. */
  version: string;
  /** Site addresses (with the sub-path) of the pages to keep. */
  pages: string[];
  /** Images and other files of the pages. */
  files: string[];
  /** Search result fragments (Pagefind), so that results show offline. */
  search: string[];
}
