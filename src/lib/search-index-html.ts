/**
 * What the search index reads of a built page, prepared from its HTML (parse5, through
 * hast-util-from-html). The page on disk is left as it is.
 *
 * - Words that only markup separates stay apart. The build removes the whitespace between
 *   tags, and Pagefind joins the text of neighbouring elements: a glossary term and its
 *   definition became « CAECoopérative », a link card's title and description « Achat
 *   groupéSe regrouper ». A space goes between two neighbouring elements, and around every
 *   block element; text running into an inline element (`[un commun](…)s`) is left alone.
 * - A definition list marked `data-search-entries` gives one search entry per term: its
 *   `id` for the address, the term, its other forms (`data-search-aliases`) and its
 *   definition. The list carries `data-pagefind-ignore`, so the page itself does not collect
 *   every definition.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Elements a browser lays out as blocks (or line breaks): their text never runs into the next. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose content is not text to read (`head`: metadata only). */
const RAW_ELEMENTS = new Set(['head', 'script', 'style', 'template', 'textarea', 'title', 'svg', 'math']);

export interface SearchEntry {
  /** The anchor of the entry on its page. */
  id: string;
  term: string;
  /** Other forms of the term (`data-search-aliases`, comma-separated). */
  aliases: string[];
  definition: string;
}

export interface IndexablePage {
  /** The page's HTML with the separating spaces. */
  html: string;
  entries: SearchEntry[];
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

function endsWithSpace(node: RootContent | ElementContent | undefined): boolean {
  return node?.type === 'text' && /\s$/.test(node.value);
}

function startsWithSpace(node: RootContent | ElementContent | undefined): boolean {
  return node?.type === 'text' && /^\s/.test(node.value);
}

/** Whether nothing but whitespace may go between `before` and `after` without joining words. */
function needsSpace(before: RootContent | ElementContent, after: RootContent | ElementContent): boolean {
  if (endsWithSpace(before) || startsWithSpace(after)) return false;
  if (before.type === 'comment' || after.type === 'comment' || before.type === 'doctype') return false;
  if (isElement(before) && isElement(after)) return true;
  return (
    (isElement(before) && BLOCK_ELEMENTS.has(before.tagName)) || (isElement(after) && BLOCK_ELEMENTS.has(after.tagName))
  );
}

function separate(parent: Root | Element): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (isElement(child) && !RAW_ELEMENTS.has(child.tagName)) separate(child);
    const previous = children.at(-1);
    if (previous && needsSpace(previous, child)) children.push({ type: 'text', value: ' ' });
    children.push(child);
  }
  parent.children = children;
}

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node) || RAW_ELEMENTS.has(node.tagName)) return '';
  return node.children.map(textOf).join('');
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The entries of one `<dl data-search-entries>`: each `<dt id>` with the `<dd>`s after it. */
function entriesOf(list: Element): SearchEntry[] {
  const entries: SearchEntry[] = [];
  /** The entry the next `<dd>` defines: none after a term without an anchor. */
  let current: SearchEntry | undefined;
  for (const child of list.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'dt') {
      const id = child.properties['id'];
      const aliases = child.properties['dataSearchAliases'];
      current =
        typeof id === 'string'
          ? {
              id,
              term: clean(textOf(child)),
              aliases: typeof aliases === 'string' ? aliases.split(',').map(clean).filter(Boolean) : [],
              definition: '',
            }
          : undefined;
      if (current) entries.push(current);
    } else if (child.tagName === 'dd' && current) {
      current.definition = clean(`${current.definition} ${textOf(child)}`);
    }
  }
  return entries;
}

function findEntries(node: Root | Element, found: SearchEntry[]): void {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'dl' && child.properties['dataSearchEntries'] !== undefined) found.push(...entriesOf(child));
    else findEntries(child, found);
  }
}

export function prepareForIndex(html: string): IndexablePage {
  const tree = fromHtml(html);
  separate(tree);
  const entries: SearchEntry[] = [];
  findEntries(tree, entries);
  return { html: toHtml(tree), entries };
}
