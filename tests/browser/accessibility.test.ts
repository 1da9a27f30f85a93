/**
 * axe-core (WCAG 2.2 A and AA) on every page of the production build's sitemap, and on the
 * states a reader reaches with a script: the search page with results, the catalogue with a
 * filter, the search modal open, a toolkit as it prints. Each in the light and the dark theme,
 * chosen in the header's theme menu as a reader does (Starlight keeps the choice in
 * `localStorage` and applies it before the first paint of every later page).
 *
 * One page is reused for the whole walk: about 55 pages × 2 themes take a minute or two.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import { axeViolations, watchPage } from '../helpers/browser.ts';
import { openSearchModal } from '../helpers/search-modal.ts';
import { sitemapPaths } from '../../scripts/lib/built-site.ts';
import { DIST } from '../helpers/site.ts';
import { SEARCH_PATH } from '../../src/config/search.ts';
import { TOOLKITS_PATH, toolkitPath } from '../../src/lib/catalogue.ts';

const env = useBuiltSiteInBrowser();

const PAGES = sitemapPaths(DIST);
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
/** A toolkit with a diagram, a checklist, sources and related toolkits: the richest sheet. */
const TOOLKIT = toolkitPath('disco-soupe');
const WALK_TIMEOUT = 10 * 60_000;

/** Opens the home page and picks `theme` in the header's theme menu, as a reader does. */
async function pageInTheme(theme: Theme): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.site.url}/`, { waitUntil: 'load' });
  await page.locator('starlight-theme-select select:visible').selectOption(theme);
  expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
  return page;
}

/** Loads `path` and checks that the reader's theme came with it. */
async function open(page: Page, path: string, theme: Theme): Promise<void> {
  await page.goto(`${env.site.url}${path}`, { waitUntil: 'load' });
  expect(await page.locator('html').getAttribute('data-theme'), path).toBe(theme);
}

describe('axe-core on the production build', () => {
  it('walks every page of the sitemap, search, catalogue, toolkits and guide alike', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(40);
    for (const path of ['/', TOOLKITS_PATH, SEARCH_PATH, TOOLKIT, '/ressources/glossaire/']) {
      expect(PAGES).toContain(path);
    }
  });

  it.each(THEMES)(
    'finds no WCAG 2.2 A/AA violation on any page of the sitemap, in the %s theme',
    async (theme) => {
      const page = await pageInTheme(theme);
      const watched = watchPage(page);
      const found: string[] = [];
      for (const path of PAGES) {
        await open(page, path, theme);
        for (const violation of await axeViolations(page)) found.push(`${path} — ${violation}`);
      }
      expect(found).toEqual([]);
      expect(watched.problems).toEqual([]);
      await page.close();
    },
    WALK_TIMEOUT,
  );

  it.each(THEMES)(
    'finds none either with search results, a filtered catalogue, the search modal open or a toolkit printed, in the %s theme',
    async (theme) => {
      const page = await pageInTheme(theme);
      const watched = watchPage(page);
      const found: string[] = [];
      const check = async (state: string) => {
        for (const violation of await axeViolations(page)) found.push(`${state} — ${violation}`);
      };

      await open(page, `${SEARCH_PATH}?q=soupe`, theme);
      const searchPage = page.locator('[data-search="page"]');
      await searchPage
        .locator('[data-search-status]')
        .filter({ hasText: /résultats? pour « soupe »/ })
        .waitFor({ timeout: 15_000 });
      expect(await searchPage.locator('.search-result-image').count()).toBeGreaterThan(0);
      await check('recherche « soupe »');

      await open(page, TOOLKITS_PATH, theme);
      await page.getByLabel('Catégorie').selectOption('alimentation');
      await page.locator('[data-catalogue] .toolkit-card[hidden]').first().waitFor({ state: 'attached' });
      await check('catalogue filtré (alimentation)');

      const modal = await openSearchModal(page, `${env.site.url}/`);
      await modal.locator('input[name="q"]').fill('jardin');
      await modal
        .locator('[data-search-status]')
        .filter({ hasText: /résultats? pour « jardin »/ })
        .waitFor({ timeout: 15_000 });
      await modal.locator('summary').click();
      await check('fenêtre de recherche ouverte, filtres dépliés');

      await open(page, TOOLKIT, theme);
      await page.emulateMedia({ media: 'print' });
      await check(`${TOOLKIT} à l’impression`);
      await page.emulateMedia({ media: null });

      expect(found).toEqual([]);
      expect(watched.problems).toEqual([]);
      await page.close();
    },
    WALK_TIMEOUT,
  );
});
