/**
 * How a page learns that the worker served it from the cache: the worker adds this
 * `Server-Timing` entry to the response, with the date the copy was saved as its
 * description, and the page reads it from its navigation timing.
 */
export const FROM_CACHE_TIMING = 'kpa-hors-ligne';

/** What a page sends the worker so that it fetches again, from a new build, what the reader kept. */
export const REFRESH_MESSAGE = 'kpa-refresh';

/** The date the page's copy was saved, if the page came from the worker's cache. */
export function servedFromCache(): { saved: Date | undefined } | undefined {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const entry = navigation?.serverTiming.find((timing) => timing.name === FROM_CACHE_TIMING);
  if (!entry) return undefined;
  const saved = new Date(entry.description);
  return { saved: Number.isNaN(saved.getTime()) ? undefined : saved };
}
