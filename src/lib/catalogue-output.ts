/**
 * The toolkit catalogue as files: the JSON index served at `/boites-a-outils/index.json` and
 * the Atom feed at `/boites-a-outils/flux.xml`. The site's routes and `npm run index` both
 * call these functions on a catalogue from `buildCatalogue`, so they print the same text.
 */
import { TOOLKITS_PATH, type Catalogue, type CatalogueEntry } from './catalogue.ts';
import { withBase } from './base-path.ts';

export const INDEX_PATH = `${TOOLKITS_PATH}index.json`;
export const FEED_PATH = `${TOOLKITS_PATH}flux.xml`;
/** The feed lists the toolkits updated most recently: readers want news, not the archive. */
export const FEED_LIMIT = 50;

/**
 * The JSON index: the catalogue, indented, ending with a new line. Its addresses (`url`,
 * `image.src`) are the site's own, under its sub-path (`base`), so that a tool reading
 * `…/index.json` resolves them against that address.
 */
export function catalogueJson(catalogue: Catalogue, base = '/'): string {
  const toolkits = catalogue.toolkits.map((entry) => ({
    ...entry,
    url: withBase(base, entry.url),
    ...(entry.image && { image: { ...entry.image, src: withBase(base, entry.image.src) } }),
  }));
  return `${JSON.stringify({ ...catalogue, toolkits }, null, 2)}\n`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function xml(text: string): string {
  // Characters that XML 1.0 forbids are dropped rather than breaking the whole feed.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);
}

/** `2026-11-26` → `2026-11-26T00:00:00Z` (Atom wants a full date and time). */
function atomDate(day: string): string {
  return `${day}T00:00:00Z`;
}

/** Most recently updated first; titles break ties, so the order never depends on file order. */
export function feedEntries(catalogue: Catalogue): CatalogueEntry[] {
  return [...catalogue.toolkits]
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.title.localeCompare(b.title, 'fr')))
    .slice(0, FEED_LIMIT);
}

/**
 * The Atom feed of the toolkits by update date; `siteUrl` is the public address of the home
 * page (`SITE_URL`, sub-path included), to which the site's paths are joined.
 */
export function catalogueFeed(catalogue: Catalogue, siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  const entries = feedEntries(catalogue);
  const updated = entries[0] ? atomDate(entries[0].updated) : catalogue.generated.replace(/\.\d+Z$/, 'Z');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `  <id>${xml(base + TOOLKITS_PATH)}</id>`,
    '  <title>Boîtes à outils du guide KPA-Cité</title>',
    '  <subtitle>Les fiches pratiques du guide, de la plus récemment mise à jour à la plus ancienne.</subtitle>',
    `  <link rel="self" type="application/atom+xml" href="${xml(base + FEED_PATH)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(base + TOOLKITS_PATH)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Contributeurs et contributrices du guide KPA-Cité</name></author>',
  ];
  for (const entry of entries) {
    const url = xml(base + entry.url);
    lines.push(
      '  <entry>',
      `    <id>${url}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${url}"/>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      `    <summary>${xml(entry.summary)}</summary>`,
      `    <category term="${xml(entry.category.id)}" label="${xml(entry.category.label)}"/>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
