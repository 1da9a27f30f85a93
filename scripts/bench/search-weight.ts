/**
 * Search weight: what a reader downloads for a first search on the built site, in Chromium,
 * from the search modal and from `/recherche/`. Counts Pagefind's files (JS, WebAssembly,
 * entry, metadata, index, filter and fragment chunks) and the search lexicon, each gzipped
 * here at zlib's default level, or as is when gzip does not shrink it (Pagefind's chunks are
 * already compressed).
 * The search interfaces' own scripts are reported apart. Target (issue: search): under
 * 150 KB gzipped for this site; then the same with 1,000 synthetic toolkits more.
 *
 * Each build runs in a copy of the site under `.cache/bench/` (inside the repository so
 * that `node_modules` resolves as usual); nothing is written in `content/`.
 * Runs alone with `node scripts/bench/search-weight.ts`, or as a section of `npm run bench`.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { benchDir, buildSiteCopy, copySite } from '../lib/site-copy.ts';
import { LEXICON_PATH } from '../../src/config/search.ts';
import { launchBrowser, type RunningBrowser } from '../../tests/helpers/browser.ts';
import { serveDirectory } from '../../tests/helpers/static-server.ts';

const WORK = benchDir('search-weight');
/** A word found in real and synthetic toolkits alike. */
const QUERY = 'soupe';
const TARGET_KB = 150;

/** Bytes on the wire for one file: gzipped, unless gzip makes it bigger. */
function wireBytes(file: string): number {
  const raw = readFileSync(file);
  return Math.min(raw.length, gzipSync(raw).length);
}

interface FirstSearch {
  /** Gzipped bytes of Pagefind's files and the lexicon, by kind. */
  pagefind: Record<'js' | 'wasm' | 'index' | 'fragments', number>;
  files: number;
  /** Gzipped bytes of the interface's own scripts (the modal's and the search forms'). */
  ui: number;
}

const KIND: [RegExp, keyof FirstSearch['pagefind']][] = [
  [/\.js$/, 'js'],
  [/wasm\.[a-z-]+\.pagefind$/, 'wasm'],
  [/\.pf_fragment$/, 'fragments'],
  [/(\.pf_meta|\.pf_index|\.pf_filter|pagefind-entry\.json)$/, 'index'],
];

/** Loads `path`, runs `search` on the page, and adds up what was fetched until it settles. */
async function firstSearch(
  browser: RunningBrowser,
  dist: string,
  origin: string,
  path: string,
  search: (page: Page) => Promise<void>,
  uiMarkers: readonly string[],
): Promise<FirstSearch> {
  const page = await browser.context.newPage();
  const fetched = new Set<string>();
  page.on('requestfinished', (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await search(page);
  await page.waitForLoadState('networkidle');
  await page.close();
  const result: FirstSearch = { pagefind: { js: 0, wasm: 0, index: 0, fragments: 0 }, files: 0, ui: 0 };
  for (const url of fetched) {
    const file = join(dist, decodeURIComponent(url));
    if (url === LEXICON_PATH) {
      // The search lexicon (« Vouliez-vous dire… ? », acronyms, variants) loads with Pagefind.
      result.pagefind.index += wireBytes(file);
      result.files++;
    } else if (url.startsWith('/pagefind/')) {
      const kind = KIND.find(([pattern]) => pattern.test(url))?.[1];
      if (kind === undefined) throw new Error(`fichier Pagefind inattendu : ${url}`);
      result.pagefind[kind] += wireBytes(file);
      result.files++;
    } else if (url.endsWith('.js') && uiMarkers.some((marker) => readFileSync(file, 'utf8').includes(marker))) {
      result.ui += wireBytes(file);
    }
  }
  return result;
}

async function modalSearch(page: Page): Promise<void> {
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search [data-search="modal"] input[name="q"]').fill(QUERY);
  await page.locator('site-search [data-search-results] > li').first().waitFor({ timeout: 30_000 });
}

async function pageSearch(page: Page): Promise<void> {
  await page.locator('[data-search="page"] [data-search-results] > li').first().waitFor({ timeout: 30_000 });
}

/** Builds a copy of the site with `extra` synthetic toolkits; returns its `dist/`. */
function build(extra: number): { site: string; dist: string; toolkits: number } {
  const { site, toolkits } = copySite(WORK, extra);
  buildSiteCopy(site);
  return { site, dist: join(site, 'dist'), toolkits };
}

/** Size of the whole index on disk, and what it would weigh gzipped file by file. */
function indexSize(dist: string): { files: number; bytes: number; wire: number } {
  const dir = join(dist, 'pagefind');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
    wire: files.reduce((sum, f) => sum + wireBytes(f), 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;

function report(label: string, m: FirstSearch): number {
  const total = m.pagefind.js + m.pagefind.wasm + m.pagefind.index + m.pagefind.fragments;
  console.log(
    `  ${label} : ${kb(total)} gzip en ${m.files} fichiers Pagefind ` +
      `(JS ${kb(m.pagefind.js)}, WASM ${kb(m.pagefind.wasm)}, index et lexique ${kb(m.pagefind.index)}, ` +
      `fragments ${kb(m.pagefind.fragments)}), plus ${kb(m.ui)} de script d’interface`,
  );
  return total;
}

export async function run(): Promise<void> {
  console.log(`## Poids de la recherche (première recherche « ${QUERY} », Chromium)`);
  const browser = await launchBrowser();
  const totals: number[] = [];
  try {
    for (const extra of [0, 1000]) {
      const { dist, toolkits } = build(extra);
      const server = await serveDirectory(dist);
      try {
        const index = indexSize(dist);
        console.log(
          `${toolkits} boîtes à outils : index de ${index.files} fichiers, ${kb(index.bytes)} sur disque, ${kb(index.wire)} gzip`,
        );
        // The forms' shared script names its form; the modal's own script, its button.
        const modal = await firstSearch(browser, dist, server.url, '/', modalSearch, [
          'data-search-form',
          'data-open-modal',
        ]);
        const searchPage = await firstSearch(browser, dist, server.url, `/recherche/?q=${QUERY}`, pageSearch, [
          'data-search-form',
        ]);
        totals.push(report('fenêtre de recherche', modal), report('page /recherche/ ', searchPage));
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(WORK, { recursive: true, force: true });
  }
  const [modal = 0, page = 0] = totals;
  console.log(
    `objectif : moins de ${TARGET_KB} Ko gzip pour ce site — fenêtre ${kb(modal)}, page ${kb(page)} : ` +
      (Math.max(modal, page) < TARGET_KB * 1024 ? 'tenu' : 'DÉPASSÉ'),
  );
}

if (import.meta.main) await run();
