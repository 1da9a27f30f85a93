import { describe, expect, it } from 'vitest';
import { SEARCH_META, SEARCH_RANKING, TOOLKIT_FACT_KEYS, titleField, titleWords } from '../../src/config/search.ts';
import { CATEGORIES, DIFFICULTIES } from '../../src/schemas/toolkit.ts';
import { BUDGET_RANGES } from '../../src/lib/catalogue.ts';
import { SEARCH_FACETS, toolkitFilters } from '../../src/lib/search-facets.ts';
import {
  describeOutcome,
  describeResults,
  pagefindFilters,
  readSearchState,
  searchParams,
} from '../../src/lib/search-state.ts';
import { contentCatalogue } from '../helpers/catalogue.ts';

describe('the title field that ranks exact titles first', () => {
  it('counts the significant words of a title, without articles and prepositions', () => {
    expect(titleWords('La rémunération libre')).toEqual(['rémunération', 'libre']);
    expect(titleWords('Semaine de rémunération libre')).toEqual(['semaine', 'rémunération', 'libre']);
    expect(titleWords('Qu’est-ce qu’un KPA ?')).toEqual(['kpa']);
  });

  it('puts short titles in heavier fields, and titles of five words or more in the last one', () => {
    expect(titleField('La rémunération libre')).toBe('titre2');
    expect(titleField('Semaine de rémunération libre')).toBe('titre3');
    expect(titleField('Atelier de confitures et de pain sur le marché n° 12')).toBe('titre5');
    expect(titleField('Le')).toBe('titre1');
    const weights = SEARCH_RANKING.metaWeights as Record<string, number | undefined>;
    const weight = (words: number) => weights[`titre${words}`] ?? Number.NaN;
    for (const words of [1, 2, 3, 4]) expect(weight(words)).toBeGreaterThan(weight(words + 1));
  });

  it('does not rank the facts, which the page text already holds, nor the title twice', () => {
    const weights = SEARCH_RANKING.metaWeights as Record<string, number>;
    for (const key of [...TOOLKIT_FACT_KEYS, 'title']) expect(weights[key], key).toBe(0);
  });

  it('weighs the description below every title, and aliases and glossary terms below short titles', () => {
    const weights = SEARCH_RANKING.metaWeights as Record<string, number>;
    const lightestTitle = Math.min(...[1, 2, 3, 4, 5].map((n) => weights[`titre${n}`] ?? 0));
    expect(weights[SEARCH_META.description]).toBeLessThan(lightestTitle);
    for (const key of [SEARCH_META.aliases, SEARCH_META.term]) {
      expect(weights[key], key).toBeGreaterThan(0);
      expect(weights[key], key).toBeLessThan(weights['titre3'] ?? 0);
    }
  });
});

describe('the toolkit filters', () => {
  it('gives a toolkit its category, difficulty, duration range, every group range it overlaps and its budget', () => {
    const disco = contentCatalogue().toolkits.find((t) => t.slug === 'disco-soupe');
    expect(disco).toBeDefined();
    if (!disco) return;
    // Disco Soupe: food, level 2, 4 h of activity, 5 to 25 people, up to 60 € of materials.
    expect(toolkitFilters(disco)).toEqual([
      ['Catégorie', 'Alimentation'],
      ['Difficulté', '2 – Facile'],
      ['Durée', 'Une demi-journée'],
      ['Taille du groupe', 'Jusqu’à 5 personnes'],
      ['Taille du groupe', 'De 6 à 12 personnes'],
      ['Taille du groupe', 'Plus de 12 personnes'],
      ['Budget', 'De 50 à 200 €'],
    ]);
  });

  it('offers the budget next to the other facets, each with its values in the schema’s order', () => {
    expect(SEARCH_FACETS.map((f) => f.param)).toEqual(['categorie', 'difficulte', 'duree', 'groupe', 'budget']);
    const values = (param: string) => SEARCH_FACETS.find((f) => f.param === param)?.values.map((v) => v.id);
    expect(values('categorie')).toEqual(CATEGORIES.map((c) => c.id));
    expect(values('difficulte')).toEqual(DIFFICULTIES.map((d) => String(d.level)));
    expect(values('budget')).toEqual(BUDGET_RANGES.map((r) => r.id));
  });

  it('names each filter value once per facet, so that a label leads back to one id', () => {
    for (const facet of SEARCH_FACETS) {
      const labels = facet.values.map((v) => v.label);
      expect(new Set(labels).size, facet.name).toBe(labels.length);
    }
  });
});

describe('the state of the search page in its address', () => {
  it('reads the query and the known facets, trimming the query', () => {
    const state = readSearchState(
      new URLSearchParams('q=%20soupe%20&categorie=alimentation&difficulte=2'),
      SEARCH_FACETS,
    );
    expect(state).toEqual({ query: 'soupe', filters: { categorie: 'alimentation', difficulte: '2' } });
  });

  it('ignores unknown parameters and unknown facet values', () => {
    const state = readSearchState(
      new URLSearchParams('categorie=cuisine&duree=&tri=date&groupe=petit-groupe'),
      SEARCH_FACETS,
    );
    expect(state).toEqual({ query: '', filters: { groupe: 'petit-groupe' } });
  });

  it('writes the query first, then the facets in display order, and nothing for empty fields', () => {
    const params = searchParams(
      { query: 'soupe', filters: { duree: 'demi-journee', categorie: 'alimentation' } },
      SEARCH_FACETS,
    );
    expect(params.toString()).toBe('q=soupe&categorie=alimentation&duree=demi-journee');
    expect(searchParams({ query: '', filters: {} }, SEARCH_FACETS).toString()).toBe('');
  });

  it('turns the facets into Pagefind filters by label, leaving one facet out on request', () => {
    const state = { query: '', filters: { categorie: 'alimentation', difficulte: '2' } };
    expect(pagefindFilters(state, SEARCH_FACETS)).toEqual({ Catégorie: 'Alimentation', Difficulté: '2 – Facile' });
    expect(pagefindFilters(state, SEARCH_FACETS, 'categorie')).toEqual({ Difficulté: '2 – Facile' });
  });

  it('says when the results are those of the suggestion, the query having found nothing', () => {
    const state = { query: 'renumeration', filters: {} };
    const outcome = { query: 'renumeration', searched: 'rémunération', corrected: true, count: 3 };
    expect(describeOutcome(outcome, state, SEARCH_FACETS)).toBe(
      'Aucun résultat pour « renumeration ». 3 résultats pour « rémunération »',
    );
    const nothing = { ...outcome, searched: 'renumeration', corrected: false, count: 0 };
    expect(describeOutcome(nothing, state, SEARCH_FACETS)).toBe('Aucun résultat pour « renumeration »');
  });

  it('describes the results in a sentence for screen readers', () => {
    const state = { query: 'soupe', filters: { categorie: 'alimentation' } };
    expect(describeResults(0, state, SEARCH_FACETS)).toBe('Aucun résultat pour « soupe » (filtres : Alimentation)');
    expect(describeResults(1, { query: 'soupe', filters: {} }, SEARCH_FACETS)).toBe('1 résultat pour « soupe »');
    expect(describeResults(12, { query: '', filters: { duree: 'journee-ou-plus' } }, SEARCH_FACETS)).toBe(
      '12 résultats (filtres : Une journée ou plus)',
    );
  });
});
