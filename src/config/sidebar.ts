/**
 * The sidebar, organised by what a reader wants to do. Toolkits appear as the catalogue and
 * its categories, never one link per toolkit: a page's HTML must not grow with their number.
 *
 * Starlight's `autogenerate` only understands pages under `src/content/docs/`; our guide lives
 * in the top-level `content/docs/`, so each section lists its folder's pages here, ordered
 * like `autogenerate` would: by `sidebar.order`, then by title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES } from '../schemas/toolkit.ts';
import { TOOLKITS_PATH, categoryPath } from '../lib/catalogue.ts';
import { SEARCH_PATH } from './search.ts';

const DOCS = join(import.meta.dirname, '../../content/docs');

interface PageFrontmatter {
  title?: string;
  sidebar?: { order?: number; hidden?: boolean };
}

function frontmatterOf(file: string): PageFrontmatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  try {
    return (parse(match?.[1] ?? '') as PageFrontmatter | null) ?? {};
  } catch {
    // The build reports the broken frontmatter with its line; the sidebar just skips the order.
    return {};
  }
}

/** The pages of `content/docs/<directory>/`, as Starlight sidebar links by slug. */
export function sectionItems(directory: string, root = DOCS): { slug: string }[] {
  return readdirSync(join(root, directory))
    .filter((name) => /^[^_].*\.mdx?$/.test(name))
    .map((name) => {
      const data = frontmatterOf(join(root, directory, name));
      const base = name.replace(/\.mdx?$/, '');
      return {
        slug: base === 'index' ? directory : `${directory}/${base}`,
        order: data.sidebar?.order ?? Number.POSITIVE_INFINITY,
        title: data.title ?? base,
        hidden: data.sidebar?.hidden === true,
      };
    })
    .filter((page) => !page.hidden)
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'fr'))
    .map(({ slug }) => ({ slug }));
}

export const sidebar = [
  { label: 'Découvrir les KPA', items: sectionItems('decouvrir') },
  { label: 'Comment fonctionne un KPA', items: sectionItems('fonctionnement') },
  { label: 'Créer un KPA', items: sectionItems('creer') },
  {
    label: 'Boîtes à outils',
    items: [
      { label: 'Toutes les boîtes à outils', link: TOOLKITS_PATH },
      { label: 'Rechercher', link: SEARCH_PATH },
      ...CATEGORIES.map((c) => ({ label: c.label, link: categoryPath(c.id) })),
    ],
  },
  { label: 'Ressources', items: sectionItems('ressources') },
  { label: 'Contribuer', items: sectionItems('contribuer') },
];
