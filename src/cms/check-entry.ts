/**
 * What the online editor says about an entry, in the words of its form. The problems come
 * from the rules of `npm run validate`, run on the file about to be written
 * (`site-checks.ts`); here each one is placed on the field it is about (or on a line of the
 * text) and told in plain French, with what to do in the editor. The preview's list of what
 * is still missing (`preview.ts`) reads the same zod schema with `schemaIssues`.
 */
import type { Issue, RuleId, Severity } from '../../scripts/lib/validate/issues.ts';
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
 * The frontmatter of an entry as the file will hold it: without the body, without the keys
 * the formats add for themselves (`__source`), without the empty values they leave out.
 */
export function entryHeader(data: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.entries(data).filter(([k]) => k !== 'body' && !k.startsWith('__'));
  const pruned = pruneEmpty(Object.fromEntries(kept));
  return typeof pruned === 'object' && pruned !== null ? (pruned as Record<string, unknown>) : {};
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

/** A problem of `npm run validate`, placed on the form. */
export interface EntryProblem {
  rule: RuleId;
  /** An error stops the save; a warning is shown and lets it through, as `npm run validate` does. */
  severity: Severity;
  /** The field of the form it is about (`['groupSize', 'min']`); `undefined` for the entry as a whole. */
  field: (string | number)[] | undefined;
  /** For a problem in the text: its line, the first line of the text being 1. */
  bodyLine?: number;
  /** That line, to find it in a text field without line numbers. */
  excerpt?: string;
  /** Another file that this version of the entry would break. */
  otherFile?: string;
  /** Where it is, in the words of the form: « Résumé », « Contenu de la fiche, ligne 6 ». */
  where: string;
  /** What is wrong and what to do. */
  message: string;
}

/** What to do in the editor, for rules whose message speaks of files rather than of the form. */
const ADVICE: Partial<Record<RuleId, string>> = {
  'link-anchor':
    'Corrigez ce qui suit « # » : il désigne un titre de la page visée, écrit en minuscules avec des tirets.',
  'image-missing':
    'Envoyez d’abord l’image avec le bouton d’ajout d’image (elle rejoint public/media/), ou corrigez son adresse.',
  'image-path': 'Envoyez l’image avec le bouton d’ajout d’image : son adresse commencera par /media/.',
  'html-event-handler': 'Retirez-le : une page ne peut contenir aucun code.',
  'html-forbidden': 'Retirez ce passage : une page ne peut contenir aucun code.',
  'html-tag': 'Écrivez ce passage en texte simple ou avec la mise en forme de l’éditeur.',
  'html-attribute': 'Retirez l’attribut : la mise en forme vient du site.',
  'duplicate-title': 'Choisissez un autre titre : deux boîtes à outils ne peuvent pas porter le même.',
  'duplicate-slug': 'L’adresse d’une nouvelle page vient de son titre : choisissez un autre titre.',
  'unknown-toolkit': 'Choisissez une boîte à outils dans la liste proposée.',
  'self-reference': 'Choisissez une autre boîte à outils que celle-ci.',
  'variant-cycle': 'Retirez le champ « Variante de » de l’une des fiches du cercle.',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The message of `issue` for the form: a schema issue is told without the field's technical
 * name, which the form shows by its label, and a missing value reads « À remplir ».
 */
export function problemMessage(issue: Issue): string {
  let message = issue.message;
  if (issue.rule === 'schema' && issue.field) {
    const dotted = issue.field.join('.');
    if (message === `champ « ${dotted} » obligatoire manquant`) message = 'à remplir';
    else if (message.startsWith(`« ${dotted} » : `)) message = message.slice(`« ${dotted} » : `.length);
  }
  const advice = ADVICE[issue.rule];
  return advice ? `${sentence(message)} ${advice}` : sentence(message);
}

export interface PlaceOptions {
  /** The file being written. */
  path: string;
  /** Its text. */
  text: string;
  /** Line of the file where the text field (`body`) starts, if the file has one. */
  bodyStart: number | undefined;
  /** The fields of the entry's collection. */
  fields: readonly CmsFieldConfig[];
}

const EXCERPT = 60;

/** Places the problems of a file on the fields of its form: errors first, then in the order of the file. */
export function placeProblems(issues: readonly Issue[], options: PlaceOptions): EntryProblem[] {
  const { path, text, bodyStart, fields } = options;
  const lines = text.split('\n');
  const body = fields.find((f) => f.name === 'body');
  const rank = (issue: Issue) => [
    issue.severity === 'error' ? 0 : 1,
    issue.file === path ? 0 : 1,
    issue.line,
    issue.column,
  ];
  const ordered = [...issues].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x.reduce((found, value, i) => found || value - (y[i] ?? 0), 0);
  });
  return ordered.map((issue): EntryProblem => {
    const base = { rule: issue.rule, severity: issue.severity, message: problemMessage(issue) };
    if (issue.file !== path) {
      return {
        ...base,
        field: undefined,
        otherFile: issue.file,
        where: `Dans ${issue.file}${issue.line > 1 ? `, ligne ${String(issue.line)}` : ''}`,
      };
    }
    if (issue.field) return { ...base, field: issue.field, where: fieldLabel(issue.field, fields) };
    if (body && bodyStart !== undefined && issue.line >= bodyStart) {
      const bodyLine = issue.line - bodyStart + 1;
      const line = (lines[issue.line - 1] ?? '').trim();
      const excerpt = line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
      return {
        ...base,
        field: ['body'],
        bodyLine,
        ...(excerpt && { excerpt }),
        where: `${body.label}, ligne ${String(bodyLine)}`,
      };
    }
    const address = issue.rule === 'duplicate-slug' || issue.rule === 'slug-invalid' || issue.rule === 'file-name';
    return { ...base, field: undefined, where: address ? 'Adresse de la page' : 'Toute la page' };
  });
}
