/**
 * The site under a sub-path, as a project site on GitHub or GitLab Pages serves it
 * (`https://owner.github.io/guide/`): built by `npm run build` with `BASE_PATH=/guide/`,
 * every address it writes must stay under `/guide/` and lead to a built file, and search
 * must work there in a browser.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkInternalLinks } from '../../scripts/lib/built-links.ts';
import { checkBuiltSite, sitemapPaths } from '../../scripts/lib/built-site.ts';
import { SEARCH_PATH } from '../../src/config/search.ts';
import { destinationPages, pdfLinks } from '../../scripts/lib/booklet/pdf.ts';
import type { CmsConfigJson } from '../../src/cms/config.ts';
import { fromHtml } from 'hast-util-from-html';
import { launchBrowser, watchPage, type RunningBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { openSearchModal } from '../helpers/search-modal.ts';
import { DIST, ROOT } from '../helpers/site.ts';
import { productionEnv } from '../setup/build-site.ts';
import { headersForPath, parseHeadersFile } from '../helpers/headers-file.ts';

const BASE = '/guide/';
const SITE_URL = `https://kpa.example.org${BASE}`;

let out: string;
let site: StaticServer;
let browser: RunningBrowser;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kpa-base-path-'));
  // The maintainer's command, with the variables a Pages workflow sets.
  const result = spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...productionEnv(), SITE_URL, BASE_PATH: BASE },
  });
  if (result.status !== 0) throw new Error(`construction sous ${BASE} en échec :\n${result.stdout}\n${result.stderr}`);
  // Then its PDFs, as the Pages workflows do: the pages link to them.
  const booklet = spawnSync('npm', ['run', '--silent', 'booklet', '--', '--dist', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...productionEnv(), SITE_URL, BASE_PATH: BASE },
  });
  if (booklet.status !== 0) throw new Error(`livret sous ${BASE} en échec :\n${booklet.stdout}\n${booklet.stderr}`);
  // As Netlify or Cloudflare Pages would serve it: under the sub-path, with its `_headers`.
  site = await serveDirectory(out, { base: BASE, headers: parseHeadersFile(read('_headers')) });
  browser = await launchBrowser();
}, 360_000);

afterAll(async () => {
  await browser.close();
  await site.close();
  rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(out, file), 'utf8');

type HastNode = ReturnType<typeof fromHtml>['children'][number];

/** Every element of a built page, in document order. */
function elements(file: string): Extract<HastNode, { type: 'element' }>[] {
  const found: Extract<HastNode, { type: 'element' }>[] = [];
  const walk = (node: HastNode): void => {
    if (node.type !== 'element') return;
    found.push(node);
    for (const child of node.children) walk(child);
  };
  for (const child of fromHtml(read(file)).children) walk(child);
  return found;
}

const hrefs = (file: string) =>
  elements(file).flatMap((e) =>
    e.tagName === 'a' && typeof e.properties['href'] === 'string' ? [e.properties['href']] : [],
  );

describe(`a build for ${BASE}`, () => {
  it('writes every address of every page under the sub-path, and each one leads to a built file', () => {
    expect(checkInternalLinks(out, { base: BASE, siteUrl: SITE_URL })).toEqual([]);
    // The same check on the build for the domain's root fails: it can tell the two apart.
    const atRoot = checkInternalLinks(DIST, { base: BASE, siteUrl: SITE_URL });
    expect(atRoot.filter((issue) => issue.rule === 'link-outside-base').length).toBeGreaterThan(100);
  });

  it('links content (Markdown links, LinkCards, hero buttons, glossary) under the sub-path', () => {
    const home = hrefs('index.html');
    expect(home).toContain('/guide/decouvrir/qu-est-ce-qu-un-kpa/'); // hero button and LinkCard
    expect(home).toContain('/guide/ressources/glossaire/#tiers-lieu'); // Markdown link
    expect(hrefs('ressources/glossaire/index.html')).toContain('/guide/decouvrir/genese/'); // a definition's link
    expect(hrefs('boites-a-outils/soupe-pour-un-evenement/index.html')).toContain(
      '/guide/boites-a-outils/disco-soupe/',
    );
  });

  it('lists the pages in the sitemap, the toolkits in the index and the feed, at their public address', () => {
    expect(checkBuiltSite(out, BASE)).toEqual([]);
    expect(sitemapPaths(out, BASE)).toContain('/boites-a-outils/disco-soupe/');
    expect(read('sitemap-index.xml')).toContain(`<loc>${SITE_URL}sitemap-0.xml</loc>`);
    const index = JSON.parse(read('boites-a-outils/index.json')) as { toolkits: { url: string }[] };
    expect(index.toolkits.length).toBeGreaterThan(0);
    for (const toolkit of index.toolkits) expect(toolkit.url).toMatch(/^\/guide\/boites-a-outils\/[a-z0-9-]+\/$/);
    expect(read('boites-a-outils/flux.xml')).toContain(`href="${SITE_URL}boites-a-outils/disco-soupe/"`);
  });

  it('writes the security headers for the addresses under the sub-path', () => {
    const rules = parseHeadersFile(read('_headers'));
    expect(rules.every((rule) => rule.path.startsWith(BASE))).toBe(true);
    const csp = (path: string) => headersForPath(rules, path)['content-security-policy'] ?? '';
    expect(csp(`${BASE}boites-a-outils/disco-soupe/`)).toContain("script-src 'self'");
    expect(csp(`${BASE}admin/`)).toContain("'unsafe-eval'");
    expect(csp(`${BASE}boites-a-outils/disco-soupe/`)).not.toContain("'unsafe-eval'");
  });

  it('gives the editor its address, logo and preview links under the sub-path', () => {
    const script = elements('admin/index.html').find((e) => e.properties['id'] === 'cms-config');
    const text = script?.children[0]?.type === 'text' ? script.children[0].value : '{}';
    const config = JSON.parse(text) as Partial<CmsConfigJson>;
    expect(config.site_url).toBe(SITE_URL.replace(/\/$/, ''));
    expect(config.logo?.src).toBe('/guide/favicon.svg');
    // Content keeps addresses from the site's root; the build adds the sub-path.
    expect(config.public_folder).toBe('/media');
  });
});

async function firstResult(page: Page): Promise<string> {
  const link = page.locator('[data-search="page"] [data-search-results] a').first();
  await link.waitFor({ timeout: 15_000 });
  return (await link.getAttribute('href')) ?? '';
}

describe(`PDFs and offline reading under ${BASE}`, () => {
  it('prints the booklet and the sheets, whose links the pages hold under the sub-path', async () => {
    expect(hrefs('boites-a-outils/disco-soupe/index.html')).toContain(
      '/guide/boites-a-outils/disco-soupe/fiche-disco-soupe.pdf',
    );
    expect(hrefs('index.html')).toContain('/guide/livret-kpa-cite.pdf');
    const pdf = readFileSync(join(out, 'livret-kpa-cite.pdf'));
    const links = await pdfLinks(pdf);
    const destinations = await destinationPages(pdf);
    const internal = links.filter((l) => l.dest !== undefined);
    expect(internal.length).toBeGreaterThan(50);
    for (const link of internal) expect(destinations.has(link.dest ?? '')).toBe(true);
    // Pages outside the booklet are noted at their public address, under the sub-path.
    expect(links.some((l) => l.uri === `${SITE_URL}boites-a-outils/categorie/alimentation/`)).toBe(true);
  });

  it('declares the app and precaches its files under the sub-path', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as { start_url: string; scope: string };
    expect(manifest).toMatchObject({ start_url: BASE, scope: BASE });
    const list = JSON.parse(read('hors-ligne.json')) as { pages: string[] };
    expect(list.pages).toContain('/guide/boites-a-outils/disco-soupe/');
    for (const page of list.pages) expect(page.startsWith(BASE)).toBe(true);
  });

  it('controls the guide’s pages with its worker, and /guide/admin/ with the editor’s', async () => {
    const withWorkers = await launchBrowser({ serviceWorkers: 'allow' });
    try {
      const page = await withWorkers.context.newPage();
      await page.goto(`${site.url}${BASE}decouvrir/genese/`, { waitUntil: 'load' });
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${site.url}${BASE}`);
      await page.goto(`${site.url}${BASE}admin/`, { waitUntil: 'load' });
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
        `${site.url}${BASE}sw-admin.js`,
      );
    } finally {
      await withWorkers.close();
    }
  });
});

describe(`search under ${BASE}, in a browser`, () => {
  it('finds a toolkit from the search page, and its result opens the page', async () => {
    const page = await browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${site.url}${BASE}${SEARCH_PATH.slice(1)}?q=soupe`, { waitUntil: 'networkidle' });
    const href = await firstResult(page);
    expect(href).toMatch(/^\/guide\/boites-a-outils\/[a-z0-9-]+\/$/);
    await page
      .locator('[data-search="page"] [data-search-status]')
      .filter({ hasText: /résultat/ })
      .waitFor({ timeout: 15_000 });
    const [response] = await Promise.all([
      page.waitForResponse(`${site.url}${href}`),
      page.locator('[data-search="page"] [data-search-results] a').first().click(),
    ]);
    await page.waitForURL(`${site.url}${href}`);
    expect(response.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).not.toBe('');
    // On a busy machine Chromium sometimes reports the link's first request as aborted when
    // it restarts the same navigation; the page still arrives (checked above).
    const aborted = `échec de requête: ${site.url}${href} (net::ERR_ABORTED)`;
    expect(watched.problems.filter((p) => p !== aborted)).toEqual([]);
    await page.close();
  });

  it('finds a guide page and a glossary entry from the search modal', async () => {
    const page = await browser.context.newPage();
    const watched = watchPage(page);
    const modal = await openSearchModal(page, `${site.url}${BASE}`);
    await modal.locator('input[name="q"]').fill('rémunération');
    const first = modal.locator('[data-search-results] a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('href')).toBe('/guide/fonctionnement/remuneration-libre/');
    // A glossary entry, an address with an anchor, is under the sub-path too.
    await modal.locator('input[name="q"]').fill('CAE');
    await modal
      .locator('[data-search-status]')
      .filter({ hasText: /pour « CAE »/ })
      .waitFor({ timeout: 15_000 });
    expect(await modal.locator('[data-search-results] a').first().getAttribute('href')).toBe(
      '/guide/ressources/glossaire/#cae',
    );
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it('shows the 404 page, styled, for a missing address under the sub-path', async () => {
    const page = await browser.context.newPage();
    const missing = `${site.url}${BASE}nulle-part/`;
    // Every request but the page itself must succeed: style sheets, scripts, icons.
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url() !== missing) failed.push(`${String(r.status())} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failed.push(`échec ${r.url()}`));
    const response = await page.goto(missing, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    const stylesheets = await page.evaluate(() => document.styleSheets.length);
    expect(stylesheets).toBeGreaterThan(0);
    expect(await page.locator('h1').first().textContent()).toMatch(/introuvable|404/i);
    expect(failed).toEqual([]);
    await page.close();
  });
});
