/**
 * Search settings shared by the index (`src/integrations/search-index.ts` and the pages'
 * metadata), the search modal and `/recherche/` (`src/lib/search-ui.ts`), the search bench
 * and the tests, so that all of them rank results the same way. The browser script imports
 * this module: it must not import the schemas (and zod).
 */

/**
 * Pagefind metadata keys of a toolkit page: its facts, which results show under its summary
 * (the page's description), and its tags, for ranking only.
 */
export const TOOLKIT_META = {
  tags: 'motscles',
  category: 'Catégorie',
  difficulty: 'Difficulté',
  duration: 'Durée',
  group: 'Groupe',
  budget: 'Budget',
} as const;

/**
 * Pagefind metadata keys that every kind of result may carry, for ranking: the page's
 * description (`<meta name="description">`, a toolkit's summary), the other words readers use
 * for it (`aliases` in its frontmatter), and a glossary entry's term.
 */
export const SEARCH_META = {
  description: 'description',
  aliases: 'alias',
  term: 'terme',
} as const;

/** The facts of a toolkit, in the order results show them. */
export const TOOLKIT_FACT_KEYS = [
  TOOLKIT_META.category,
  TOOLKIT_META.difficulty,
  TOOLKIT_META.duration,
  TOOLKIT_META.group,
  TOOLKIT_META.budget,
] as const;

/** Address of the search page. */
export const SEARCH_PATH = '/recherche/';

/** Address of the search lexicon (`src/pages/recherche/lexique.json.ts`), from the site's root. */
export const LEXICON_PATH = `${SEARCH_PATH}lexique.json`;

/** Words that do not count in a title's length: articles, prepositions, "qu’est-ce que". */
const TITLE_STOP_WORDS = new Set(
  'à au aux ce d de des du en est et l la le les n ou par pour qu que qui sur un une'.split(' '),
);

/** Titles of five significant words or more share the last field. */
const TITLE_FIELDS = 5;

/** The significant words of a title: "La rémunération libre" has two. */
export function titleWords(title: string): string[] {
  return title
    .toLocaleLowerCase('fr')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !TITLE_STOP_WORDS.has(word));
}

/**
 * The metadata field that holds a page's title for ranking: `titre1` to `titre5`, after its
 * number of significant words. Pagefind boosts a page whose title contains every word of the
 * query, but cannot tell "La rémunération libre" (an exact match for "rémunération libre")
 * from "Semaine de rémunération libre". Giving short titles a heavier field does: a query
 * that matches a short title matches more of it.
 */
export function titleField(title: string): string {
  return `titre${Math.min(Math.max(titleWords(title).length, 1), TITLE_FIELDS)}`;
}

const TITLE_FIELD_NAMES = Array.from({ length: TITLE_FIELDS }, (_, i) => `titre${i + 1}`);

/**
 * `titreN` weighs 30 / N². Pagefind squares the share of the query a field matches, to
 * discount partial matches; squaring the title's length does the same on the title's side.
 */
const titleWeights = Object.fromEntries(
  TITLE_FIELD_NAMES.map((name, i) => [name, Math.round((30 / (i + 1) ** 2) * 100) / 100]),
);

/**
 * Pagefind's ranking options (https://pagefind.app/docs/ranking/), for the search modal and
 * `/recherche/`. `tests/site/search.test.ts` and `npm run bench -- search-quality` check them
 * against the queries readers type.
 */
export const SEARCH_RANKING = {
  /** Starlight's defaults for the four text-ranking settings. */
  pageLength: 0.1,
  termFrequency: 0.1,
  termSaturation: 2,
  termSimilarity: 9,
  /**
   * No bonus for typing the accents: "remuneration", "REMUNERATION" and "rémunération" give
   * the same results in the same order (Pagefind matches words without their accents).
   */
  diacriticSimilarity: 0,
  /** Boosts for a query found in a page's metadata (the `data-pagefind-meta` attributes). */
  metaWeights: {
    /** The title is ranked through its `titreN` field (see `titleField`), not twice. */
    title: 0,
    ...titleWeights,
    /** A toolkit's `tags`: found by search, with a light boost so they never outrank a title. */
    [TOOLKIT_META.tags]: 0.5,
    /**
     * The description says in one sentence what the page offers: light, so that a word of
     * the description never outranks the same word in a title.
     */
    [SEARCH_META.description]: 1,
    /**
     * Other words readers use for a page (« cantine »): found, with a modest boost, below the
     * titles of one to three significant words.
     */
    [SEARCH_META.aliases]: 2,
    /**
     * A glossary entry's term: lifts the entry above the pages that only mention it, and
     * stays below the titles of one to three significant words, so that a page named after
     * the term comes first (« stigmergie » opens « La gouvernance stigmergique », then the
     * glossary entry).
     */
    [SEARCH_META.term]: 3,
    /** A toolkit's facts repeat what the page says: shown in results, not ranked twice. */
    ...Object.fromEntries(TOOLKIT_FACT_KEYS.map((key) => [key, 0])),
  },
};

/** Pagefind's options in the search modal, on `/recherche/` and in the search tests. */
export const PAGEFIND_OPTIONS = {
  ranking: SEARCH_RANKING,
  /** Words of page text shown around the match in a result. */
  excerptLength: 25,
};
