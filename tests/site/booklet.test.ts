/**
 * The PDFs that `npm run booklet` prints from the built site (the global setup runs it after
 * the build): the booklet and the toolkit sheets. Their text is read with `pdftotext`
 * (Debian's poppler-utils), their structure (pages, links, destinations, metadata) with
 * pdf-lib.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import { BOOKLET_PATH, sheetPath } from '../../src/config/print.ts';
import { bookletParts } from '../../scripts/lib/booklet/contents.ts';
import { destinationPages, pdfLinks } from '../../scripts/lib/booklet/pdf.ts';
import { fileForPath } from '../../scripts/lib/built-site.ts';
import { DIST, ROOT } from '../helpers/site.ts';

/** The text of a PDF (or of some of its pages), as poppler lays it out. */
function pdfText(file: string, pages?: { first: number; last: number }, layout = false): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const args = [...range, ...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
  const result = spawnSync('pdftotext', args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      'pdftotext est introuvable : installez poppler-utils (Debian : « apt-get install poppler-utils »).',
    );
  }
  if (result.status !== 0) throw new Error(`pdftotext a échoué sur ${file} : ${result.stderr}`);
  return result.stdout;
}

/** pdftotext breaks lines and spaces as the layout does; compare words only. */
const words = (value: string) => value.replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

const booklet = join(DIST, BOOKLET_PATH.slice(1));
const parts = bookletParts(DIST, '/');
const chapters = parts.flatMap((p) => p.chapters);

function pageTitle(path: string): string {
  let title = '';
  visit(fromHtml(readFileSync(fileForPath(DIST, path), 'utf8')), 'element', (e) => {
    if (e.tagName === 'h1' && e.properties['id'] === '_top') title = toString(e).trim();
  });
  return title;
}

describe('the booklet', () => {
  const bytes = readFileSync(booklet);

  it('holds the guide in sidebar order, then the toolkits by category, then the glossary and the sources', async () => {
    const titles = chapters.map((c) => pageTitle(c.path));
    expect(titles).toContain('La genèse');
    expect(titles).toContain('Disco Soupe');
    expect(titles.slice(-2)).toEqual(['Glossaire', 'Sources et licence']);
    expect(chapters.filter((c) => c.path.startsWith('/boites-a-outils/')).length).toBe(toolkitCount());
    // In order, from the first chapter's page on: each title comes after the previous one.
    const first = (await destinationPages(bytes)).get('c1') ?? 0;
    const doc = await PDFDocument.load(bytes);
    const body = words(pdfText(booklet, { first: first + 1, last: doc.getPageCount() }));
    let at = 0;
    for (const title of titles) {
      const found = body.indexOf(words(title), at);
      expect(found, `« ${title} » après la position ${String(at)}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('has a sane number of pages, a cover with the build’s date and licence, and numbered pages', async () => {
    const doc = await PDFDocument.load(bytes);
    const count = doc.getPageCount();
    expect(count).toBeGreaterThanOrEqual(chapters.length + 2);
    expect(count).toBeLessThanOrEqual(chapters.length * 8);
    const cover = words(pdfText(booklet, { first: 1, last: 1 }));
    expect(cover).toMatch(/Édition du (1er|\d{1,2}) \p{L}+ \d{4}/u);
    expect(cover).toContain('BY-SA 4.0');
    // A page of the guide carries its running header and its number.
    const page10 = pdfText(booklet, { first: 10, last: 10 });
    expect(page10.trim().split('\n').at(-1)?.trim()).toBe('10');
  });

  it('has a clickable table of contents whose links and page numbers lead to each chapter', async () => {
    const destinations = await destinationPages(bytes);
    const links = await pdfLinks(bytes);
    const firstChapter = destinations.get('c1') ?? 0;
    const tocLinks = links.filter((l) => l.page < firstChapter && l.dest !== undefined);
    expect(tocLinks.length).toBe(chapters.length);
    const toc = words(pdfText(booklet, { first: 2, last: firstChapter }, true));
    for (const link of tocLinks) {
      const page = destinations.get(link.dest ?? '');
      expect(page, `destination ${String(link.dest)}`).toBeDefined();
      expect(page).toBeGreaterThan(link.page);
    }
    // The number printed beside « La genèse » is the page where its chapter starts.
    const genese = chapters.findIndex((c) => c.path === '/decouvrir/genese/');
    const printed = new RegExp(`La genèse (\\d+)`).exec(toc)?.[1];
    expect(Number(printed)).toBe((destinations.get(`c${String(genese + 1)}`) ?? -2) + 1);
    const pageText = words(pdfText(booklet, { first: Number(printed), last: Number(printed) }));
    expect(pageText).toContain('La genèse');
  });

  it('links between pages inside the document, and prints other addresses as notes', async () => {
    const destinations = await destinationPages(bytes);
    const links = await pdfLinks(bytes);
    const internal = links.filter((l) => l.dest !== undefined);
    expect(internal.length).toBeGreaterThan(chapters.length * 2);
    for (const link of internal) expect(destinations.has(link.dest ?? ''), String(link.dest)).toBe(true);
    // A glossary term in « La genèse » jumps to its definition, in the glossary's chapter.
    const glossary = chapters.findIndex((c) => c.path === '/ressources/glossaire/');
    expect(internal.some((l) => l.dest === `c${String(glossary + 1)}--tiers-lieu`)).toBe(true);
    // No address of the local server nor of the site's navigation is left as a link.
    const outside = links.filter((l) => l.uri !== undefined).map((l) => l.uri ?? '');
    expect(outside.length).toBeGreaterThan(0);
    for (const uri of outside) expect(uri).toMatch(/^(https?:|mailto:)/);
    const text = words(pdfText(booklet));
    expect(text).toContain('Liens de cette page');
    expect(text).toContain('www.kpacite.fr/origine/');
    for (const screenOnly of ['Rechercher', 'Modifier cette page', 'Télécharger la fiche (PDF)']) {
      expect(text, screenOnly).not.toContain(screenOnly);
    }
    // « Imprimer » is also a word of the screen-printing toolkits: the print button's label is
    // looked for in a toolkit whose text never uses it.
    const soup = chapters.findIndex((c) => c.path === '/boites-a-outils/disco-soupe/');
    const first = (destinations.get(`c${String(soup + 1)}`) ?? -2) + 1;
    const last = Math.max(first, destinations.get(`c${String(soup + 2)}`) ?? first);
    expect(readFileSync(join(ROOT, 'content/toolkits/disco-soupe.mdx'), 'utf8')).not.toContain('Imprimer');
    const soupText = words(pdfText(booklet, { first, last }));
    expect(soupText).toContain('Disco Soupe');
    expect(soupText).not.toContain('Imprimer');
  });

  it('carries its title, language, author and tagged structure', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('KPA-Cité — le guide libre');
    expect(doc.getAuthor()).toMatch(/guide KPA-Cité/);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr)');
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(doc.catalog.has(PDFName.of('Outlines'))).toBe(true);
  });
});

function toolkitCount(): number {
  const index = JSON.parse(readFileSync(join(DIST, 'boites-a-outils/index.json'), 'utf8')) as { count: number };
  return index.count;
}

describe('the toolkit sheets', () => {
  const index = JSON.parse(readFileSync(join(DIST, 'boites-a-outils/index.json'), 'utf8')) as {
    toolkits: { slug: string; title: string }[];
  };

  it('one PDF per toolkit, of one to three A4 pages, with its metadata', async () => {
    for (const toolkit of index.toolkits) {
      const file = join(DIST, sheetPath(toolkit.slug).slice(1));
      expect(existsSync(file), file).toBe(true);
      const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
      expect(doc.getPageCount(), toolkit.slug).toBeGreaterThanOrEqual(1);
      expect(doc.getPageCount(), toolkit.slug).toBeLessThanOrEqual(3);
      const { width, height } = doc.getPage(0).getSize();
      expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
      expect(doc.getTitle()).toBe(`${toolkit.title} — fiche KPA-Cité`);
      expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr)');
    }
  });

  it('a sheet holds its facts panel, its checklist and its steps, without the site’s navigation', () => {
    const file = join(DIST, sheetPath('disco-soupe').slice(1));
    const text = words(pdfText(file));
    const labels: string[] = [];
    visit(fromHtml(readFileSync(fileForPath(DIST, '/boites-a-outils/disco-soupe/'), 'utf8')), 'element', (e) => {
      if (e.tagName === 'label' && e.properties['htmlFor'] !== undefined) labels.push(words(toString(e)));
    });
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) expect(text).toContain(label);
    // The facts panel's labels are set in capitals by the style sheet.
    for (const expected of ['Disco Soupe', 'DIFFICULTÉ', 'BUDGET INDICATIF', 'Déroulé', 'Missions économiques']) {
      expect(text).toContain(expected);
    }
    for (const screenOnly of ['Rechercher', 'Imprimer', 'Télécharger la fiche']) expect(text).not.toContain(screenOnly);
  });
});
