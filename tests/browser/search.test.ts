/**
 * Search in Chromium, as readers use it: the modal of every page and `/recherche/`, which share
 * one form and one script (`SearchForm.astro`, `src/lib/search-ui.ts`). A handful of the
 * evaluation set's queries run through both; the whole set runs in Node
 * (tests/site/search.test.ts, `npm run bench -- search-quality`).
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import type { Locator, Page } from 'playwright-core';
import { SEARCH_PATH, TOOLKIT_FACT_KEYS } from '../../src/config/search.ts';
import { SEARCH_FACETS } from '../../src/lib/search-facets.ts';
import { searchParams } from '../../src/lib/search-state.ts';
import { contentCatalogue } from '../helpers/catalogue.ts';
import { watchPage } from '../helpers/browser.ts';
import { openSearchModal } from '../helpers/search-modal.ts';

const env = useBuiltSiteInBrowser();

const disco = contentCatalogue().toolkits.find((t) => t.slug === 'disco-soupe');
if (!disco) throw new Error('boîte à outils « disco-soupe » absente');
const [categories] = SEARCH_FACETS;
if (!categories) throw new Error('aucune facette de recherche');
const alimentation = categories.values.find((v) => v.id === 'alimentation');
if (!alimentation) throw new Error('catégorie « alimentation » absente');

/** The search page's own form and results (the modal's are on the page too, in the header). */
const onPage = (page: Page) => page.locator('[data-search="page"]');

/** Waits until a search form has announced its results. */
async function waitForStatus(form: Locator, pattern: RegExp) {
  await form.locator('[data-search-status]').filter({ hasText: pattern }).waitFor({ timeout: 15_000 });
}

/** The addresses of the results a form shows, in order. */
async function resultUrls(form: Locator): Promise<string[]> {
  const links = await form
    .locator('[data-search-results] > li a')
    .evaluateAll((as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash),
    );
  return links;
}

/** Queries of the evaluation set, with the first result a reader should get. */
const QUERIES: [query: string, first: string][] = [
  ['CAE', '/ressources/glossaire/#cae'],
  ['cantine', '/boites-a-outils/repas-collectif-du-midi/'],
  ['repair café', '/boites-a-outils/cafe-reparation/'],
  ['soupe', '/boites-a-outils/disco-soupe/'],
  ['comment créer un kpa', '/creer/creer-un-kpa/'],
];

describe('the search modal', () => {
  it('ranks with the site’s settings: « rémunération » finds the guide page first', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openSearchModal(page, `${env.site.url}/`);
    await modal.locator('input[name="q"]').fill('rémunération');
    await waitForStatus(modal, /résultats? pour « rémunération »/);
    expect((await resultUrls(modal))[0]).toBe('/fonctionnement/remuneration-libre/');
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it.each(QUERIES)('puts first, for « %s », %s, as on the search page', async (query, expected) => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openSearchModal(page, `${env.site.url}/`);
    await modal.locator('input[name="q"]').fill(query);
    await waitForStatus(modal, /résultats? pour/);
    expect((await resultUrls(modal))[0]).toBe(expected);

    await page.goto(`${env.site.url}${SEARCH_PATH}?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    await waitForStatus(onPage(page), /résultats? pour/);
    expect((await resultUrls(onPage(page)))[0]).toBe(expected);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('offers the toolkit facets in the schema’s order, budget included, narrows the results and shows only the facts', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openSearchModal(page, `${env.site.url}/`);
    await modal.locator('input[name="q"]').fill('soupe');
    await waitForStatus(modal, /résultats pour « soupe »$/);
    const facetNames = await modal
      .locator('select[data-facet]')
      .evaluateAll((selects) => selects.map((s) => s.getAttribute('data-facet')));
    expect(facetNames).toEqual(SEARCH_FACETS.map((f) => f.name));
    for (const facet of SEARCH_FACETS) {
      const values = await modal
        .locator(`select[name="${facet.param}"] option[data-label]`)
        .evaluateAll((options) => options.map((o) => o.getAttribute('data-label')));
      expect(values, facet.name).toEqual(facet.values.map((v) => v.label));
    }

    await modal.locator('summary').click();
    await modal.locator('select[name="categorie"]').selectOption(alimentation.id);
    await waitForStatus(modal, new RegExp(`pour « soupe » \\(filtres : ${alimentation.label}\\)$`));
    const facts = await modal.locator('.search-result-facts').allTextContents();
    expect(facts.length).toBeGreaterThan(0);
    for (const list of facts) expect(list).toContain(alimentation.label);
    const shown = await modal.locator('.search-result-facts li').allTextContents();
    expect(shown.length).toBe(facts.length * TOOLKIT_FACT_KEYS.length);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  // axe-core checks the open modal in tests/browser/accessibility.test.ts.
  it('opens with Ctrl K, searches as one types, and closes with Escape', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.site.url}/`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => customElements.get('site-search') !== undefined);
    await page.keyboard.press('Control+k');
    const dialog = page.locator('site-search dialog');
    await dialog.locator('input[name="q"]').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.keyboard.type('jardin');
    await waitForStatus(dialog, /résultats pour « jardin »$/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });
});

describe('the search page', () => {
  it('restores a shared search from its address and keeps the address in step with the filters and their reset', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const params = searchParams({ query: 'soupe', filters: { categorie: alimentation.id } }, SEARCH_FACETS);
    await page.goto(`${env.site.url}${SEARCH_PATH}?${params.toString()}`, { waitUntil: 'networkidle' });
    await waitForStatus(onPage(page), /résultat/);
    expect(await page.locator('#search-q').inputValue()).toBe('soupe');
    expect(await onPage(page).locator('select[name="categorie"]').inputValue()).toBe(alimentation.id);

    const results = onPage(page).locator('[data-search-results] > li');
    const count = await results.count();
    expect(count).toBeGreaterThan(0);
    expect(await onPage(page).locator('[data-search-status]').textContent()).toBe(
      `${count} résultat${count > 1 ? 's' : ''} pour « soupe » (filtres : ${alimentation.label})`,
    );
    // The chosen value counts the results it gives.
    expect(
      await onPage(page).locator(`select[name="categorie"] option[value="${alimentation.id}"]`).textContent(),
    ).toBe(`${alimentation.label} (${count})`);
    expect(await results.first().locator('h2 a').getAttribute('href')).toBe(disco.url);
    for (const facts of await results.locator('.search-result-facts').allTextContents()) {
      expect(facts).toContain(alimentation.label);
    }
    expect(await results.first().locator('p').allTextContents()).toContain(disco.summary);

    await onPage(page).locator('select[name="difficulte"]').selectOption('2');
    await page.waitForURL(/difficulte=2/);
    expect(new URL(page.url()).search).toBe(`?q=soupe&categorie=${alimentation.id}&difficulte=2`);
    await waitForStatus(onPage(page), /filtres : Alimentation, 2 – Facile/);
    for (const facts of await results.locator('.search-result-facts').allTextContents()) {
      expect(facts).toContain('(2/5)');
    }

    await onPage(page).getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.waitForURL((url) => url.search === '?q=soupe');
    await waitForStatus(onPage(page), /^\d+ résultats? pour « soupe »$/);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('works with the keyboard alone: the box, a filter, then a result opened with Enter', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}${SEARCH_PATH}`, { waitUntil: 'networkidle' });
    const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    /** Presses Tab until `selector` has the focus, within a bounded number of presses. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 80 && !(await focusedIs(selector)); i++) await page.keyboard.press('Tab');
      expect(await focusedIs(selector), selector).toBe(true);
    };

    await tabTo('#search-q');
    await page.keyboard.type('soupe');
    await waitForStatus(onPage(page), /résultats? pour « soupe »$/);
    await tabTo('select[name="categorie"]');
    // On a closed list, the arrow keys pick the next value: the first category.
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(new RegExp(`categorie=${categories.values[0]?.id ?? ''}`));
    await waitForStatus(onPage(page), /filtres :/);

    await tabTo('[data-search-results] a');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href).toMatch(/\/$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${env.site.url}${href ?? ''}`);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('announces the number of results in a polite live region', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.site.url}${SEARCH_PATH}?q=jardin`, { waitUntil: 'networkidle' });
    const status = onPage(page).locator('[data-search-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await waitForStatus(onPage(page), /^\d+ résultats? pour « jardin »$/);
    await page.locator('#search-q').fill('zzzzzz');
    await waitForStatus(onPage(page), /^Aucun résultat pour « zzzzzz »$/);
    expect(await onPage(page).locator('[data-search-results] > li').count()).toBe(0);
    await page.close();
  });

  it('searches the closest name for a query that finds nothing, and says so', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}${SEARCH_PATH}?q=kamban`, { waitUntil: 'networkidle' });
    await waitForStatus(onPage(page), /^Aucun résultat pour « kamban »\. \d+ résultats? pour « Kanban »$/);
    expect((await resultUrls(onPage(page)))[0]).toBe('/boites-a-outils/kanban-mural/');
    // The address keeps what the reader typed.
    expect(new URL(page.url()).search).toBe('?q=kamban');
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('offers « Vouliez-vous dire… ? » for a query with few results, and searches the suggestion on request', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}${SEARCH_PATH}?q=buffet%20traitteur`, { waitUntil: 'networkidle' });
    const form = onPage(page);
    await waitForStatus(form, /pour « buffet traitteur »$/);
    const offer = form.locator('[data-search-suggestion]');
    expect((await offer.textContent())?.replace(/\s+/g, ' ')).toBe('Vouliez-vous dire Buffet traiteur ?');
    await offer.getByRole('button', { name: 'Buffet traiteur' }).click();
    await waitForStatus(form, /résultats? pour « Buffet traiteur »$/);
    expect(await page.locator('#search-q').inputValue()).toBe('Buffet traiteur');
    expect((await resultUrls(form))[0]).toBe('/boites-a-outils/buffet-traiteur/');
    expect(await offer.isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Buffet traiteur');
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('shows ten results at a time, and moves the focus to the first added one', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}${SEARCH_PATH}?q=kpa`, { waitUntil: 'networkidle' });
    await waitForStatus(onPage(page), /^\d+ résultats pour « kpa »$/);
    const total = Number(/^(\d+)/.exec((await onPage(page).locator('[data-search-status]').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    const results = onPage(page).locator('[data-search-results] > li');
    expect(await results.count()).toBe(10);
    await onPage(page).getByRole('button', { name: 'Afficher plus de résultats' }).click();
    await results.nth(10).waitFor();
    expect(await results.count()).toBe(Math.min(total, 20));
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches(':nth-child(11)'))).toBe(true);
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});
