/**
 * The search facets of toolkits: the Pagefind filters that toolkit pages carry, and that the
 * search modal and `/recherche/` offer. Every name and value comes from the toolkit schema
 * and the catalogue, so a new category or range shows up in search without another edit.
 */
import { CATEGORIES, DIFFICULTIES, DURATION_RANGES } from '../schemas/toolkit.ts';
import { GROUP_RANGES, type CatalogueEntry } from './catalogue.ts';

export interface FacetValue {
  /** Value in the `/recherche/` address, e.g. `alimentation`. */
  id: string;
  /** Value stored in the index and shown to readers, e.g. `Alimentation`. */
  label: string;
}

export interface SearchFacet {
  /** Parameter in the `/recherche/` address, the same as the catalogue filters use. */
  param: string;
  /** Pagefind filter name: Starlight's search modal shows it as the title of the group. */
  name: string;
  /** Every possible value, in display order. */
  values: readonly FacetValue[];
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
];

/**
 * Pagefind metadata keys of a toolkit page. The facts are named in French because Starlight's
 * search modal shows each of them under a result as "Catégorie: Alimentation"; the summary
 * and the tags are for `/recherche/` and for ranking, and the modal hides them.
 */
export const TOOLKIT_META = {
  summary: 'resume',
  tags: 'motscles',
  category: 'Catégorie',
  difficulty: 'Difficulté',
  duration: 'Durée',
  group: 'Groupe',
  budget: 'Budget',
} as const;

/** The facts of a toolkit, in the order results show them. */
export const TOOLKIT_FACT_KEYS = [
  TOOLKIT_META.category,
  TOOLKIT_META.difficulty,
  TOOLKIT_META.duration,
  TOOLKIT_META.group,
  TOOLKIT_META.budget,
] as const;

/** The Pagefind filters of one toolkit, as `[name, label]` pairs. */
export function toolkitFilters(entry: CatalogueEntry): [string, string][] {
  return SEARCH_FACETS.flatMap((facet) =>
    facet
      .of(entry)
      .flatMap((id) => facet.values.filter((v) => v.id === id))
      .map((v): [string, string] => [facet.name, v.label]),
  );
}
