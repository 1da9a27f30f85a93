import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileForPath } from '../../scripts/lib/built-site.ts';
import { linksOf } from '../../scripts/lib/built-links.ts';
import { mainContent } from '../../scripts/lib/glossary-links.ts';
import { CATEGORIES } from '../../src/schemas/toolkit.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const slugs = readdirSync(join(ROOT, 'content/toolkits'))
  .filter((f) => /^[^_].*\.mdx$/.test(f))
  .map((f) => f.replace(/\.mdx$/, ''));
const html = (path: string) => readFileSync(fileForPath(DIST, path), 'utf8');

describe('the toolkits', () => {
  it('there are at least 28 toolkits, covering every required activity', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(28);
    for (const required of [
      'disco-soupe',
      'jardin-partage',
      'jardin-de-quartier-participatif',
      'bancs-en-palettes',
      'bibliotheque-sur-mesure',
      'repas-collectif-du-midi',
      'buffet-traiteur',
      'cafe-reparation',
      'epicerie-participative',
      'achat-groupe',
      'distribution-de-flyers',
      'mise-a-jour-site-association',
      'kanban-mural',
      'point-debout',
      'point-gouvernance',
      'semaine-de-remuneration-libre',
      'accueillir-une-nouvelle-personne',
      'serigraphie-textile',
      'tee-shirts-serigraphies-sur-commande',
      'sacs-en-tissu-de-recuperation',
      'objets-imprimes-en-3d',
      'objets-creatifs-de-recuperation',
      'stand-de-jeux-pour-une-fete-de-quartier',
      'repondre-a-une-commande',
      'caisse-et-tresorerie',
      'entretien-de-talents',
      'open-badges',
    ]) {
      expect(slugs).toContain(required);
    }
  });

  it('every toolkit is built with its facts panel, checklist, missions, commons and licence', () => {
    for (const slug of slugs) {
      const page = html(`/boites-a-outils/${slug}/`);
      expect(page, slug).toContain('class="toolkit-facts');
      for (const label of ['Catégorie', 'Difficulté', 'Durée', 'Groupe', 'Budget indicatif']) {
        expect(page, `${slug} : ${label}`).toMatch(new RegExp(`<dt[^>]*>${label}</dt>`));
      }
      expect(page, slug).toContain('id="missions-economiques"');
      expect(page, slug).toContain('id="en-faire-un-commun"');
      expect(page, slug).toContain('id="sources-et-licence"');
      expect(page, slug).toMatch(/rel="license"/);
      expect(page, slug).toContain('data-print');
    }
  });

  it('the catalogue lists every toolkit once, grouped by category', () => {
    const catalogue = html('/boites-a-outils/');
    for (const slug of slugs) {
      expect(catalogue.split(`data-slug="${slug}"`).length - 1, slug).toBe(1);
    }
    const order = CATEGORIES.map((c) => catalogue.indexOf(`data-group-category="${c.id}"`)).filter((i) => i >= 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a variant links to its original, and the original lists it', () => {
    const variant = html('/boites-a-outils/soupe-pour-un-evenement/');
    expect(linksOf(mainContent(variant))).toContain('/boites-a-outils/disco-soupe/');
    expect(linksOf(mainContent(html('/boites-a-outils/disco-soupe/')))).toContain(
      '/boites-a-outils/soupe-pour-un-evenement/',
    );
  });

  it('guide pages link to the toolkits they mention', () => {
    const communs = linksOf(mainContent(html('/fonctionnement/communs-et-missions-economiques/')));
    for (const slug of ['disco-soupe', 'bancs-en-palettes', 'jardin-partage', 'jardin-de-quartier-participatif']) {
      expect(communs).toContain(`/boites-a-outils/${slug}/`);
    }
    expect(linksOf(mainContent(html('/fonctionnement/remuneration-libre/')))).toContain(
      '/boites-a-outils/semaine-de-remuneration-libre/',
    );
    expect(linksOf(mainContent(html('/fonctionnement/gouvernance-stigmergique/')))).toContain(
      '/boites-a-outils/kanban-mural/',
    );
    const activities = linksOf(mainContent(html('/decouvrir/qu-est-ce-qu-un-kpa/')));
    for (const slug of [
      'serigraphie-textile',
      'sacs-en-tissu-de-recuperation',
      'objets-imprimes-en-3d',
      'objets-creatifs-de-recuperation',
      'stand-de-jeux-pour-une-fete-de-quartier',
    ]) {
      expect(activities).toContain(`/boites-a-outils/${slug}/`);
    }
    const learning = linksOf(mainContent(html('/fonctionnement/apprendre-en-faisant/')));
    for (const slug of ['repondre-a-une-commande', 'caisse-et-tresorerie', 'entretien-de-talents']) {
      expect(learning).toContain(`/boites-a-outils/${slug}/`);
    }
  });

  it('no page’s sidebar links to a single toolkit, so pages do not grow with the collection', () => {
    for (const path of ['/decouvrir/genese/', '/boites-a-outils/disco-soupe/', '/boites-a-outils/']) {
      const page = html(path);
      const start = page.indexOf('<nav class="sidebar');
      const sidebar = linksOf(page.slice(start, page.indexOf('</nav>', start)));
      expect(sidebar.filter((href) => slugs.some((s) => href === `/boites-a-outils/${s}/`))).toEqual([]);
    }
  });

  it('a toolkit page stays under 15 KB of gzipped HTML', () => {
    const size = gzipSync(html('/boites-a-outils/disco-soupe/')).length;
    expect(size).toBeLessThan(15 * 1024);
  });
});
