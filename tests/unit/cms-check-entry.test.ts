import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntry, checkMdxBody, fieldLabel, issuesMessage } from '../../src/cms/check-entry.ts';
import { frontmatterFromFile } from '../../src/cms/formats.ts';
import { normalizeToolkit, toolkitFields } from '../../src/cms/collections.ts';
import { ROOT } from '../helpers/site.ts';

const VALID = {
  title: 'Atelier vélo',
  summary: 'Réparer les vélos du quartier à plusieurs et apprendre les gestes de base.',
  category: 'reparation-et-reemploi',
  difficulty: 2,
  duration: { preparation: 60, activity: 180 },
  groupSize: { min: 3, max: 12 },
  budget: { min: 0, max: 40 },
  economicMissions: ['Entretien des vélos d’une association'],
  commons: 'Les fiches de réparation sont partagées sous licence libre.',
  updated: '2026-11-26',
  body: 'Un atelier.\n\n## Déroulé\n\n1. Réparer.\n',
};

describe('the check the CMS runs before saving', () => {
  it('accepts a complete toolkit, with the empty values an untouched form leaves', () => {
    expect(checkEntry('toolkits', { ...VALID, minAge: '', image: { src: '', alt: '' }, __source: 'x' })).toEqual([]);
  });

  it('refuses a group whose minimum exceeds its maximum, at the field, in French', () => {
    expect(checkEntry('toolkits', { ...VALID, groupSize: { min: 12, max: 3 } })).toEqual([
      { path: ['groupSize', 'min'], message: 'le minimum dépasse le maximum (taille du groupe)' },
    ]);
  });

  it('refuses an image without its alternative text', () => {
    expect(checkEntry('toolkits', { ...VALID, image: { src: '/media/velo.jpg', alt: '' } })).toEqual([
      { path: ['image', 'alt'], message: 'à remplir' },
    ]);
  });

  it('refuses braces, import lines and a lone « < » in a body, with their line, and leaves code alone', () => {
    expect(checkMdxBody('Texte\nimport X from "y"\n{variable}\nmoins de < 5\n`{ok}` et\n```\n{ok}\n```\n')).toEqual([
      {
        path: ['body', 2],
        message: 'pas de ligne « import » ni « export » : les composants sont disponibles sans import',
      },
      { path: ['body', 3], message: 'pas d’accolades « { } » : le site ne pourrait pas construire la page' },
      {
        path: ['body', 4],
        message: 'un « < » seul ouvre une balise : écrivez « moins de » ou « inférieur à »',
      },
    ]);
  });

  it('finds nothing to refuse in the bodies of the guide pages and toolkits already in the repository', () => {
    const files = spawnSync('git', ['ls-files', 'content'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => f.endsWith('.mdx'));
    const problems = files.flatMap((file) => {
      const data = frontmatterFromFile(readFileSync(join(ROOT, file), 'utf8'), { normalize: normalizeToolkit });
      const collection = file.startsWith('content/toolkits/') ? 'toolkits' : 'guide-page';
      return checkEntry(collection, data).map((i) => `${file}: ${i.path.join('.')} ${i.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('names fields with the labels of the form', () => {
    const fields = toolkitFields();
    expect(fieldLabel(['duration', 'preparation'], fields)).toBe('Durée › Préparation (minutes)');
    expect(fieldLabel(['materials', 0, 'name'], fields)).toBe('Matériel à prévoir › n° 1 › Quoi');
    expect(fieldLabel(['body', 4], fields)).toBe('Contenu de la fiche › ligne 4');
    expect(issuesMessage([{ path: ['title'], message: 'à remplir' }], fields)).toBe(
      'à corriger avant d’enregistrer — Titre : à remplir',
    );
  });
});
