import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  SOURCE_KEY,
  frontmatterFromFile,
  frontmatterToFile,
  pruneEmpty,
  yamlFromFile,
  yamlToFile,
} from '../../src/cms/formats.ts';
import { normalizeToolkit, toolkitFields } from '../../src/cms/collections.ts';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';
import { ROOT } from '../helpers/site.ts';

const toolkitOptions = { fields: toolkitFields(), normalize: normalizeToolkit };

function contentFiles(pattern: RegExp): string[] {
  const listed = spawnSync('git', ['ls-files', 'content'], { cwd: ROOT, encoding: 'utf8' }).stdout;
  return listed.split('\n').filter((f) => pattern.test(f));
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the file formats of the CMS', () => {
  it('writes back every guide page and toolkit it reads, byte for byte, when nothing was edited', () => {
    const files = contentFiles(/\.mdx?$/);
    expect(files.length).toBeGreaterThan(30);
    const changed = files.filter((f) => {
      const options = f.startsWith('content/toolkits/') ? toolkitOptions : {};
      return frontmatterToFile(frontmatterFromFile(read(f), options), options) !== read(f);
    });
    expect(changed).toEqual([]);
  });

  it('writes back every KPA file it reads, byte for byte, when nothing was edited', () => {
    const files = contentFiles(/^content\/kpa\/.*\.yaml$/);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => yamlToFile(yamlFromFile(read(f))) !== read(f))).toEqual([]);
  });

  it('changes only the line of the edited value, keeping quotes, folded text and the body of the others', () => {
    const original = read('content/toolkits/disco-soupe.mdx');
    const data = frontmatterFromFile(original, toolkitOptions);
    const edited = frontmatterToFile({ ...data, minAge: 12 }, toolkitOptions);
    expect(edited).toBe(original.replace('\nminAge: 10\n', '\nminAge: 12\n'));
  });

  it('keeps a duration written as text while untouched, and writes minutes once it is changed', () => {
    const original = read('content/toolkits/disco-soupe.mdx');
    expect(original).toContain('duration:\n  preparation: 4 h\n  activity: 4 h\n');
    const data = frontmatterFromFile(original, toolkitOptions);
    expect(data['duration']).toEqual({ preparation: 240, activity: 240 });
    expect(frontmatterToFile(data, toolkitOptions)).toBe(original);
    const edited = frontmatterToFile({ ...data, duration: { preparation: 240, activity: 180 } }, toolkitOptions);
    expect(edited).toBe(
      original.replace('  preparation: 4 h\n  activity: 4 h\n', '  preparation: 240\n  activity: 180\n'),
    );
  });

  it('leaves out what empty form fields hold, and places a new key after its predecessor in form order', () => {
    const original = '---\ntitle: Atelier\nsummary: Un atelier ouvert.\nupdated: 2026-01-05\n---\n\nTexte.\n';
    const data = frontmatterFromFile(original, toolkitOptions);
    const written = frontmatterToFile(
      {
        ...data,
        minAge: '',
        image: { src: '', alt: '' },
        materials: [{ name: 'Colle', quantity: '' }, {}],
        tools: [],
        category: 'evenements',
      },
      toolkitOptions,
    );
    expect(written).toBe(
      '---\ntitle: Atelier\nsummary: Un atelier ouvert.\ncategory: evenements\nmaterials:\n  - name: Colle\nupdated: 2026-01-05\n---\n\nTexte.\n',
    );
  });

  it('writes a new toolkit that the toolkit schema accepts, numbers as numbers and the date as YYYY-MM-DD', () => {
    const written = frontmatterToFile(
      {
        title: 'Atelier vélo : réparer ensemble',
        summary: 'Réparer les vélos du quartier à plusieurs et apprendre les gestes de base.',
        category: 'reparation-et-reemploi',
        difficulty: 2,
        duration: { activity: 180, preparation: 60 },
        groupSize: { max: 12, min: 3 },
        budget: { min: 0, max: 40 },
        materials: [{ name: 'Chambres à air', quantity: '5' }],
        economicMissions: ['Entretien des vélos d’une association'],
        commons: 'Les fiches de réparation sont partagées sous licence libre.',
        license: 'CC-BY-SA-4.0',
        updated: '2026-11-26',
        draft: false,
        body: 'Un atelier ouvert.\n\n## Déroulé\n\n1. Accueillir.\n2. Réparer.',
      },
      toolkitOptions,
    );
    expect(written).toContain('duration:\n  preparation: 60\n  activity: 180\ngroupSize:\n  min: 3\n  max: 12\n');
    expect(written).toContain('\nupdated: 2026-11-26\n');
    expect(written.endsWith('---\n\nUn atelier ouvert.\n\n## Déroulé\n\n1. Accueillir.\n2. Réparer.\n')).toBe(true);
    const header = parse(written.split('---\n')[1] ?? '') as unknown;
    expect(toolkitSchema.safeParse(header).success).toBe(true);
  });

  it('hands the original text to the form under a key of its own, which is never written', () => {
    const data = frontmatterFromFile('---\ntitle: A\n---\n\nB\n');
    expect(data).toEqual({ title: 'A', body: 'B\n', [SOURCE_KEY]: 'title: A\n' });
    expect(frontmatterToFile(data)).not.toContain(SOURCE_KEY);
  });

  it('prunes empty strings, nulls, empty lists and objects at every depth, and keeps 0 and false', () => {
    expect(pruneEmpty({ a: '', b: null, c: [], d: { e: ' ' }, f: 0, g: false, h: [{ i: '' }, 'x'] })).toEqual({
      f: 0,
      g: false,
      h: ['x'],
    });
  });
});
