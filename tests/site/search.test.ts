/**
 * Search over the index the build wrote into `dist/pagefind/` and its lexicon: the very files
 * readers download, run in Node through the site's search engine (`src/lib/search-engine.ts`,
 * what the modal and `/recherche/` run) with the ranking the site configures. Pagefind's Node
 * API only builds indexes, and a second index built for the test could differ from the real
 * one. Expected pages and counts come from `content/` and the catalogue, not from the index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LEXICON_PATH, SEARCH_META, TOOLKIT_META } from '../../src/config/search.ts';
import { toolkitPath, type CatalogueEntry } from '../../src/lib/catalogue.ts';
import { SEARCH_FACETS, toolkitFilters } from '../../src/lib/search-facets.ts';
import { GLOSSARY_PATH, glossaryEntrySchema } from '../../src/schemas/glossary.ts';
import { queryWords, fold, type SearchLexicon } from '../../src/lib/search-query.ts';
import type { FilterQuery, PagefindApi, PagefindResultData } from '../../src/lib/pagefind-api.ts';
import type { SearchEngine } from '../../src/lib/search-engine.ts';
import { evaluate, loadEvaluationSet, measure } from '../../scripts/lib/search-quality.ts';
import { contentCatalogue } from '../helpers/catalogue.ts';
import { loadSearch, type LoadedSearch } from '../helpers/pagefind.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const catalogue = contentCatalogue();
const toolkit = (slug: string): CatalogueEntry => {
  const entry = catalogue.toolkits.find((t) => t.slug === slug);
  if (!entry) throw new Error(`boîte à outils absente du catalogue : ${slug}`);
  return entry;
};
const glossary = glossaryEntrySchema.array().parse(parse(readFileSync(join(ROOT, 'content/glossaire.yaml'), 'utf8')));

/** Every guide page of `content/docs/` by its address, the 404 page aside. */
function guidePaths(): string[] {
  const dir = join(ROOT, 'content/docs');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file) && !file.split('/').some((part) => part.startsWith('_')))
    .map((file) =>
      relative('.', file)
        .replace(/\.mdx?$/, '')
        .replace(/(^|\/)index$/, ''),
    )
    .filter((slug) => slug !== '404')
    .map((slug) => (slug === '' ? '/' : `/${slug}/`));
}

/** The aliases of every guide page and toolkit, by address, from their frontmatter. */
function aliasesByPage(): [string, string[]][] {
  const dir = join(ROOT, 'content/docs');
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file): [string, string] => {
      const slug = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
      return [slug === '' ? '/' : `/${slug}/`, readFileSync(join(dir, file), 'utf8')];
    });
  const toolkits = catalogue.toolkits.map((t): [string, string] => [
    t.url,
    readFileSync(join(ROOT, 'content/toolkits', `${t.slug}.mdx`), 'utf8'),
  ]);
  return [...pages, ...toolkits].flatMap(([url, text]) => {
    const header = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { aliases?: string[] };
    return header.aliases ? [[url, header.aliases]] : [];
  });
}

let search: LoadedSearch;
let api: PagefindApi;
let engine: SearchEngine;

beforeAll(async () => {
  search = await loadSearch(DIST);
  api = search.api;
  engine = search.engine;
});

afterAll(() => {
  search.restore();
});

/** The addresses the site's search lists for a query, best first. */
async function urls(term: string, filters: FilterQuery = {}): Promise<string[]> {
  const found = await engine.search(term, filters);
  return Promise.all(found.results.map(async (r) => (await r.data()).url));
}

/**
 * Each result as `url score`: equal lists mean the same pages, ranked by the same scores. Four
 * decimals: Pagefind adds up a word's scores in an order that depends on its accents, which
 * can change the sixth.
 */
async function ranking(term: string): Promise<string[]> {
  const found = await engine.search(term);
  return Promise.all(found.results.map(async (r) => `${(await r.data()).url} ${r.score.toFixed(4)}`));
}

async function first(term: string): Promise<string | undefined> {
  return (await urls(term))[0];
}

/** Every record of the index: pages, toolkits and glossary entries. */
async function allRecords(): Promise<PagefindResultData[]> {
  // A search with no term and no filter lists the whole index.
  const found = await api.search(null, { filters: {} });
  return Promise.all(found.results.map((r) => r.data()));
}

/** The indexed text of a page, as Pagefind stored it. */
async function indexedText(url: string): Promise<string> {
  const record = (await allRecords()).find((r) => r.url === url) as
    (PagefindResultData & { content: string }) | undefined;
  if (!record) throw new Error(`page absente de l’index : ${url}`);
  return record.content;
}

/** "Épicerie" → "EPICERIE": what someone types without accents, caps lock on. */
const shouted = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleUpperCase('fr');

describe('the search index of the built site', () => {
  it('is a French index only', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages)).toEqual(['fr']);
  });

  it('holds every guide page, every toolkit and every glossary entry, and no listing, search, admin or 404 page', async () => {
    const indexed = (await allRecords()).map((p) => p.url).sort();
    const expected = [
      ...guidePaths(),
      ...catalogue.toolkits.map((t) => t.url),
      ...glossary.map((e) => `${GLOSSARY_PATH}#${e.id}`),
    ].sort();
    expect(indexed).toEqual(expected);
    for (const excluded of ['/boites-a-outils/', '/boites-a-outils/categorie/alimentation/', '/recherche/', '/404/']) {
      expect(indexed).not.toContain(excluded);
    }
    expect(indexed.filter((url) => url.startsWith('/admin/'))).toEqual([]);
  });

  it('puts every page first when searching its title, as written or without accents in capitals', async () => {
    const misses: string[] = [];
    for (const page of (await allRecords()).filter((r) => !r.url.includes('#'))) {
      const title = page.meta['title'] ?? '';
      for (const query of [title, shouted(title)]) {
        const found = await first(query);
        if (found !== page.url) misses.push(`« ${query} » → ${String(found)} au lieu de ${page.url}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('keeps apart the words that only markup separates: a link card’s title and description, a glossary term and its definition', async () => {
    const cards = await indexedText('/fonctionnement/communs-et-missions-economiques/');
    expect(cards).toContain('Achat groupé Se regrouper');
    expect(cards).not.toContain('groupéSe');
    const home = await indexedText('/');
    expect(home).not.toMatch(/KPA(Les|Le|Créer|Ce|Boîtes)/);
  });

  it('indexes the description of a guide page, which its text does not hold', async () => {
    const [faq] = (await allRecords()).filter((r) => r.url === '/creer/questions-frequentes/');
    expect(faq?.meta[SEARCH_META.description]).toMatch(/^Les réponses aux questions/);
  });
});

describe('the glossary in search', () => {
  it('lists each entry on its own, with its term and definition, and the page without the definitions', async () => {
    const records = await allRecords();
    for (const entry of glossary) {
      const record = records.find((r) => r.url === `${GLOSSARY_PATH}#${entry.id}`) as
        (PagefindResultData & { content: string }) | undefined;
      expect(record?.meta['title'], entry.id).toBe(entry.term);
      expect(record?.meta[SEARCH_META.term], entry.id).toBe(entry.term);
      expect(record?.content.length, entry.id).toBeGreaterThan(20);
    }
    const page = await indexedText(GLOSSARY_PATH);
    expect(page).not.toContain('Coopérative d’activités et d’emploi. C’est une coopérative');
  });

  it('finds an entry by its term, after the pages whose title holds the term', async () => {
    const misses: string[] = [];
    for (const entry of glossary) {
      const records = await Promise.all((await engine.search(entry.term)).results.map((r) => r.data()));
      const rank = records.findIndex((r) => r.url === `${GLOSSARY_PATH}#${entry.id}`);
      // A title holds the term when it holds each of its words, give or take an ending.
      const stems = (text: string) =>
        queryWords(fold(text))
          .flatMap((w) => w.split('-'))
          .map((w) => w.slice(0, 6));
      const holds = (title: string) => stems(entry.term).every((stem) => stems(title).includes(stem));
      const before = records.slice(0, rank === -1 ? records.length : rank).filter((r) => !holds(r.meta['title'] ?? ''));
      if (rank === -1 || before.length > 0)
        misses.push(`« ${entry.term} » → rang ${rank + 1}, après ${before.map((r) => r.url).join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('matches an acronym typed in capitals as a whole word: « CAE » is not the start of « café »', async () => {
    expect(await first('CAE')).toBe(`${GLOSSARY_PATH}#cae`);
    const found = await urls('CAE');
    expect(found).not.toContain(toolkitPath('cafe-reparation'));
    expect(await first('CAPE')).toBe(`${GLOSSARY_PATH}#cape`);
  });
});

describe('the aliases of pages and toolkits', () => {
  it('find their page among the first three results, each of them', async () => {
    const misses: string[] = [];
    for (const [url, aliases] of aliasesByPage()) {
      for (const alias of aliases) {
        const found = (await urls(alias)).slice(0, 3);
        if (!found.includes(url)) misses.push(`« ${alias} » → ${found.join(', ')} au lieu de ${url}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('are in the lexicon that « Vouliez-vous dire… ? » draws on, with every title and glossary term', () => {
    const lexicon = JSON.parse(readFileSync(join(DIST, LEXICON_PATH), 'utf8')) as SearchLexicon;
    expect(lexicon).toEqual(search.lexicon);
    for (const [, aliases] of aliasesByPage()) for (const alias of aliases) expect(lexicon.names).toContain(alias);
    for (const t of catalogue.toolkits) expect(lexicon.names).toContain(t.title);
    for (const e of glossary) expect(lexicon.names).toContain(e.term);
    expect(lexicon.acronyms).toContain('CAE');
    expect(lexicon.variants[toolkitPath('soupe-pour-un-evenement')]).toBe(toolkitPath('disco-soupe'));
  });
});

describe('the evaluation set (tests/fixtures/search-queries.yaml)', () => {
  it('reaches its targets: the first result answers 90 % of the queries, the first three 97 %', async () => {
    const outcomes = await evaluate(loadEvaluationSet(), async (query) => (await urls(query)).slice(0, 10));
    const { successAt1, successAt3 } = measure(outcomes);
    const misses = outcomes.filter((o) => o.rank !== 1).map((o) => `« ${o.query.query} » → ${o.top.join(', ')}`);
    expect(successAt1, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(successAt3, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
  });
});

describe('searching in French', () => {
  const remuneration = '/fonctionnement/remuneration-libre/';
  it.each([
    ['disco soupe', toolkitPath('disco-soupe')],
    ['jardin partagé', toolkitPath('jardin-partage')],
    ['jardins partagés', toolkitPath('jardin-partage')],
    ['rémunération libre', remuneration],
    ['rémunération', remuneration],
    ['remuneration', remuneration],
    ['REMUNERATION', remuneration],
    ['épicerie', toolkitPath('epicerie-participative')],
    ['epicerie', toolkitPath('epicerie-participative')],
    ['épiceries', toolkitPath('epicerie-participative')],
    ['palette', toolkitPath('bancs-en-palettes')],
    ['palettes', toolkitPath('bancs-en-palettes')],
    ['potager', toolkitPath('jardin-partage')],
    ['stigmergie', '/fonctionnement/gouvernance-stigmergique/'],
    ['tiers-lieu', '/fonctionnement/tiers-lieu/'],
    ['tiers lieu', '/fonctionnement/tiers-lieu/'],
    ['apprendre en faisant', '/fonctionnement/apprendre-en-faisant/'],
    ['point gouvernance', toolkitPath('point-gouvernance')],
  ])('« %s » comes first to %s', async (query, expected) => {
    expect(await first(query)).toBe(expected);
  });

  it.each([
    ['comment créer un kpa', '/creer/creer-un-kpa/'],
    ['cantine', toolkitPath('repas-collectif-du-midi')],
    ['repair café', toolkitPath('cafe-reparation')],
    ['tracts', toolkitPath('distribution-de-flyers')],
    ['commande groupée', toolkitPath('achat-groupe')],
    ['renumeration', '/fonctionnement/remuneration-libre/'],
    ['soupe', toolkitPath('disco-soupe')],
    ['boulogne sur mer', '/decouvrir/genese/'],
    ['assurance', '/creer/questions-frequentes/'],
  ])('« %s », a query of the issue on search quality, comes first to %s', async (query, expected) => {
    expect(await first(query)).toBe(expected);
  });

  it('answers a question whose small words and verb forms the answering pages lack', async () => {
    const found = (await urls('comment on prend les décisions')).slice(0, 3);
    expect(found).toContain('/fonctionnement/gouvernance-stigmergique/');
    expect(found).toContain(toolkitPath('point-gouvernance'));
  });

  it('puts Disco Soupe before its variant for « soupe », and the variant first for « soupe événement »', async () => {
    const soup = await urls('soupe');
    expect(soup.indexOf(toolkitPath('disco-soupe'))).toBeLessThan(soup.indexOf(toolkitPath('soupe-pour-un-evenement')));
    expect(await first('soupe événement')).toBe(toolkitPath('soupe-pour-un-evenement'));
  });

  it('searches the closest name when a query finds nothing, and offers it when the query finds little', async () => {
    const corrected = await engine.search('kamban');
    expect(corrected).toMatchObject({ query: 'kamban', searched: 'Kanban', corrected: true });
    expect((await corrected.results[0]?.data())?.url).toBe(toolkitPath('kanban-mural'));
    const offered = await engine.search('buffet traitteur');
    expect(offered).toMatchObject({ searched: 'buffet traitteur', suggestion: 'Buffet traiteur', corrected: false });
    expect((await engine.search('buffet traiteur')).suggestion).toBeUndefined();
    // Pagefind finds « couveuze » in words that only start like it: the glossary term does better.
    const weak = await engine.search('couveuze');
    expect(weak.results.length).toBeGreaterThanOrEqual(3);
    expect(weak).toMatchObject({ suggestion: 'Couveuse', corrected: false });
  });

  it('ranks the same pages with the same scores whatever the accents and the case', async () => {
    for (const variants of [
      ['rémunération', 'remuneration', 'REMUNERATION', 'RÉMUNÉRATION'],
      ['épicerie', 'epicerie', 'EPICERIE'],
      ['jardin partagé', 'jardin partage', 'Jardin Partagé'],
    ]) {
      const [reference = '', ...others] = variants;
      const expected = await ranking(reference);
      expect(expected.length, reference).toBeGreaterThan(0);
      for (const other of others) expect(await ranking(other), other).toEqual(expected);
    }
  });

  it('finds the singular and the plural alike', async () => {
    expect(await urls('soupes')).toEqual(await urls('soupe'));
    expect(await urls('jardins')).toEqual(await urls('jardin'));
  });
});

describe('toolkit filters and metadata', () => {
  it('counts the toolkits of each category, difficulty, duration, group size and budget as the catalogue does', async () => {
    const expected = Object.fromEntries(
      SEARCH_FACETS.map((facet) => [
        facet.name,
        Object.fromEntries(
          facet.values
            .map((v) => [v.label, catalogue.toolkits.filter((t) => facet.of(t).includes(v.id)).length] as const)
            .filter(([, count]) => count > 0),
        ),
      ]),
    );
    expect(await api.filters()).toEqual(expected);
  });

  it('gives each toolkit the filters of its catalogue entry', async () => {
    for (const page of await allRecords()) {
      const entry = catalogue.toolkits.find((t) => t.url === page.url);
      const expected: Record<string, string[]> = {};
      for (const [name, value] of entry ? toolkitFilters(entry) : []) (expected[name] ??= []).push(value);
      expect(page.filters, page.url).toEqual(expected);
    }
  });

  it('combines filters, with or without words', async () => {
    const disco = toolkit('disco-soupe');
    /** Disco Soupe's value for a filter, e.g. `Catégorie` → `Alimentation`. */
    const its = (name: string): string => {
      const value = toolkitFilters(disco).find(([n]) => n === name)?.[1];
      if (value === undefined) throw new Error(`filtre ${name} absent de Disco Soupe`);
      return value;
    };
    const both = { Catégorie: its('Catégorie'), Durée: its('Durée') };
    const matching = catalogue.toolkits.filter(
      (t) => t.category.id === disco.category.id && t.duration.range === disco.duration.range,
    );
    expect((await urls('', both)).sort()).toEqual(matching.map((t) => t.url).sort());

    const found = await urls('soupe', { ...both, Difficulté: its('Difficulté') });
    expect(found[0]).toBe(disco.url);
    for (const url of found) {
      const entry = matching.find((t) => t.url === url);
      expect(entry?.difficulty.level, url).toBe(disco.difficulty.level);
    }
  });

  it('returns a toolkit’s summary and facts with it, for the results to show', async () => {
    const disco = toolkit('disco-soupe');
    const [result] = (await api.search('disco soupe')).results;
    const data = await result?.data();
    expect(data?.url).toBe(disco.url);
    expect(data?.meta[SEARCH_META.description]).toBe(disco.summary);
    expect(data?.meta[TOOLKIT_META.category]).toBe(disco.category.label);
    expect(data?.meta[TOOLKIT_META.difficulty]).toBe(`${disco.difficulty.label} (${disco.difficulty.level}/5)`);
    expect(data?.meta[TOOLKIT_META.group]).toBe(`${disco.groupSize.min} à ${disco.groupSize.max} personnes`);
  });

  it('leaves the footer and the text every toolkit repeats out of the indexed text', async () => {
    const [result] = (await api.search('disco soupe')).results;
    const content = ((await result?.data()) as (PagefindResultData & { content: string }) | undefined)?.content;
    expect(content).toContain('Disco Soupe');
    for (const boilerplate of [
      'Fiche rédigée par',
      'Ce que cette activité peut devenir',
      'Imprimer',
      'Modifier cette page',
      'Précédent',
      'Contenus sous licence',
    ]) {
      expect(content).not.toContain(boilerplate);
    }
  });
});
