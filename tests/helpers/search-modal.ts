/** The header's search modal (`src/components/overrides/Search.astro`), opened in a browser page. */
import type { Locator, Page } from 'playwright-core';

/** Opens `url`, then the search modal with its button; returns the modal's search form. */
export async function openSearchModal(page: Page, url: string): Promise<Locator> {
  await page.goto(url, { waitUntil: 'networkidle' });
  // The button only opens the modal once the <site-search> element is defined.
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  await page.locator('site-search button[data-open-modal]').click();
  const modal = page.locator('site-search [data-search="modal"]');
  await modal.locator('input[name="q"]').waitFor({ state: 'visible' });
  return modal;
}
