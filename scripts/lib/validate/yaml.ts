/**
 * YAML as Astro reads it: values come from js-yaml, the parser Astro itself uses for
 * frontmatter and data files (so both agree on every date, number and duplicate key), and
 * positions from the `yaml` package, which keeps the place of every node: a zod issue path
 * such as `materials.2.quantity` maps back to a line and column. The second parse only
 * happens when a position is needed, that is when something is wrong.
 */
import { load } from 'js-yaml';
import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type ParsedNode,
  type SchemaOptions,
} from 'yaml';
import { localIssue, type LocalIssue, type Position } from './issues.ts';

/** js-yaml's default schema in terms of the `yaml` package: YAML 1.2 core, timestamps, merge keys. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: ['timestamp'],
  merge: true,
};

/** An alias (`*nom`): js-yaml has no limit on them, the `yaml` package does. */
const ALIAS = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/m;

const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'clé en double : chaque champ ne doit apparaître qu’une fois',
  BAD_INDENT: 'indentation incorrecte, ou crochet ou accolade non fermé',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter : utilisez des espaces',
  MISSING_CHAR: 'caractère manquant (guillemet non fermé, ou « : » manquant après un nom de champ ?)',
  BLOCK_AS_IMPLICIT_KEY:
    'valeur mal formée : mettez le texte entre guillemets s’il contient « : », ou vérifiez l’indentation',
  MULTILINE_IMPLICIT_KEY: 'ligne sans « nom: valeur » : vérifiez l’indentation ou le « : » après le nom du champ',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets',
  UNEXPECTED_TOKEN: 'élément inattendu : vérifiez l’indentation et la ponctuation de cette ligne',
  BAD_DQ_ESCAPE: 'séquence « \\ » invalide entre guillemets doubles : utilisez des guillemets simples',
  MULTIPLE_DOCS: 'ligne « --- » en trop : un seul bloc YAML est attendu',
};

export interface ParsedYaml {
  /** The data, or `undefined` when the YAML cannot be read (then `issues` says why). */
  value: unknown;
  issues: LocalIssue[];
  /** Where the field at `path` is written: its key, or the nearest written ancestor. */
  fieldAt: (path: readonly PropertyKey[]) => Position;
  /** Source offsets `[start, end]` of the value at `path`, when it is written. */
  rangeAt: (path: readonly PropertyKey[]) => [number, number] | undefined;
  /** Position of a source offset, in file coordinates. */
  positionOf: (offset: number) => Position;
}

/**
 * Parses `text`, which starts at line `firstLine` of its file (2 for a frontmatter). Never
 * throws: unreadable YAML gives one issue, at the first error (later ones are its echoes).
 */
export function parseYaml(text: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed | undefined;
  const document = (): Document.Parsed => {
    doc ??= parseDocument(text, { ...YAML_OPTIONS, lineCounter, prettyErrors: false });
    return doc;
  };
  const positionOf = (offset: number): Position => {
    document();
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const issues: LocalIssue[] = [];
  let value: unknown;
  try {
    // Aliases can multiply a small file into a huge value: let the `yaml` package cap them.
    value = ALIAS.test(text) ? readWithLimits(document()) : load(text);
  } catch (e) {
    value = undefined;
    const [error] = document().errors;
    if (error) {
      issues.push(
        localIssue('yaml-syntax', positionOf(error.pos[0]), MESSAGES[error.code] ?? `YAML illisible (${error.code})`),
      );
    } else {
      const mark = (e as { mark?: { line: number; column: number } }).mark;
      const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
      const at = mark ? { line: mark.line + firstLine, column: mark.column + 1 } : positionOf(0);
      const message = /excessive alias/i.test(reason)
        ? 'trop d’alias (« *nom ») : écrivez les valeurs en entier'
        : /alias/i.test(reason)
          ? 'alias (« *nom ») sans ancre (« &nom ») définie avant lui'
          : `YAML illisible : ${reason}`;
      issues.push(localIssue('yaml-syntax', at, message));
    }
  }
  const walk = (path: readonly PropertyKey[]) => walkTo(document(), path);
  return {
    value,
    issues,
    fieldAt: (path) => positionOf(walk(path).keyOffset),
    rangeAt: (path) => {
      const found = walk(path);
      return found.complete && found.node ? [found.node.range[0], found.node.range[1]] : undefined;
    },
    positionOf,
  };
}

function readWithLimits(doc: Document.Parsed): unknown {
  if (doc.errors.length > 0) throw new Error('YAML illisible');
  return doc.toJS({ maxAliasCount: 50 });
}

interface Walked {
  /** Offset of the key (or sequence item) of the deepest node found along the path. */
  keyOffset: number;
  node: ParsedNode | null;
  complete: boolean;
}

function walkTo(doc: Document.Parsed, path: readonly PropertyKey[]): Walked {
  let node: ParsedNode | null = doc.contents;
  let keyOffset = node?.range[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { keyOffset, node, complete: false };
      keyOffset = isScalar(pair.key) ? pair.key.range[0] : keyOffset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return { keyOffset, node, complete: false };
      keyOffset = item.range[0];
      node = item;
    } else {
      return { keyOffset, node, complete: false };
    }
  }
  return { keyOffset, node, complete: true };
}
