import { describe, expect, it } from 'vitest';
import { toolkitSchema, parseDuration, type ToolkitInput } from '../../src/schemas/toolkit.ts';
import { checkReferences, type ToolkitSource } from '../../src/lib/catalogue.ts';

/** A complete, valid toolkit frontmatter; each test breaks one thing. */
const VALID: ToolkitInput = {
  title: 'Atelier soupe',
  summary: 'Préparer une soupe ensemble avec des légumes récupérés, puis la partager.',
  category: 'alimentation',
  difficulty: 2,
  duration: { preparation: '1 h 30', activity: 120 },
  groupSize: { min: 3, max: 12 },
  budget: { min: 0, max: 40 },
  materials: [{ name: 'Légumes', quantity: 5 }],
  economicMissions: ['Soupe pour un événement de quartier'],
  commons: 'Publier la recette et prêter les marmites aux autres collectifs.',
  updated: '2026-11-26',
};

/** The path and message of every issue zod finds. */
function issues(input: unknown): [string, string][] {
  const result = toolkitSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('the toolkit schema', () => {
  it('accepts a valid toolkit and fills the defaults', () => {
    const data = toolkitSchema.parse(VALID);
    expect(data.duration).toEqual({ preparation: 90, activity: 120 });
    expect(data.materials).toEqual([{ name: 'Légumes', quantity: '5' }]);
    expect(data.license).toBe('CC-BY-SA-4.0');
    expect(data.draft).toBe(false);
    expect(data.updated).toEqual(new Date('2026-11-26'));
  });

  it('rejects an unknown field, naming it, in French', () => {
    expect(issues({ ...VALID, auteur: 'X' })).toEqual([['', 'Clé non reconnue : "auteur"']]);
  });

  it('rejects a missing required field, naming it', () => {
    const withoutCommons: Partial<ToolkitInput> = { ...VALID };
    delete withoutCommons.commons;
    expect(issues(withoutCommons)).toEqual([['commons', 'champ obligatoire manquant']]);
  });

  it('rejects a wrong type, naming the field', () => {
    expect(issues({ ...VALID, difficulty: 'facile' })).toEqual([
      ['difficulty', 'Entrée invalide : nombre attendu, chaîne de caractères reçu'],
    ]);
  });

  it('rejects an unknown category, listing the allowed ones', () => {
    const [[path, message] = ['', '']] = issues({ ...VALID, category: 'cuisine' });
    expect(path).toBe('category');
    expect(message).toMatch(/^Option invalide : une valeur parmi "alimentation"\|"jardin-et-nature"/);
  });

  it('rejects a minimum above the maximum, on the minimum', () => {
    expect(issues({ ...VALID, groupSize: { min: 10, max: 4 } })).toEqual([
      ['groupSize.min', 'le minimum dépasse le maximum (taille du groupe)'],
    ]);
    expect(issues({ ...VALID, budget: { min: 100, max: 20 } })).toEqual([
      ['budget.min', 'le minimum dépasse le maximum (budget)'],
    ]);
  });

  it('rejects a summary over 160 characters, an image without alt text, and an unreadable duration', () => {
    expect(issues({ ...VALID, summary: 'a'.repeat(161) })).toEqual([
      ['summary', 'le résumé doit faire au plus 160 caractères'],
    ]);
    expect(issues({ ...VALID, image: { src: '/media/soupe.jpg' } })).toEqual([
      ['image.alt', 'champ obligatoire manquant'],
    ]);
    expect(issues({ ...VALID, duration: { preparation: 'demain', activity: 60 } })).toEqual([
      [
        'duration.preparation',
        'durée illisible « demain » : écrivez un nombre de minutes (45) ou un texte comme « 45 min », « 2 h » ou « 1 h 30 »',
      ],
    ]);
  });

  it('reads durations in minutes or in words', () => {
    expect(parseDuration(45)).toBe(45);
    expect(parseDuration('45 min')).toBe(45);
    expect(parseDuration('2 h')).toBe(120);
    expect(parseDuration('1 h 30')).toBe(90);
    expect(parseDuration('3 heures')).toBe(180);
    expect(parseDuration('bientôt')).toBeUndefined();
    expect(parseDuration(-5)).toBeUndefined();
  });
});

describe('references between toolkits', () => {
  const source = (slug: string, extra: Partial<ToolkitInput> = {}): ToolkitSource => ({
    slug,
    file: `content/toolkits/${slug}.mdx`,
    data: toolkitSchema.parse({ ...VALID, title: `Fiche ${slug}`, ...extra }),
  });

  it('a variantOf or related that names no toolkit is an error on that file and field', () => {
    expect(checkReferences([source('a', { variantOf: 'fantome', related: ['b', 'absente'] }), source('b')])).toEqual([
      {
        file: 'content/toolkits/a.mdx',
        slug: 'a',
        field: 'variantOf',
        rule: 'unknown-toolkit',
        message: '« fantome » ne correspond à aucune boîte à outils',
      },
      {
        file: 'content/toolkits/a.mdx',
        slug: 'a',
        field: 'related',
        index: 1,
        rule: 'unknown-toolkit',
        message: '« absente » ne correspond à aucune boîte à outils',
      },
    ]);
  });

  it('a cycle of variants is reported once', () => {
    const found = checkReferences([
      source('a', { variantOf: 'b' }),
      source('b', { variantOf: 'c' }),
      source('c', { variantOf: 'a' }),
    ]);
    expect(found.map((i) => [i.file, i.rule, i.message])).toEqual([
      ['content/toolkits/a.mdx', 'variant-cycle', 'cycle de variantes : a → b → c → a'],
    ]);
  });

  it('two toolkits with the same title are reported on the second', () => {
    expect(
      checkReferences([source('a'), source('b', { title: 'Fiche A' })]).map((i) => [i.file, i.field, i.rule]),
    ).toEqual([['content/toolkits/b.mdx', 'title', 'duplicate-title']]);
  });
});
