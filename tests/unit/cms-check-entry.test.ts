import { describe, expect, it } from 'vitest';
import { fieldLabel, placeProblems, problemMessage, schemaIssues } from '../../src/cms/check-entry.ts';
import { guidePageSchemaOutsideAstro } from '../../src/schemas/guide-page.ts';
import { guideFields, toolkitFields } from '../../src/cms/collections.ts';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';
import { localIssue, type Issue } from '../../scripts/lib/validate/issues.ts';

const FILE = 'content/toolkits/atelier-velo.mdx';

function issue(rule: Parameters<typeof localIssue>[0], line: number, message: string, field?: string[]): Issue {
  return { file: FILE, ...localIssue(rule, { line, column: 1 }, message, field) };
}

describe('what the editor says about an entry', () => {
  it('names fields with the labels of the form', () => {
    const fields = toolkitFields();
    expect(fieldLabel(['duration', 'preparation'], fields)).toBe('Durée › Préparation (minutes)');
    expect(fieldLabel(['materials', 0, 'name'], fields)).toBe('Matériel à prévoir › n° 1 › Quoi');
    expect(fieldLabel(['body', 4], fields)).toBe('Contenu de la fiche › ligne 4');
  });

  it('tells a schema problem without the field’s technical name, and a missing value as « À remplir »', () => {
    expect(
      problemMessage(issue('schema', 3, '« groupSize.min » : le minimum dépasse le maximum', ['groupSize', 'min'])),
    ).toBe('Le minimum dépasse le maximum.');
    expect(problemMessage(issue('schema', 2, 'champ « commons » obligatoire manquant', ['commons']))).toBe(
      'À remplir.',
    );
  });

  it('adds what to do in the editor where the validator speaks of files', () => {
    expect(
      problemMessage(
        issue('duplicate-title', 2, '« Disco Soupe » est déjà le titre de la boîte à outils « disco-soupe »'),
      ),
    ).toBe(
      '« Disco Soupe » est déjà le titre de la boîte à outils « disco-soupe ». Choisissez un autre titre : deux boîtes à outils ne peuvent pas porter le même.',
    );
  });

  it('places a problem on its field, on a line of the text with that line, or on another file', () => {
    const text = '---\ntitle: Atelier vélo\n---\n\nIntro.\n\n<Foo />\n';
    const problems = placeProblems(
      [
        issue('mdx-component', 7, 'composant « <Foo> » non autorisé'),
        issue('schema', 2, '« title » : trop court', ['title']),
        { ...issue('link-anchor', 12, 'ancre « #deroule » introuvable'), file: 'content/docs/creer/lancer.mdx' },
        { ...issue('link-trailing-slash', 5, 'ajoutez « / »'), severity: 'warning' },
      ],
      { path: FILE, text, bodyStart: 5, fields: toolkitFields() },
    );
    expect(problems.map((p) => [p.where, p.field, p.bodyLine, p.excerpt, p.severity])).toEqual([
      ['Titre', ['title'], undefined, undefined, 'error'],
      ['Contenu de la fiche, ligne 3', ['body'], 3, '<Foo />', 'error'],
      ['Dans content/docs/creer/lancer.mdx, ligne 12', undefined, undefined, undefined, 'error'],
      ['Contenu de la fiche, ligne 1', ['body'], 1, 'Intro.', 'warning'],
    ]);
  });

  it('places the address of a page on the page as a whole', () => {
    const [problem] = placeProblems([issue('duplicate-slug', 1, 'adresse « /decouvrir/genese/ » déjà prise')], {
      path: FILE,
      text: '---\ntitle: Genèse\n---\n',
      bodyStart: 4,
      fields: guideFields(guidePageSchemaOutsideAstro()),
    });
    expect(problem?.where).toBe('Adresse de la page');
    expect(problem?.field).toBeUndefined();
  });

  it('lists, for the preview, what the schema still misses', () => {
    expect(schemaIssues(toolkitSchema, { title: 'Atelier vélo' }).find((i) => i.path[0] === 'summary')).toEqual({
      path: ['summary'],
      message: 'à remplir',
    });
  });
});
