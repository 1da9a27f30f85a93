/**
 * The browser code of search, for every form that `SearchForm.astro` renders: the one of
 * `/recherche/` and the one of the search modal (`overrides/Search.astro`). Both run the same
 * engine (`search-engine.ts`) over Pagefind's index, show the results with their summary or
 * excerpt and facts, announce their number, offer « Vouliez-vous dire… ? », and update the
 * count of each facet value; `/recherche/` also keeps its address in step with the search.
 */
import { LEXICON_PATH, PAGEFIND_OPTIONS, SEARCH_META, TOOLKIT_FACT_KEYS } from '../config/search.ts';
import { createSearchEngine, type SearchEngine, type SearchOutcome } from './search-engine.ts';
import {
  describeOutcome,
  pagefindFilters,
  readSearchState,
  searchParams,
  type FacetDefinition,
  type SearchState,
} from './search-state.ts';
import type { SearchLexicon } from './search-query.ts';
import type { PagefindApi, PagefindResult, PagefindResultData } from './pagefind-api.ts';

/** Typing waits this long for the next key before searching. */
const TYPING_DELAY_MS = 250;
/**
 * The box of a result's picture, in CSS pixels (4:3, `SearchForm.astro` sets the same): the
 * picture keeps its proportions inside it, and the results below do not move when it loads.
 */
const THUMBNAIL = { width: 192, height: 144 };

/** The site's base path, with its final slash: Pagefind and the lexicon live under it. */
function basePath(): string {
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

let engine: Promise<SearchEngine> | undefined;

/** Loads Pagefind from the bundle the build wrote, with the site's ranking, and the lexicon. */
function loadEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const base = basePath();
    const [api, lexicon] = await Promise.all([
      (async () => {
        const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
        // Searching this index takes milliseconds: the main thread does it, which saves loading
        // Pagefind's worker script (12 KB gzipped).
        // `baseUrl`: result addresses under the site's sub-path (Pagefind indexes from dist/'s root).
        await api.options({ ...PAGEFIND_OPTIONS, noWorker: true, baseUrl: base });
        await api.init();
        // Loading the filters once makes every search return its counts per filter value.
        await api.filters();
        return api;
      })(),
      fetch(`${base}${LEXICON_PATH.slice(1)}`).then(async (response) => {
        if (!response.ok) throw new Error(`lexique de recherche introuvable (${response.status})`);
        return (await response.json()) as SearchLexicon;
      }),
    ]);
    return createSearchEngine(api, lexicon, base);
  })();
  return engine;
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

/** What a result is: a toolkit has facts, a glossary entry a term. */
function kindOf(data: PagefindResultData): string {
  if (data.meta[SEARCH_META.term] !== undefined) return 'Glossaire';
  return TOOLKIT_FACT_KEYS.some((key) => data.meta[key] !== undefined) ? 'Boîte à outils' : 'Guide';
}

/** One result: a toolkit shows its summary and facts, a page or a glossary entry the matching excerpt. */
function renderResult(data: PagefindResultData, heading: 'h2' | 'h3'): HTMLLIElement {
  const item = element('li', 'search-result');
  const kind = kindOf(data);
  const title = element(heading, '');
  const link = element('a', '', data.meta['title'] ?? data.url);
  link.href = data.url;
  title.append(link);
  item.append(title, element('p', 'search-result-kind', kind));
  const image = data.meta['image'];
  if (image !== undefined) {
    const img = element('img', 'search-result-image');
    img.src = image;
    img.alt = data.meta['image_alt'] ?? '';
    img.width = THUMBNAIL.width;
    img.height = THUMBNAIL.height;
    img.loading = 'lazy';
    item.append(img);
  }
  const text = element('p', '');
  const summary = data.meta[SEARCH_META.description];
  if (kind === 'Boîte à outils' && summary !== undefined) text.textContent = summary;
  else text.append(...excerptNodes(data.excerpt));
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
 * The count of each value of a facet. For a facet that is not set, the search's own counts;
 * for a facet that is set, what each of its values would give instead of the chosen one.
 */
async function facetCounts(
  search: SearchEngine,
  state: SearchState,
  outcome: SearchOutcome | undefined,
  facets: readonly FacetDefinition[],
  { param, name }: FacetDefinition,
): Promise<Record<string, number> | undefined> {
  if (outcome && state.filters[param] === undefined) return outcome.filters[name];
  const others = pagefindFilters(state, facets, param);
  return (await search.search(state.query, others)).filters[name];
}

interface SearchFormOptions {
  /** `/recherche/`: the search lives in the address, and starts from it. */
  inAddress: boolean;
  /** Results shown at once; "Afficher plus de résultats" adds as many. */
  pageSize: number;
  /** Level of the results' titles under the form's own heading. */
  heading: 'h2' | 'h3';
}

/**
 * Starts one search form (`[data-search]`, rendered by `SearchForm.astro`): the page's shows
 * ten results at a time and lives in the address, the modal's shows five.
 */
export function mountSearchForm(root: HTMLElement): void {
  const page = root.dataset['search'] === 'page';
  const options: SearchFormOptions = { inAddress: page, pageSize: page ? 10 : 5, heading: page ? 'h2' : 'h3' };
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const suggestion = root.querySelector<HTMLElement>('[data-search-suggestion]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !status || !suggestion || !list || !more || !input) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')];
  // The form lists the facets (`SEARCH_FACETS`, rendered by the component): one select each.
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
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const currentState = (): SearchState => {
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value !== '') filters[s.name] = s.value;
    return { query: input.value.trim(), filters };
  };

  /** Shows the next results; returns the first one added. */
  const showMore = async (search: number): Promise<HTMLLIElement | undefined> => {
    const next = remaining.slice(0, options.pageSize);
    const data = await Promise.all(next.map((r) => r.data()));
    if (search !== latest) return undefined;
    remaining = remaining.slice(next.length);
    const items = data.map((d) => renderResult(d, options.heading));
    list.append(...items);
    more.hidden = remaining.length === 0;
    return items[0];
  };

  /** « Vouliez-vous dire « … » ? », as a button that searches the suggestion. */
  const offer = (text: string | undefined) => {
    suggestion.replaceChildren();
    suggestion.hidden = text === undefined;
    if (text === undefined) return;
    const button = element('button', 'search-suggestion-button', text);
    button.type = 'button';
    button.addEventListener('click', () => {
      input.value = text;
      input.focus();
      void run();
    });
    suggestion.append('Vouliez-vous dire ', button, ' ?');
  };

  const run = async () => {
    const state = currentState();
    const search = ++latest;
    if (options.inAddress) {
      const params = searchParams(state, facets).toString();
      history.replaceState(history.state, '', params === '' ? location.pathname : `${location.pathname}?${params}`);
    }
    const engine = await loadEngine();
    const filters = pagefindFilters(state, facets);
    let outcome: SearchOutcome | undefined;
    if (state.query !== '' || Object.keys(filters).length > 0) {
      outcome = await engine.search(state.query, filters);
      if (search !== latest) return;
    }
    const counts = await Promise.all(
      facets.map((f) => facetCounts(engine, state, outcome, facets, f).then((c) => [f.param, c] as const)),
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
    remaining = outcome?.results ?? [];
    more.hidden = true;
    offer(outcome?.suggestion);
    // The results are on the page before they are announced.
    await showMore(search);
    if (search !== latest) return;
    status.textContent = outcome
      ? describeOutcome({ ...outcome, count: outcome.results.length }, state, facets)
      : 'Tapez un mot ou choisissez un filtre pour chercher.';
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    void run();
  });
  // Pagefind and the lexicon load when the reader comes to the box, before the first key.
  input.addEventListener('focus', () => void loadEngine(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void run(), TYPING_DELAY_MS);
  });
  for (const s of selects) s.addEventListener('change', () => void run());
  form.addEventListener('reset', () => {
    // "Effacer les filtres" keeps the query: put it back once the reset has cleared the form.
    const query = input.value;
    setTimeout(() => {
      input.value = query;
      void run();
    });
  });
  more.addEventListener('click', () => {
    // The button may disappear with the last results: the focus moves to the first new one.
    void showMore(latest).then((first) => first?.querySelector('a')?.focus());
  });

  if (options.inAddress) {
    const initial = readSearchState(new URLSearchParams(location.search), facets);
    input.value = initial.query;
    for (const s of selects) s.value = initial.filters[s.name] ?? '';
    void run();
  }
}

/** Starts the search forms already on the page (the modal's is added when it first opens). */
export function mountSearchForms(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) mountSearchForm(root);
}
