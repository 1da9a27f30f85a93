import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  GLOSSARY_KEY,
  SOURCE_KEY,
  frontmatterFromFile,
  frontmatterToFile,
  glossaryFromFile,
  glossaryToFile,
  pruneEmpty,
  updateYamlSequence,
  yamlFromFile,
  yamlToFile,
} from '../../src/cms/formats.ts';
import { glossaryEntrySchema } from '../../src/schemas/glossary.ts';
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

describe('the glossary and the home page in the CMS', () => {
  const glossary = read('content/glossaire.yaml');
  const entries = (data: Record<string, unknown>) => structuredClone(data[GLOSSARY_KEY]) as Record<string, unknown>[];

  it('writes the glossary back byte for byte when nothing was edited', () => {
    const data = glossaryFromFile(glossary);
    expect(entries(data).length).toBeGreaterThan(20);
    expect(glossaryToFile(data)).toBe(glossary);
  });

  it('writes the home page back byte for byte when nothing was edited, and changes only the edited line', () => {
    const home = read('content/docs/index.mdx');
    const data = frontmatterFromFile(home);
    expect(frontmatterToFile(data)).toBe(home);
    const hero = structuredClone(data['hero']) as { tagline: string };
    const edited = frontmatterToFile({ ...data, hero: { ...hero, tagline: 'Un guide libre pour lancer un KPA.' } });
    const changed = edited.split('\n').filter((line, i) => line !== home.split('\n')[i]);
    expect(changed).toEqual(['  tagline: Un guide libre pour lancer un KPA.']);
  });

  it('rewrites only the edited term, folded like the others, and keeps every other byte', () => {
    const data = glossaryFromFile(glossary);
    const list = entries(data);
    const index = list.findIndex((e) => e['id'] === 'capacitation');
    const before = glossary.split('\n- id: ');
    list[index] = { ...list[index], definition: `${String(list[index]?.['definition'])} Le mot vient de l’anglais.` };
    const after = glossaryToFile({ ...data, [GLOSSARY_KEY]: list }).split('\n- id: ');
    expect(after.length).toBe(before.length);
    const differ = after.filter((item, i) => item !== before[i]);
    expect(differ).toHaveLength(1);
    expect(differ[0]).toMatch(/^capacitation\n  term: Capacitation\n  forms: \[capacitation\]\n  definition: >-\n {4}/);
    expect(differ[0]).toContain('\n    ');
    expect(Math.max(...(differ[0] ?? '').split('\n').map((line) => line.length))).toBeLessThanOrEqual(92);
  });

  it('adds a new term after the others, written like them, that the glossary schema accepts', () => {
    const data = glossaryFromFile(glossary);
    const added = {
      id: 'prix-libre',
      term: 'Prix libre',
      forms: ['prix libre'],
      definition: 'Chacun et chacune paie ce qu’il ou elle veut, ou ce qu’il ou elle peut.',
    };
    const written = glossaryToFile({ ...data, [GLOSSARY_KEY]: [...entries(data), added] });
    expect(written.startsWith(glossary.replace(/\n$/, ''))).toBe(true);
    expect(written.slice(glossary.length - 1)).toBe(
      '\n\n- id: prix-libre\n  term: Prix libre\n  forms: [prix libre]\n  definition: >-\n    Chacun et chacune paie ce qu’il ou elle veut, ou ce qu’il ou elle peut.\n',
    );
    const parsed = parse(written) as unknown[];
    expect(glossaryEntrySchema.safeParse(parsed.at(-1)).success).toBe(true);
  });

  it('removes a deleted term with its blank line, and keeps the text of the terms it moved', () => {
    const source = '- id: a\n  term: A\n\n# Un commentaire sur b.\n- id: b\n  term: B\n\n- id: c\n  term: C\n';
    expect(
      updateYamlSequence(source, [
        { id: 'a', term: 'A' },
        { id: 'c', term: 'C' },
      ]),
    ).toBe('- id: a\n  term: A\n\n- id: c\n  term: C\n');
    expect(
      updateYamlSequence(source, [
        { id: 'c', term: 'C' },
        { id: 'a', term: 'A' },
        { id: 'b', term: 'B' },
      ]),
    ).toBe('- id: c\n  term: C\n\n- id: a\n  term: A\n\n# Un commentaire sur b.\n- id: b\n  term: B\n');
  });
});
