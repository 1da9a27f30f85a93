import { describe, expect, it } from 'vitest';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import type { Page } from 'playwright-core';
import { HIDDEN_META, SEARCH_PATH, TOOLKIT_FACT_KEYS } from '../../src/config/search.ts';
import { SEARCH_FACETS } from '../../src/lib/search-facets.ts';
import { searchParams } from '../../src/lib/search-state.ts';
import { contentCatalogue } from '../helpers/catalogue.ts';
import { axeViolations, watchPage } from '../helpers/browser.ts';

const env = useBuiltSiteInBrowser();

const disco = contentCatalogue().toolkits.find((t) => t.slug === 'disco-soupe');
if (!disco) throw new Error('boîte à outils « disco-soupe » absente');
const [categories] = SEARCH_FACETS;
if (!categories) throw new Error('aucune facette de recherche');
const alimentation = categories.values.find((v) => v.id === 'alimentation');
if (!alimentation) throw new Error('catégorie « alimentation » absente');

async function openModal(page: Page) {
  await page.goto(`${env.site.url}/`, { waitUntil: 'networkidle' });
  // The button only opens the modal once Starlight's <site-search> element is defined.
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  await page.locator('site-search button[data-open-modal]').click();
  return page.locator('#starlight__search');
}

/** Waits until the search page has announced its results. */
async function waitForStatus(page: Page, pattern: RegExp) {
  await page.locator('[data-search-status]').filter({ hasText: pattern }).waitFor({ timeout: 15_000 });
}

describe('Starlight’s search modal', () => {
  it('ranks with the site’s settings: « rémunération » finds the guide page first', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openModal(page);
    await modal.locator('input.pagefind-ui__search-input').fill('rémunération');
    const first = modal.locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 15_000 });
    expect(new URL((await first.getAttribute('href')) ?? '', env.site.url).pathname).toBe(
      '/fonctionnement/remuneration-libre/',
    );
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('offers the toolkit filters in French, narrows the results, and shows only the facts', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openModal(page);
    await modal.locator('input.pagefind-ui__search-input').fill('soupe');
    await modal.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const names = await modal.locator('.pagefind-ui__filter-name').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(SEARCH_FACETS.map((f) => f.name).sort());

    await modal.locator('.pagefind-ui__filter-name', { hasText: categories.name }).click();
    const label = modal.locator('.pagefind-ui__filter-label', { hasText: alimentation.label });
    const count = Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await label.click();
    await modal
      .locator('.pagefind-ui__message')
      .filter({ hasText: new RegExp(`^${count} résultats? pour soupe$`) })
      .waitFor({ timeout: 15_000 });

    const shownMeta = await modal
      .locator('.pagefind-ui__result-tag')
      .evaluateAll((tags) =>
        tags
          .filter((t) => (t as HTMLElement).offsetParent !== null)
          .map((t) => t.getAttribute('data-pagefind-ui-meta')),
      );
    expect(shownMeta.length).toBeGreaterThan(0);
    for (const key of shownMeta) expect(TOOLKIT_FACT_KEYS as readonly (string | null)[]).toContain(key);
    for (const key of HIDDEN_META) expect(shownMeta).not.toContain(key);
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});

describe('the search page', () => {
  it('restores a shared search from its address and keeps the address in step with the filters and their reset', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const params = searchParams({ query: 'soupe', filters: { categorie: alimentation.id } }, SEARCH_FACETS);
    await page.goto(`${env.site.url}${SEARCH_PATH}?${params.toString()}`, { waitUntil: 'networkidle' });
    await waitForStatus(page, /résultat/);
    expect(await page.locator('#search-q').inputValue()).toBe('soupe');
    expect(await page.locator('select[name="categorie"]').inputValue()).toBe(alimentation.id);

    const results = page.locator('[data-search-results] > li');
    const count = await results.count();
    expect(count).toBeGreaterThan(0);
    expect(await page.locator('[data-search-status]').textContent()).toBe(
      `${count} résultat${count > 1 ? 's' : ''} pour « soupe » (filtres : ${alimentation.label})`,
    );
    // The chosen value counts the results it gives.
    expect(await page.locator(`select[name="categorie"] option[value="${alimentation.id}"]`).textContent()).toBe(
      `${alimentation.label} (${count})`,
    );
    expect(await results.first().locator('h2 a').getAttribute('href')).toBe(disco.url);
    for (const facts of await results.locator('.search-result-facts').allTextContents()) {
      expect(facts).toContain(alimentation.label);
    }
    expect(await results.first().locator('p').allTextContents()).toContain(disco.summary);

    await page.locator('select[name="difficulte"]').selectOption('2');
    await page.waitForURL(/difficulte=2/);
    expect(new URL(page.url()).search).toBe(`?q=soupe&categorie=${alimentation.id}&difficulte=2`);
    await waitForStatus(page, /filtres : Alimentation, 2 – Facile/);
    for (const facts of await results.locator('.search-result-facts').allTextContents()) {
      expect(facts).toContain('(2/5)');
    }

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.waitForURL((url) => url.search === '?q=soupe');
    await waitForStatus(page, /^\d+ résultats? pour « soupe »$/);
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
    await waitForStatus(page, /résultats? pour « soupe »$/);
    await tabTo('select[name="categorie"]');
    // On a closed list, the arrow keys pick the next value: the first category.
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(new RegExp(`categorie=${categories.values[0]?.id ?? ''}`));
    await waitForStatus(page, /filtres :/);

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
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await waitForStatus(page, /^\d+ résultats? pour « jardin »$/);
    await page.locator('#search-q').fill('zzzzzz');
    await waitForStatus(page, /^Aucun résultat pour « zzzzzz »$/);
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
    await page.close();
  });

  it('shows ten results at a time, and moves the focus to the first added one', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}${SEARCH_PATH}?q=kpa`, { waitUntil: 'networkidle' });
    await waitForStatus(page, /^\d+ résultats pour « kpa »$/);
    const total = Number(/^(\d+)/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    const results = page.locator('[data-search-results] > li');
    expect(await results.count()).toBe(10);
    await page.getByRole('button', { name: 'Afficher plus de résultats' }).click();
    await results.nth(10).waitFor();
    expect(await results.count()).toBe(Math.min(total, 20));
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches(':nth-child(11)'))).toBe(true);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.2 A/AA violation found by axe-core, with results shown', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.site.url}${SEARCH_PATH}?q=jardin`, { waitUntil: 'networkidle' });
    await waitForStatus(page, /résultat/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
