/**
 * The output gate: the second security check, on what `astro build` wrote rather than on the
 * sources. Contributed Markdown is compiled into pages served from the same origin as
 * `/admin/`, where Decap keeps editors' git tokens; whatever got through `npm run validate`
 * (or around it) must not run code there. Every HTML page of `dist/` is parsed with parse5
 * (the HTML standard's parser, so the tree is the one a browser builds) and checked:
 *
 * - `script-inline`: an inline script is allowed only if its text is one that our components
 *   or Starlight's write (`src/lib/site-markup.ts`), or a JSON data block;
 * - `script-src`: a script file must be a same-origin `/_astro/` file that exists in `dist/`;
 * - `event-handler`: no `on…` attribute anywhere;
 * - `unsafe-url`: no `javascript:`, `vbscript:` or `data:` address in a URL attribute or an
 *   SVG animation's values (the build writes no `data:` address, so none is allowed, images
 *   included);
 * - `forbidden-element`: no `iframe`, `frame`, `frameset`, `object`, `embed`, `applet`,
 *   `base`, nor `<meta http-equiv="refresh">`;
 * - `content-style`: no `style` attribute inside the regions that show contributed content
 *   (`CONTENT_REGIONS`), except the few that Starlight's components write there;
 * - `style-attribute`: elsewhere, a `style` attribute is one a component writes as is, or sets
 *   custom properties only. Raw HTML in a `.md` file can close the content's `<div>` and
 *   escape its region (tried: Astro copies `</div>` through), so the regions alone are not
 *   enough;
 * - `style-element`: no `<style>` outside `<head>`, where only the build puts them.
 *
 * It reads and never writes. Used by the Astro integration `src/integrations/output-gate.ts`
 * after every production build, and by the tests and the site-scale bench.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { find, html as htmlSchema } from 'property-information';
import { inlineScriptHashes, scriptHash, siteMarkup } from './site-markup.ts';

export type OutputRule =
  | 'script-inline'
  | 'script-src'
  | 'event-handler'
  | 'unsafe-url'
  | 'forbidden-element'
  | 'content-style'
  | 'style-attribute'
  | 'style-element';

export interface Problem {
  /** The page, relative to `dist/` (`decouvrir/genese/index.html`). */
  page: string;
  line: number;
  column: number;
  rule: OutputRule;
  /** The element's start tag as the parser read it, shortened. */
  element: string;
  message: string;
}

/** What the site's own code writes into pages. Defaults to `siteMarkup()`; tests pass their own. */
export interface GateOptions {
  /** Hashes (`sha256-…`) of the inline scripts to allow. */
  inlineScripts?: ReadonlySet<string>;
  /** `style` values that components write as is. */
  styles?: ReadonlySet<string>;
  /** The sub-path the site is built for (Astro's `base`): `/`, or `/guide/`. */
  base?: string;
}

type Allowed = Required<GateOptions>;

function allowed(options: GateOptions): Allowed {
  return {
    inlineScripts: options.inlineScripts ?? inlineScriptHashes(),
    styles: options.styles ?? siteMarkup().styles,
    base: options.base ?? '/',
  };
}

/**
 * Where contributed content is rendered, found by reading the components:
 * - `sl-markdown-content`: Starlight's `MarkdownContent.astro` wraps every Markdown and MDX
 *   body, on guide pages and on the toolkit pages (around the slot of `StarlightPage`);
 * - `toolkit`: the body of a toolkit page (`src/pages/boites-a-outils/[slug].astro`), made
 *   of its frontmatter and MDX body; listed on its own so that it stays covered should it
 *   ever leave Starlight's content wrapper;
 * - `hero`: Starlight's `Hero.astro` writes the frontmatter's `hero.title`, `tagline`,
 *   `image.html` and actions' `icon.html` as HTML, and spreads actions' `attrs`;
 * - `sl-banner`: Starlight's `Banner.astro` writes the frontmatter's `banner.content` as HTML.
 * Everything else on a page (sidebar, header, search, table of contents, footer) is written
 * by the site's code and Starlight's, which may set `style`.
 */
export const CONTENT_REGIONS = ['sl-markdown-content', 'toolkit', 'hero', 'sl-banner'] as const;

const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base']);

/** Attributes whose value a browser fetches or navigates to (HTML, SVG and MathML). */
const URL_ATTRIBUTES = new Set([
  'action',
  'archive',
  'background',
  'cite',
  'classid',
  'codebase',
  'data',
  'dynsrc',
  'formaction',
  'href',
  'icon',
  'imagesrcset',
  'longdesc',
  'lowsrc',
  'manifest',
  'ping',
  'poster',
  'profile',
  'src',
  'srcset',
  'usemap',
  'xlink:href',
]);

/**
 * SVG animations set another attribute over time: `<set attributeName="href"
 * to="javascript:…">` turns a harmless link into a script URL, so their values count as URLs.
 */
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);

const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

/** Script types that a browser never runs: data for the page's scripts (`/admin/`'s config). */
const DATA_BLOCK_TYPES = new Set(['application/json', 'application/ld+json']);

/**
 * `style` values that Starlight's components write inside content, one pattern per
 * declaration: the size of an `Icon` (in `Card`, `Aside`, the hero's buttons) on `svg`, and
 * Expressive Code's token colours and font styles for each theme (`--0`, `--1bg`, `--0fs`…)
 * on `span`. Custom properties only: none of them can move or cover anything.
 */
const PIPELINE_STYLES: Record<string, RegExp> = {
  svg: /^--sl-icon-size:\s*\d+(?:\.\d+)?(?:r?em|px)$/,
  span: /^--\d+(?:(?:bg)?:#[\da-f]{3,8}|fs:italic|fw:bold|td:(?:underline|line-through)(?: line-through)?)$/i,
};

/** Every `.html` file under `dir`, relative to it, `/`-separated, sorted. */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The scheme of a URL as a browser reads it: leading and trailing controls and spaces
 * dropped, tabs and newlines removed anywhere, lower case. Entities are already decoded.
 */
export function urlScheme(value: string): string | undefined {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  const cleaned = value.slice(start, end).replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

function attributeName(property: string): string {
  return find(htmlSchema, property).attribute;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/**
 * The URL of each candidate of a `srcset`, split as the HTML standard does: a URL runs to the
 * next whitespace, so the commas of a `data:` URL stay in it.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isSpace(value.charAt(i)) || value.charAt(i) === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !isSpace(value.charAt(i))) i++;
    const url = value.slice(start, i);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    // Descriptors run to the next comma outside parentheses.
    let depth = 0;
    for (; i < value.length; i++) {
      const c = value.charAt(i);
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
    }
  }
  return urls;
}

/** The URLs of an attribute value: a list for `ping`, one per candidate for `srcset`. */
function urlValues(attribute: string, value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  if (attribute === 'values') return items.flatMap((v) => v.split(';'));
  if (attribute !== 'srcset' && attribute !== 'imagesrcset') return items;
  return items.flatMap(srcsetUrls);
}

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The element's start tag on one line: control characters shown as `\t`, `\n`, `\u0001`… */
function startTag(element: Element): string {
  let tag = toHtml({ ...element, children: [] });
  if (tag.endsWith(`</${element.tagName}>`)) tag = tag.slice(0, -(element.tagName.length + 3));
  tag = tag.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return tag.length > 120 ? `${tag.slice(0, 119)}…` : tag;
}

function classes(element: Element): string[] {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function isContentRegion(element: Element): boolean {
  return classes(element).some((c) => (CONTENT_REGIONS as readonly string[]).includes(c));
}

function declarationsOf(style: string): string[] {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
}

function isPipelineStyle(element: Element, style: string): boolean {
  const pattern = PIPELINE_STYLES[element.tagName];
  const declarations = declarationsOf(style);
  return pattern !== undefined && declarations.length > 0 && declarations.every((d) => pattern.test(d));
}

/**
 * Custom properties (`--depth: 0`, `--sl-icon-size: 1em`) only change what the site's own
 * CSS reads from them; without `url(` or escapes they fetch nothing.
 */
function isCustomPropertiesOnly(style: string): boolean {
  const declarations = declarationsOf(style);
  return declarations.length > 0 && declarations.every((d) => /^--[\w-]+\s*:/.test(d) && !/url\(|image\(|\\/i.test(d));
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

interface PageContext {
  dist: string;
  page: string;
  allowed: Allowed;
  problems: Problem[];
}

function report(ctx: PageContext, element: Element, rule: OutputRule, message: string): void {
  ctx.problems.push({
    page: ctx.page,
    line: element.position?.start.line ?? 0,
    column: element.position?.start.column ?? 0,
    rule,
    element: startTag(element),
    message,
  });
}

const ORIGIN = 'https://site.invalid';

/** Why a script address is not one of the build's own files, or undefined if it is. */
function foreignScript(ctx: PageContext, src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src, `${ORIGIN}${ctx.allowed.base}${ctx.page}`);
  } catch {
    return `adresse de script illisible : ${src}`;
  }
  if (url.origin !== ORIGIN) return `script chargé depuis un autre site : ${src}`;
  const assets = `${ctx.allowed.base}_astro/`;
  if (!url.pathname.startsWith(assets)) return `script hors de ${assets} : ${src}`;
  let file: string;
  try {
    file = join(ctx.dist, decodeURIComponent(url.pathname.slice(ctx.allowed.base.length)));
  } catch {
    return `adresse de script illisible : ${src}`;
  }
  const inAstro = relative(join(ctx.dist, '_astro'), file);
  let exists = false;
  try {
    exists = statSync(file).isFile();
  } catch {
    exists = false;
  }
  if (inAstro.startsWith('..') || !exists) return `script absent de la construction : ${src}`;
  return undefined;
}

function checkScript(ctx: PageContext, element: Element): void {
  const props = element.properties;
  // SVG scripts take their address from href or xlink:href.
  const src = props.src ?? props.href ?? props.xLinkHref;
  if (src !== undefined) {
    const why = foreignScript(ctx, src);
    if (why) report(ctx, element, 'script-src', why);
    return;
  }
  const type = typeof props['type'] === 'string' ? props['type'].trim().toLowerCase() : '';
  if (DATA_BLOCK_TYPES.has(type)) return;
  const hash = scriptHash(textOf(element));
  if (!ctx.allowed.inlineScripts.has(hash)) {
    report(ctx, element, 'script-inline', `script en ligne qui ne vient pas du code du site (${hash})`);
  }
}

function checkElement(ctx: PageContext, element: Element, where: Where): void {
  const { tagName, properties } = element;
  if (tagName === 'script') checkScript(ctx, element);
  if (FORBIDDEN_ELEMENTS.has(tagName)) report(ctx, element, 'forbidden-element', `élément <${tagName}> interdit`);
  // The parser splits http-equiv on spaces; a browser compares the whole value.
  const equiv = properties.httpEquiv?.join(' ') ?? '';
  if (tagName === 'meta' && equiv.trim().toLowerCase() === 'refresh') {
    report(ctx, element, 'forbidden-element', 'redirection <meta http-equiv="refresh"> interdite');
  }
  for (const [property, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const attribute = attributeName(property);
    if (attribute.toLowerCase().startsWith('on')) {
      report(ctx, element, 'event-handler', `attribut de gestion d’événement ${attribute}`);
      continue;
    }
    const name = attribute.toLowerCase();
    const animated = ANIMATION_ELEMENTS.has(tagName.toLowerCase()) && ANIMATION_VALUES.has(name);
    if (URL_ATTRIBUTES.has(name) || animated) {
      for (const url of urlValues(name, value)) {
        const scheme = urlScheme(url);
        if (scheme && UNSAFE_SCHEMES.has(scheme)) {
          report(ctx, element, 'unsafe-url', `adresse ${scheme}: dans l’attribut ${attribute}`);
        }
      }
    }
  }
  if (tagName === 'style' && !where.inHead) {
    report(ctx, element, 'style-element', 'feuille de style <style> hors de <head>');
  }
  const { style } = properties;
  if (style === undefined) return;
  if (where.inContent) {
    if (!isPipelineStyle(element, style)) {
      report(ctx, element, 'content-style', 'attribut style dans le contenu contribué');
    }
  } else if (!ctx.allowed.styles.has(style) && !isCustomPropertiesOnly(style)) {
    report(ctx, element, 'style-attribute', 'attribut style qu’aucun composant du site n’écrit');
  }
}

interface Where {
  inContent: boolean;
  inHead: boolean;
}

function walk(ctx: PageContext, nodes: RootContent[], where: Where): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const inside: Where = {
      inContent: where.inContent || isContentRegion(node),
      inHead: where.inHead || node.tagName === 'head',
    };
    checkElement(ctx, node, inside);
    walk(ctx, node.children, inside);
    // A <template>'s markup is kept apart by the parser, and becomes live once a script clones it.
    if (node.content) walk(ctx, node.content.children, inside);
  }
}

/** The problems of one page of `dist`, given as HTML; `page` is its path relative to `dist`. */
export function checkPage(html: string, page: string, dist: string, options: GateOptions = {}): Problem[] {
  const tree: Root = fromHtml(html);
  const ctx: PageContext = { dist, page, allowed: allowed(options), problems: [] };
  walk(ctx, tree.children, { inContent: false, inHead: false });
  return ctx.problems;
}

/** Every problem of every HTML page of a built site, page by page in document order. */
export function checkBuiltSite(distDir: string, options: GateOptions = {}): Problem[] {
  const all = allowed(options);
  return htmlPages(distDir).flatMap((page) => checkPage(readFileSync(join(distDir, page), 'utf8'), page, distDir, all));
}

/** One line per problem: `page:line:column  rule  message  <element>`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.page}:${p.line}:${p.column}  ${p.rule}  ${p.message}  ${p.element}`).join('\n');
}
