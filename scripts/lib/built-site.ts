/**
 * Checks on the output of a production build (`dist/`): every page listed in the sitemap
 * exists, the Pagefind index exists, and every page says it is in French.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XmlElement, parseXml, type XmlNode } from '@rgrove/parse-xml';
import { fromHtml } from 'hast-util-from-html';

export interface SiteIssue {
  file: string;
  rule: 'sitemap-page-missing' | 'pagefind-missing' | 'html-lang' | 'sitemap-missing';
  message: string;
}

/** Every `.html` file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** The text of every `<loc>` of a sitemap or sitemap index, read as XML. */
function locs(xml: string): string[] {
  const out: string[] = [];
  const walk = (node: XmlNode): void => {
    if (!(node instanceof XmlElement)) return;
    if (node.name === 'loc') out.push(node.text.trim());
    else for (const child of node.children) walk(child);
  };
  for (const child of parseXml(xml).children) walk(child);
  return out;
}

/**
 * The path of every page in the sitemap, from the site's root (`/decouvrir/genese/`), for a
 * site built under `base` (`/`, or `/guide/`). An address outside `base` is kept whole, so
 * that it shows up as missing.
 */
export function sitemapPaths(dist: string, base = '/'): string[] {
  const sitePath = (url: string) => {
    const path = decodeURI(new URL(url).pathname);
    return path.startsWith(base) ? `/${path.slice(base.length)}` : url;
  };
  const index = join(dist, 'sitemap-index.xml');
  if (!existsSync(index)) return [];
  return locs(readFileSync(index, 'utf8')).flatMap((url) => {
    const file = join(dist, sitePath(url));
    return existsSync(file) ? locs(readFileSync(file, 'utf8')).map(sitePath) : [];
  });
}

/** The file that serves a site path in a static build. */
export function fileForPath(dist: string, path: string): string {
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

/** The `lang` of a page's `<html>` element, read as a browser reads the page. */
function pageLang(html: string): string | undefined {
  const root = fromHtml(html);
  const element = root.children.find((node) => node.type === 'element' && node.tagName === 'html');
  const lang = element?.type === 'element' ? element.properties['lang'] : undefined;
  return typeof lang === 'string' ? lang : undefined;
}

export function checkBuiltSite(dist: string, base = '/'): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const paths = sitemapPaths(dist, base);
  if (paths.length === 0) {
    issues.push({ file: 'sitemap-index.xml', rule: 'sitemap-missing', message: 'sitemap absent ou vide' });
  }
  for (const path of paths) {
    if (!existsSync(fileForPath(dist, path))) {
      issues.push({
        file: path,
        rule: 'sitemap-page-missing',
        message: `la page ${path} du sitemap n’a pas été construite`,
      });
    }
  }
  for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
    if (!existsSync(join(dist, file))) {
      issues.push({ file, rule: 'pagefind-missing', message: `index de recherche Pagefind absent (${file})` });
    }
  }
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8');
    if (pageLang(html) !== 'fr') {
      issues.push({ file, rule: 'html-lang', message: 'la page ne déclare pas lang="fr"' });
    }
  }
  return issues;
}
