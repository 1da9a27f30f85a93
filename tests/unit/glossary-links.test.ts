import { describe, expect, it } from 'vitest';
import { formPattern, missingGlossaryLinks } from '../../scripts/lib/glossary-links.ts';

const GLOSSARY = [
  {
    id: 'cjs',
    term: 'CJS',
    forms: ['CJS', 'coopérative jeunesse de services'],
    definition: 'Coopérative jeunesse de services.',
  },
  {
    id: 'communs',
    term: 'Communs',
    forms: ['communs', 'un commun'],
    definition: 'Des ressources partagées et gérées ensemble.',
  },
  {
    id: 'cae',
    term: 'CAE',
    forms: ['CAE', "coopérative d'activités et d'emploi"],
    definition: 'Coopérative d’activités et d’emploi.',
  },
];

describe('the glossary rule', () => {
  it('a term used with a link to its entry is fine', () => {
    const html = '<p>Une <a href="/ressources/glossaire/#cjs">CJS</a> dure un été. Une CJS encore.</p>';
    expect(missingGlossaryLinks(html, GLOSSARY)).toEqual([]);
  });

  it('a term used without any link to its entry is reported with the form found', () => {
    const html = '<p>Les communs sont partagés ; une coopérative d’activités et d’emploi héberge.</p>';
    expect(missingGlossaryLinks(html, GLOSSARY).map((i) => [i.id, i.form])).toEqual([
      ['communs', 'communs'],
      ['cae', "coopérative d'activités et d'emploi"],
    ]);
  });

  it('headings and other words that contain a form do not count', () => {
    const html = '<h2 id="cjs">La CJS</h2><p>Le pot commun, la commune, la communication, les CJSX.</p>';
    expect(missingGlossaryLinks(html, GLOSSARY)).toEqual([]);
  });

  it('acronyms match only in capitals, other forms in any case', () => {
    expect(formPattern('CAE').test('une cae')).toBe(false);
    expect(formPattern('CAE').test('une CAE.')).toBe(true);
    expect(formPattern('communs').test('Les Communs')).toBe(true);
  });
});
