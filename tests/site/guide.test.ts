import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileForPath } from '../../scripts/lib/built-site.ts';
import { checkInternalLinks, linksOf } from '../../scripts/lib/built-links.ts';
import { mainContent, missingGlossaryLinks, textWithoutHeadings } from '../../scripts/lib/glossary-links.ts';
import { glossaryEntrySchema } from '../../src/schemas/glossary.ts';
import { DIST, ROOT } from '../helpers/site.ts';

/** The pages the guide promises its readers. */
const GUIDE_PAGES = [
  '/decouvrir/qu-est-ce-qu-un-kpa/',
  '/decouvrir/genese/',
  '/decouvrir/les-kpa/',
  '/fonctionnement/du-modele-cjs-au-kpa/',
  '/fonctionnement/gouvernance-stigmergique/',
  '/fonctionnement/remuneration-libre/',
  '/fonctionnement/apprendre-en-faisant/',
  '/fonctionnement/communs-et-missions-economiques/',
  '/fonctionnement/tiers-lieu/',
  '/creer/creer-un-kpa/',
  '/creer/questions-frequentes/',
  '/ressources/glossaire/',
  '/ressources/sources-et-licence/',
  '/contribuer/',
];

const html = (path: string) => readFileSync(fileForPath(DIST, path), 'utf8');
const glossary = (parse(readFileSync(join(ROOT, 'content/glossaire.yaml'), 'utf8')) as unknown[]).map((e) =>
  glossaryEntrySchema.parse(e),
);

function sidebarLinks(page: string): string[] {
  const source = html(page);
  const start = source.indexOf('<nav class="sidebar');
  return linksOf(source.slice(start, source.indexOf('</nav>', start)));
}

describe('the guide', () => {
  it('every page is built and reachable from the sidebar', () => {
    const sidebar = sidebarLinks('/decouvrir/genese/');
    for (const page of GUIDE_PAGES) {
      expect(html(page)).toContain('<html lang="fr"');
      expect(sidebar, `lien vers ${page} dans la barre latérale`).toContain(page);
    }
  });

  it('every page has a description for search and social cards, and a Sources section', () => {
    for (const page of GUIDE_PAGES) {
      const description = /<meta name="description" content="([^"]*)"/.exec(html(page))?.[1] ?? '';
      expect(description.length, `description de ${page}`).toBeGreaterThan(30);
      expect(description.length, `description de ${page}`).toBeLessThan(160);
      expect(html(page), `section Sources de ${page}`).toContain('id="sources"');
    }
  });

  it('the remuneration page lists the five criteria chosen by the youth, in their order', () => {
    const content = mainContent(html('/fonctionnement/remuneration-libre/'));
    const section = content.slice(content.indexOf('id="les-cinq-critères'));
    const list = /<ol>([\s\S]*?)<\/ol>/.exec(section)?.[1] ?? '';
    const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textWithoutHeadings(m[1] ?? ''));
    expect(items).toHaveLength(5);
    const expected = [
      /temps.*coopérative/i,
      /besoins/i,
      /argent.*gagné/i,
      /argent disponible.*pot commun/i,
      /entretien.*quotidien/i,
    ];
    expected.forEach((pattern, i) => {
      expect(items[i]).toMatch(pattern);
    });
  });

  it('every glossary term used in a guide page links to its glossary entry', () => {
    const problems = [...GUIDE_PAGES.filter((p) => p !== '/ressources/glossaire/'), '/'].flatMap((page) =>
      missingGlossaryLinks(mainContent(html(page)), glossary).map((i) => `${page} : ${i.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('every glossary entry has its anchor on the glossary page', () => {
    const page = html('/ressources/glossaire/');
    for (const entry of glossary) expect(page).toContain(`id="${entry.id}"`);
  });

  it('every internal link of the built site leads to a page and an anchor that exist', () => {
    expect(checkInternalLinks(DIST)).toEqual([]);
  });
});
