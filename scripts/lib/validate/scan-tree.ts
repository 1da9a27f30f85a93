/**
 * The rules that read a page's tree, whichever parser made it: remark's (`markdown.ts`) or the
 * build compiler's own (`build-view.ts`), which share mdast's node shapes. One walk collects
 * what later checks need (links, images, anchors, components) and the safety issues of
 * `rules/mdx-safety.ts` and `rules/html.ts`.
 */
import type { Nodes, Root } from 'mdast';
import type {} from 'remark-mdx'; // brings the MDX node types into `mdast`
import GithubSlugger from 'github-slugger';
import { ALLOWED_COMPONENTS } from '../../../src/config/mdx-components.ts';
import { START, type LocalIssue, type Position } from './issues.ts';
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

/** A link or an image source that stays on the site, to check once every page is known. */
export interface LinkRef extends Position {
  url: string;
  image: boolean;
  /** A frontmatter field whose position is looked up when needed (then `line`/`column` are 1). */
  field?: (string | number)[];
}

/** A `<Diagram name="…" />` of a page, checked against the files of `content/diagrams/` once all are known. */
export interface DiagramRef extends Position {
  name: string;
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
  /** The diagrams the page shows. */
  diagrams: DiagramRef[];
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

/** `{/* … *\/}`: a comment, the only expression that is harmless. */
function isCommentOnly(value: string): boolean {
  const body = value.trim();
  return body.startsWith('/*') && body.endsWith('*/') && body.indexOf('*/') === body.length - 2;
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
        const diagram = attrs.get('name');
        if (node.name === 'Diagram' && diagram !== undefined) scan.diagrams.push({ name: diagram, ...position });
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
