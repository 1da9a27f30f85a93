/**
 * Rule: a frontmatter or data file matches the zod schema of its collection, imported from
 * `src/schemas/` (never copied). Each zod issue is reported at the line of the field it
 * names, e.g. `groupSize.min` or `materials.2.quantity`.
 */
import { z } from '../../../../src/schemas/zod-fr.ts';
import { localIssue, type LocalIssue } from '../issues.ts';
import type { ParsedYaml } from '../yaml.ts';

/** `materials.2.quantity`, or `(racine)` for the whole document. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(racine)' : path.map(String).join('.');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The known name closest to a misspelt one, if it is close enough to be a typo. */
export function suggestion(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (vouliez-vous dire « ${best} » ?)`;
}

/** Field names of the object schema at `path`, to suggest a spelling. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = (type: z.ZodType | undefined): z.ZodType | undefined => {
    let t = type;
    while (t instanceof z.ZodOptional || t instanceof z.ZodDefault || t instanceof z.ZodNullable) {
      t = t.unwrap() as z.ZodType;
    }
    return t;
  };
  for (const segment of path) {
    current = unwrap(current);
    if (typeof segment === 'number' && current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject) current = current.shape[String(segment)] as z.ZodType | undefined;
    else return [];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

export interface SchemaResult<T> {
  data: T | undefined;
  issues: LocalIssue[];
}

/** Checks `yaml.value` against `schema`; issues point at the fields they name. */
export function checkSchema<S extends z.ZodType>(schema: S, yaml: ParsedYaml): SchemaResult<z.output<S>> {
  const result = schema.safeParse(yaml.value, { reportInput: true });
  if (result.success) return { data: result.data, issues: [] };
  const issues: LocalIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        issues.push(
          localIssue(
            'schema',
            yaml.fieldAt(path),
            `champ « ${fieldPath(path)} » inconnu${suggestion(key, known)} : retirez-le ou corrigez son nom`,
            path,
          ),
        );
      }
      continue;
    }
    const field = fieldPath(issue.path);
    const message =
      issue.code === 'invalid_type' && issue.input === undefined
        ? `champ « ${field} » obligatoire manquant`
        : issue.path.length === 0 && issue.code === 'invalid_type'
          ? 'une liste de champs « nom: valeur » est attendue'
          : `« ${field} » : ${issue.message}`;
    issues.push(localIssue('schema', yaml.fieldAt(issue.path), message, issue.path));
  }
  return { data: undefined, issues };
}

/** Top-level fields that a non-strict schema would silently drop: a typo in a page's header. */
export function unknownFieldIssues(schema: z.ZodType, yaml: ParsedYaml, alsoKnown: readonly string[]): LocalIssue[] {
  const value = yaml.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const known = [...knownKeys(schema, []), ...alsoKnown];
  if (known.length === 0) return [];
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) =>
      localIssue(
        'unknown-field',
        yaml.fieldAt([key]),
        `champ « ${key} » inconnu, ignoré par le site${suggestion(key, known)}`,
        [key],
      ),
    );
}
