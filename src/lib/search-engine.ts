/**
 * The site's search: Pagefind's index queried the way `search-query.ts` plans it. One module
 * for the search modal, `/recherche/`, the search bench and the tests, so that a query gives
 * the same results everywhere. No DOM here.
 *
 * 1. The query is planned: function words out of a question, glossary acronyms matched whole.
 * 2. Pagefind searches; when a question finds nothing with all its words, the pages with the
 *    most of them come first.
 * 3. Among a toolkit and its variants, the original comes first when both match equally; an
 *    acronym of the glossary typed alone opens its entry first, when it is among the first
 *    results (a page that uses « CAE » often can outscore the definition).
 * 4. When a word of the query is close to, but not, a word of a known name, that name is
 *    searched too: it replaces a query that finds nothing, and said so; it is offered as
 *    « Vouliez-vous dire… ? » when the query finds few results, or far weaker ones.
 */
import { SEARCH_META } from '../config/search.ts';
import { fold, planQuery, queryWords, suggest, type QueryPlan, type SearchLexicon } from './search-query.ts';
import type { FilterCounts, FilterQuery, PagefindApi, PagefindResult, PagefindResultData } from './pagefind-api.ts';

/** Below this many results, a suggestion is offered. */
export const FEW_RESULTS = 3;

/**
 * A suggestion is offered too when its best result scores this many times the query's: the
 * query's results then come from a near miss (Pagefind matches « couveuze » with any word
 * that starts like it), not from what the reader meant.
 */
const STRONGER = 2;

/** The first results among which an original is moved before its variants. */
const VARIANT_WINDOW = 5;

/**
 * Two results "match equally" when their titles hold as much of the query and their scores
 * differ by less than this share of the higher one.
 */
const EQUAL_SCORE_SHARE = 0.25;

export interface SearchOutcome {
  /** The query as typed. */
  query: string;
  /** What the results answer: the query, or the suggestion searched in its place. */
  searched: string;
  results: PagefindResult[];
  /** For each filter value, how many results it would leave. */
  filters: FilterCounts;
  /** « Vouliez-vous dire… ? », with few or weak results. */
  suggestion?: string;
  /** True when the query found nothing and `searched` is the suggestion. */
  corrected: boolean;
}

export interface SearchEngine {
  search: (query: string, filters?: FilterQuery) => Promise<SearchOutcome>;
}

/** A result whose data is loaded once, however many times it is asked for. */
function memoized(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindResultData> | undefined;
  return { ...result, data: () => (data ??= result.data()) };
}

/** The share of the query's words that a title holds, plurals and accents aside. */
function titleCoverage(title: string, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const stem = (word: string) => fold(word).replace(/[sx]$/, '');
  const inTitle = new Set(queryWords(title).map(stem));
  return words.filter((w) => inTitle.has(stem(w))).length / words.length;
}

/**
 * @param base the site's base path (`/` or `/guide/`), which Pagefind puts before every
 *   result's address.
 */
export function createSearchEngine(api: PagefindApi, lexicon: SearchLexicon, base = '/'): SearchEngine {
  const root = base.endsWith('/') ? base.slice(0, -1) : base;
  const variants = new Map(Object.entries(lexicon.variants).map(([v, o]) => [`${root}${v}`, `${root}${o}`]));

  /** Pagefind's search, narrowed to the pages that hold each acronym as a whole word. */
  async function pagefindSearch(plan: QueryPlan, filters: FilterQuery) {
    const found = await api.search(plan.text, { filters });
    for (const acronym of plan.exact) {
      const whole = await api.search(`"${acronym}"`, { filters });
      const ids = new Set(whole.results.map((r) => r.id));
      found.results = found.results.filter((r) => ids.has(r.id));
      // The counts follow the pages found: those of the whole word when it is the query.
      if (plan.text.toLowerCase() === acronym.toLowerCase()) found.filters = whole.filters;
    }
    return found;
  }

  /**
   * With no page holding every word of a question, the pages holding the most of them, the
   * best scores first among equals. The filter counts are those of the first word that finds
   * pages: Pagefind counts one search at a time.
   */
  async function anyWords(plan: QueryPlan, filters: FilterQuery) {
    const words = plan.text.split(' ');
    const byId = new Map<string, { result: PagefindResult; words: number; score: number }>();
    let counts: FilterCounts = {};
    for (const word of words) {
      const found = await pagefindSearch({ ...plan, text: word }, filters);
      if (found.results.length > 0 && Object.keys(counts).length === 0) counts = found.filters;
      for (const result of found.results) {
        const seen = byId.get(result.id);
        if (seen) {
          seen.words++;
          seen.score += result.score;
        } else byId.set(result.id, { result, words: 1, score: result.score });
      }
    }
    const results = [...byId.values()]
      .sort((a, b) => b.words - a.words || b.score - a.score)
      .map(({ result, score }) => ({ ...result, score }));
    return { results, filters: counts };
  }

  /** Moves an original just before a variant ranked above it, among the first results, when both match equally. */
  async function originalsFirst(results: PagefindResult[], words: readonly string[]): Promise<PagefindResult[]> {
    const window = results.slice(0, VARIANT_WINDOW);
    const data = await Promise.all(window.map((r) => r.data()));
    const order = [...window];
    for (let i = 0; i < order.length; i++) {
      const variant = order[i];
      const variantData = variant && data[window.indexOf(variant)];
      const original = variantData && variants.get(variantData.url);
      if (!variant || !variantData || !original) continue;
      const j = order.findIndex((r, k) => k > i && data[window.indexOf(r)]?.url === original);
      const candidate = order[j];
      const originalData = candidate && data[window.indexOf(candidate)];
      if (!candidate || !originalData) continue;
      const sameTitles =
        titleCoverage(originalData.meta['title'] ?? '', words) >= titleCoverage(variantData.meta['title'] ?? '', words);
      const close = candidate.score >= variant.score * (1 - EQUAL_SCORE_SHARE);
      if (sameTitles && close) {
        order.splice(j, 1);
        order.splice(i, 0, candidate);
      }
    }
    return [...order, ...results.slice(VARIANT_WINDOW)];
  }

  /** The glossary entry of an acronym searched alone, moved first from among the first results. */
  async function entryFirst(results: PagefindResult[], plan: QueryPlan): Promise<PagefindResult[]> {
    const [acronym] = plan.exact;
    if (acronym === undefined || plan.exact.length > 1 || plan.text.trim() !== acronym) return results;
    const window = results.slice(0, VARIANT_WINDOW);
    const data = await Promise.all(window.map((r) => r.data()));
    const index = data.findIndex((d) => d.meta[SEARCH_META.term] === acronym);
    const entry = results[index];
    return index <= 0 || !entry ? results : [entry, ...results.filter((_, i) => i !== index)];
  }

  /** The pages a query finds, in Pagefind's order. */
  async function find(query: string, filters: FilterQuery) {
    const plan = planQuery(query, lexicon);
    let found: { results: PagefindResult[]; filters: FilterCounts } = await pagefindSearch(plan, filters);
    if (found.results.length === 0 && plan.text.includes(' ')) found = await anyWords(plan, filters);
    return { results: found.results.map(memoized), filters: found.filters, plan };
  }

  /** What a search shows: its pages, originals before their variants, an acronym's entry first. */
  async function shown({ results, filters, plan }: Awaited<ReturnType<typeof find>>) {
    const ordered = await originalsFirst(results, queryWords(plan.text));
    return { results: await entryFirst(ordered, plan), filters };
  }

  return {
    async search(query, filters = {}) {
      if (query.trim() === '') {
        // No words: every page the filters leave, in the index's order.
        const all = await api.search(null, { filters });
        return { query, searched: query, results: all.results.map(memoized), filters: all.filters, corrected: false };
      }
      const found = await find(query, filters);
      const suggestion = suggest(query, lexicon);
      if (suggestion === undefined) return { query, searched: query, ...(await shown(found)), corrected: false };
      const instead = await find(suggestion, filters);
      if (found.results.length === 0 && instead.results.length > 0) {
        return { query, searched: suggestion, ...(await shown(instead)), corrected: true };
      }
      const best = (results: PagefindResult[]) => results[0]?.score ?? 0;
      const weak = found.results.length < FEW_RESULTS || best(instead.results) > STRONGER * best(found.results);
      const offered = weak && instead.results.length > 0 ? { suggestion } : {};
      return { query, searched: query, ...(await shown(found)), ...offered, corrected: false };
    },
  };
}
