/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`) that the search engine
 * (`search-engine.ts`, for the modal and `/recherche/`) and the search tests use. The
 * `pagefind` package types its Node indexing API only.
 * Reference: https://pagefind.app/docs/api-reference/
 */

/** Filter name → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Pagefind filters in a search: name → value (all must match). */
export type FilterQuery = Record<string, string>;

export interface PagefindResultData {
  url: string;
  /** HTML: the text is escaped, matched words are wrapped in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  word_count: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** Results for the query without the filters. */
  unfilteredResultCount: number;
  /** For each filter value, how many results there would be with it added to the current filters. */
  filters: FilterCounts;
  /** For each filter value, how many results there would be with it instead of the current filters. */
  totalFilters: FilterCounts;
}

export interface PagefindOptions {
  ranking?: object;
  excerptLength?: number;
  baseUrl?: string;
  /** Search on the main thread instead of in a web worker. */
  noWorker?: boolean;
}

export interface PagefindApi {
  options: (options: PagefindOptions) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: FilterQuery }) => Promise<PagefindSearch>;
  debouncedSearch: (
    term: string | null,
    options?: { filters?: FilterQuery },
    debounceTimeoutMs?: number,
  ) => Promise<PagefindSearch | null>;
  filters: () => Promise<FilterCounts>;
}
