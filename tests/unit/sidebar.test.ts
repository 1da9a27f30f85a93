import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sectionItems, sidebar } from '../../src/config/sidebar.ts';

const root = mkdtempSync(join(tmpdir(), 'kpa-sidebar-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function page(path: string, frontmatter: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), `---\n${frontmatter}\n---\n\nTexte.\n`);
}

describe('the sidebar', () => {
  it('lists a section’s pages by sidebar order, then by title, without hidden or partial pages', () => {
    page('section/b.mdx', 'title: Bêta\nsidebar:\n  order: 2');
    page('section/a.mdx', 'title: Alpha\nsidebar:\n  order: 2');
    page('section/premier.md', 'title: Zèbre\nsidebar:\n  order: 1');
    page('section/sans-ordre.mdx', 'title: Après tout');
    page('section/cache.mdx', 'title: Caché\nsidebar:\n  hidden: true');
    page('section/_brouillon.mdx', 'title: Brouillon');
    page('section/index.mdx', 'title: Sommaire\nsidebar:\n  order: 0');
    expect(sectionItems('section', root)).toEqual([
      { slug: 'section' },
      { slug: 'section/premier' },
      { slug: 'section/a' },
      { slug: 'section/b' },
      { slug: 'section/sans-ordre' },
    ]);
  });

  it('links to the toolkit catalogue, the search page and the categories, never to a single toolkit', () => {
    const group = sidebar.find((g) => g.label === 'Boîtes à outils');
    const links = (group?.items ?? []).map((item) => ('link' in item ? item.link : ''));
    expect(links.slice(0, 2)).toEqual(['/boites-a-outils/', '/recherche/']);
    for (const link of links.slice(2)) expect(link).toMatch(/^\/boites-a-outils\/categorie\/[a-z-]+\/$/);
  });
});
