/**
 * Turns a zod object schema into Decap CMS fields. The structure, the required flags, the
 * lengths, bounds, patterns, options and defaults are read from the schema itself; the
 * caller only adds what a schema cannot say: French labels, hints and the choice of widget
 * where several fit. So the form cannot drift from `src/schemas/`.
 */
import type { z } from 'astro/zod';

/** A Decap field as written in the configuration (the subset of keys we use). */
export interface CmsFieldConfig {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  // number
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  // select
  options?: { label: string; value: string | number }[];
  multiple?: boolean;
  // object and list
  fields?: CmsFieldConfig[];
  field?: CmsFieldConfig;
  collapsed?: boolean;
  summary?: string;
  label_singular?: string;
  // datetime
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  // relation
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  // image
  choose_url?: boolean;
  // markdown
  modes?: ('raw' | 'rich_text')[];
  buttons?: string[];
  editor_components?: string[];
}

/** What the schema cannot say about a field. */
export interface FieldSpec {
  label: string;
  hint?: string;
  /**
   * `text` for several lines, `image`, `relation`, `select` for a number chosen in a list,
   * `number` for a value the schema takes as a number or as text (a duration in minutes).
   */
  widget?: 'string' | 'text' | 'image' | 'relation' | 'select' | 'number';
  /** French labels of an enum's values, or the options of a number shown as a list. */
  options?: readonly { value: string | number; label: string }[];
  /** For a list or an object: its sub-fields. */
  fields?: Record<string, FieldSpec>;
  /** For a list of plain values: the label of one value. */
  item?: FieldSpec;
  /** For a list of short words: one text input, values separated by commas. */
  commaSeparated?: boolean;
  /** For `relation`: the collection, searched by title, storing the entry's file name. */
  collection?: string;
  /** Anything else passed to Decap as is (`summary`, `collapsed`, `date_format`…). */
  extra?: Partial<CmsFieldConfig>;
}

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  defaultValue?: unknown;
  in?: AnySchema;
  options?: AnySchema[];
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; pattern?: RegExp } } }[];
  format?: string;
  coerce?: boolean;
}

function defOf(schema: AnySchema): Def {
  // zod types each kind of definition separately; this reads the keys they share.
  const def: unknown = schema._zod.def;
  return def as Def;
}

export interface Unwrapped {
  schema: AnySchema;
  optional: boolean;
  default?: unknown;
}

/** Peels `optional` and `default` off a schema. */
export function unwrap(schema: AnySchema): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType) {
      optional = true;
      if (def.type === 'default') defaultValue = def.defaultValue;
      current = def.innerType;
    } else {
      break;
    }
  }
  return defaultValue === undefined
    ? { schema: current, optional }
    : { schema: current, optional, default: defaultValue };
}

/** The kind of value a schema accepts, as far as the form is concerned. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'object' | 'array';

export function kindOf(schema: AnySchema): ValueKind {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'boolean':
    case 'date':
    case 'enum':
    case 'object':
    case 'array':
      return def.type;
    case 'number':
    case 'int':
      return 'number';
    case 'pipe':
      // A value converted after reading: the form edits what goes in.
      if (!def.in) break;
      return kindOf(def.in);
    case 'union': {
      // Text or a number (a quantity such as « 10 kg » or 3): a text field keeps what the
      // person typed.
      const kinds = (def.options ?? []).map((o) => kindOf(o));
      if (kinds.includes('string')) return 'string';
      if (kinds.every((k) => k === kinds[0]) && kinds[0] !== undefined) return kinds[0];
      break;
    }
  }
  throw new Error(`Type de schéma non pris en charge par le formulaire : ${def.type}`);
}

/** Whether a schema takes a number, directly or as one branch of a union. */
function acceptsNumber(schema: AnySchema): boolean {
  const def = defOf(schema);
  if (def.type === 'pipe' && def.in) return acceptsNumber(def.in);
  if (def.type === 'union') return (def.options ?? []).some((o) => acceptsNumber(o));
  return def.type === 'number' || def.type === 'int';
}

function checks(schema: AnySchema) {
  return (defOf(schema).checks ?? []).map((c) => c._zod.def);
}

function lengthBounds(schema: AnySchema): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of checks(schema)) {
    if (c.check === 'min_length' && c.minimum !== undefined) out.min = c.minimum;
    if (c.check === 'max_length' && c.maximum !== undefined) out.max = c.maximum;
  }
  return out;
}

function numberBounds(schema: AnySchema): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  const def = defOf(schema);
  if (def.format === 'safeint' || def.format === 'int32') out.int = true;
  for (const c of checks(schema)) {
    const value = c as { check: string; value?: number; inclusive?: boolean; format?: string };
    if (value.check === 'greater_than' && value.value !== undefined) out.min = value.value + (value.inclusive ? 0 : 1);
    if (value.check === 'less_than' && value.value !== undefined) out.max = value.value - (value.inclusive ? 0 : 1);
    if (value.check === 'number_format' && (value.format === 'safeint' || value.format === 'int32')) out.int = true;
  }
  return out;
}

/** A Decap `pattern` for what zod checks on a string: its regex, its format, its length. */
function stringPattern(schema: AnySchema): [string, string] | undefined {
  const regex = checks(schema).find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  const def = defOf(schema);
  if (def.format === 'url') return ['^https?://\\S+$', 'une adresse web complète, commençant par https://'];
  if (regex) return [regex.source, 'la forme attendue est décrite sous le champ'];
  const { min, max } = lengthBounds(schema);
  if (min === undefined && max === undefined) return undefined;
  const range = `${min ?? 0},${max ?? ''}`;
  const text =
    max === undefined
      ? `au moins ${min ?? 0} caractères`
      : min === undefined
        ? `au plus ${max} caractères`
        : `entre ${min} et ${max} caractères`;
  return [`^[\\s\\S]{${range}}$`, text];
}

function enumValues(schema: AnySchema): (string | number)[] {
  return Object.values(defOf(schema).entries ?? {});
}

function labelledOptions(name: string, values: (string | number)[], spec: FieldSpec) {
  if (!spec.options) throw new Error(`Le champ « ${name} » n’a pas de libellés pour ses valeurs.`);
  const known = spec.options.map((o) => o.value);
  const missing = values.filter((v) => !known.includes(v));
  if (missing.length > 0) throw new Error(`Le champ « ${name} » n’a pas de libellé pour : ${missing.join(', ')}`);
  return spec.options.filter((o) => values.includes(o.value)).map((o) => ({ label: o.label, value: o.value }));
}

/**
 * One Decap field from one schema entry. `insideOptional`: the field belongs to an optional
 * object. Decap checks the sub-fields of an object even when it is left empty, so those are
 * not marked required; `checkEntry` enforces them when the object is filled in.
 */
export function fieldFromSchema(
  name: string,
  schema: AnySchema,
  spec: FieldSpec,
  insideOptional = false,
): CmsFieldConfig {
  const { schema: inner, optional, default: defaultValue } = unwrap(schema);
  const base: CmsFieldConfig = {
    name,
    label: spec.label,
    widget: 'string',
    required: !optional && !insideOptional,
    ...(spec.hint !== undefined && { hint: spec.hint }),
  };
  const withDefault = (field: CmsFieldConfig): CmsFieldConfig => {
    const out = defaultValue === undefined ? field : { ...field, default: defaultValue };
    return { ...out, ...spec.extra };
  };
  const kind = kindOf(inner);

  if (spec.widget === 'relation') {
    if (!spec.collection) throw new Error(`Le champ « ${name} » n’indique pas sa collection.`);
    const multiple = kind === 'array';
    return withDefault({
      ...base,
      widget: 'relation',
      collection: spec.collection,
      value_field: '{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
      options_length: 100,
      ...(multiple && { multiple: true }),
    });
  }

  switch (kind) {
    case 'string': {
      if (spec.widget === 'number') {
        if (!acceptsNumber(inner)) throw new Error(`Le champ « ${name} » n’accepte pas de nombre.`);
        return withDefault({ ...base, widget: 'number', value_type: 'int', min: 0, step: 1 });
      }
      const pattern = stringPattern(inner);
      return withDefault({
        ...base,
        widget: spec.widget ?? 'string',
        ...(pattern && { pattern }),
      });
    }
    case 'number': {
      const numeric = numberBounds(inner);
      if (spec.widget === 'select') {
        const values = spec.options?.map((o) => o.value) ?? [];
        return withDefault({ ...base, widget: 'select', options: labelledOptions(name, values, spec) });
      }
      return withDefault({
        ...base,
        widget: 'number',
        value_type: numeric.int ? 'int' : 'float',
        ...(numeric.min !== undefined && { min: numeric.min }),
        ...(numeric.max !== undefined && { max: numeric.max }),
        step: 1,
      });
    }
    case 'boolean':
      return withDefault({ ...base, widget: 'boolean' });
    case 'date':
      return withDefault({ ...base, widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false });
    case 'enum':
      return withDefault({ ...base, widget: 'select', options: labelledOptions(name, enumValues(inner), spec) });
    case 'object':
      return withDefault({
        ...base,
        widget: 'object',
        fields: fieldsFromSchema(inner, spec.fields ?? {}, name, optional || insideOptional),
      });
    case 'array': {
      const element = defOf(inner).element;
      if (!element) throw new Error(`Le champ « ${name} » est une liste sans type d’élément.`);
      const { min, max } = lengthBounds(inner);
      const bounds = { ...(min !== undefined && min > 0 && { min }), ...(max !== undefined && { max }) };
      const elementKind = kindOf(unwrap(element).schema);
      if (elementKind === 'enum') {
        return withDefault({
          ...base,
          widget: 'select',
          multiple: true,
          options: labelledOptions(name, enumValues(unwrap(element).schema), spec),
          ...bounds,
        });
      }
      if (elementKind === 'object') {
        return withDefault({
          ...base,
          widget: 'list',
          fields: fieldsFromSchema(unwrap(element).schema, spec.fields ?? {}, name),
          ...bounds,
        });
      }
      if (spec.commaSeparated) return withDefault({ ...base, widget: 'list', ...bounds });
      if (!spec.item) throw new Error(`Le champ « ${name} » est une liste sans description de ses éléments.`);
      const item = fieldFromSchema(name.replace(/s$/, ''), element, spec.item);
      return withDefault({ ...base, widget: 'list', field: item, ...bounds });
    }
  }
}

/** Every field of a zod object, in the schema's order; a field without a spec is an error. */
export function fieldsFromSchema(
  schema: AnySchema,
  specs: Record<string, FieldSpec>,
  parent = '',
  insideOptional = false,
): CmsFieldConfig[] {
  const shape = defOf(schema).shape;
  if (!shape) throw new Error(`« ${parent} » n’est pas un objet.`);
  const extra = Object.keys(specs).filter((k) => !(k in shape));
  if (extra.length > 0)
    throw new Error(`Libellés sans champ dans le schéma${parent && ` (${parent})`} : ${extra.join(', ')}`);
  return Object.entries(shape).map(([key, value]) => {
    const spec = specs[key];
    if (!spec)
      throw new Error(`Le champ « ${parent ? `${parent}.` : ''}${key} » n’a pas de libellé pour le formulaire.`);
    return fieldFromSchema(key, value, spec, insideOptional);
  });
}
