/**
 * How the CMS reads and writes our content files. Decap's own formatters re-serialise the
 * whole YAML on every save (folding long lines, changing quotes and list styles), so a
 * one-word fix would rewrite every line of the header. These formatters keep the source
 * text of every top-level key whose value did not change, write new or changed keys in
 * plain YAML, drop empty values (an empty optional field is absent, never `''`), and keep
 * the body as it is. Pure functions: the unit tests run them on every content file.
 */
import { Document, isMap, isScalar, isSeq, parse, parseDocument, stringify } from 'yaml';

/**
 * Key under which `fromFile` hands Decap the original YAML text of the entry. Decap keeps
 * keys it has no field for, so the text comes back to `toFile` with the edited data.
 */
export const SOURCE_KEY = '__source';

/** Field order of a collection, nested: `{ name, fields }` as in Decap's config. */
export interface FieldOrder {
  name: string;
  fields?: readonly FieldOrder[] | undefined;
  field?: FieldOrder | undefined;
}

export interface FormatOptions {
  /** The collection's fields: new keys and nested objects are written in this order. */
  fields?: readonly FieldOrder[];
  /**
   * Turns values as written by people into the values the form edits (durations written
   * « 1 h 30 » become minutes). Applied on reading, and to the original when comparing, so
   * a value the contributor did not touch keeps its original text.
   */
  normalize?: (data: Record<string, unknown>) => Record<string, unknown>;
}

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of parsed YAML values, key order aside (this module also runs in the browser). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return Object.is(a, b);
}

/**
 * Removes what an empty form field leaves behind: `''`, `null`, `undefined`, empty lists
 * and objects, recursively. Returns `undefined` when nothing is left.
 */
export function pruneEmpty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, pruneEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** Orders the keys of nested objects like the form's fields; unknown keys keep their place at the end. */
function ordered(value: unknown, fields: readonly FieldOrder[] | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, fields));
  if (!isRecord(value) || !fields) return value;
  const names = fields.map((f) => f.name);
  const keys = Object.keys(value).sort((a, b) => {
    const ia = names.indexOf(a);
    const ib = names.indexOf(b);
    return (ia === -1 ? names.length : ia) - (ib === -1 ? names.length : ib);
  });
  return Object.fromEntries(
    keys.map((k) => {
      const field = fields.find((f) => f.name === k);
      return [k, ordered(value[k], field?.fields ?? (field?.field ? [field.field] : undefined))];
    }),
  );
}

/** `key: value` as plain YAML, without folding long lines. */
function yamlEntry(key: string, value: unknown): string {
  return stringify({ [key]: value }, { lineWidth: 0, minContentWidth: 0 });
}

/**
 * Splits a block-mapping YAML text into its top-level entries, each with its exact text
 * (comment lines above a key belong to it). Returns `undefined` when the text is not the
 * simple block mapping this relies on, so the caller rewrites everything instead.
 */
function splitTopLevel(source: string): { key: string; text: string }[] | undefined {
  const lines = source.endsWith('\n') ? source.slice(0, -1).split('\n') : source.split('\n');
  const entries: { key: string; text: string }[] = [];
  let pendingComments: string[] = [];
  for (const line of lines) {
    const start = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line);
    if (start?.[1] !== undefined) {
      entries.push({ key: start[1], text: [...pendingComments, line].join('\n') + '\n' });
      pendingComments = [];
    } else if (/^#/.test(line)) {
      pendingComments.push(line);
    } else {
      const last = entries.at(-1);
      if (!last) return undefined;
      last.text += [...pendingComments, line].join('\n') + '\n';
      pendingComments = [];
    }
  }
  const last = entries.at(-1);
  if (last && pendingComments.length > 0) last.text += pendingComments.join('\n') + '\n';
  // Trust the split only if YAML itself sees the same keys in the same order.
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return undefined;
  const parsed: unknown = doc.toJS();
  if (!isRecord(parsed)) return undefined;
  const keys = Object.keys(parsed);
  if (keys.length !== entries.length || keys.some((k, i) => k !== entries[i]?.key)) return undefined;
  return entries;
}

/**
 * Writes `data` as YAML, reusing the text of `source` for every top-level key whose value
 * is unchanged. New keys go after the nearest preceding key in form order.
 */
export function updateYaml(source: string | undefined, data: Data, options: FormatOptions = {}): string {
  const normalize = options.normalize ?? ((d: Data) => d);
  const fieldNames = (options.fields ?? []).map((f) => f.name);
  const pruned = pruneEmpty(data);
  const clean = ordered(isRecord(pruned) ? pruned : {}, options.fields) as Data;

  const original = source === undefined ? undefined : splitTopLevel(source);
  const originalData: Data = (() => {
    if (source === undefined || original === undefined) return {};
    const parsed: unknown = parse(source);
    return isRecord(parsed) ? normalize(parsed) : {};
  })();

  const out: { key: string; text: string }[] = [];
  for (const entry of original ?? []) {
    const value = clean[entry.key];
    // An untouched key keeps its text, even an empty list written on purpose.
    if (sameValue(pruneEmpty(originalData[entry.key]), value)) out.push(entry);
    else if (value !== undefined) out.push({ key: entry.key, text: yamlEntry(entry.key, value) });
  }
  const rank = (key: string) => {
    const i = fieldNames.indexOf(key);
    return i === -1 ? fieldNames.length : i;
  };
  for (const [key, value] of Object.entries(clean)) {
    if (out.some((e) => e.key === key)) continue;
    const entry = { key, text: yamlEntry(key, value) };
    // After the last entry that comes before it in form order, else first.
    let at = 0;
    out.forEach((e, i) => {
      if (rank(e.key) <= rank(key)) at = i + 1;
    });
    out.splice(at, 0, entry);
  }
  return out.map((e) => e.text).join('');
}

/** Reads a YAML data file (the KPA directory). */
export function yamlFromFile(content: string, options: FormatOptions = {}): Data {
  const parsed: unknown = parse(content);
  const data = isRecord(parsed) ? parsed : {};
  return { ...(options.normalize ? options.normalize(data) : data), [SOURCE_KEY]: content };
}

export function yamlToFile(data: Data, options: FormatOptions = {}): string {
  const { [SOURCE_KEY]: source, ...rest } = data;
  return updateYaml(typeof source === 'string' ? source : undefined, rest, options);
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

/** Reads an MDX file: YAML header between `---` lines, then the body. */
export function frontmatterFromFile(content: string, options: FormatOptions = {}): Data {
  const match = FRONTMATTER.exec(content);
  if (match?.index !== 0) return { body: content };
  const header = match[1] ?? '';
  const parsed: unknown = parse(header);
  const data = isRecord(parsed) ? parsed : {};
  const body = content.slice(match[0].length).replace(/^(?:\r?\n)+/, '');
  return {
    ...(options.normalize ? options.normalize(data) : data),
    ...(body.trim() !== '' && { body }),
    [SOURCE_KEY]: header,
  };
}

/** Writes an MDX file: the header, one blank line, the body ending with one newline. */
export function frontmatterToFile(data: Data, options: FormatOptions = {}): string {
  const { body, [SOURCE_KEY]: source, ...rest } = data;
  const header = updateYaml(typeof source === 'string' ? source : undefined, rest, options);
  const text = typeof body === 'string' ? body.replace(/^(?:\r?\n)+/, '').replace(/\s+$/, '') : '';
  return `---\n${header}---\n${text === '' ? '' : `\n${text}\n`}`;
}

/**
 * A YAML file whose top level is a list (the glossary): each item with its exact text,
 * the comment lines above it, and the blank lines after it. `undefined` when the text is
 * not the simple block sequence this relies on, so the caller rewrites everything.
 */
function splitSequence(source: string): { preamble: string; items: { text: string; after: string }[] } | undefined {
  const lines = source.split('\n');
  // A text ending with a newline splits into a last empty string: it is not a line.
  if (lines.at(-1) === '') lines.pop();
  const items: { text: string; after: string }[] = [];
  let preamble = '';
  let pending: string[] = [];
  for (const line of lines) {
    const last = items.at(-1);
    if (/^-(?:[ \t]|$)/.test(line)) {
      items.push({ text: [...pending, line].join('\n') + '\n', after: '' });
      pending = [];
    } else if (line.trim() === '' && pending.length === 0) {
      if (last) last.after += '\n';
      else preamble += '\n';
    } else if (/^#/.test(line)) {
      pending.push(line);
    } else if (last && last.after === '' && pending.length === 0) {
      last.text += line + '\n';
    } else if (!last) {
      preamble += [...pending, line].join('\n') + '\n';
      pending = [];
    } else {
      return undefined;
    }
  }
  if (pending.length > 0) {
    const last = items.at(-1);
    if (!last) preamble += pending.join('\n') + '\n';
    else last.after += pending.join('\n') + '\n';
  }
  if (!source.endsWith('\n')) {
    const last = items.at(-1);
    if (!last || last.after !== '') return undefined;
    last.text = last.text.slice(0, -1);
  }
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return undefined;
  const parsed: unknown = doc.toJS();
  if (!Array.isArray(parsed) || parsed.length !== items.length) return undefined;
  const each = items.map((item) => parse(item.text) as unknown);
  if (!each.every((value, i) => Array.isArray(value) && value.length === 1 && sameValue(value[0], parsed[i]))) {
    return undefined;
  }
  return { preamble, items };
}

/**
 * One new or changed list item, written the way the file writes the others: a key whose
 * list is in brackets elsewhere (`forms: [CAB]`) gets brackets, a text folded with `>-`
 * elsewhere is folded, at the width the file's folded texts use.
 */
function sequenceItem(item: unknown, source: string | undefined): string {
  const doc = new Document([item]);
  let width = 80;
  if (source !== undefined) {
    const model = parseDocument(source);
    const first = isSeq(model.contents) ? model.contents.items : [];
    const rendered = doc.contents;
    const target = isSeq(rendered) ? rendered.items[0] : undefined;
    if (isMap(target)) {
      for (const pair of target.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        const like = first.map((m) => (isMap(m) ? m.get(key, true) : undefined)).find((n) => n !== undefined);
        if (isSeq(like) && isSeq(pair.value)) pair.value.flow = like.flow ?? false;
        if (isScalar(like) && isScalar(pair.value) && typeof pair.value.value === 'string' && like.type) {
          pair.value.type = like.type;
        }
      }
    }
    // Folded text is cut at the width of the file's folded texts: nine lines in ten are no
    // longer (the others hold a long link, which YAML cannot cut).
    const folded = source
      .split('\n')
      .filter((line) => /^ {4}\S/.test(line))
      .map((line) => line.length)
      .sort((a, b) => a - b);
    const typical = folded[Math.floor(folded.length * 0.9)];
    if (typical !== undefined) width = typical;
  }
  return doc.toString({ lineWidth: width, minContentWidth: 0, flowCollectionPadding: false });
}

/**
 * Writes `items` as a YAML list, reusing the exact text of every item of `source` whose
 * value is unchanged (wherever it moved), writing the others like their neighbours, and
 * keeping the blank lines between items.
 */
export function updateYamlSequence(source: string | undefined, items: readonly unknown[]): string {
  const clean = items.map((item) => pruneEmpty(item)).filter((item) => item !== undefined);
  const original = source === undefined ? undefined : splitSequence(source);
  const before = original?.items ?? [];
  const values = original && source !== undefined ? (parse(source) as unknown[]) : [];
  // The blank lines that most often separate two items; one when there is nothing to go by.
  const separators = before.slice(0, -1).map((item) => item.after);
  const usual = separators.sort((a, b) => count(separators, b) - count(separators, a))[0] ?? '\n';
  const used = new Set<number>();
  const written = clean.map((item) => {
    const index = values.findIndex((value, i) => !used.has(i) && sameValue(pruneEmpty(value), item));
    const reused = index === -1 ? undefined : before[index];
    if (reused === undefined) return { text: sequenceItem(item, source), after: usual };
    used.add(index);
    return { text: reused.text, after: index === before.length - 1 ? usual : reused.after };
  });
  const end = before.at(-1)?.after ?? '';
  const body = written
    .map((entry, i) => {
      if (i === written.length - 1) return entry.text + end;
      return (entry.text.endsWith('\n') ? entry.text : `${entry.text}\n`) + entry.after;
    })
    .join('');
  return (original?.preamble ?? '') + body;
}

function count<T>(list: readonly T[], value: T): number {
  return list.filter((item) => item === value).length;
}

/** Key under which the glossary's form holds its list of terms. */
export const GLOSSARY_KEY = 'entries';

/** Reads the glossary: a YAML list, handed to Decap as one field of an object. */
export function glossaryFromFile(content: string): Data {
  const parsed: unknown = parse(content);
  return { [GLOSSARY_KEY]: Array.isArray(parsed) ? parsed : [], [SOURCE_KEY]: content };
}

export function glossaryToFile(data: Data): string {
  const source = data[SOURCE_KEY];
  const entries = data[GLOSSARY_KEY];
  return updateYamlSequence(typeof source === 'string' ? source : undefined, Array.isArray(entries) ? entries : []);
}
