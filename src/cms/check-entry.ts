/**
 * The last check before the CMS writes a file: the same zod schema as the site, and the MDX
 * rules of CONTRIBUTING.md for bodies. `src/cms/admin.ts` runs it on Decap's `preSave`
 * event; a problem stops the save and is shown in French, field by field.
 */
import { toolkitSchema } from '../schemas/toolkit.ts';
import { kpaSchema } from '../schemas/kpa.ts';
import { pruneEmpty } from './formats.ts';
import type { CmsFieldConfig } from './schema-fields.ts';

export interface EntryIssue {
  /** Path of the field, e.g. `duration.preparation` or `materials.0.name`. */
  path: (string | number)[];
  message: string;
}

interface SchemaLike {
  safeParse: (
    data: unknown,
  ) => { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The schema's issues; a missing value reads « à remplir » rather than zod's type message. */
export function schemaIssues(schema: SchemaLike, data: unknown): EntryIssue[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return { path, message: valueAt(data, path) === undefined ? 'à remplir' : i.message };
  });
}

/**
 * MDX that the site cannot compile, or that CONTRIBUTING.md forbids: `import`/`export`
 * lines, braces, a `<` that opens no tag. Code spans and fenced blocks are left alone.
 */
export function checkMdxBody(body: string): EntryIssue[] {
  const issues: EntryIssue[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const marker = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const text = raw.replace(/`[^`]*`/g, '');
    const at = (message: string) => issues.push({ path: ['body', line], message });
    if (/^\s*(?:import|export)\s/.test(text)) {
      at('pas de ligne « import » ni « export » : les composants sont disponibles sans import');
    }
    if (/[{}]/.test(text)) at('pas d’accolades « { } » : le site ne pourrait pas construire la page');
    if (/<(?![A-Za-z/!])/.test(text)) at('un « < » seul ouvre une balise : écrivez « moins de » ou « inférieur à »');
    if (/<\s*(?:script|iframe|style|object|embed)\b/i.test(text)) at('pas de HTML actif (script, iframe, style…)');
  });
  return issues;
}

/**
 * The frontmatter of an entry as the file will hold it: without the body, without the keys
 * the formats add for themselves (`__source`), without the empty values they leave out.
 */
export function entryHeader(data: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.entries(data).filter(([k]) => k !== 'body' && !k.startsWith('__'));
  const pruned = pruneEmpty(Object.fromEntries(kept));
  return typeof pruned === 'object' && pruned !== null ? (pruned as Record<string, unknown>) : {};
}

/** Problems in an entry about to be saved, for the collection `collection`. */
export function checkEntry(collection: string, data: Record<string, unknown>): EntryIssue[] {
  const body = typeof data['body'] === 'string' ? data['body'] : '';
  const header = entryHeader(data);
  if (collection === 'toolkits') return [...schemaIssues(toolkitSchema, header), ...checkMdxBody(body)];
  if (collection === 'kpa') return schemaIssues(kpaSchema, header);
  if (collection.startsWith('guide-')) return checkMdxBody(body);
  return [];
}

/** « Durée › Préparation (minutes) » for `duration.preparation`, from the form's labels. */
export function fieldLabel(path: readonly (string | number)[], fields: readonly CmsFieldConfig[]): string {
  const parts: string[] = [];
  let current: readonly CmsFieldConfig[] | undefined = fields;
  for (const [i, key] of path.entries()) {
    if (typeof key === 'number') {
      parts.push(path[0] === 'body' ? `ligne ${key}` : `n° ${key + 1}`);
      continue;
    }
    const field: CmsFieldConfig | undefined = current?.find((f) => f.name === key);
    parts.push(field?.label ?? key);
    current = field?.fields ?? (field?.field ? [field.field] : undefined);
    if (i === 0 && key === 'body') current = undefined;
  }
  return parts.join(' › ');
}

/** One French message for Decap's error notice. */
export function issuesMessage(issues: readonly EntryIssue[], fields: readonly CmsFieldConfig[]): string {
  const lines = issues.map((i) => `${fieldLabel(i.path, fields)} : ${i.message}`);
  return `à corriger avant d’enregistrer — ${lines.join(' ; ')}`;
}
