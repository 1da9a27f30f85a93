/**
 * When a body may be edited in Decap's rich-text mode. That mode turns the Markdown into an
 * editor tree (Slate) and, after every change, writes the whole text again from the tree, in
 * its own style. That is only safe when the untouched text comes out exactly as it went in:
 * so the rule runs Decap's own conversion (`markdownToSlate`, then `slateToMarkdown`, with
 * the components and plugins the editor has) on the text as it is opened, and allows rich
 * text only when the result is the same text. Otherwise the body stays in raw mode, and the
 * verdict says which construct would have been rewritten, where, and how.
 *
 * The writer is first set to the guide's own Markdown style (`GUIDE_MARKDOWN_STYLE`), through
 * Decap's public `registerRemarkPlugin`, so that most pages pass.
 */
import {
  markdownToRemark,
  markdownToSlate,
  slateToMarkdown,
  type RemarkNode,
} from 'decap-cms-widget-markdown/dist/esm/serializers/index.js';
import type { Pluggable } from 'unified';
import { EDITOR_COMPONENTS, type EditorComponent } from './editor-components.ts';

interface WriterNode {
  type: string;
  value?: string;
  children?: WriterNode[];
  spread?: boolean;
  align?: (string | null)[] | null;
}

/** The part of remark-stringify 6's compiler (Decap's Markdown writer) that the style uses. */
interface Writer {
  all: (node: WriterNode) => string[];
  enterTable: () => () => void;
}

/**
 * A table as the guide writes them: `| a | b |`, a `| --- | --- |` rule, no padding to the
 * widest cell, and an empty cell as `| |`.
 */
function writeTable(this: Writer, node: WriterNode): string {
  const exit = this.enterTable();
  const rows = (node.children ?? []).map((row) => this.all(row));
  exit();
  const line = (cells: readonly string[]) => `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
  const rule = (rows[0] ?? []).map((_, i) => {
    const align = node.align?.[i];
    return align === 'left' ? ':---' : align === 'right' ? '---:' : align === 'center' ? ':---:' : '---';
  });
  return [rows[0] ?? [], rule, ...rows.slice(1)].map(line).join('\n');
}

/** A list item made of a line of text and a list under it is written without a blank line between them. */
function tightenItems(node: WriterNode): void {
  const [first, second, ...others] = node.children ?? [];
  if (node.type === 'listItem' && first?.type === 'paragraph' && second?.type === 'list' && others.length === 0) {
    node.spread = false;
  }
  for (const child of node.children ?? []) tightenItems(child);
}

/**
 * In MDX, `{` opens an expression and `<` a tag: typed as text in the rich-text editor, they
 * are written `\\{`, `\\}` and `\\<`, which MDX shows as typed. (Decap writes every text as an
 * `html` node so that remark does not escape it again; code is left alone.)
 */
function escapeMdx(node: WriterNode): void {
  if ((node.type === 'html' || node.type === 'text') && typeof node.value === 'string') {
    node.value = node.value.replace(/[{}<]/g, (c) => `\\${c}`);
  }
  for (const child of node.children ?? []) escapeMdx(child);
}

/** Only on the writing side (Decap also passes its remark plugins to its reader). */
function guideWriter(this: unknown) {
  // unified 9's processor, on which remark-stringify 6 has set its compiler when it writes.
  const visitors = (this as { Compiler?: { prototype: { visitors: Record<string, unknown> } } }).Compiler?.prototype
    .visitors;
  if (!visitors) return undefined;
  visitors['table'] = writeTable;
  return (tree: WriterNode) => {
    tightenItems(tree);
    escapeMdx(tree);
  };
}

/**
 * Decap's Markdown writer (remark-stringify 6) set to the guide's style, as a remark preset:
 * `-` for bullets (Decap writes `*`), tables as `writeTable` writes them, a list under a
 * line of text kept right under it, `{`, `}` and `<` of the text escaped for MDX.
 */
export const GUIDE_MARKDOWN_STYLE = {
  settings: { bullet: '-' },
  plugins: [guideWriter],
};

/** What the rich-text editor is set up with: Decap gives the same to its own conversion. */
export interface SerializerSetup {
  /** The plugins registered with `CMS.registerRemarkPlugin`. */
  remarkPlugins: readonly unknown[];
  /** True when a `code-block` editor component is registered (decap-cms-app registers one). */
  voidCodeBlock: boolean;
}

export type RichTextVerdict =
  | { richText: true }
  | {
      richText: false;
      /** Line of the body (1 for its first line) where the rewriting starts. */
      line: number;
      /** What is there, in French: « un tableau », « une liste aérée… ». */
      construct: string;
      /** The line as written, and as the rich-text editor would write it (undefined: no line left). */
      written: string;
      rewritten: string | undefined;
    };

/** The body as the rich-text editor would write it back untouched. */
export function richTextRoundTrip(markdown: string, setup: SerializerSetup): string {
  return slateToMarkdown(markdownToSlate(markdown, setup), setup);
}

/**
 * Rich text is allowed when the round trip gives back the same text. Trailing whitespace at
 * the very end does not count: the editor trims it, and so does the file format.
 */
export function richTextVerdict(markdown: string, setup: SerializerSetup): RichTextVerdict {
  const expected = markdown.replace(/\s+$/, '');
  if (expected === '') return { richText: true };
  let result: string;
  try {
    result = richTextRoundTrip(markdown, setup);
  } catch {
    return {
      richText: false,
      line: 1,
      construct: CONSTRUCTS.unreadable,
      written: firstLine(expected),
      rewritten: undefined,
    };
  }
  if (result === expected) return { richText: true };
  const before = expected.split('\n');
  const after = result.split('\n');
  let index = 0;
  while (index < before.length && before[index] === after[index]) index += 1;
  return {
    richText: false,
    line: index + 1,
    construct: constructAt(markdown, index + 1, setup),
    written: before[index] ?? '',
    rewritten: after[index],
  };
}

const firstLine = (text: string) => text.split('\n')[0] ?? '';

/** The constructs the rich-text editor may rewrite, named for the notice and the report. */
export const CONSTRUCTS = {
  table: 'un tableau',
  looseList: 'une liste aérée (une ligne vide entre ses éléments)',
  nestedList: 'une liste dans une liste',
  list: 'une liste',
  component: 'un composant écrit autrement que l’éditeur ne l’écrit',
  html: 'du HTML ou un composant écrit autrement que l’éditeur ne l’écrit',
  code: 'un bloc de code',
  heading: 'un titre',
  quote: 'une citation',
  paragraph: 'la mise en forme d’un paragraphe',
  thematicBreak: 'une ligne de séparation',
  definition: 'un lien de référence',
  blankLines: 'des lignes vides en trop entre deux blocs de texte',
  unreadable: 'un passage que l’éditeur visuel ne sait pas lire',
  other: 'la mise en forme du texte',
} as const;

const spans = (node: RemarkNode, line: number) =>
  node.position !== undefined && node.position.start.line <= line && line <= node.position.end.line;

/** Names the innermost construct of the body around `line` (1-based). */
function constructAt(markdown: string, line: number, setup: SerializerSetup): string {
  const root = markdownToRemark(markdown, setup.remarkPlugins);
  // A line between two blocks belongs to none: blank lines the editor would not keep.
  if (!(root.children ?? []).some((child) => spans(child, line))) return CONSTRUCTS.blankLines;
  const path: RemarkNode[] = [];
  for (let node: RemarkNode | undefined = root; node;) {
    const next: RemarkNode | undefined = (node.children ?? []).find((child) => spans(child, line));
    if (next) path.push(next);
    node = next;
  }
  const lists = path.filter((n) => n.type === 'list');
  const has = (type: string) => path.some((n) => n.type === type);
  if (has('table')) return CONSTRUCTS.table;
  if (has('shortcode')) return CONSTRUCTS.component;
  if (has('html')) return CONSTRUCTS.html;
  if (has('code')) return CONSTRUCTS.code;
  if (lists.length > 1) return CONSTRUCTS.nestedList;
  if (lists.some((list) => list.loose === true || list.spread === true)) return CONSTRUCTS.looseList;
  if (lists.length > 0) return CONSTRUCTS.list;
  if (has('heading')) return CONSTRUCTS.heading;
  if (has('blockquote')) return CONSTRUCTS.quote;
  if (has('thematicBreak')) return CONSTRUCTS.thematicBreak;
  if (has('definition')) return CONSTRUCTS.definition;
  if (has('paragraph')) return CONSTRUCTS.paragraph;
  return CONSTRUCTS.other;
}

const clip = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The French notice shown above a body that stays in raw mode. */
export function rawModeNotice(verdict: Extract<RichTextVerdict, { richText: false }>): string {
  const { written, rewritten } = verdict;
  const change =
    rewritten === undefined
      ? `« ${clip(written)} » disparaîtrait`
      : written === ''
        ? `la ligne vide avant « ${clip(rewritten)} » disparaîtrait`
        : rewritten === ''
          ? `une ligne vide s’ajouterait avant « ${clip(written)} »`
          : `« ${clip(written)} » deviendrait « ${clip(rewritten)} »`;
  return (
    'Ce texte s’écrit en Markdown, sans la barre de mise en forme : l’éditeur visuel réécrirait une ' +
    `partie que vous n’avez pas modifiée. Ligne ${verdict.line} du texte, ${verdict.construct} : ${change}. ` +
    'Ici, seul ce que vous changez change dans le fichier. Rappel : « ## » en début de ligne pour un ' +
    'titre, « - » pour une liste, **deux étoiles** autour d’un mot pour le gras.'
  );
}

/** The part of Decap's `CMS` object (or of its registry) that `registerEditorComponents` uses. */
export interface EditorComponentRegistry {
  registerEditorComponent: (component: EditorComponent) => void;
  registerRemarkPlugin: (plugin: Pluggable) => void;
}

/** Registers the guide's components and Markdown style with Decap (the browser's CMS, or a test's registry). */
export function registerEditorComponents(cms: EditorComponentRegistry): void {
  for (const component of EDITOR_COMPONENTS) cms.registerEditorComponent(component);
  // A preset of unified 9, which Decap runs; the project's unified 11 types describe its shape
  // but not remark-stringify 6's settings.
  cms.registerRemarkPlugin(GUIDE_MARKDOWN_STYLE as Pluggable);
}
