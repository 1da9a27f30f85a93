/**
 * The links of a built site that lead to other sites, with the pages that hold them, for
 * `npm run links`. No request is made: the report says where the links go, a person (or a
 * link checker with network access) follows them. A link over plain `http:` is flagged: the
 * reader leaves an encrypted page for an unencrypted one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './built-site.ts';
import { pathOfFile, referencesOf } from './built-links.ts';

export interface ExternalLink {
  /** The address as the browser reads it (`new URL(href).href`). */
  url: string;
  /** Pages that link to it, as site paths, in order. */
  pages: string[];
  /** Whether it is over plain `http:`. */
  insecure: boolean;
}

export interface ExternalLinksOptions {
  /** The site's public address: links to it are the site's own, not external. */
  siteUrl?: string;
}

/** Up to this many pages, a link's pages are always listed. */
const SHORT_LIST = 10;

/** Where a built page sits for the browser, from which its relative addresses resolve. */
const ORIGIN = 'https://site.invalid';

/** Every link (`<a href>`, `<area href>`) of the pages of `dist` to another site, by address. */
export function externalLinks(dist: string, options: ExternalLinksOptions = {}): ExternalLink[] {
  const own = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
  const pagesOf = new Map<string, Set<string>>();
  for (const file of htmlFiles(dist)) {
    const page = pathOfFile(file);
    for (const ref of referencesOf(readFileSync(join(dist, file), 'utf8'))) {
      if ((ref.element !== 'a' && ref.element !== 'area') || ref.attribute !== 'href') continue;
      let url: URL;
      try {
        url = new URL(ref.url, `${ORIGIN}${page}`);
      } catch {
        continue; // not an address a browser could follow
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === ORIGIN || url.origin === own) {
        continue;
      }
      const pages = pagesOf.get(url.href) ?? new Set<string>();
      pages.add(page);
      pagesOf.set(url.href, pages);
    }
  }
  return [...pagesOf]
    .map(([url, pages]) => ({ url, pages: [...pages].sort(), insecure: url.startsWith('http:') }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * The report, in Markdown: the links over `http:` first, then every link by site (host),
 * each with its pages (`allPages`, as site paths); a link on most pages (and more than ten)
 * names those without it.
 */
export function externalLinksReport(links: readonly ExternalLink[], allPages: readonly string[]): string {
  const pageCount = allPages.length;
  const lines = ['# Liens vers d’autres sites', ''];
  const insecure = links.filter((l) => l.insecure);
  const hosts = new Map<string, ExternalLink[]>();
  for (const link of links) {
    const host = new URL(link.url).host;
    hosts.set(host, [...(hosts.get(host) ?? []), link]);
  }
  lines.push(
    `${String(links.length)} adresse(s) sur ${String(hosts.size)} site(s), dans ${String(pageCount)} page(s) ; ` +
      `${String(insecure.length)} en http: sans chiffrement.`,
    '',
  );
  const pagesOf = (link: ExternalLink) => {
    if (link.pages.length <= SHORT_LIST || link.pages.length <= pageCount / 2) return link.pages.join(', ');
    const others = allPages.filter((p) => !link.pages.includes(p));
    const all = `toutes les pages (${String(link.pages.length)})`;
    return others.length === 0 ? all : `${all} sauf ${others.join(', ')}`;
  };
  if (insecure.length > 0) {
    lines.push('## ⚠ Liens en http: (à passer en https: si le site le permet)', '');
    for (const link of insecure) lines.push(`- ⚠ http: ${link.url} — ${pagesOf(link)}`);
    lines.push('');
  }
  for (const [host, hostLinks] of [...hosts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`## ${host}`, '');
    for (const link of hostLinks) lines.push(`- ${link.insecure ? '⚠ http: ' : ''}${link.url} — ${pagesOf(link)}`);
    lines.push('');
  }
  return lines.join('\n');
}
