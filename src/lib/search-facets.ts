/**
 * The search facets of toolkits: the Pagefind filters that toolkit pages carry, and that the
 * search modal and `/recherche/` offer, in this order, each with its values in the schema's
 * order (difficulty 1 to 5, categories as listed). Every name and value comes from the toolkit
 * schema and the catalogue, so a new category or range shows up in search without another edit.
 */
import { CATEGORIES, DIFFICULTIES, DURATION_RANGES } from '../schemas/toolkit.ts';
import { BUDGET_RANGES, GROUP_RANGES, type CatalogueEntry } from './catalogue.ts';
import type { FacetDefinition } from './search-state.ts';

export interface SearchFacet extends FacetDefinition {
  /** The ids of the values that a toolkit has. */
  of: (entry: CatalogueEntry) => string[];
}

export const SEARCH_FACETS: readonly SearchFacet[] = [
  {
    param: 'categorie',
    name: 'Catégorie',
    values: CATEGORIES.map((c) => ({ id: c.id, label: c.label })),
    of: (entry) => [entry.category.id],
  },
  {
    param: 'difficulte',
    name: 'Difficulté',
    // The level leads so that the search modal, which sorts values, lists them in order.
    values: DIFFICULTIES.map((d) => ({ id: String(d.level), label: `${d.level} – ${d.label}` })),
    of: (entry) => [String(entry.difficulty.level)],
  },
  {
    param: 'duree',
    name: 'Durée',
    values: DURATION_RANGES.map((r) => ({ id: r.id, label: r.label })),
    of: (entry) => [entry.duration.range],
  },
  {
    param: 'groupe',
    name: 'Taille du groupe',
    values: GROUP_RANGES.map((r) => ({ id: r.id, label: r.label })),
    of: (entry) => entry.groupSize.ranges,
  },
  {
    param: 'budget',
    name: 'Budget',
    values: BUDGET_RANGES.map((r) => ({ id: r.id, label: r.label })),
    of: (entry) => [entry.budget.range],
  },
];

/** The Pagefind filters of one toolkit, as `[name, label]` pairs. */
export function toolkitFilters(entry: CatalogueEntry): [string, string][] {
  return SEARCH_FACETS.flatMap((facet) =>
    facet
      .of(entry)
      .flatMap((id) => facet.values.filter((v) => v.id === id))
      .map((v): [string, string] => [facet.name, v.label]),
  );
}
