import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { RULES, type RuleId } from '../../scripts/lib/validate/issues.ts';
import { FIXTURES, VALID, removeTrees, treeWith } from '../helpers/validate-fixtures.ts';
import { ROOT } from '../helpers/site.ts';
import { ATTACKS } from '../helpers/validate-attacks.ts';

type Expected = [file: string, line: number, rule: RuleId];

async function issuesOf(root: string): Promise<Expected[]> {
  const { issues } = await validateContent({ root, jobs: 1 });
  return issues.map((i) => [i.file, i.line, i.rule]);
}

/** For each invalid case (a folder of `tests/fixtures/validate/invalid/`), every issue it must give. */
const CASES: Record<string, Expected[]> = {
  'file-encoding': [['content/docs/latin1.mdx', 2, 'file-encoding']],
  'file-binary': [['content/docs/image.mdx', 3, 'file-binary']],
  'file-empty': [['content/kpa/vide.yaml', 1, 'file-empty']],
  'file-bom': [['content/docs/bom.mdx', 1, 'file-bom']],
  'file-line-endings': [['content/docs/crlf.mdx', 1, 'file-line-endings']],
  'file-name': [['content/toolkits/Soupe_Froide.mdx', 1, 'file-name']],
  'unexpected-file': [['content/toolkits/brouillon.md', 1, 'unexpected-file']],
  'yaml-syntax': [['content/kpa/casse.yaml', 3, 'yaml-syntax']],
  'frontmatter-missing': [['content/docs/sans-entete.mdx', 1, 'frontmatter-missing']],
  schema: [
    ['content/toolkits/soupe.mdx', 2, 'schema'], // commons missing: reported at the first field
    ['content/toolkits/soupe.mdx', 4, 'schema'], // category
    ['content/toolkits/soupe.mdx', 10, 'schema'], // groupSize.min
    ['content/toolkits/soupe.mdx', 22, 'schema'], // materials.1.quantity
    ['content/toolkits/soupe.mdx', 27, 'schema'], // auteur, an unknown field
  ],
  aliases: [
    ['content/docs/autres-noms.mdx', 4, 'schema'], // aliases.1 repeats aliases.0, accents and case aside
    ['content/docs/autres-noms.mdx', 4, 'schema'], // aliases.2 is one letter
  ],
  'unknown-field': [['content/docs/annuaire.mdx', 3, 'unknown-field']],
  'mdx-syntax': [['content/docs/ouverte.mdx', 6, 'mdx-syntax']],
  'mdx-import-export': [
    ['content/docs/code.mdx', 6, 'mdx-import-export'],
    ['content/docs/code.mdx', 8, 'mdx-import-export'],
  ],
  'mdx-expression': [
    ['content/docs/expressions.mdx', 6, 'mdx-expression'],
    ['content/docs/expressions.mdx', 8, 'mdx-expression'],
    ['content/docs/expressions.mdx', 10, 'mdx-expression'],
  ],
  'mdx-component': [
    ['content/docs/onglets.mdx', 6, 'mdx-component'],
    ['content/docs/onglets.mdx', 7, 'mdx-component'],
  ],
  'html-forbidden': [
    ['content/docs/actif.mdx', 6, 'html-forbidden'],
    ['content/docs/actif.mdx', 8, 'html-forbidden'],
    ['content/docs/actif.mdx', 8, 'mdx-expression'],
    ['content/docs/actif.mdx', 10, 'html-forbidden'],
    ['content/docs/notes.md', 8, 'html-forbidden'],
  ],
  'html-tag': [
    ['content/docs/formulaire.mdx', 6, 'html-forbidden'], // a form can send what readers type anywhere
    ['content/docs/formulaire.mdx', 7, 'html-attribute'], // <input> only as a disabled checkbox
    ['content/docs/formulaire.mdx', 7, 'html-attribute'],
    ['content/docs/formulaire.mdx', 10, 'html-tag'],
  ],
  'html-event-handler': [
    ['content/docs/clic.mdx', 5, 'html-event-handler'], // hero.tagline, shown as HTML by Starlight
    ['content/docs/clic.mdx', 6, 'html-forbidden'], // head
    ['content/docs/clic.mdx', 11, 'html-event-handler'],
  ],
  'unsafe-url': [
    ['content/docs/adresses.mdx', 6, 'unsafe-url'],
    ['content/docs/adresses.mdx', 6, 'unsafe-url'],
    ['content/docs/adresses.mdx', 8, 'unsafe-url'],
  ],
  'link-broken': [
    ['content/docs/liens.mdx', 6, 'link-broken'],
    ['content/docs/liens.mdx', 6, 'link-broken'],
  ],
  'link-anchor': [
    ['content/docs/ancres.mdx', 6, 'link-anchor'],
    ['content/docs/ancres.mdx', 6, 'link-anchor'],
  ],
  'link-trailing-slash': [
    ['content/docs/barre.mdx', 6, 'link-trailing-slash'],
    ['content/docs/barre.mdx', 6, 'link-trailing-slash'],
  ],
  'image-missing': [
    ['content/docs/images.mdx', 6, 'image-missing'],
    ['content/docs/images.mdx', 8, 'image-missing'],
    ['content/toolkits/soupe.mdx', 16, 'image-missing'],
  ],
  'image-alt': [
    ['content/docs/sans-alt.mdx', 6, 'image-alt'],
    ['content/docs/sans-alt.mdx', 8, 'image-alt'],
  ],
  'duplicate-slug': [
    ['content/docs/boites-a-outils.mdx', 1, 'slug-invalid'], // the catalogue's address belongs to the site's code
    ['content/docs/guide/bases/index.mdx', 1, 'duplicate-slug'],
  ],
  'duplicate-title': [['content/toolkits/soupe.mdx', 2, 'duplicate-title']],
  'duplicate-id': [['content/glossaire.yaml', 13, 'duplicate-id']],
  'unknown-toolkit': [
    ['content/toolkits/soupe-du-marche.mdx', 18, 'unknown-toolkit'],
    ['content/toolkits/soupe-du-marche.mdx', 21, 'unknown-toolkit'],
  ],
  'unknown-diagram': [['content/docs/dessins.mdx', 6, 'unknown-diagram']],
  'diagram-schema': [
    ['content/diagrams/Mon Dessin.yaml', 1, 'file-name'], // a diagram is named by its file
    ['content/diagrams/casse.yaml', 3, 'schema'], // alt: too short, and says only « Schéma »
    ['content/diagrams/casse.yaml', 3, 'schema'],
    ['content/diagrams/casse.yaml', 7, 'schema'], // a type that is not defined
    ['content/diagrams/casse.yaml', 11, 'schema'], // an arrow to a box that does not exist
    ['content/diagrams/casse.yaml', 12, 'schema'], // an unknown field
    ['content/diagrams/traverse.yaml', 8, 'schema'], // text that does not fit its shape
    ['content/diagrams/traverse.yaml', 15, 'schema'], // a shape outside the canvas
  ],
  'self-reference': [['content/toolkits/soupe.mdx', 25, 'self-reference']],
  'variant-cycle': [['content/toolkits/soupe.mdx', 25, 'variant-cycle']],
  'media-type': [
    ['public/media/note.png', 1, 'media-type'], // text named .png
    ['public/media/page.svg', 2, 'media-type'], // an HTML page named .svg: its root element
    ['public/media/photo.jpg', 1, 'media-type'], // a PNG named .jpg
  ],
  'media-svg-unsafe': [
    ['public/media/entite.svg', 2, 'media-svg-unsafe'], // DOCTYPE declaring an entity
    ['public/media/foreign.svg', 2, 'media-svg-unsafe'], // foreignObject
    ['public/media/foreign.svg', 3, 'media-svg-unsafe'], // the HTML inside it
    ['public/media/lien.svg', 3, 'media-svg-unsafe'], // xlink:href to another site (the #fragment passes)
    ['public/media/onload.svg', 1, 'media-svg-unsafe'], // onload, reported on its element
    ['public/media/script.svg', 3, 'media-svg-unsafe'],
    ['public/media/style.svg', 4, 'media-svg-unsafe'], // url() to another site in <style> (url(#…) passes)
  ],
};

afterAll(removeTrees);

describe('npm run validate on paired fixtures', () => {
  it('the valid tree has no issue at all', async () => {
    expect(await issuesOf(VALID)).toEqual([]);
  });

  it.each(Object.entries(CASES))('the invalid case « %s » gives exactly its issues', async (name, expected) => {
    expect(await issuesOf(treeWith(name))).toEqual(expected);
  });

  it('every rule but the internal error has an invalid case or a hostile contribution of its own', () => {
    const cases = readdirSync(join(FIXTURES, 'invalid')).sort();
    expect(cases).toEqual(Object.keys(CASES).sort());
    const covered = new Set(
      [...Object.values(CASES), ...Object.values(ATTACKS)].flatMap((list) => list.map(([, , rule]) => rule)),
    );
    // `file-too-large` and `media-too-large` need big files: their tests generate them instead;
    // `file-symlink` needs a link, made at run time by tests/unit/validate-attacks.test.ts.
    const untested = Object.keys(RULES).filter((r) => !covered.has(r as RuleId));
    expect(untested.sort()).toEqual(['file-symlink', 'file-too-large', 'internal-error', 'media-too-large']);
  });

  it('the README documents every rule with its severity', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [rule, { severity }] of Object.entries(RULES)) {
      const row = readme.split('\n').find((line) => line.startsWith('| ') && line.includes(`\`${rule}\``));
      expect(row, rule).toContain(severity === 'error' ? '| erreur ' : '| avertissement ');
    }
  });

  it('messages are in French and name the field, e.g. the line of `materials.1.quantity`', async () => {
    const { issues } = await validateContent({ root: treeWith('schema'), jobs: 1 });
    expect(issues.find((i) => i.line === 22)).toMatchObject({
      column: 5,
      severity: 'error',
      message: '« materials.1.quantity » : Trop petit : nombre doit être >0',
    });
    expect(issues.find((i) => i.line === 27)?.message).toBe(
      'champ « auteur » inconnu : retirez-le ou corrigez son nom',
    );
  });

  it('names the alias that repeats another, accents and case aside', async () => {
    const { issues } = await validateContent({ root: treeWith('aliases'), jobs: 1 });
    expect(issues[0]).toMatchObject({
      column: 24,
      message: '« aliases.1 » : « Repair Cafe » répète « repair café » (les majuscules et les accents ne comptent pas)',
    });
  });

  it('an unknown diagram is named, with the closest existing one; a diagram file names its field', async () => {
    const { issues } = await validateContent({ root: treeWith('unknown-diagram', 'diagram-schema'), jobs: 1 });
    expect(issues.find((i) => i.rule === 'unknown-diagram')).toMatchObject({
      file: 'content/docs/dessins.mdx',
      line: 6,
      column: 1,
      message:
        'dessin « cylce » introuvable (vouliez-vous dire « cycle » ?) : « name » nomme un fichier de content/diagrams/ sans « .yaml » (dessins : mon-dessin, casse, cycle, traverse)',
    });
    expect(issues.find((i) => i.file === 'content/diagrams/casse.yaml' && i.line === 11)).toMatchObject({
      column: 20,
      message: '« edges.0.to » : « fn » ne nomme aucune boîte de ce dessin (identifiants : debut, milieu, fin)',
    });
  });

  it('a BOM, CRLF line ends, an unknown header field and a missing trailing slash are only warnings', async () => {
    const { issues } = await validateContent({
      root: treeWith('file-bom', 'file-line-endings', 'unknown-field', 'link-trailing-slash', 'unexpected-file'),
      jobs: 1,
    });
    expect(issues.length).toBe(6);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('paths narrow the report to those files, while links are still checked against every page', async () => {
    const root = treeWith('link-broken', 'mdx-component');
    const { issues, checked } = await validateContent({ root, jobs: 1, paths: ['content/docs/liens.mdx'] });
    expect(checked).toBe(1);
    expect(issues.map((i) => [i.file, i.rule])).toEqual([
      ['content/docs/liens.mdx', 'link-broken'],
      ['content/docs/liens.mdx', 'link-broken'],
    ]);
  });
});
