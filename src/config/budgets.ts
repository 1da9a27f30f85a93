/**
 * The weight budgets of the built site, each in one place. `tests/site/budgets.test.ts`
 * measures the production build against them (`scripts/lib/built-budgets.ts`) and prints
 * each measure; a budget that fails asks for a fix of its cause (load later, split, trim),
 * not a higher number.
 */

/** Gzipped HTML of one guide page, and of one toolkit page, in bytes. */
export const PAGE_HTML_GZIP_BYTES = 20 * 1024;

/**
 * Gzipped JavaScript a page loads before any interaction (its module scripts and their static
 * imports), in bytes, on every page but `/admin/` (the editor). The search's code loads when
 * the search opens, except on `/recherche/`, whose purpose it is.
 */
export const PAGE_SCRIPTS_GZIP_BYTES = 15 * 1024;

/** Font files the site serves, all together, in bytes (none today: the pages use system fonts). */
export const FONT_FILES_BYTES = 100 * 1024;
