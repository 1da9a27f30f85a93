import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { DIFFICULTIES, toolkitSchema } from '../../src/schemas/toolkit.ts';
import { kpaSchema } from '../../src/schemas/kpa.ts';
import { glossaryEntrySchema } from '../../src/schemas/glossary.ts';
import { buildCmsConfig, cmsSettingsFromEnv } from '../../src/cms/config.ts';
import { fieldFromSchema, type CmsFieldConfig } from '../../src/cms/schema-fields.ts';
import { choiceText, countText, isEmptyGroup, type ControlProps } from '../../src/cms/field-notes.ts';

const config = buildCmsConfig(
  cmsSettingsFromEnv(
    {},
    {
      dev: false,
      repoUrl: 'https://github.com/kpa-cite/guide',
      repoBranch: 'main',
      siteUrl: 'https://guide.example.org',
    },
  ),
);

/** Every field of a form, nested ones included, with its path. */
function allFields(fields: readonly CmsFieldConfig[], path = ''): { path: string; field: CmsFieldConfig }[] {
  return fields.flatMap((field) => {
    const at = `${path}${field.name}`;
    const nested = [...(field.fields ?? []), ...(field.field ? [field.field] : [])];
    return [{ path: at, field }, ...allFields(nested, `${at}.`)];
  });
}

/** The `description` zod keeps for a schema, on it or on the layers it wraps. */
function describedAs(schema: z.core.$ZodType): string | undefined {
  for (let current: z.core.$ZodType | undefined = schema; current;) {
    const description = z.globalRegistry.get(current)?.description;
    if (description !== undefined) return description;
    current = (current._zod.def as { innerType?: z.core.$ZodType }).innerType;
  }
  return undefined;
}

/** Pairs each field of a schema-made form with its schema, at every depth. */
function pairs(
  schema: z.core.$ZodType,
  fields: readonly CmsFieldConfig[],
  path = '',
): { path: string; schema: z.core.$ZodType; field: CmsFieldConfig }[] {
  let inner: z.core.$ZodType = schema;
  for (let def = inner._zod.def as { innerType?: z.core.$ZodType }; def.innerType; def = inner._zod.def as never) {
    inner = def.innerType;
  }
  const shape = (inner as z.ZodObject).shape as Record<string, z.core.$ZodType>;
  return fields
    .filter((f) => f.name in shape)
    .flatMap((field) => {
      const member = shape[field.name] as z.core.$ZodType;
      let base: z.core.$ZodType = member;
      for (let def = base._zod.def as { innerType?: z.core.$ZodType }; def.innerType; def = base._zod.def as never) {
        base = def.innerType;
      }
      const element = (base as Partial<z.ZodArray>).element;
      const nested =
        field.fields && base._zod.def.type === 'object'
          ? pairs(base, field.fields, `${path}${field.name}.`)
          : field.fields && element
            ? pairs(element, field.fields, `${path}${field.name}[].`)
            : field.field && element
              ? [{ path: `${path}${field.name}[]`, schema: element, field: field.field }]
              : [];
      return [{ path: `${path}${field.name}`, schema: member, field }, ...nested];
    });
}

describe('the help under the fields of the online editor', () => {
  it('puts a hint under every field of every form, nested ones included', () => {
    const forms = config.collections.flatMap((c) => (c.files ? c.files.map((f) => f.fields) : [c.fields]));
    const missing = forms.flatMap((fields) => allFields(fields)).filter(({ field }) => !field.hint?.trim());
    expect(missing.map((m) => m.path)).toEqual([]);
  });

  it('takes the hint of every toolkit, KPA and glossary field from its schema’s description', () => {
    const byName = (name: string) => config.collections.find((c) => c.name === name);
    const forms: [z.core.$ZodType, readonly CmsFieldConfig[]][] = [
      [toolkitSchema, byName('toolkits')?.fields ?? []],
      [kpaSchema, byName('kpa')?.fields ?? []],
      [glossaryEntrySchema, byName('glossaire')?.files?.[0]?.fields[0]?.fields ?? []],
    ];
    const checked = forms.flatMap(([schema, fields]) => pairs(schema, fields));
    expect(checked.length).toBeGreaterThan(40);
    const wrong = checked.filter(({ schema, field }) => {
      const description = describedAs(schema);
      return description === undefined || !field.hint?.startsWith(description);
    });
    expect(wrong.map((w) => w.path)).toEqual([]);
  });

  it('writes a hint from the description, the limits the schema checks and its examples', () => {
    const field = (schema: z.core.$ZodType) => fieldFromSchema('x', schema, { label: 'X', commaSeparated: true });
    expect(
      field(
        z
          .string()
          .min(20)
          .max(160)
          .meta({ description: 'À quoi il sert.', examples: ['Un exemple'] }),
      ).hint,
    ).toBe('À quoi il sert. Entre 20 et 160 caractères. Exemple : « Un exemple ».');
    expect(field(z.number().int().min(6).max(99).optional().meta({ description: 'Un âge.' })).hint).toBe(
      'Un âge. De 6 à 99.',
    );
    expect(
      field(
        z
          .array(z.string())
          .max(12)
          .default([])
          .meta({ description: 'Des mots.', examples: ['a', 'b'] }),
      ).hint,
    ).toBe('Des mots. Au plus 12 éléments. Exemples : « a », « b ».');
    // Two or three characters are what any answer has: not worth a word.
    expect(field(z.string().trim().min(2).meta({ description: 'Un nom.' })).hint).toBe('Un nom.');
  });

  it('refuses a field whose help would come from both the schema and the form', () => {
    expect(() =>
      fieldFromSchema('x', z.string().meta({ description: 'Dans le schéma.' }), {
        label: 'X',
        hint: 'Dans le formulaire.',
      }),
    ).toThrow('Le champ « x » a une aide dans le schéma et une autre dans le formulaire.');
  });

  it('gives the difficulty help for each level, from the schema’s descriptions of the levels', () => {
    const difficulty = config.collections
      .find((c) => c.name === 'toolkits')
      ?.fields?.find((f) => f.name === 'difficulty');
    expect(difficulty?.hint).toContain('Chaque niveau est décrit dans la liste.');
    for (const level of DIFFICULTIES) {
      const option = difficulty?.options?.find((o) => o.value === level.level);
      expect(option?.label).toContain(level.description);
    }
  });
});

describe('the live lines under the fields', () => {
  it('counts characters as the schema does (trimmed), and says by how much a text is too long or too short', () => {
    expect(countText('Un résumé.', 20, 160)).toEqual({
      text: '10 caractères : il en faut au moins 20.',
      warning: true,
    });
    expect(countText('x'.repeat(60), 20, 160)).toEqual({ text: '60 caractères sur 160 au plus.', warning: false });
    expect(countText(`  ${'x'.repeat(165)}  `, 20, 160)).toEqual({
      text: '165 caractères : 5 de trop (160 au plus).',
      warning: true,
    });
    expect(countText('', 5, undefined)).toEqual({ text: '0 caractère (au moins 5).', warning: false });
  });

  it('spells out the chosen option of a list that explains its choice, and nothing otherwise', () => {
    const field = (explain: boolean) => ({
      get: (key: string) =>
        ({
          explain_choice: explain,
          options: { toJS: () => [{ value: 2, label: '2 — Facile : Un peu de préparation.' }] },
        })[key],
    });
    const props = (explain: boolean, value: unknown): ControlProps => ({ field: field(explain), forID: 'x', value });
    expect(choiceText(props(true, 2))).toBe('Votre choix : 2 — Facile : Un peu de préparation.');
    expect(choiceText(props(true, undefined))).toBeUndefined();
    expect(choiceText(props(false, 2))).toBeUndefined();
  });

  it('treats a group with only empty fields as left empty', () => {
    expect(isEmptyGroup(undefined)).toBe(true);
    expect(isEmptyGroup({ src: '', alt: ' ' })).toBe(true);
    expect(isEmptyGroup({ src: '', alt: 'Une table' })).toBe(false);
  });
});
