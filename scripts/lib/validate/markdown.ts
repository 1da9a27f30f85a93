/**
 * Parses guide pages and toolkits with the unified ecosystem (remark-parse, remark-mdx, and
 * GFM as remark-gfm adds it but without autolink literals: see
 * `remark-gfm-without-autolinks.ts`), for the precise lines and messages of the rules that
 * `scan-tree.ts` runs on the tree. The validator loads it only for a page where the build
 * view or the compiler's own tree found something wrong (see `summarize.ts`).
 *
 * The frontmatter is cut out before the body is parsed, by the rule of remark-frontmatter
 * (`frontmatter.ts`), and its lines are emptied so that the body keeps its lines and columns:
 * going through the YAML lines took the Markdown parser a third of its time.
 * `tests/unit/validate-parsing.test.ts` checks that the validator finds exactly the same
 * things with the full stack: remark-parse, remark-mdx, remark-frontmatter and remark-gfm.
 */
import type { Root } from 'mdast';
import type {} from 'remark-mdx'; // brings the MDX node types into `mdast`
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { START, localIssue, type LocalIssue, type Position } from './issues.ts';
import { scanTree, type MarkdownScan } from './scan-tree.ts';
import remarkGfmWithoutAutolinks from './remark-gfm-without-autolinks.ts';
import { blankFrontmatter, frontmatterBlock } from './frontmatter.ts';

/**
 * The parsers for `.mdx` and `.md` files, with a given flavour of GFM. With `frontmatter:
 * 'remark'`, remark-frontmatter reads the frontmatter in the tree instead of `frontmatter.ts`
 * before the parse (the tests compare the two).
 */
export function createParsers(
  gfm: Plugin<[], Root>,
  { frontmatter = 'split' }: { frontmatter?: 'split' | 'remark' } = {},
) {
  if (frontmatter === 'remark') {
    return {
      mdx: unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(gfm),
      md: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfm),
      splitFrontmatter: false,
    };
  }
  return {
    mdx: unified().use(remarkParse).use(remarkMdx).use(gfm),
    md: unified().use(remarkParse).use(gfm),
    splitFrontmatter: true,
  };
}

export type Parsers = ReturnType<typeof createParsers>;

const PARSERS = createParsers(remarkGfmWithoutAutolinks);

interface VFileMessageLike {
  reason: string;
  ruleId?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  place?: { line: number; column: number } | { start: { line: number; column: number } } | undefined;
}

function isVFileMessage(error: unknown): error is VFileMessageLike {
  return typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string';
}

/** Turns a parser error into a French message at its position. */
export function syntaxIssue(error: unknown): LocalIssue {
  if (!isVFileMessage(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return localIssue('mdx-syntax', START, `MDX illisible : ${detail}`);
  }
  let position: Position = START;
  if (error.line !== undefined && error.column !== undefined) position = { line: error.line, column: error.column };
  else if (error.place && 'start' in error.place) position = error.place.start;
  else if (error.place) position = error.place;
  else {
    const place = /\((\d+):(\d+)-/.exec(error.reason);
    if (place) position = { line: Number(place[1]), column: Number(place[2]) };
  }
  const reason = error.reason;
  const unclosed = /^Expected a closing tag for `<([^>`]*)>`/.exec(reason);
  const mismatch = /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>`/.exec(
    reason,
  );
  let message: string;
  if (unclosed) {
    const name = unclosed[1] ?? '';
    message = `balise « <${name}> » jamais fermée : ajoutez « </${name}> », ou écrivez « <${name} /> » si elle est vide`;
  } else if (mismatch) {
    message = `balise fermante « </${mismatch[1] ?? ''}> » inattendue : « <${mismatch[2] ?? ''}> » n’est pas encore fermée`;
  } else if (error.ruleId === 'unexpected-closing-slash') {
    message = 'balise fermante sans balise ouvrante';
  } else if (/comment in MDX/.test(reason)) {
    message = 'commentaire HTML « <!-- --> » impossible en MDX : supprimez-le';
  } else if (error.ruleId === 'unexpected-eof' && /expression/.test(reason)) {
    message = 'accolade « { » jamais fermée : pour écrire une accolade dans le texte, tapez « \\{ »';
  } else if (error.ruleId === 'unexpected-character' || error.ruleId === 'unexpected-eof') {
    message = 'balise mal formée : pour écrire « < » dans le texte, tapez « \\< »';
  } else {
    message = `MDX mal formé (${error.ruleId ?? 'syntaxe'}) : ${reason}`;
  }
  return localIssue('mdx-syntax', position, message);
}

/** Parses and scans one `.mdx` or `.md` file (already decoded and normalised). */
export function scanMarkdown(text: string, format: 'mdx' | 'md', parsers: Parsers = PARSERS): MarkdownScan {
  const scan: MarkdownScan = {
    issues: [],
    frontmatter: undefined,
    links: [],
    anchors: [],
    components: [],
    diagrams: [],
    complete: false,
  };
  let body = text;
  if (parsers.splitFrontmatter) {
    const block = frontmatterBlock(text);
    scan.frontmatter = block?.yaml;
    body = blankFrontmatter(text, block);
  }
  let tree: Root;
  try {
    tree = parsers[format].parse(body);
  } catch (error) {
    scan.issues.push(syntaxIssue(error));
    // The frontmatter is still worth checking: read it with plain Markdown, which never fails.
    if (!parsers.splitFrontmatter) {
      const first = parsers.md.parse(text).children[0];
      if (first?.type === 'yaml') scan.frontmatter = first.value;
    }
    return scan;
  }
  scanTree(tree, scan);
  return scan;
}
