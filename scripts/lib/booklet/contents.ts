/**
 * What the booklet holds, in order: the guide's sections as the sidebar lists them, then the
 * toolkits by category, then the closing sections (glossary, sources). Read from the source
 * of the sidebar and from the built toolkit index, so that the booklet follows the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sidebar } from '../../../src/config/sidebar.ts';
import { CATEGORIES } from '../../../src/schemas/toolkit.ts';
import { BOOKLET_MAX_TOOLKITS, CLOSING_SECTIONS } from '../../../src/config/print.ts';
import { selectToolkits, type IndexedToolkit } from './selection.ts';

/** One page of the site in the booklet. */
export interface Chapter {
  /** Site path from the root, without the sub-path: `/decouvrir/genese/`. */
  path: string;
  /** The running header of its pages. */
  part: string;
}

/** A group of chapters under one heading of the table of contents. */
export interface Part {
  label: string;
  chapters: Chapter[];
  /** A sentence printed under the part's heading (the toolkit selection, when there is one). */
  note?: string;
}

interface SidebarGroup {
  label: string;
  items: readonly ({ slug: string } | { link: string; label: string })[];
}

/** The sidebar's sections made of guide pages, split into the guide and its closing sections. */
function guideParts(): { guide: Part[]; closing: Part[] } {
  const guide: Part[] = [];
  const closing: Part[] = [];
  for (const group of sidebar as readonly SidebarGroup[]) {
    const slugs = group.items.flatMap((item) => ('slug' in item ? [item.slug] : []));
    if (slugs.length === 0) continue;
    const part: Part = {
      label: group.label,
      chapters: slugs.map((slug) => ({ path: `/${slug}/`, part: group.label })),
    };
    const closes = slugs.every((slug) => CLOSING_SECTIONS.some((section) => slug.startsWith(`${section}/`)));
    (closes ? closing : guide).push(part);
  }
  return { guide, closing };
}

interface ToolkitIndex {
  toolkits: (IndexedToolkit & { url: string })[];
}

/** The booklet's parts, in order, for the site built in `dist` under `base`. */
export function bookletParts(dist: string, base: string, maxToolkits = BOOKLET_MAX_TOOLKITS): Part[] {
  const { guide, closing } = guideParts();
  const index = JSON.parse(readFileSync(join(dist, 'boites-a-outils/index.json'), 'utf8')) as ToolkitIndex;
  const { selected, note } = selectToolkits(index.toolkits, maxToolkits);
  const chosen = new Set(selected.map((t) => t.slug));
  const toolkitParts: Part[] = [];
  for (const category of CATEGORIES) {
    const toolkits = index.toolkits
      .filter((t) => t.category.id === category.id && chosen.has(t.slug))
      .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
    if (toolkits.length === 0) continue;
    const label = `Boîtes à outils : ${category.label}`;
    toolkitParts.push({
      label,
      chapters: toolkits.map((t) => ({
        path: t.url.startsWith(base) ? `/${t.url.slice(base.length)}` : t.url,
        part: label,
      })),
    });
  }
  if (note && toolkitParts[0]) toolkitParts[0].note = note;
  return [...guide, ...toolkitParts, ...closing];
}
