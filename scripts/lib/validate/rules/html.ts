/**
 * Rule: HTML that reaches a page is parsed as a browser parses it (parse5, through
 * hast-util-from-html) and must pass an allow-list: hast-util-sanitize's default schema (what
 * GitHub lets through in a README), extended with the few elements the guide uses. The go/no-go
 * is the sanitizer's: when sanitizing would change anything, the HTML is refused. The walk
 * below only explains the refusal, element by element, with its position.
 *
 * Used on raw HTML in `.md` bodies, on the HTML the build compiles from each page, and on the
 * frontmatter fields that Starlight renders as HTML. Everything else a contributor writes in a
 * field must be plain text (`isPlainText`).
 */
import type { Element, Nodes, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { find, html as htmlInfo } from 'property-information';
import { localIssue, type LocalIssue, type Position, type RuleId } from '../issues.ts';

type AttributeRule = NonNullable<Schema['attributes']>[string][number];

const TEXT_ALIGN = ['text-align: left', 'text-align: right', 'text-align: center'];

/** What content may contain. Ids are kept as written (no `user-content-` prefix): pages link to them. */
export const HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    ...['abbr', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure', 'mark', 'small', 'time', 'u'],
    'wbr',
  ],
  attributes: {
    ...defaultSchema.attributes,
    // GFM tables align their cells with a style attribute: only these three values.
    th: [['style', ...TEXT_ALIGN]],
    td: [['style', ...TEXT_ALIGN]],
    ol: [...(defaultSchema.attributes?.['ol'] ?? []), 'reversed'],
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'loading', 'decoding'],
  },
  clobber: [],
  clobberPrefix: '',
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
  },
  allowComments: true,
};

/** Elements that run code, load another page or document, or change how the page is read. */
const FORBIDDEN = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'meta',
  'form',
  'template',
  'noscript',
  'svg',
  'math',
]);

/** Properties whose value is an address, where a `javascript:` URL would run. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'srcSet',
  'cite',
  'longDesc',
  'action',
  'formAction',
  'poster',
  'background',
  'data',
  'xLinkHref',
  'ping',
]);

/** `javascript:`, `vbscript:` and `data:` addresses, however they are spaced or cased. */
export function isUnsafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(?:javascript|vbscript|data):/.test(compact);
}

export function unsafeUrlIssue(url: string, at: Position): LocalIssue {
  const scheme =
    url
      .replace(/[\u0000-\u0020]/g, '')
      .split(':')[0]
      ?.toLowerCase() ?? '';
  return localIssue(
    'unsafe-url',
    at,
    `adresse « ${scheme}: » refusée : elle peut exécuter du code ; utilisez un lien https:// ou /chemin/`,
  );
}

/** The attribute name as written in HTML (`className` → `class`). */
function attributeName(property: string): string {
  return find(htmlInfo, property).attribute;
}

function allowedValues(tag: string, property: string): { allowed: boolean; values?: unknown[] } {
  const rules: AttributeRule[] = [...(HTML_SCHEMA.attributes?.[tag] ?? []), ...(HTML_SCHEMA.attributes?.['*'] ?? [])];
  let allowed = false;
  let values: unknown[] | undefined;
  for (const rule of rules) {
    if (typeof rule === 'string') {
      if (rule === property) return { allowed: true };
    } else if (rule[0] === property) {
      allowed = true;
      values = [...(values ?? []), ...rule.slice(1)];
    }
  }
  return values === undefined ? { allowed } : { allowed, values };
}

function valueMatches(value: unknown, allowed: unknown[]): boolean {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.every((item) =>
    allowed.some((rule) => (rule instanceof RegExp ? rule.test(String(item)) : rule === item)),
  );
}

function hasAllowedProtocol(property: string, url: string): boolean {
  const protocols = HTML_SCHEMA.protocols?.[property];
  if (!protocols) return true;
  const colon = url.indexOf(':');
  const slash = url.search(/[/?#]/);
  // No scheme before the first `/`, `?` or `#`: a relative address.
  if (colon === -1 || (slash !== -1 && slash < colon)) return true;
  return protocols.includes(url.slice(0, colon).toLowerCase());
}

/** A finding with its position inside the checked HTML (1-based). */
export interface HtmlFinding extends Position {
  rule: RuleId;
  message: string;
}

function describeElement(node: Element, findings: HtmlFinding[], position?: Position): void {
  const at: Position = position ?? (node.position ? node.position.start : { line: 1, column: 1 });
  const tag = node.tagName;
  const add = (rule: RuleId, message: string) => findings.push({ ...at, rule, message });
  const known = (HTML_SCHEMA.tagNames ?? []).includes(tag);
  if (FORBIDDEN.has(tag)) add('html-forbidden', `balise « <${tag}> » interdite dans le contenu`);
  else if (!known)
    add('html-tag', `balise HTML « <${tag}> » non autorisée : utilisez du Markdown ou un composant du site`);
  const properties: Properties = node.properties;
  for (const [property, value] of Object.entries(HTML_SCHEMA.required?.[tag] ?? {})) {
    if (known && properties[property] !== value) {
      const wanted = value === true ? attributeName(property) : `${attributeName(property)}="${String(value)}"`;
      add('html-attribute', `« <${tag}> » n’est permis qu’avec l’attribut ${wanted}`);
    }
  }
  for (const [property, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = attributeName(property);
    if (/^on/i.test(name)) {
      add('html-event-handler', `attribut « ${name} » interdit : il exécute du code`);
      continue;
    }
    if (URL_PROPERTIES.has(property)) {
      const urls = (Array.isArray(value) ? value : [value]).map(String);
      const bad = urls.find((url) => isUnsafeUrl(url) || !hasAllowedProtocol(property, url.trim()));
      if (bad !== undefined) {
        add('unsafe-url', unsafeUrlIssue(bad, at).message);
        continue;
      }
    }
    // The element itself is refused: its other attributes do not matter.
    if (!known) continue;
    const { allowed, values } = allowedValues(tag, property);
    if (!allowed) {
      add(
        'html-attribute',
        name === 'style'
          ? 'attribut « style » interdit : la mise en forme vient du site (elle doit rester lisible en mode sombre et à l’impression)'
          : `attribut « ${name} » non autorisé sur « <${tag}> »`,
      );
    } else if (values && !valueMatches(value, values)) {
      add('html-attribute', `valeur « ${String(value)} » non autorisée pour l’attribut « ${name} » de « <${tag}> »`);
    }
  }
}

/** A position inside a piece of HTML, as a position in the file where that piece starts at `origin`. */
export function shiftPosition(position: Position, origin: Position): Position {
  return position.line === 1
    ? { line: origin.line, column: origin.column + position.column - 1 }
    : { line: origin.line + position.line - 1, column: position.column };
}

/** A finding as an issue of the file, the HTML starting at `origin` in it. */
export function findingIssue(finding: HtmlFinding, origin: Position = { line: 1, column: 1 }): LocalIssue {
  return localIssue(finding.rule, shiftPosition(finding, origin), finding.message);
}

/** Every element of a parsed fragment, in document order. */
export function elementsOf(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') out.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/** Parses an HTML fragment as a browser does, with positions. */
export function parseHtml(html: string): Root {
  return fromHtml(html, { fragment: true });
}

function describe(node: Nodes | Root, findings: HtmlFinding[]): void {
  if (node.type === 'element') {
    describeElement(node, findings);
    // A <template>'s content is a separate fragment in hast.
    if (node.content) describe(node.content, findings);
  }
  if ('children' in node) for (const child of node.children) describe(child, findings);
}

/** Findings of a parsed fragment: explained element by element, decided by the sanitizer. */
function judge(tree: Root, findings: HtmlFinding[], at: Position = { line: 1, column: 1 }): HtmlFinding[] {
  if (findings.length === 0 && toHtml(sanitize(tree, HTML_SCHEMA)) !== toHtml(tree)) {
    findings.push({
      ...at,
      rule: 'html-tag',
      message: 'HTML refusé par le filtre de sécurité du site : simplifiez-le, ou écrivez-le en Markdown',
    });
  }
  return findings;
}

/** Checks a parsed HTML fragment (see `parseHtml`). Positions are relative to the fragment. */
export function checkHtmlTree(tree: Root): HtmlFinding[] {
  const findings: HtmlFinding[] = [];
  describe(tree, findings);
  return judge(tree, findings);
}

/**
 * Checks an HTML fragment as a browser would read it. Positions are relative to `html`.
 * With `{ written: false }`, the HTML was serialised by the compiler from elements it parsed
 * (MDX has no raw HTML): each element is checked against the schema, and the sanitizer's
 * whole-tree comparison, which costs two serialisations, is kept for HTML written by hand.
 */
export function checkHtml(html: string, { written = true }: { written?: boolean } = {}): HtmlFinding[] {
  const tree = parseHtml(html);
  if (written) return checkHtmlTree(tree);
  const findings: HtmlFinding[] = [];
  describe(tree, findings);
  return findings;
}

/**
 * Checks one element written as JSX in MDX (`<span title="…">`): its attributes as HTML
 * names and string values (`true` for a bare attribute). Its children are checked on their own.
 */
export function checkElement(
  tagName: string,
  attributes: Readonly<Record<string, string | true>>,
  at: Position,
): HtmlFinding[] {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(attributes)) properties[find(htmlInfo, name).property] = value;
  const node: Element = { type: 'element', tagName: tagName.toLowerCase(), properties, children: [] };
  const findings: HtmlFinding[] = [];
  describeElement(node, findings, at);
  return judge({ type: 'root', children: [node] }, findings, at);
}

/** Text with no markup at all: what it shows is exactly what was written. */
export function isPlainText(value: string): boolean {
  if (!value.includes('<') && !value.includes('&')) return true;
  const tree = fromHtml(value, { fragment: true });
  return tree.children.every((child) => child.type === 'text') && toPlain(tree) === value;
}

function toPlain(tree: Root): string {
  return tree.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

export function plainTextIssue(what: string, at: Position): LocalIssue {
  return localIssue(
    'plain-text',
    at,
    `${what} : texte simple attendu, sans balise ni entité HTML (le site l’écrirait tel quel dans la page) ; pour « < » ou « & », écrivez « moins de » ou « et »`,
  );
}
