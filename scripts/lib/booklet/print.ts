/**
 * Prints the booklet and the toolkit sheets of a built site with Chromium's print-to-PDF
 * (Debian's `chromium`, driven by playwright-core, as the tests do). The site is served on
 * 127.0.0.1 under its sub-path; the booklet's HTML is handed to Chromium at an address of
 * that server, so its links between chapters stay inside the document.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FLAGS, findChrome } from '../../../tests/helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../../../tests/helpers/static-server.ts';
import {
  BOOKLET_PATH,
  BOOKLET_SUBTITLE,
  BOOKLET_TITLE,
  CONTENT_LICENSE,
  PDF_AUTHOR,
  sheetPath,
} from '../../../src/config/print.ts';
import { bookletParts } from './contents.ts';
import { composeBooklet, type ComposedChapter } from './compose.ts';
import { destinationPages, withMetadata } from './pdf.ts';

/** A problem the maintainer can fix, said in French. */
export class BookletError extends Error {
  override name = 'BookletError';
}

export interface PrintOptions {
  dist: string;
  base: string;
  siteUrl: string;
  /** What to make: both by default. */
  booklet?: boolean;
  sheets?: boolean;
  /** Toolkit limit of the booklet (`BOOKLET_MAX_TOOLKITS` by default). */
  maxToolkits?: number;
}

export interface PrintReport {
  booklet?: { file: string; bytes: number; pages: number; chapters: number; seconds: number };
  sheets?: { count: number; bytes: number; seconds: number };
}

const CSS = readFileSync(new URL('./booklet.css', import.meta.url), 'utf8');

/** The Chromium to use, or a French explanation of how to get one. */
export function chromeOrExplain(): string {
  try {
    return findChrome();
  } catch (error) {
    throw new BookletError(
      'Aucun navigateur Chromium trouvé : le livret et les fiches PDF ne peuvent pas être produits. ' +
        'Le site, lui, est construit et complet sans eux. Installez Chromium (Debian ou Ubuntu : ' +
        '« sudo apt-get install chromium »), ou indiquez son chemin dans CHROME_PATH, puis relancez ' +
        `« npm run booklet ». (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/** Opens `url` and fails with the list of what did not load (a build for another sub-path…). */
async function open(page: Page, url: string): Promise<void> {
  const failed: string[] = [];
  const onResponse = (r: { status: () => number; url: () => string }) => {
    if (r.status() >= 400) failed.push(`${String(r.status())} ${r.url()}`);
  };
  const onFailed = (r: { url: () => string; failure: () => { errorText: string } | null }) => {
    // A request of the previous page, cut short by this navigation, is not this page's.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`échec ${r.url()}`);
  };
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  page.off('response', onResponse);
  page.off('requestfailed', onFailed);
  if (failed.length > 0) {
    throw new BookletError(
      `Des fichiers du site n’ont pas pu être chargés pour ${url} :\n  ${failed.slice(0, 10).join('\n  ')}\n` +
        'Le dossier construit correspond-il à BASE_PATH et SITE_URL ? Relancez la construction avec les mêmes variables.',
    );
  }
}

const PDF_OPTIONS = {
  format: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  outline: true,
  tagged: true,
} as const;

async function printBooklet(
  browser: BrowserContext,
  server: StaticServer,
  options: PrintOptions,
): Promise<NonNullable<PrintReport['booklet']>> {
  const started = performance.now();
  const { dist, base, siteUrl } = options;
  const parts = bookletParts(dist, base, options.maxToolkits);
  // The date of the build: when its home page was written.
  const builtAt = statSync(join(dist, 'index.html')).mtime;
  const { html, chapters } = composeBooklet({
    dist,
    base,
    siteUrl,
    parts,
    date: builtAt,
    title: BOOKLET_TITLE,
    subtitle: BOOKLET_SUBTITLE,
    license: CONTENT_LICENSE,
    css: CSS,
  });
  const page = await browser.newPage();
  // Served from the site's own address, so that its style sheets and images load as on the site.
  const address = `${server.url}${base}__livret__/`;
  await page.route(address, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await open(page, address);
  // First pass: where each chapter lands; second pass: the same layout, numbered contents.
  const first = await page.pdf(PDF_OPTIONS);
  const numbers = await destinationPages(first);
  const missing = chapters.filter((c) => !numbers.has(c.id)).map((c) => c.path);
  if (missing.length > 0) throw new BookletError(`Chapitres introuvables dans le PDF : ${missing.join(', ')}`);
  await page.evaluate(
    (entries: [string, number][]) => {
      for (const [id, index] of entries) {
        const cell = document.querySelector(`[data-toc-page="${id}"]`);
        if (cell) cell.textContent = String(index + 1);
      }
    },
    chapters.map((c: ComposedChapter): [string, number] => [c.id, numbers.get(c.id) ?? 0]),
  );
  const printed = await page.pdf(PDF_OPTIONS);
  await page.close();
  const pdf = await withMetadata(printed, {
    title: BOOKLET_TITLE,
    author: PDF_AUTHOR,
    subject: BOOKLET_SUBTITLE,
    keywords: ['KPA-Cité', 'coopérative jeunesse', 'tiers-lieu', 'communs', 'boîtes à outils'],
  });
  const file = join(dist, BOOKLET_PATH.slice(1));
  writeFileSync(file, pdf);
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  return { file, bytes: pdf.length, pages, chapters: chapters.length, seconds: (performance.now() - started) / 1000 };
}

interface SheetSource {
  slug: string;
  url: string;
  title: string;
  summary: string;
  tags: string[];
}

/** One PDF per toolkit: its page as the site prints it, beside the page in `dist`. */
async function printSheets(
  browser: BrowserContext,
  server: StaticServer,
  options: PrintOptions,
): Promise<NonNullable<PrintReport['sheets']>> {
  const started = performance.now();
  const index = JSON.parse(readFileSync(join(options.dist, 'boites-a-outils/index.json'), 'utf8')) as {
    toolkits: SheetSource[];
  };
  const queue = [...index.toolkits];
  let bytes = 0;
  // Two pages at a time: the machines that build the site have two cores.
  const worker = async () => {
    const page = await browser.newPage();
    for (let toolkit = queue.shift(); toolkit; toolkit = queue.shift()) {
      await open(page, `${server.url}${toolkit.url}`);
      const pdf = await withMetadata(await page.pdf(PDF_OPTIONS), {
        title: `${toolkit.title} — fiche KPA-Cité`,
        author: PDF_AUTHOR,
        subject: toolkit.summary,
        keywords: toolkit.tags,
      });
      const file = join(options.dist, sheetPath(toolkit.slug).slice(1));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, pdf);
      bytes += pdf.length;
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  return { count: index.toolkits.length, bytes, seconds: (performance.now() - started) / 1000 };
}

/** Prints what `options` asks for into `dist`; the site must already be built there. */
export async function printPdfs(options: PrintOptions): Promise<PrintReport> {
  const executablePath = chromeOrExplain();
  const server = await serveDirectory(options.dist, { base: options.base });
  let browser: Browser | undefined;
  const report: PrintReport = {};
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
    // The pages register the offline worker, of no use here: printing reads the site as built.
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
    if (options.booklet !== false) report.booklet = await printBooklet(context, server, options);
    if (options.sheets !== false) report.sheets = await printSheets(context, server, options);
  } finally {
    await browser?.close();
    await server.close();
  }
  return report;
}
