/**
 * The weight budgets (`src/config/budgets.ts`) on the production build, every page measured
 * and the largest figure printed next to its budget.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES_BYTES, PAGE_HTML_GZIP_BYTES, PAGE_SCRIPTS_GZIP_BYTES } from '../../src/config/budgets.ts';
import {
  contentPages,
  fontFiles,
  foreignRequests,
  gzipSize,
  pageScriptsGzip,
  unsizedImages,
} from '../../scripts/lib/built-budgets.ts';
import { htmlFiles } from '../../scripts/lib/built-site.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;
/** The editor, whose bundle is the CMS (its own checks: tests/site/admin.test.ts). */
const ADMIN = 'admin/index.html';
const SEARCH_PAGE = 'recherche/index.html';

describe('the budgets of the production build', () => {
  it('keeps the gzipped HTML of every guide page and every toolkit under budget', async () => {
    const { guide, toolkits } = await contentPages(ROOT);
    expect(guide.length).toBeGreaterThan(10);
    expect(toolkits.length).toBeGreaterThan(10);
    for (const [kind, pages] of [
      ['page du guide', guide],
      ['boîte à outils', toolkits],
    ] as const) {
      const sizes = pages.map((p) => ({ path: p.path, bytes: gzipSize(DIST, p.file) }));
      const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      console.log(
        `HTML gzip, ${kind} la plus lourde : ${largest.path} ${kb(largest.bytes)} (budget ${kb(PAGE_HTML_GZIP_BYTES)})`,
      );
      expect(sizes.filter((s) => s.bytes > PAGE_HTML_GZIP_BYTES)).toEqual([]);
    }
  });

  it('keeps the JavaScript loaded before any interaction under budget on every page but /admin/', () => {
    const pages = htmlFiles(DIST).filter((f) => f !== ADMIN);
    const sizes = pages.map((file) => ({ file, bytes: pageScriptsGzip(DIST, file).bytes }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(
      `JavaScript gzip avant interaction, page la plus lourde : ${largest.file} ${kb(largest.bytes)} (budget ${kb(PAGE_SCRIPTS_GZIP_BYTES)})`,
    );
    expect(largest.bytes).toBeGreaterThan(0);
    expect(sizes.filter((s) => s.bytes > PAGE_SCRIPTS_GZIP_BYTES)).toEqual([]);
  });

  it('loads the search’s code when the search opens, except on /recherche/', () => {
    // The chunk of src/lib/search-ui.ts (Rolldown names a shared chunk after its module): the
    // page /recherche/ must load it, so that a renamed or merged chunk fails here.
    const search = pageScriptsGzip(DIST, SEARCH_PAGE).scripts.filter((s) => basename(s).startsWith('search-ui.'));
    expect(search).toHaveLength(1);
    const searchBytes = search.reduce((sum, f) => sum + gzipSize(DIST, f.slice(1)), 0);
    console.log(`Code de la recherche, chargé à l’ouverture : ${search.join(', ')} ${kb(searchBytes)}`);
    expect(searchBytes).toBeGreaterThan(2048);
    const eager = htmlFiles(DIST)
      .filter((f) => f !== SEARCH_PAGE && f !== ADMIN)
      .flatMap((file) => {
        const scripts = new Set(pageScriptsGzip(DIST, file).scripts);
        return search.filter((s) => scripts.has(s)).map((s) => `${file} ${s}`);
      });
    expect(eager).toEqual([]);
  });

  it('makes no request to another host from any page', () => {
    const pages = htmlFiles(DIST);
    expect(pages.length).toBeGreaterThan(20);
    expect(foreignRequests(DIST, pages)).toEqual([]);
  });

  it('gives every image its size and keeps font files under budget', () => {
    expect(unsizedImages(DIST, htmlFiles(DIST))).toEqual([]);
    const fonts = fontFiles(DIST);
    console.log(
      `Polices : ${String(fonts.files.length)} fichier(s), ${kb(fonts.bytes)} (budget ${kb(FONT_FILES_BYTES)})`,
    );
    expect(fonts.bytes).toBeLessThanOrEqual(FONT_FILES_BYTES);
  });
});
