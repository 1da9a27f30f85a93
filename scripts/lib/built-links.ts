/**
 * Internal links of a built site: every `href` that stays on the site must lead to a built
 * file and, when it has one, to an element with that `id`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileForPath, htmlFiles } from './built-site.ts';

export interface LinkIssue {
  /** The page that holds the link, as a site path. */
  page: string;
  href: string;
  rule: 'link-target-missing' | 'link-anchor-missing';
  message: string;
}

/** The site path a built HTML file serves: `a/index.html` → `/a/`. */
export function pathOfFile(file: string): string {
  const path = `/${file.replace(/\\/g, '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

const HREF = /<a\b[^>]*?\shref="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

/** The `href` of every link in `html`. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(HREF)].map((m) => decodeEntities(m[1] ?? ''));
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1] ?? '')));
}

export function checkInternalLinks(dist: string): LinkIssue[] {
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
    const html = readFileSync(join(dist, file), 'utf8');
    for (const href of new Set(linksOf(html))) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // another site, mailto:, tel:
      const url = new URL(href, `http://site.invalid${page}`);
      const target = fileForPath(dist, decodeURIComponent(url.pathname));
      if (!existsSync(target)) {
        issues.push({ page, href, rule: 'link-target-missing', message: `le lien ${href} mène à une page absente` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !idsAt(target).has(anchor)) {
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
