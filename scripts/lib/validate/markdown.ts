/**
 * Parses guide pages and toolkits with the unified ecosystem (remark-parse, remark-mdx, and
 * GFM as remark-gfm adds it but without autolink literals: see
 * `remark-gfm-without-autolinks.ts`) and walks the tree once, collecting what later checks
 * need (links, images, anchors, components) and the safety issues of `rules/mdx-safety.ts`.
 *
 * The frontmatter is cut out before the body is parsed, by the rule of remark-frontmatter
 * (`frontmatter.ts`), and its lines are emptied so that the body keeps its lines and columns:
 * going through the YAML lines took the Markdown parser a third of its time.
 * `tests/unit/validate-parsing.test.ts` checks that the validator finds exactly the same
 * things with the full stack: remark-parse, remark-mdx, remark-frontmatter and remark-gfm.
 */
import type { Nodes, Root } from 'mdast';
import type {} from 'remark-mdx'; // brings the MDX node types into `mdast`
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import GithubSlugger from 'github-slugger';
import { unified, type Plugin } from 'unified';
import { ALLOWED_COMPONENTS } from '../../../src/config/mdx-components.ts';
import { START, localIssue, type LocalIssue, type Position } from './issues.ts';
import { checkJsxElement, esmIssue, expressionIssue } from './rules/mdx-safety.ts';
import {
  checkHtmlTree,
  elementsOf,
  findingIssue,
  isUnsafeUrl,
  parseHtml,
  shiftPosition,
  unsafeUrlIssue,
} from './rules/html.ts';
import { imageAltIssue } from './rules/images.ts';
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

/** A link or an image source that stays on the site, to check once every page is known. */
export interface LinkRef extends Position {
  url: string;
  image: boolean;
  /** A frontmatter field whose position is looked up when needed (then `line`/`column` are 1). */
  field?: (string | number)[];
}

export interface MarkdownScan {
  issues: LocalIssue[];
  /** The YAML between the `---` lines, when the file starts with one. */
  frontmatter: string | undefined;
  links: LinkRef[];
  /** Ids a reader can jump to: headings (as the site numbers them) and `id` attributes. */
  anchors: string[];
  /** Allowed components the page uses (some add anchors, like `<Glossary />`). */
  components: string[];
  /** False when the body could not be parsed: its anchors are then unknown. */
  complete: boolean;
}

const SITE = 'https://site.invalid';

/**
 * An address that stays on this site, as a browser resolves it: no scheme and no host, and
 * not one of the forms browsers turn into another host (`//x`, `/\\x`, `\\\\x`).
 */
export function isSitePath(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url.trim())) return false;
  try {
    return new URL(url, `${SITE}/page/`).origin === SITE;
  } catch {
    // Unparsable: the link rule reports it as malformed.
    return true;
  }
}

function at(node: { position?: { start: { line: number; column: number } } | undefined }): Position {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : START;
}

/** The text a heading shows, as Astro computes its id (image alt text is not text). */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? node.children.map((child: Nodes) => textOf(child)).join('') : '';
}

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

/** `{/* … *\/}`: a comment, the only expression that is harmless. */
function isCommentOnly(value: string): boolean {
  const body = value.trim();
  return body.startsWith('/*') && body.endsWith('*/') && body.indexOf('*/') === body.length - 2;
}

/** Parses and scans one `.mdx` or `.md` file (already decoded and normalised). */
export function scanMarkdown(text: string, format: 'mdx' | 'md', parsers: Parsers = PARSERS): MarkdownScan {
  const scan: MarkdownScan = {
    issues: [],
    frontmatter: undefined,
    links: [],
    anchors: [],
    components: [],
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

/**
 * Walks an mdast tree (remark's, or Sätteri's own: they share node shapes) into `scan`: the
 * safety issues, links, anchors and components of the page.
 */
export function scanTree(tree: Root, scan: MarkdownScan): void {
  const slugger = new GithubSlugger();
  const components = new Set<string>();
  const addLink = (url: string, position: Position, image: boolean) => {
    if (isUnsafeUrl(url)) scan.issues.push(unsafeUrlIssue(url, position));
    else if (isSitePath(url)) scan.links.push({ url, line: position.line, column: position.column, image });
  };

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'yaml':
        scan.frontmatter = node.value;
        return;
      case 'mdxjsEsm':
        scan.issues.push(esmIssue(node.value, at(node)));
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node.value)) scan.issues.push(expressionIssue(at(node)));
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const position = at(node);
        scan.issues.push(...checkJsxElement(node, position));
        if (node.name !== null && ALLOWED_COMPONENTS.includes(node.name)) components.add(node.name);
        const attrs = new Map<string, string>();
        for (const a of node.attributes) {
          if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') attrs.set(a.name, a.value);
        }
        const id = attrs.get('id');
        if (id !== undefined) scan.anchors.push(id);
        const href = attrs.get('href');
        if (href !== undefined && !isUnsafeUrl(href)) addLink(href, position, false);
        if (node.name === 'img') {
          const src = attrs.get('src');
          if (src !== undefined && !isUnsafeUrl(src)) addLink(src, position, true);
          const alt = attrs.get('alt');
          if (alt === undefined || alt.trim() === '') scan.issues.push(imageAltIssue(src ?? '', position));
        }
        break;
      }
      case 'html': {
        const origin = at(node);
        const fragment = parseHtml(node.value);
        for (const finding of checkHtmlTree(fragment)) scan.issues.push(findingIssue(finding, origin));
        for (const element of elementsOf(fragment)) {
          const position = element.position ? shiftPosition(element.position.start, origin) : origin;
          const id = element.properties['id'];
          if (typeof id === 'string') scan.anchors.push(id);
          const href = element.properties['href'];
          if (typeof href === 'string' && !isUnsafeUrl(href)) addLink(href, position, false);
          if (element.tagName === 'img') {
            const src = element.properties['src'];
            if (typeof src === 'string' && !isUnsafeUrl(src)) addLink(src, position, true);
            const alt = element.properties['alt'];
            if (typeof alt !== 'string' || alt.trim() === '') {
              scan.issues.push(imageAltIssue(typeof src === 'string' ? src : '', position));
            }
          }
        }
        return;
      }
      case 'heading':
        scan.anchors.push(slugger.slug(textOf(node)));
        break;
      case 'link':
      case 'definition':
        addLink(node.url, at(node), false);
        break;
      case 'image':
        addLink(node.url, at(node), true);
        if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
          scan.issues.push(imageAltIssue(node.url, at(node)));
        }
        return;
      case 'imageReference':
        if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
          scan.issues.push(imageAltIssue(node.identifier, at(node)));
        }
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  scan.components = [...components];
  scan.complete = true;
}
