import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fileForPath, sitemapPaths } from '../../scripts/lib/built-site.ts';
import { diagramSchema } from '../../src/schemas/diagram.ts';
import { renderDiagram } from '../../src/lib/diagrams/render.ts';
import { CATEGORIES } from '../../src/schemas/toolkit.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const DIAGRAMS = readdirSync(join(ROOT, 'content/diagrams'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const name = f.replace(/\.yaml$/, '');
    return { name, data: diagramSchema.parse(load(readFileSync(join(ROOT, 'content/diagrams', f), 'utf8'))) };
  });

const PAGES = sitemapPaths(DIST).map((path) => ({ path, html: readFileSync(fileForPath(DIST, path), 'utf8') }));

function elementsOf(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

const classList = (el: Element) => (Array.isArray(el.properties['className']) ? el.properties['className'] : []);
const textOf = (el: Element): string =>
  el.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
/** An SVG as the browser's parser reads it, serialised the same way for comparison. */
const normalised = (svg: Element) => toHtml(svg, { space: 'svg' });

describe('the diagrams on the built site', () => {
  const figures = PAGES.flatMap(({ path, html }) =>
    elementsOf(fromHtml(html), (el) => el.tagName === 'figure' && classList(el).includes('dg-figure')).map(
      (figure) => ({ path, figure, name: String(figure.properties['dataDiagram']) }),
    ),
  );

  it('every diagram of content/diagrams/ is shown on a page, and every figure comes from one', () => {
    const shown = new Set(figures.map((f) => f.name));
    expect(DIAGRAMS.map((d) => d.name).filter((name) => !shown.has(name))).toEqual([]);
    expect([...shown].filter((name) => !DIAGRAMS.some((d) => d.name === name))).toEqual([]);
  });

  it.each(DIAGRAMS)(
    '« $name » is shown as drawn from its source today, with its caption and text alternative',
    ({ name, data }) => {
      const fresh = fromHtml(renderDiagram(data, name).html, { fragment: true });
      const [expected] = elementsOf(fresh, (el) => el.tagName === 'svg');
      if (!expected) throw new Error('aucun SVG dessiné');
      for (const { path, figure } of figures.filter((f) => f.name === name)) {
        const [svg] = elementsOf(figure, (el) => el.tagName === 'svg');
        if (!svg) throw new Error(`${path} : pas de SVG dans la figure`);
        // The picture in the page is the one its source draws now: nothing stale.
        expect(normalised(svg), `${path} : ${name}`).toBe(normalised(expected));
        expect(svg.properties['role']).toBe('img');
        expect(svg.properties['ariaLabel']).toBe(data.alt);
        const [caption] = elementsOf(figure, (el) => el.tagName === 'figcaption');
        expect(caption && textOf(caption).trim(), `${path} : légende de ${name}`).toBe(data.title);
      }
    },
  );

  it('toolkit and guide pages stay under 20 KB of gzipped HTML, diagrams included', () => {
    const weights = PAGES.filter(
      ({ path }) => !path.startsWith('/boites-a-outils/') || /^\/boites-a-outils\/[^/]+\/$/.test(path),
    )
      .filter(({ path }) => !['/recherche/', '/boites-a-outils/categorie/'].some((p) => path.startsWith(p)))
      .map(({ path, html }) => ({ path, bytes: gzipSync(html).length }))
      .sort((a, b) => b.bytes - a.bytes);
    const heaviest = weights[0];
    expect(heaviest, 'aucune page').toBeDefined();
    expect(heaviest?.bytes, `la page la plus lourde : ${heaviest?.path ?? ''}`).toBeLessThan(20 * 1024);
  });
});

describe('the category illustrations', () => {
  const page = (path: string) => fromHtml(PAGES.find((p) => p.path === path)?.html ?? '');
  const icons = (tree: Root | Element) =>
    elementsOf(tree, (el) => el.tagName === 'svg' && classList(el).includes('category-icon'));

  it('every toolkit card of the catalogue shows its category’s illustration, hidden from screen readers', () => {
    const cards = elementsOf(
      page('/boites-a-outils/'),
      (el) => el.tagName === 'li' && classList(el).includes('toolkit-card'),
    );
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const [icon] = icons(card);
      expect(icon, String(card.properties['dataSlug'])).toBeDefined();
      expect(icon?.properties['ariaHidden']).toBe('true');
      // The illustration is decorative: the category is written in the card.
      expect(textOf(card)).toContain(CATEGORIES.find((c) => c.id === card.properties['dataCategory'])?.label);
    }
  });

  it('each category of the catalogue, and each category page, shows its illustration', () => {
    const catalogue = page('/boites-a-outils/');
    for (const group of elementsOf(catalogue, (el) => el.properties['dataGroupCategory'] !== undefined)) {
      expect(icons(group).length, String(group.properties['dataGroupCategory'])).toBeGreaterThan(0);
    }
    for (const category of CATEGORIES) {
      const found = icons(page(`/boites-a-outils/categorie/${category.id}/`));
      expect(found.length, category.id).toBeGreaterThan(0);
      expect(found.every((icon) => icon.properties['ariaHidden'] === 'true')).toBe(true);
    }
  });
});
