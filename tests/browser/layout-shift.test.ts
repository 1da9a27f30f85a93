/**
 * The pages whose scripts change what is shown (the catalogue's filters, the search page's
 * results, a toolkit's print button) keep their layout while those scripts start: the space
 * is reserved, and the page without JavaScript is the page before its scripts. Measured on a
 * phone and on a small tablet, with the scripts arriving after the first paint
 * (tests/helpers/layout-shift.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import { layoutShiftOfLoad, MOBILE, TABLET } from '../helpers/layout-shift.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import { SEARCH_PATH } from '../../src/config/search.ts';
import { TOOLKITS_PATH, toolkitPath } from '../../src/lib/catalogue.ts';

const env = useBuiltSiteInBrowser();

/** Google's threshold for a good CLS is 0.1; a page whose only change is its scripts starting should be near 0. */
const MAX_SHIFT = 0.02;

/** The search page's results, and their pictures, are all there. */
async function searchDone(page: Page) {
  await page
    .locator('[data-search="page"] [data-search-status]')
    .filter({ hasText: /résultats? pour « soupe »/ })
    .waitFor({ timeout: 15_000 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>('.search-result-image')].every(
      (img) => img.complete || img.getBoundingClientRect().top > innerHeight,
    ),
  );
}

const PAGES: [name: string, path: string, ready?: (page: Page) => Promise<void>][] = [
  ['the catalogue', TOOLKITS_PATH],
  ['the search page with a search in its address', `${SEARCH_PATH}?q=soupe`, searchDone],
  ['a toolkit', toolkitPath('disco-soupe')],
];
const DEVICES = [
  ['a phone', MOBILE],
  ['a small tablet', TABLET],
] as const;

describe('layout shift while the scripts start', () => {
  it('the measure sees a form that its script shows above a list', async () => {
    const fixtures = await serveDirectory(new URL('../fixtures/browser/', import.meta.url).pathname);
    const context = await env.browser.browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
    const report = await layoutShiftOfLoad(context, `${fixtures.url}/layout-shift.html`);
    await context.close();
    await fixtures.close();
    expect(report.scriptsHeld).toBe(1);
    expect(report.afterInput).toBe(0);
    expect(report.total).toBeGreaterThan(MAX_SHIFT);
    expect(report.shifts.join('\n')).toMatch(/^\d\.\d{4} : p\. /m);
  });

  for (const [deviceName, device] of DEVICES) {
    it.each(PAGES)(`%s keeps its layout on ${deviceName}`, async (_name, path, ready) => {
      const context = await env.browser.browser.newContext({ ...device, locale: 'fr-FR', serviceWorkers: 'block' });
      const report = await layoutShiftOfLoad(context, `${env.site.url}${path}`, ready);
      await context.close();
      expect(report.scriptsHeld).toBeGreaterThan(0);
      expect(report.afterInput).toBe(0);
      expect(report.total, report.shifts.join('\n')).toBeLessThan(MAX_SHIFT);
    });
  }
});
