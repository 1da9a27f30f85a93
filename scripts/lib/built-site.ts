/**
 * Checks on the output of a production build (`dist/`): every page listed in the sitemap
 * exists, the Pagefind index exists, and every page says it is in French.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

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

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').trim());
}

/** The path of every page in the sitemap, e.g. `/decouvrir/genese/`. */
export function sitemapPaths(dist: string): string[] {
  const index = join(dist, 'sitemap-index.xml');
  if (!existsSync(index)) return [];
  return locs(readFileSync(index, 'utf8')).flatMap((url) => {
    const file = join(dist, new URL(url).pathname);
    return existsSync(file) ? locs(readFileSync(file, 'utf8')).map((u) => decodeURI(new URL(u).pathname)) : [];
  });
}

/** The file that serves a site path in a static build. */
export function fileForPath(dist: string, path: string): string {
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

export function checkBuiltSite(dist: string): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const paths = sitemapPaths(dist);
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
    if (!/<html[^>]*\slang="fr"/.test(html)) {
      issues.push({ file, rule: 'html-lang', message: 'la page ne déclare pas lang="fr"' });
    }
  }
  return issues;
}
