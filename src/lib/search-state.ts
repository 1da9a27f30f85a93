/**
 * The state of the search page and its address: `/recherche/?q=soupe&categorie=alimentation`.
 * Pure functions, shared by the page script and the tests. The facets are passed in: the
 * page reads them from its form, so that its script does not bundle the toolkit schema.
 */
import type { FilterQuery } from './pagefind-api.ts';
import type { SearchOutcome } from './search-engine.ts';

export interface FacetValue {
  /** Value in the `/recherche/` address, e.g. `alimentation`. */
  id: string;
  /** Value stored in the index and shown to readers, e.g. `Alimentation`. */
  label: string;
}

/** A search facet (`SEARCH_FACETS` in search-facets.ts): a Pagefind filter and its values. */
export interface FacetDefinition {
  /** Parameter in the `/recherche/` address, the same as the catalogue filters use. */
  param: string;
  /** Pagefind filter name: Starlight's search modal shows it as the title of the group. */
  name: string;
  /** Every possible value, in display order. */
  values: readonly FacetValue[];
}

export interface SearchState {
  /** What the reader typed, trimmed. */
  query: string;
  /** Facet parameter → value id, for the facets that are set. */
  filters: Record<string, string>;
}

/** Reads the state from an address, ignoring unknown parameters and values. */
export function readSearchState(params: URLSearchParams, facets: readonly FacetDefinition[]): SearchState {
  const filters: Record<string, string> = {};
  for (const facet of facets) {
    const id = params.get(facet.param);
    if (id !== null && facet.values.some((v) => v.id === id)) filters[facet.param] = id;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** The address parameters of a state: `q` first, then the facets in display order. */
export function searchParams(state: SearchState, facets: readonly FacetDefinition[]): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const facet of facets) {
    const id = state.filters[facet.param];
    if (id !== undefined) params.set(facet.param, id);
  }
  return params;
}

/**
 * The Pagefind filters of a state (facet name → value label). `except` leaves one facet out:
 * its counts are then the results each of its values would give.
 */
export function pagefindFilters(state: SearchState, facets: readonly FacetDefinition[], except?: string): FilterQuery {
  const query: FilterQuery = {};
  for (const facet of facets) {
    const id = state.filters[facet.param];
    const value = facet.values.find((v) => v.id === id);
    if (value && facet.param !== except) query[facet.name] = value.label;
  }
  return query;
}

/** "1 résultat", "12 résultats", with the query and the filters in words. */
export function describeResults(count: number, state: SearchState, facets: readonly FacetDefinition[]): string {
  const labels = facets.flatMap((f) => f.values.filter((v) => v.id === state.filters[f.param]).map((v) => v.label));
  const what = count === 0 ? 'Aucun résultat' : count === 1 ? '1 résultat' : `${count} résultats`;
  const query = state.query === '' ? '' : ` pour « ${state.query} »`;
  const filters = labels.length === 0 ? '' : ` (filtres : ${labels.join(', ')})`;
  return `${what}${query}${filters}`;
}

/**
 * The sentence that announces a search's results: `describeResults`, after « Aucun résultat
 * pour « … ». » when the query found nothing and the results are those of its suggestion.
 */
export function describeOutcome(
  outcome: Pick<SearchOutcome, 'query' | 'searched' | 'corrected'> & { count: number },
  state: SearchState,
  facets: readonly FacetDefinition[],
): string {
  const found = describeResults(outcome.count, { ...state, query: outcome.searched }, facets);
  return outcome.corrected ? `Aucun résultat pour « ${outcome.query} ». ${found}` : found;
}
