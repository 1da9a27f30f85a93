/**
 * The search engine over a small stand-in for Pagefind's browser API: a page matches when it
 * holds every word of the query (by prefix, or whole between quotes), and scores its weight
 * times the number of its words that match. Enough to check what the engine does around
 * Pagefind; tests/site/search.test.ts checks it over the real index.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/lib/search-engine.ts';
import { buildLexicon } from '../../src/lib/search-lexicon.ts';
import { fold } from '../../src/lib/search-query.ts';
import type { FilterQuery, PagefindApi, PagefindSearch } from '../../src/lib/pagefind-api.ts';

interface FakePage {
  url: string;
  title: string;
  text: string;
  weight: number;
  filters?: Record<string, string[]>;
  meta?: Record<string, string>;
}

function fakePagefind(pages: FakePage[]): PagefindApi & { searched: (string | null)[] } {
  const searched: (string | null)[] = [];
  const words = (text: string) =>
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const search = (term: string | null, options?: { filters?: FilterQuery }): Promise<PagefindSearch> => {
    searched.push(term);
    const exact = term !== null && /^".*"$/.test(term);
    const wanted = term === null ? [] : words(term);
    const filters = options?.filters ?? {};
    const matching = pages.filter((page) =>
      Object.entries(filters).every(([name, value]) => page.filters?.[name]?.includes(value) ?? false),
    );
    const results = matching.flatMap((page) => {
      const own = words(`${page.title} ${page.text}`);
      const hits = wanted.map((w) => own.filter((o) => (exact ? o === w : o.startsWith(w))).length);
      if (hits.some((h) => h === 0)) return [];
      const score = page.weight * hits.reduce((a, b) => a + b, 0);
      const meta = { title: page.title, ...page.meta };
      const data = { url: page.url, excerpt: page.text, meta, filters: {}, word_count: 0 };
      return [{ id: `p${pages.indexOf(page)}`, score: term === null ? 1 : score, data: () => Promise.resolve(data) }];
    });
    results.sort((a, b) => b.score - a.score);
    const counts: Record<string, Record<string, number>> = {};
    for (const page of matching) {
      if (!results.some((r) => r.id === `p${pages.indexOf(page)}`)) continue;
      for (const [name, values] of Object.entries(page.filters ?? {})) {
        const byValue = (counts[name] ??= {});
        for (const v of values) byValue[v] = (byValue[v] ?? 0) + 1;
      }
    }
    return Promise.resolve({ results, unfilteredResultCount: results.length, filters: counts, totalFilters: counts });
  };
  return {
    searched,
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    search,
    debouncedSearch: search,
    filters: () => search(null).then((s) => s.filters),
  };
}

const PAGES: FakePage[] = [
  { url: '/boites-a-outils/cafe-reparation/', title: 'Café réparation', text: 'un café à Caen', weight: 3 },
  { url: '/ressources/glossaire/#cae', title: 'CAE', text: 'coopérative CAE', weight: 1, meta: { terme: 'CAE' } },
  {
    url: '/boites-a-outils/soupe-pour-un-evenement/',
    title: 'Soupe pour un événement',
    text: 'soupe soupe événement',
    weight: 1.1,
    filters: { Catégorie: ['Événements'] },
  },
  {
    url: '/boites-a-outils/disco-soupe/',
    title: 'Disco Soupe',
    text: 'soupe soupe musique',
    weight: 1,
    filters: { Catégorie: ['Alimentation'] },
  },
  { url: '/fonctionnement/gouvernance/', title: 'La gouvernance', text: 'prend décisions ensemble', weight: 1 },
  { url: '/jardin/', title: 'Jardin partagé', text: 'jardin potager', weight: 1 },
];

const lexicon = buildLexicon({
  pages: [{ title: 'La gouvernance', aliases: [] }],
  toolkits: [
    { slug: 'disco-soupe', title: 'Disco Soupe', aliases: [] },
    { slug: 'soupe-pour-un-evenement', title: 'Soupe pour un événement', aliases: [], variantOf: 'disco-soupe' },
    { slug: 'cafe-reparation', title: 'Café réparation', aliases: [] },
    { slug: 'jardin-partage', title: 'Jardin partagé', aliases: [] },
  ],
  glossary: [{ term: 'CAE', forms: ['CAE'] }],
});

async function urls(query: string, filters: FilterQuery = {}, pages = PAGES): Promise<string[]> {
  const engine = createSearchEngine(fakePagefind(pages), lexicon);
  const found = await engine.search(query, filters);
  return Promise.all(found.results.map(async (r) => (await r.data()).url));
}

describe('the search engine', () => {
  it('keeps only the pages that hold a glossary acronym typed in capitals as a whole word', async () => {
    expect(await urls('CAE')).toEqual(['/ressources/glossaire/#cae']);
    // In lower case, « cae » is the start of « Caen » as well.
    expect(await urls('cae')).toEqual(['/boites-a-outils/cafe-reparation/', '/ressources/glossaire/#cae']);
  });

  it('opens the glossary entry first for its acronym alone, even below a page that uses it more', async () => {
    const treasury = { url: '/caisse/', title: 'Caisse', text: 'la CAE, la CAE et la CAE', weight: 1 };
    expect(await urls('CAE', {}, [...PAGES, treasury])).toEqual(['/ressources/glossaire/#cae', '/caisse/']);
    // With other words, the ranking stays the search's own.
    const found = await urls('CAE caisse', {}, [...PAGES, treasury]);
    expect(found).toEqual(['/caisse/']);
  });

  it('searches a question without its function words', async () => {
    const api = fakePagefind(PAGES);
    const found = await createSearchEngine(api, lexicon).search('comment on prend les décisions');
    expect(api.searched[0]).toBe('prend décisions');
    expect(found.results).toHaveLength(1);
  });

  it('lists first the pages with the most words of a question that no page holds entirely', async () => {
    expect(await urls('jardin potager soupe musique')).toEqual([
      '/boites-a-outils/disco-soupe/', // soupe, musique: two words
      '/jardin/', // jardin, potager: two words, a lower score
      '/boites-a-outils/soupe-pour-un-evenement/',
    ]);
  });

  it('puts an original before its variant when both titles hold the query and their scores are close', async () => {
    // The variant scores 10 % higher; both titles hold « soupe ».
    expect((await urls('soupe')).slice(0, 2)).toEqual([
      '/boites-a-outils/disco-soupe/',
      '/boites-a-outils/soupe-pour-un-evenement/',
    ]);
  });

  it('knows variants under the site’s sub-path, where Pagefind puts the results', async () => {
    const under = PAGES.map((p) => ({ ...p, url: `/guide${p.url}` }));
    const engine = createSearchEngine(fakePagefind(under), lexicon, '/guide/');
    const found = await Promise.all((await engine.search('soupe')).results.map(async (r) => (await r.data()).url));
    expect(found.slice(0, 2)).toEqual([
      '/guide/boites-a-outils/disco-soupe/',
      '/guide/boites-a-outils/soupe-pour-un-evenement/',
    ]);
  });

  it('leaves a variant first when its title holds more of the query, or its score is far ahead', async () => {
    expect((await urls('soupe événement'))[0]).toBe('/boites-a-outils/soupe-pour-un-evenement/');
    const ahead = PAGES.map((p) => (p.url.includes('evenement') ? { ...p, weight: 2 } : p));
    expect((await urls('soupe', {}, ahead))[0]).toBe('/boites-a-outils/soupe-pour-un-evenement/');
  });

  it('searches the closest name instead of a query that finds nothing, and says so', async () => {
    const engine = createSearchEngine(fakePagefind(PAGES), lexicon);
    const found = await engine.search('discosoupe');
    expect(found).toMatchObject({ query: 'discosoupe', searched: 'Disco Soupe', corrected: true });
    expect(await found.results[0]?.data()).toMatchObject({ url: '/boites-a-outils/disco-soupe/' });
  });

  it('offers the closest name with few results, and nothing with enough of them', async () => {
    const engine = createSearchEngine(fakePagefind(PAGES), lexicon);
    // No page holds « partagee »: the page with « jardin » alone is found, and the title offered.
    const few = await engine.search('jardin partagee');
    expect(few).toMatchObject({ searched: 'jardin partagee', suggestion: 'Jardin partagé', corrected: false });
    expect((await engine.search('soupe')).suggestion).toBeUndefined();
  });

  it('lists every page the filters leave when there is no query, with their counts', async () => {
    const engine = createSearchEngine(fakePagefind(PAGES), lexicon);
    const found = await engine.search('', { Catégorie: 'Alimentation' });
    expect(found.results).toHaveLength(1);
    expect(found.filters).toEqual({ Catégorie: { Alimentation: 1 } });
  });
});
