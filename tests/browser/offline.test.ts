/**
 * Offline reading in Chromium, as a reader meets it: pages read once stay readable without
 * a connection (context offline emulation), « Rendre disponible hors ligne » keeps the whole
 * guide, a new deploy replaces the old copies, and `/admin/` stays out of the worker's reach.
 *
 * The built site is copied into a folder served on 127.0.0.1, so that a second, changed
 * build can replace it at the same address, as a deploy does.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, watchPage, type RunningBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { DIST, ROOT } from '../helpers/site.ts';
import { productionEnv } from '../setup/build-site.ts';
import { copySite } from '../../scripts/lib/site-copy.ts';
import type { OfflineList } from '../../src/config/offline.ts';

let root: string;
let site: StaticServer;
let browser: RunningBrowser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kpa-offline-'));
  cpSync(DIST, root, { recursive: true });
  site = await serveDirectory(root);
  browser = await launchBrowser({ serviceWorkers: 'allow' });
});

afterAll(async () => {
  await browser.close();
  await site.close();
  rmSync(root, { recursive: true, force: true });
});

const url = (path: string) => `${site.url}${path}`;
const offlineList = () => JSON.parse(readFileSync(join(root, 'hors-ligne.json'), 'utf8')) as OfflineList;

/** Waits until the caching worker controls `page`, as it does from the first visit on. */
async function controlled(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return navigator.serviceWorker.controller?.scriptURL ?? '';
  });
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Every URL held in the page's origin's caches. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });

async function searchResults(page: Page, query: string): Promise<string[]> {
  await page.goto(url(`/recherche/?q=${encodeURIComponent(query)}`), { waitUntil: 'load' });
  const links = page.locator('[data-search-results] a');
  await links.first().waitFor({ timeout: 15_000 });
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

describe('offline reading in Chromium', () => {
  it('keeps the pages and the search a reader used readable offline, and says the page comes from the copy', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('/decouvrir/genese/'), { waitUntil: 'load' });
    expect(await controlled(page)).toBe(url('/sw.js'));
    await page.goto(url('/boites-a-outils/disco-soupe/'), { waitUntil: 'load' });
    const online = await searchResults(page, 'soupe');
    // The first page was loaded before the worker; it keeps a copy of it once it takes over.
    await expect
      .poll(() => page.evaluate(async () => (await caches.match('/decouvrir/genese/')) !== undefined), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(online).toContain('/boites-a-outils/disco-soupe/');
    // Online, pages come from the network: no notice.
    expect(await page.locator('[data-offline-support]').isVisible()).toBe(false);

    await browser.context.setOffline(true);
    try {
      const watched = watchPage(page);
      await page.goto(url('/decouvrir/genese/'), { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).toBe('La genèse');
      const notice = page.locator('[data-offline-support]');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(
        /^Vous lisez la copie hors ligne de cette page, telle qu’enregistrée le /,
      );
      await page.goto(url('/boites-a-outils/disco-soupe/'), { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).toBe('Disco Soupe');
      // Styles and scripts are there too: the facts panel is laid out, the print button shown.
      expect(await page.locator('.toolkit-facts').evaluate((e) => getComputedStyle(e).display)).toBe('grid');
      expect(await page.locator('button[data-print]').isVisible()).toBe(true);
      expect(await searchResults(page, 'soupe')).toEqual(online);
      // The catalogue was never opened, and is there all the same.
      await page.goto(url('/boites-a-outils/'), { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).toBe('Boîtes à outils');
      expect(watched.problems).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });

  it('« Rendre disponible hors ligne » fetches the whole guide with its progress: a page never visited opens offline', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('/'), { waitUntil: 'load' });
    const button = page.getByRole('button', { name: 'Rendre disponible hors ligne' });
    await button.click();
    const status = page.locator('[data-offline-status]');
    await page.waitForFunction(
      () => (document.querySelector('[data-offline-status]')?.textContent ?? '').startsWith('C’est prêt'),
      undefined,
      { timeout: 60_000 },
    );
    const list = offlineList();
    const total = list.pages.length + list.files.length + list.search.length;
    expect(
      await page.locator('[data-offline-download] progress').evaluate((p: HTMLProgressElement) => [p.value, p.max]),
    ).toEqual([total, total]);
    expect(await status.textContent()).toContain(`les ${String(list.pages.length)} pages`);
    const cached = new Set(await cachedUrls(page));
    for (const path of list.pages) expect(cached.has(path), path).toBe(true);

    await browser.context.setOffline(true);
    try {
      const watched = watchPage(page);
      await page.goto(url('/fonctionnement/tiers-lieu/'), { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).toBe('Le tiers-lieu');
      await page.goto(url('/boites-a-outils/kanban-mural/'), { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).toBe('Kanban mural');
      // A search never made online shows its results too.
      expect(await searchResults(page, 'palettes')).toContain('/boites-a-outils/bancs-en-palettes/');
      expect(watched.problems).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
    }
    // Back on the home page, it says the copy is there.
    await page.goto(url('/'), { waitUntil: 'load' });
    await page.waitForFunction(() =>
      (document.querySelector('[data-offline-status]')?.textContent ?? '').startsWith('Déjà disponible hors ligne'),
    );
    await page.close();
  });

  it('never controls /admin/ nor keeps any of its files', async () => {
    const page = await browser.context.newPage();
    const fromWorker: string[] = [];
    page.on('response', (response) => {
      if (response.fromServiceWorker()) fromWorker.push(response.url());
    });
    await page.goto(url('/admin/'), { waitUntil: 'load' });
    // The longest matching scope wins: the editor's own worker, which has no fetch handler.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(url('/sw-admin.js'));
    expect(fromWorker).toEqual([]);
    const cached = await cachedUrls(page);
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((path) => path.startsWith('/admin/'))).toEqual([]);
    await page.close();
  });
});

describe('a new deploy', () => {
  let next: string;

  beforeAll(() => {
    // The same site, built again with one sentence more on « La genèse ».
    const work = join(ROOT, '.cache/test-offline');
    const { site: copy } = copySite(work, 0);
    const page = join(copy, 'content/docs/decouvrir/genese.mdx');
    writeFileSync(
      page,
      `${readFileSync(page, 'utf8')}\nCette phrase n’existe que dans la nouvelle version du guide.\n`,
    );
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: copy,
      encoding: 'utf8',
      env: productionEnv(),
    });
    if (result.status !== 0) throw new Error(`nouvelle construction en échec :\n${result.stdout}\n${result.stderr}`);
    next = join(copy, 'dist');
  }, 240_000);

  afterAll(() => {
    rmSync(join(ROOT, '.cache/test-offline'), { recursive: true, force: true });
  });

  it('serves the new pages at the next visit online, with one version of the search, and deletes the old caches', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('/'), { waitUntil: 'load' });
    await controlled(page);
    const before = offlineList().version;
    expect(await cacheNames(page)).toContain(`kpa-pages-${before}`);

    // Deploy: the served folder now holds the new build.
    for (const entry of readdirSync(root)) rmSync(join(root, entry), { recursive: true, force: true });
    cpSync(next, root, { recursive: true });
    const after = offlineList().version;
    expect(after).not.toBe(before);

    await page.goto(url('/decouvrir/genese/'), { waitUntil: 'load' });
    expect(await page.locator('main').textContent()).toContain(
      'Cette phrase n’existe que dans la nouvelle version du guide.',
    );
    // The browser checks the worker at each visit; the new one takes over and clears the old caches.
    await expect
      .poll(
        async () => {
          const names = await cacheNames(page);
          return names.includes(`kpa-pages-${after}`) && !names.some((name) => name.endsWith(`-${before}`));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    // Pagefind's files all come from the new build.
    const served = await page.evaluate(async () => {
      const response = await fetch('/pagefind/pagefind-entry.json');
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        text: await response.text(),
        fromWorker: navigator.serviceWorker.controller === registration?.active,
        waiting: registration?.waiting?.state,
        caches: await caches.keys(),
      };
    });
    console.log('DIAG', JSON.stringify(served.caches), JSON.stringify(before), JSON.stringify(after));
    expect(served).toMatchObject({
      text: readFileSync(join(root, 'pagefind/pagefind-entry.json'), 'utf8'),
      fromWorker: true,
      waiting: undefined,
    });
    const fragments = new Set(offlineList().search);
    for (const path of await cachedUrls(page)) {
      if (path.startsWith('/pagefind/fragment/')) expect(fragments.has(path), path).toBe(true);
    }
    // What the reader kept is fetched again from the new build, in the background.
    await expect
      .poll(
        () =>
          page.evaluate(
            async (name) => (await caches.match('/decouvrir/genese/', { cacheName: name })) !== undefined,
            `kpa-pages-${after}`,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    // Offline, the page read is the new one.
    await browser.context.setOffline(true);
    try {
      await page.reload({ waitUntil: 'load' });
      expect(await page.locator('main').textContent()).toContain('nouvelle version du guide');
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });
});
