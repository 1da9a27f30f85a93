import { describe, expect, it } from 'vitest';
import { useBuiltSiteInBrowser } from '../helpers/built-site-browser.ts';
import { watchPage } from '../helpers/browser.ts';

const env = useBuiltSiteInBrowser();

describe('the toolkit catalogue in Chromium', () => {
  it('a filter narrows the list without reloading, updates the count and the URL', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}/boites-a-outils/`, { waitUntil: 'networkidle' });
    const cards = page.locator('[data-catalogue] .toolkit-card');
    const visible = page.locator('[data-catalogue] .toolkit-card:not([hidden])');
    const total = await cards.count();
    expect(await visible.count()).toBe(total);

    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });
    await page.getByLabel('Catégorie').selectOption('alimentation');
    const alimentation = await page.locator('[data-catalogue] .toolkit-card[data-category="alimentation"]').count();
    expect(alimentation).toBeGreaterThan(0);
    expect(alimentation).toBeLessThan(total);
    expect(await visible.count()).toBe(alimentation);
    expect(new URL(page.url()).searchParams.get('categorie')).toBe('alimentation');
    await expect
      .poll(() => page.locator('[data-catalogue-count]').textContent())
      .toBe(`${alimentation} boîtes à outils`);
    // Same document: the filter did not reload the page.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

    const level =
      (await page
        .locator('[data-catalogue] .toolkit-card[data-category="alimentation"]')
        .first()
        .getAttribute('data-difficulty')) ?? '';
    await page.getByLabel('Difficulté').selectOption(level);
    expect(await visible.count()).toBe(
      await page
        .locator(`[data-catalogue] .toolkit-card[data-category="alimentation"][data-difficulty="${level}"]`)
        .count(),
    );
    expect(new URL(page.url()).search).toBe(`?categorie=alimentation&difficulte=${level}`);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('a shared filtered URL opens with the filter applied', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.site.url}/boites-a-outils/?categorie=organisation-du-collectif`, {
      waitUntil: 'networkidle',
    });
    const expected = await page
      .locator('[data-catalogue] .toolkit-card[data-category="organisation-du-collectif"]')
      .count();
    expect(await page.locator('[data-catalogue] .toolkit-card:not([hidden])').count()).toBe(expected);
    expect(await page.getByLabel('Catégorie').inputValue()).toBe('organisation-du-collectif');
    await page.close();
  });

  it('« Voir la sélection » takes the keyboard from the filters to the first toolkit kept', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}/boites-a-outils/`, { waitUntil: 'networkidle' });
    await page.getByLabel('Catégorie').selectOption('jardin-et-nature');
    await page.getByRole('button', { name: 'Voir la sélection' }).press('Enter');
    const first = page.locator('[data-catalogue] .toolkit-card:not([hidden]) a').first();
    await expect.poll(() => first.evaluate((link) => link === document.activeElement)).toBe(true);
    expect(await first.evaluate((link) => link.closest('.toolkit-card')?.getAttribute('data-category'))).toBe(
      'jardin-et-nature',
    );
    // Same address: the form did not leave the page.
    expect(new URL(page.url()).pathname).toBe('/boites-a-outils/');
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('without JavaScript every toolkit is listed and the filters are hidden', async () => {
    const context = await env.browser.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.url}/boites-a-outils/?categorie=alimentation`);
    const cards = page.locator('[data-catalogue] .toolkit-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(16);
    expect(await page.locator('[data-catalogue] .toolkit-card:visible').count()).toBe(await cards.count());
    expect(await page.locator('[data-catalogue-filters]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('a toolkit page in Chromium', () => {
  it('prints without navigation, search or buttons, with checklist boxes and links as text', async () => {
    const page = await env.browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${env.site.url}/boites-a-outils/disco-soupe/`, { waitUntil: 'networkidle' });
    await page.setViewportSize({ width: 1440, height: 900 });
    // What a reader sees on screen and must not find on paper.
    const screenOnly = {
      'barre latérale': 'nav.sidebar a[href="/decouvrir/genese/"]',
      'en-tête et recherche': 'header site-search button[data-open-modal]',
      'bouton Imprimer': 'button[data-print]',
      'sommaire de la page': '.right-sidebar-panel a[href="#missions-economiques"]',
      'lien de modification': 'footer a[href*="/edit/"]',
    };
    for (const [name, selector] of Object.entries(screenOnly)) {
      expect(await page.locator(selector).first().isVisible(), `${name} à l’écran`).toBe(true);
    }
    await page.emulateMedia({ media: 'print' });
    for (const [name, selector] of Object.entries(screenOnly)) {
      expect(await page.locator(selector).first().isVisible(), `${name} à l’impression`).toBe(false);
    }
    expect(await page.locator('.checklist input[type="checkbox"]').first().isVisible()).toBe(true);
    const after = await page
      .locator('.toolkit-facts a')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('/boites-a-outils/categorie/');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});
