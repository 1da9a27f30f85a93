/**
 * What the search index reads of a built page, prepared from its HTML with parse5 (a
 * browser's parser). The page on disk is left as it is.
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
import { parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;

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

const isElement = (node: Node): node is Element => 'tagName' in node;
const isText = (node: Node): node is TextNode => node.nodeName === '#text';

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function endsWithSpace(node: ChildNode | undefined): boolean {
  return node !== undefined && isText(node) && /\s$/.test(node.value);
}

function startsWithSpace(node: ChildNode | undefined): boolean {
  return node !== undefined && isText(node) && /^\s/.test(node.value);
}

/** Whether nothing but whitespace may go between `before` and `after` without joining words. */
function needsSpace(before: ChildNode, after: ChildNode): boolean {
  if (endsWithSpace(before) || startsWithSpace(after)) return false;
  if (isElement(before) && isElement(after)) return true;
  return (
    (isElement(before) && BLOCK_ELEMENTS.has(before.tagName)) || (isElement(after) && BLOCK_ELEMENTS.has(after.tagName))
  );
}

function separate(parent: ParentNode): void {
  const children: ChildNode[] = [];
  for (const child of parent.childNodes) {
    if (isElement(child) && !RAW_ELEMENTS.has(child.tagName)) separate(child);
    const previous = children.at(-1);
    if (previous && needsSpace(previous, child)) children.push({ nodeName: '#text', value: ' ', parentNode: parent });
    children.push(child);
  }
  parent.childNodes = children;
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.value;
  if (!isElement(node) || RAW_ELEMENTS.has(node.tagName)) return '';
  return node.childNodes.map(textOf).join('');
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The entries of one `<dl data-search-entries>`: each `<dt id>` with the `<dd>`s after it. */
function entriesOf(list: Element): SearchEntry[] {
  const entries: SearchEntry[] = [];
  /** The entry the next `<dd>` defines: none after a term without an anchor. */
  let current: SearchEntry | undefined;
  for (const child of list.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'dt') {
      const id = attribute(child, 'id');
      const aliases = attribute(child, 'data-search-aliases');
      current =
        id === undefined
          ? undefined
          : {
              id,
              term: clean(textOf(child)),
              aliases: aliases === undefined ? [] : aliases.split(',').map(clean).filter(Boolean),
              definition: '',
            };
      if (current) entries.push(current);
    } else if (child.tagName === 'dd' && current) {
      current.definition = clean(`${current.definition} ${textOf(child)}`);
    }
  }
  return entries;
}

function findEntries(node: ParentNode, found: SearchEntry[]): void {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'dl' && attribute(child, 'data-search-entries') !== undefined)
      found.push(...entriesOf(child));
    else findEntries(child, found);
  }
}

export function prepareForIndex(html: string): IndexablePage {
  // parse5's own tree: the page is read and written back once, with nothing else to build.
  const tree = parse(html);
  separate(tree);
  const entries: SearchEntry[] = [];
  findEntries(tree, entries);
  return { html: serialize(tree), entries };
}
