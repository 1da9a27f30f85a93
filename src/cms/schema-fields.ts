/**
 * Turns a zod object schema into Decap CMS fields. The structure, the required flags, the
 * lengths, bounds, patterns, options, defaults and the help under each field (the schema's
 * `description` and `examples` metadata, and the limits its checks set) are read from the
 * schema itself; the caller only adds what a schema cannot say: French labels and the
 * choice of widget where several fit. So the form cannot drift from `src/schemas/`.
 */
import { z } from 'astro/zod';

/**
 * Widgets of our own (`src/cms/field-widgets.ts`), Decap's with a little more: a text field
 * with a live character count (and the page's address under a title), a list whose chosen
 * option is spelled out in full under it, an optional group checked only once filled in, an
 * image field that shows a picture just sent before it is saved.
 */
export const WIDGETS = {
  string: 'kpa-string',
  text: 'kpa-text',
  select: 'kpa-select',
  optionalObject: 'kpa-optional-object',
  image: 'kpa-image',
} as const;

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
  // kpa-string and kpa-text: the bounds the live counter shows
  min_length?: number;
  max_length?: number;
  // kpa-select: spell the chosen option out under the list
  explain_choice?: boolean;
  // markdown
  modes?: ('raw' | 'rich_text')[];
  buttons?: string[];
  editor_components?: string[];
}

/** What the schema cannot say about a field. */
export interface FieldSpec {
  label: string;
  /**
   * Help for a field the schema does not describe (Starlight's own fields). A field the
   * schema describes takes its help from there: giving both is an error.
   */
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
  /** For a single choice whose labels are long: the chosen one is shown in full under the list. */
  explainChoice?: boolean;
  /** For an object or a list of objects from a schema we do not own: only the sub-fields in `fields`. */
  pick?: boolean;
  /** Anything else passed to Decap as is (`summary`, `collapsed`, `date_format`…). */
  extra?: Partial<CmsFieldConfig>;
}

export type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  defaultValue?: unknown;
  in?: AnySchema;
  options?: AnySchema[];
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string | number>;
  checks?: {
    _zod: {
      def: { check: string; minimum?: number; maximum?: number; pattern?: RegExp; error?: (issue: object) => unknown };
    };
  }[];
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
  /** The schema's `description` metadata, from the outermost layer that has one. */
  description?: string;
  /** The schema's `examples` metadata, likewise. */
  examples?: readonly unknown[];
}

/** The metadata zod keeps for a schema (`.meta({ description, examples })`). */
function metaOf(schema: AnySchema): { description?: unknown; examples?: unknown } {
  return z.globalRegistry.get(schema) ?? {};
}

/** Peels `optional` and `default` off a schema, keeping the help written on any layer. */
export function unwrap(schema: AnySchema): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  let description: string | undefined;
  let examples: readonly unknown[] | undefined;
  for (;;) {
    const meta = metaOf(current);
    if (description === undefined && typeof meta.description === 'string') description = meta.description;
    if (examples === undefined && Array.isArray(meta.examples)) examples = meta.examples as unknown[];
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType) {
      optional = true;
      if (def.type === 'default') defaultValue = def.defaultValue;
      current = def.innerType;
    } else {
      break;
    }
  }
  return {
    schema: current,
    optional,
    ...(defaultValue !== undefined && { default: defaultValue }),
    ...(description !== undefined && { description }),
    ...(examples !== undefined && { examples }),
  };
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

/**
 * A Decap `pattern` for what zod checks on a string: its regex (with the schema's own
 * message), its format, its length. Decap shows « Le champ X est à corriger : <text>. »
 */
function stringPattern(schema: AnySchema): [string, string] | undefined {
  const regex = checks(schema).find((c) => c.check === 'string_format' && c.pattern);
  const def = defOf(schema);
  if (def.format === 'url') return ['^https?://\\S+$', 'adresse web complète attendue, commençant par https://'];
  if (regex?.pattern) {
    const message = regex.error?.({});
    return [
      regex.pattern.source,
      typeof message === 'string' ? message : 'la forme attendue est décrite sous le champ',
    ];
  }
  const { min, max } = lengthBounds(schema);
  if (min === undefined && max === undefined) return undefined;
  const range = `${min ?? 0},${max ?? ''}`;
  return [`^[\\s\\S]{${range}}$`, `${lengthText(min, max)} attendus`];
}

/** « entre 3 et 90 caractères », « au moins 20 caractères », « au plus 160 caractères ». */
function lengthText(min: number | undefined, max: number | undefined): string {
  if (max === undefined) return `au moins ${min ?? 0} caractères`;
  if (min === undefined || min === 0) return `au plus ${max} caractères`;
  return `entre ${min} et ${max} caractères`;
}

/**
 * A lower bound worth a word in the hint and a counter: two or three characters are what
 * any real answer has anyway (the schema still checks them).
 */
const MEANINGFUL_MIN = 5;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The limits a schema sets, as a sentence for the hint (`undefined` when there are none). */
function limitsText(schema: AnySchema): string | undefined {
  const kind = kindOf(schema);
  if (kind === 'string') {
    const { min, max } = lengthBounds(schema);
    if (max === undefined && (min === undefined || min < MEANINGFUL_MIN)) return undefined;
    return `${capitalize(lengthText(min, max))}.`;
  }
  if (kind === 'number') {
    const { min, max } = numberBounds(schema);
    if (min !== undefined && max !== undefined) return `De ${min} à ${max}.`;
    if (min !== undefined && min > 0) return `Au moins ${min}.`;
    if (max !== undefined) return `Au plus ${max}.`;
    return undefined;
  }
  if (kind === 'array') {
    const { min, max } = lengthBounds(schema);
    const count = (n: number) => `${n} élément${n > 1 ? 's' : ''}`;
    if (min !== undefined && min > 0 && max !== undefined) return `De ${min} à ${count(max)}.`;
    if (min !== undefined && min > 0) return `Au moins ${count(min)}.`;
    if (max !== undefined) return `Au plus ${count(max)}.`;
  }
  return undefined;
}

function exampleText(examples: readonly unknown[] | undefined): string | undefined {
  const shown = (examples ?? [])
    .filter((e) => typeof e === 'string' || typeof e === 'number')
    .map((e) => `« ${String(e)} »`);
  if (shown.length === 0) return undefined;
  return `${shown.length === 1 ? 'Exemple' : 'Exemples'} : ${shown.join(', ')}.`;
}

/**
 * The hint under a field: what it is for (the schema's description), its limits (from
 * the schema's checks) and an example (the schema's examples). A field the schema does not
 * describe (Starlight's) takes the caller's hint; one described on both sides is an error,
 * so the help has one source.
 */
export function hintFor(name: string, unwrapped: Unwrapped, spec: FieldSpec): string | undefined {
  if (spec.hint !== undefined && unwrapped.description !== undefined) {
    throw new Error(`Le champ « ${name} » a une aide dans le schéma et une autre dans le formulaire.`);
  }
  const parts = [
    unwrapped.description ?? spec.hint,
    limitsText(unwrapped.schema),
    exampleText(unwrapped.examples),
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
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

/** What a collapsed list item shows: its first field, or a word saying it is still empty. */
function itemSummary(fieldName: string): string {
  return `{{fields.${fieldName} | default('(à compléter)')}}`;
}

/**
 * One Decap field from one schema entry. A field is required when the schema requires it;
 * inside an optional object, that means « once the object is filled in », which our
 * optional-object widget enforces (Decap's own checks every sub-field of an empty object).
 */
export function fieldFromSchema(name: string, schema: AnySchema, spec: FieldSpec): CmsFieldConfig {
  const unwrapped = unwrap(schema);
  const { schema: inner, optional, default: defaultValue } = unwrapped;
  const hint = hintFor(name, unwrapped, spec);
  const base: CmsFieldConfig = {
    name,
    label: spec.label,
    widget: WIDGETS.string,
    required: !optional,
    ...(hint !== undefined && { hint }),
  };
  const withDefault = (field: CmsFieldConfig): CmsFieldConfig => {
    const out = defaultValue === undefined ? field : { ...field, default: defaultValue };
    return { ...out, ...spec.extra };
  };
  const choice = (options: { label: string; value: string | number }[]): CmsFieldConfig =>
    spec.explainChoice
      ? { ...base, widget: WIDGETS.select, options, explain_choice: true }
      : { ...base, widget: 'select', options };
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
      if (spec.widget === 'image') {
        // Decap tests an image field's pattern against the file's name, not the address it
        // stores: the schema's check of the address runs before saving instead. No web
        // address either: the site shows only pictures of the repository.
        return withDefault({ ...base, widget: WIDGETS.image, choose_url: false });
      }
      const pattern = stringPattern(inner);
      const { min, max } = lengthBounds(inner);
      return withDefault({
        ...base,
        widget: spec.widget === 'text' ? WIDGETS.text : WIDGETS.string,
        ...(pattern && { pattern }),
        ...(min !== undefined && min >= MEANINGFUL_MIN && { min_length: min }),
        ...(max !== undefined && { max_length: max }),
      });
    }
    case 'number': {
      const numeric = numberBounds(inner);
      if (spec.widget === 'select') {
        const values = spec.options?.map((o) => o.value) ?? [];
        return withDefault(choice(labelledOptions(name, values, spec)));
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
      return withDefault(choice(labelledOptions(name, enumValues(inner), spec)));
    case 'object':
      return withDefault({
        ...base,
        widget: optional ? WIDGETS.optionalObject : 'object',
        fields: fieldsFromSchema(inner, spec.fields ?? {}, name, { pick: spec.pick ?? false }),
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
        const fields = fieldsFromSchema(unwrap(element).schema, spec.fields ?? {}, name, { pick: spec.pick ?? false });
        const first = fields[0]?.name;
        return withDefault({
          ...base,
          widget: 'list',
          fields,
          ...(first !== undefined && { summary: itemSummary(first) }),
          ...bounds,
        });
      }
      if (spec.commaSeparated) return withDefault({ ...base, widget: 'list', ...bounds });
      if (!spec.item) throw new Error(`Le champ « ${name} » est une liste sans description de ses éléments.`);
      const item = fieldFromSchema(name.replace(/s$/, ''), element, spec.item);
      return withDefault({ ...base, widget: 'list', field: item, summary: itemSummary(item.name), ...bounds });
    }
  }
}

/**
 * The fields of a zod object, in the schema's order; a field without a spec is an error.
 * With `pick`, only the keys of `specs`, in their order: a schema we do not own, such as
 * Starlight's, has many fields the form leaves alone.
 */
export function fieldsFromSchema(
  schema: AnySchema,
  specs: Record<string, FieldSpec>,
  parent = '',
  options: { pick?: boolean } = {},
): CmsFieldConfig[] {
  const shape = defOf(unwrap(schema).schema).shape;
  if (!shape) throw new Error(`« ${parent} » n’est pas un objet.`);
  const extra = Object.keys(specs).filter((k) => !(k in shape));
  if (extra.length > 0)
    throw new Error(`Libellés sans champ dans le schéma${parent && ` (${parent})`} : ${extra.join(', ')}`);
  // Picked fields come in the caller's order: a schema we do not own orders them its way.
  const keys = options.pick ? Object.keys(specs) : Object.keys(shape);
  return keys.map((key) => {
    const spec = specs[key];
    const value = shape[key];
    if (!spec || !value)
      throw new Error(`Le champ « ${parent ? `${parent}.` : ''}${key} » n’a pas de libellé pour le formulaire.`);
    return fieldFromSchema(key, value, spec);
  });
}
