/**
 * What the budgets of `src/config/budgets.ts` measure on a built site: gzipped HTML, the
 * JavaScript a page loads before any interaction, requests to other hosts, unsized images and
 * font files. Pages are read as a browser reads them (parse5, through hast-util-from-html),
 * style sheets as CSS tokens.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TokenType, tokenize } from '@csstools/css-tokenizer';
import { fromHtml } from 'hast-util-from-html';
import { glob } from 'tinyglobby';
import { visit } from 'unist-util-visit';
import { DOCS_GLOB, TOOLKITS_GLOB } from '../../src/config/collections.ts';
import { toolkitPath } from '../../src/lib/catalogue.ts';
import { pageScripts } from '../../src/lib/page-scripts.ts';
import { referencesOf } from './built-links.ts';

/** Size in bytes of a built file once gzipped (zlib's default level, as web servers use). */
export function gzipSize(dist: string, file: string): number {
  return gzipSync(readFileSync(join(dist, file))).length;
}

/** A page and the built file that serves it (relative to `dist`). */
export interface BuiltPage {
  path: string;
  file: string;
}

function builtFile(path: string): string {
  return `${path.slice(1)}index.html`;
}

/** The guide's pages (`content/docs/`, the 404 page aside) and the toolkits' pages. */
export async function contentPages(root: string): Promise<{ guide: BuiltPage[]; toolkits: BuiltPage[] }> {
  const docs = await glob(DOCS_GLOB.pattern, { cwd: join(root, DOCS_GLOB.base) });
  const guide = docs
    .map((f) => f.replace(/\.mdx?$/, ''))
    .filter((id) => id !== '404')
    .map((id) => (id === 'index' ? '/' : `/${id.replace(/\/index$/, '')}/`))
    .sort()
    .map((path) => ({ path, file: builtFile(path) }));
  const sources = await glob(TOOLKITS_GLOB.pattern, { cwd: join(root, TOOLKITS_GLOB.base) });
  const toolkits = sources
    .map((f) => toolkitPath(f.replace(/\.mdx$/, '')))
    .sort()
    .map((path) => ({ path, file: builtFile(path) }));
  return { guide, toolkits };
}

/** Gzipped bytes of the JavaScript a page (an HTML file of `dist`) loads before any interaction. */
export function pageScriptsGzip(dist: string, htmlFile: string): { bytes: number; scripts: string[] } {
  const scripts = [...pageScripts(dist, htmlFile)].sort();
  return { bytes: scripts.reduce((sum, f) => sum + gzipSize(dist, f.slice(1)), 0), scripts };
}

/** `<link rel>` values that make the browser fetch the address. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
]);
/** Elements whose address the browser fetches as the page loads (links and forms wait for the reader). */
const FETCHING_ELEMENTS = new Set([
  'script',
  'img',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'embed',
  'object',
  'input',
]);

/** Where a built page sits for the browser, from which its relative addresses resolve. */
const ORIGIN = 'https://site.invalid';

/** The addresses a style sheet loads: `url(…)`, `src("…")`, `@import "…"`. */
export function cssAddresses(css: string): string[] {
  const out: string[] = [];
  const open: boolean[] = [];
  let importing = false;
  for (const token of tokenize({ css })) {
    switch (token[0]) {
      case TokenType.AtKeyword:
        importing = token[4].value.toLowerCase() === 'import';
        break;
      case TokenType.URL:
        out.push(token[4].value);
        break;
      case TokenType.Function:
        open.push(['url', 'src', 'image-set', '-webkit-image-set'].includes(token[4].value.toLowerCase()));
        break;
      case TokenType.OpenParen:
        open.push(open.at(-1) ?? false);
        break;
      case TokenType.CloseParen:
        open.pop();
        break;
      case TokenType.String:
        if (importing || open.includes(true)) out.push(token[4].value);
        break;
      case TokenType.Semicolon:
      case TokenType.OpenCurly:
        importing = false;
        break;
      default:
        break;
    }
  }
  return out;
}

/** A request a page would make to another host, and what makes it. */
export interface ForeignRequest {
  page: string;
  url: string;
  /** `img src`, `link stylesheet`, or the style sheet that asks for it. */
  by: string;
}

/**
 * The requests the pages of `dist` (HTML files) make to another host as they load: their
 * scripts, style sheets, icons, images and frames, and the addresses in the style sheets of
 * the site they link to. `base` is the site's sub-path.
 */
export function foreignRequests(dist: string, files: readonly string[], base = '/'): ForeignRequest[] {
  const requests: ForeignRequest[] = [];
  const cssSeen = new Map<string, string[]>();
  for (const file of files) {
    const page = new URL(`${base}${file}`, ORIGIN);
    const consider = (address: string, by: string, from: URL): URL | undefined => {
      let url: URL;
      try {
        url = new URL(address, from);
      } catch {
        return undefined;
      }
      if (url.protocol === 'data:' || url.protocol === 'blob:') return undefined;
      if (url.origin !== ORIGIN) {
        requests.push({ page: file, url: url.href, by });
        return undefined;
      }
      return url;
    };
    for (const ref of referencesOf(readFileSync(join(dist, file), 'utf8'))) {
      const rels = (ref.rel ?? '').toLowerCase().split(/\s+/);
      const fetched =
        FETCHING_ELEMENTS.has(ref.element) || (ref.element === 'link' && rels.some((r) => FETCHING_RELS.has(r)));
      if (!fetched || (ref.element === 'link' && ref.attribute !== 'href')) continue;
      const by = ref.element === 'link' ? `link ${ref.rel ?? ''}` : `${ref.element} ${ref.attribute}`;
      const url = consider(ref.url, by, page);
      if (!url || !(ref.element === 'link' && rels.includes('stylesheet'))) continue;
      const sheet = decodeURIComponent(url.pathname).slice(base.length);
      let addresses = cssSeen.get(sheet);
      if (!addresses) {
        addresses = cssAddresses(readFileSync(join(dist, sheet), 'utf8'));
        cssSeen.set(sheet, addresses);
      }
      for (const address of addresses) consider(address, `/${sheet}`, url);
    }
  }
  return requests;
}

/** An `<img>` without its size: the page moves when it arrives. */
export interface UnsizedImage {
  page: string;
  src: string;
}

/** Images of the pages with no `width` and `height` attributes (both needed to reserve their box). */
export function unsizedImages(dist: string, files: readonly string[]): UnsizedImage[] {
  const out: UnsizedImage[] = [];
  for (const file of files) {
    visit(fromHtml(readFileSync(join(dist, file), 'utf8')), 'element', (element) => {
      if (element.tagName !== 'img') return;
      const { width, height, src } = element.properties;
      const sized = (value: unknown) => typeof value === 'number' || (typeof value === 'string' && value !== '');
      if (!sized(width) || !sized(height)) out.push({ page: file, src: typeof src === 'string' ? src : '' });
    });
  }
  return out;
}

const FONT_EXTENSIONS = ['.woff2', '.woff', '.ttf', '.otf', '.eot'];

/** The font files of a built site (relative to `dist`) and their total size in bytes. */
export function fontFiles(dist: string): { files: string[]; bytes: number } {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (FONT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) files.push(relative(dist, path));
    }
  };
  walk(dist);
  return { files: files.sort(), bytes: files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0) };
}
