import { describe, expect, it } from 'vitest';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import { watchPage } from '../helpers/browser.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import { openSearchModal } from '../helpers/search-modal.ts';

const env = useBuiltSiteInBrowser();

describe('the home page in Chromium', () => {
  it('loads with no console error and no failed request', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}/`, { waitUntil: 'networkidle' });
    expect((await page.locator('h1').first().textContent())?.trim()).toBe('KPA-Cité');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('finds the "Qu’est-ce qu’un KPA ?" page when searching "KPA" in the search modal', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openSearchModal(page, `${env.site.url}/`);
    await modal.locator('input[name="q"]').fill('KPA');
    const results = modal.locator('[data-search-results] > li a');
    await results.first().waitFor({ timeout: 15_000 });
    const titles = await results.allTextContents();
    expect(titles.some((t) => t.includes('Qu’est-ce qu’un KPA') || t.includes("Qu'est-ce qu'un KPA"))).toBe(true);
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});

describe('the page watcher used by the browser tests', () => {
  it('catches a console error and a failed request, so a broken page fails the tests', async () => {
    const fixtures = await serveDirectory(new URL('../fixtures/browser/', import.meta.url).pathname);
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${fixtures.url}/console-error.html`, { waitUntil: 'networkidle' });
    await page.close();
    await fixtures.close();
    expect(watched.problems).toContain('console: erreur volontaire');
    expect(watched.problems.some((p) => p.startsWith('HTTP 404') && p.endsWith('/absente.png'))).toBe(true);
  });
});
