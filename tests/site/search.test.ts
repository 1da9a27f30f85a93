/**
 * Search over the index Starlight built into `dist/pagefind/`: the very files readers
 * download, run in Node with the ranking the site configures (Pagefind's Node API only
 * builds indexes, and a second index built for the test could differ from the real one).
 * Expected pages and counts come from `content/` and the catalogue, not from the index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_RANKING, TOOLKIT_META } from '../../src/config/search.ts';
import { toolkitPath, type CatalogueEntry } from '../../src/lib/catalogue.ts';
import { SEARCH_FACETS, toolkitFilters } from '../../src/lib/search-facets.ts';
import type { FilterQuery, PagefindApi, PagefindResultData } from '../../src/lib/pagefind-api.ts';
import { contentCatalogue } from '../helpers/catalogue.ts';
import { loadPagefind, type LoadedPagefind } from '../helpers/pagefind.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const catalogue = contentCatalogue();
const toolkit = (slug: string): CatalogueEntry => {
  const entry = catalogue.toolkits.find((t) => t.slug === slug);
  if (!entry) throw new Error(`boîte à outils absente du catalogue : ${slug}`);
  return entry;
};

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

let pagefind: LoadedPagefind;
let api: PagefindApi;

beforeAll(async () => {
  pagefind = await loadPagefind(join(DIST, 'pagefind'), { ranking: SEARCH_RANKING });
  api = pagefind.api;
});

afterAll(() => {
  pagefind.restore();
});

async function urls(term: string | null, filters: FilterQuery = {}): Promise<string[]> {
  const search = await api.search(term, { filters });
  return Promise.all(search.results.map(async (r) => (await r.data()).url));
}

/** Each result as `url score`: equal lists mean the same pages, ranked by the same scores. */
async function ranking(term: string): Promise<string[]> {
  const search = await api.search(term);
  return Promise.all(search.results.map(async (r) => `${(await r.data()).url} ${r.score.toFixed(6)}`));
}

async function first(term: string): Promise<string | undefined> {
  const [top] = (await api.search(term)).results;
  return top ? (await top.data()).url : undefined;
}

async function allPages(): Promise<PagefindResultData[]> {
  // A search with no term and no filter lists the whole index.
  const search = await api.search(null, { filters: {} });
  return Promise.all(search.results.map((r) => r.data()));
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

  it('holds every guide page and every toolkit, and no listing, search, admin or 404 page', async () => {
    const indexed = (await allPages()).map((p) => p.url).sort();
    const expected = [...guidePaths(), ...catalogue.toolkits.map((t) => t.url)].sort();
    expect(indexed).toEqual(expected);
    for (const excluded of ['/boites-a-outils/', '/boites-a-outils/categorie/alimentation/', '/recherche/', '/404/']) {
      expect(indexed).not.toContain(excluded);
    }
    expect(indexed.filter((url) => url.startsWith('/admin/'))).toEqual([]);
  });

  it('puts every page first when searching its title, as written or without accents in capitals', async () => {
    const misses: string[] = [];
    for (const page of await allPages()) {
      const title = page.meta['title'] ?? '';
      for (const query of [title, shouted(title)]) {
        const found = await first(query);
        if (found !== page.url) misses.push(`« ${query} » → ${String(found)} au lieu de ${page.url}`);
      }
    }
    expect(misses).toEqual([]);
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
  it('counts the toolkits of each category, difficulty, duration and group size as the catalogue does', async () => {
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
    for (const page of await allPages()) {
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
    expect((await urls(null, both)).sort()).toEqual(matching.map((t) => t.url).sort());

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
    expect(data?.meta[TOOLKIT_META.summary]).toBe(disco.summary);
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
