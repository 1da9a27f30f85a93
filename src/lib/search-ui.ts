/**
 * The browser code of `/recherche/` (src/pages/recherche/index.astro): runs Pagefind's own
 * index with the form's query and facets, shows the results with their summary and facts,
 * announces their number, keeps the address in step, and updates the count of each facet value.
 */
import { SEARCH_RANKING, TOOLKIT_FACT_KEYS, TOOLKIT_META } from '../config/search.ts';
import {
  describeResults,
  pagefindFilters,
  readSearchState,
  searchParams,
  type FacetDefinition,
  type SearchState,
} from './search-state.ts';
import type { FilterCounts, PagefindApi, PagefindResult, PagefindResultData, PagefindSearch } from './pagefind-api.ts';

/**
 * Results shown at once; "Afficher plus de résultats" adds as many. Each result fetches its
 * page's fragment (2 to 3 KB gzipped): ten keep a first search under the weight budget.
 */
const PAGE_SIZE = 10;
/** Typing waits this long for the next key before searching. */
const TYPING_DELAY_MS = 250;

let pagefind: Promise<PagefindApi> | undefined;

/** Loads Pagefind from the bundle Starlight wrote, with the site's ranking. */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
    const url = `${base}pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // Searching this index takes milliseconds: the main thread does it, which saves loading
    // Pagefind's worker script (12 KB gzipped).
    // `baseUrl`: result addresses under the site's sub-path (Pagefind indexes from dist/'s root).
    await api.options({ ranking: SEARCH_RANKING, excerptLength: 25, noWorker: true, baseUrl: base });
    await api.init();
    // Loading the filters once makes every search return its counts per filter value.
    await api.filters();
    return api;
  })();
  return pagefind;
}

/** Pagefind escapes the page text and adds only `<mark>`: keep the text and the marks. */
function excerptNodes(html: string): Node[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result: a toolkit shows its summary and facts, a guide page the matching excerpt. */
function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const summary = data.meta[TOOLKIT_META.summary];
  const heading = element('h2', '');
  const link = element('a', '', data.meta['title'] ?? data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading, element('p', 'search-result-kind', summary === undefined ? 'Guide' : 'Boîte à outils'));
  const image = data.meta['image'];
  if (image !== undefined) {
    const img = element('img', 'search-result-image');
    img.src = image;
    img.alt = data.meta['image_alt'] ?? '';
    img.loading = 'lazy';
    item.append(img);
  }
  const text = element('p', '');
  if (summary === undefined) text.append(...excerptNodes(data.excerpt));
  else text.textContent = summary;
  item.append(text);
  const facts = TOOLKIT_FACT_KEYS.flatMap((key) => data.meta[key] ?? []);
  if (facts.length > 0) {
    const list = element('ul', 'search-result-facts');
    list.setAttribute('aria-label', 'En bref');
    list.append(...facts.map((fact) => element('li', '', fact)));
    item.append(list);
  }
  return item;
}

/**
 * The count of each value of a facet. For a facet that is not set, Pagefind's own counts;
 * for a facet that is set, what each of its values would give instead of the chosen one.
 */
async function facetCounts(
  api: PagefindApi,
  state: SearchState,
  result: PagefindSearch | undefined,
  facets: readonly FacetDefinition[],
  { param, name }: FacetDefinition,
): Promise<Record<string, number> | undefined> {
  if (result && state.filters[param] === undefined) return result.filters[name];
  const others = pagefindFilters(state, facets, param);
  const term = state.query === '' ? null : state.query;
  const counts: FilterCounts =
    term === null && Object.keys(others).length === 0
      ? await api.filters()
      : (await api.search(term, { filters: others })).filters;
  return counts[name];
}

/** Starts the search page found in `document`. Does nothing on other pages. */
export function mountSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !status || !list || !more || !input) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')];
  // The form lists the facets (`SEARCH_FACETS`, rendered by the page): one select each.
  const facets: FacetDefinition[] = selects.map((select) => ({
    param: select.name,
    name: select.dataset['facet'] ?? select.name,
    values: [...select.options].flatMap((o) =>
      o.dataset['label'] === undefined ? [] : [{ id: o.value, label: o.dataset['label'] }],
    ),
  }));
  let remaining: PagefindResult[] = [];
  /** Each search gets a number: an older search never overwrites a newer one. */
  let latest = 0;

  const currentState = (): SearchState => {
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value !== '') filters[s.name] = s.value;
    return { query: input.value.trim(), filters };
  };

  /** Shows the next results; returns the first one added. */
  const showMore = async (search: number): Promise<HTMLLIElement | undefined> => {
    const next = remaining.slice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (search !== latest) return undefined;
    remaining = remaining.slice(next.length);
    const items = data.map(renderResult);
    list.append(...items);
    more.hidden = remaining.length === 0;
    return items[0];
  };

  const run = async (typing: boolean) => {
    const state = currentState();
    const search = ++latest;
    const params = searchParams(state, facets).toString();
    history.replaceState(history.state, '', params === '' ? location.pathname : `${location.pathname}?${params}`);
    const api = await loadPagefind();
    const filters = pagefindFilters(state, facets);
    let result: PagefindSearch | undefined;
    if (state.query !== '' || Object.keys(filters).length > 0) {
      const term = state.query === '' ? null : state.query;
      const found = typing
        ? await api.debouncedSearch(term, { filters }, TYPING_DELAY_MS)
        : await api.search(term, { filters });
      if (found === null || search !== latest) return;
      result = found;
    }
    const counts = await Promise.all(
      facets.map((f) => facetCounts(api, state, result, facets, f).then((c) => [f.param, c] as const)),
    );
    if (search !== latest) return;
    for (const [param, valueCounts] of counts) {
      const select = selects.find((s) => s.name === param);
      for (const option of select?.options ?? []) {
        const label = option.dataset['label'];
        if (label !== undefined) option.textContent = `${label} (${valueCounts?.[label] ?? 0})`;
      }
    }
    list.replaceChildren();
    remaining = result?.results ?? [];
    more.hidden = true;
    status.textContent = result
      ? describeResults(result.results.length, state, facets)
      : 'Tapez un mot ou choisissez un filtre pour chercher.';
    await showMore(search);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false);
  });
  input.addEventListener('input', () => void run(true));
  for (const s of selects) s.addEventListener('change', () => void run(false));
  form.addEventListener('reset', () => {
    // "Effacer les filtres" keeps the query: put it back once the reset has cleared the form.
    const query = input.value;
    setTimeout(() => {
      input.value = query;
      void run(false);
    });
  });
  more.addEventListener('click', () => {
    // The button may disappear with the last results: the focus moves to the first new one.
    void showMore(latest).then((first) => first?.querySelector('a')?.focus());
  });

  const initial = readSearchState(new URLSearchParams(location.search), facets);
  input.value = initial.query;
  for (const s of selects) s.value = initial.filters[s.name] ?? '';
  void run(false);
}
