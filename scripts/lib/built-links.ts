/**
 * The addresses a built site writes into its pages: every link, script, style sheet, image
 * or form that stays on the site must lead to a built file, under the site's sub-path
 * (`BASE_PATH`), and a link with a `#fragment` to an element with that `id`. Pages are read
 * as a browser reads them (parse5, through hast-util-from-html).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { fileForPath, htmlFiles } from './built-site.ts';

export interface LinkIssue {
  /** The page that holds the address, as a site path (without the sub-path). */
  page: string;
  href: string;
  rule: 'link-target-missing' | 'link-anchor-missing' | 'link-outside-base';
  message: string;
}

export interface LinkOptions {
  /** The sub-path the site is built for, `/` or `/guide/`. */
  base?: string;
  /** The site's public address (`https://owner.github.io/guide/`): absolute addresses under it are checked too. */
  siteUrl?: string;
}

/** The site path a built HTML file serves: `a/index.html` → `/a/`. */
export function pathOfFile(file: string): string {
  const path = `/${file.replace(/\\/g, '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** An address written in a page, with the element it belongs to. */
export interface Reference {
  element: string;
  attribute: string;
  url: string;
  /** A `<link>`'s relation (`canonical`, `stylesheet`…). */
  rel?: string;
}

/** hast property names (camelCase, as hast-util-from-html gives them) that hold one address. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data'] as const;
/** `<meta>` whose `content` is an address (Open Graph and Twitter cards). */
const URL_METAS = new Set(['og:url', 'og:image', 'twitter:image']);

function walk(node: Nodes, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
  if (node.type === 'element' && node.tagName === 'template' && node.content) walk(node.content, visit);
}

/** Every address a page (or a fragment of one) refers to, in document order. */
export function referencesOf(html: string): Reference[] {
  const references: Reference[] = [];
  walk(fromHtml(html), (element) => {
    const props = element.properties;
    for (const name of URL_PROPERTIES) {
      const value = props[name];
      if (typeof value !== 'string') continue;
      const rel = props['rel'];
      references.push({
        element: element.tagName,
        attribute: name,
        url: value,
        ...(Array.isArray(rel) ? { rel: rel.join(' ') } : {}),
      });
    }
    // hast splits `srcset` on commas; each candidate is an address then a size (`a.webp 2x`).
    const srcSet = props['srcSet'];
    for (const candidate of Array.isArray(srcSet) ? srcSet : []) {
      const url = String(candidate).trim().split(/\s+/)[0];
      if (url) references.push({ element: element.tagName, attribute: 'srcset', url });
    }
    const meta = props['property'] ?? props['name'];
    if (element.tagName === 'meta' && typeof meta === 'string' && URL_METAS.has(meta)) {
      const content = props['content'];
      if (typeof content === 'string') references.push({ element: 'meta', attribute: meta, url: content });
    }
  });
  return references;
}

/** The `href` of every link (`<a>`) in `html`, as written. */
export function linksOf(html: string): string[] {
  return referencesOf(html)
    .filter((ref) => ref.element === 'a' && ref.attribute === 'href')
    .map((ref) => ref.url);
}

/** Every `id` in a page. */
export function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  walk(fromHtml(html), (element) => {
    const id = element.properties['id'];
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}

/** Where a built page sits for the browser, from which its relative addresses resolve. */
const ORIGIN = 'http://site.invalid';

export function checkInternalLinks(dist: string, options: LinkOptions = {}): LinkIssue[] {
  const base = options.base ?? '/';
  const site = options.siteUrl ? new URL(options.siteUrl) : undefined;
  const issues: LinkIssue[] = [];
  const idCache = new Map<string, Set<string>>();
  const idsAt = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = idsOf(readFileSync(file, 'utf8'));
      idCache.set(file, ids);
    }
    return ids;
  };
  for (const file of htmlFiles(dist)) {
    const page = pathOfFile(file);
    const pageUrl = new URL(base + page.slice(1), ORIGIN);
    const seen = new Set<string>();
    for (const { element, attribute, url: href, rel } of referencesOf(readFileSync(join(dist, file), 'utf8'))) {
      // The 404 page answers at every missing address; Starlight still gives it one of its own.
      if (page === '/404.html' && (rel === 'canonical' || attribute === 'og:url')) continue;
      if (seen.has(href)) continue;
      seen.add(href);
      let url: URL;
      try {
        url = new URL(href, pageUrl);
      } catch {
        continue; // not an address a browser could follow; the output gate judges the rest
      }
      if (site && url.origin === site.origin) url = new URL(url.pathname + url.search + url.hash, ORIGIN);
      if (url.origin !== ORIGIN) continue; // another site, mailto:, tel:, data:
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        issues.push({ page, href, rule: 'link-outside-base', message: `l’adresse ${href} sort du site (${base})` });
        continue;
      }
      const target = fileForPath(dist, `/${path.slice(base.length)}`);
      if (!existsSync(target)) {
        issues.push({ page, href, rule: 'link-target-missing', message: `le lien ${href} mène à une page absente` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (element === 'a' && anchor && target.endsWith('.html') && !idsAt(target).has(anchor)) {
        issues.push({
          page,
          href,
          rule: 'link-anchor-missing',
          message: `l’ancre #${anchor} n’existe pas sur ${url.pathname}`,
        });
      }
    }
  }
  return issues;
}
