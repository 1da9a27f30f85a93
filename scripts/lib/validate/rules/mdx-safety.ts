/**
 * Rule: contributed content cannot run code. MDX is compiled to JavaScript at build time and
 * its HTML reaches every reader, and contributions come from strangers, so content may only
 * use Markdown, the components the site provides without import (`ALLOWED_COMPONENTS`) and
 * plain HTML elements; no import/export, no `{…}` expression, no active HTML.
 */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { ALLOWED_COMPONENTS } from '../../../../src/config/mdx-components.ts';
import { localIssue, type LocalIssue, type Position } from '../issues.ts';

/** Elements that run or restyle things: always refused, with their own rule. */
export const FORBIDDEN_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'iframe']);

/** Plain HTML elements allowed in content: text, lists, tables, figures. */
export const ALLOWED_HTML_TAGS: ReadonlySet<string> = new Set(
  (
    'a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody ' +
    'td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);

/** Attributes whose value is an address, where a `javascript:` URL would run. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'data',
  'xlink:href',
]);

/** `javascript:`, `vbscript:` and `data:` addresses, however they are spaced or cased. */
export function isUnsafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(?:javascript|vbscript|data):/.test(compact);
}

export function unsafeUrlIssue(url: string, at: Position): LocalIssue {
  const scheme = url.trim().split(':')[0]?.toLowerCase() ?? '';
  return localIssue(
    'unsafe-url',
    at,
    `adresse « ${scheme}: » refusée : elle peut exécuter du code ; utilisez un lien https:// ou /chemin/`,
  );
}

/** Checks one tag, JSX or HTML: its name, then each attribute name and value. */
export function checkTag(
  name: string,
  attributes: readonly { name: string; value: string | undefined }[],
  at: Position,
  options: { jsx: boolean },
): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const lower = name.toLowerCase();
  const isComponent = options.jsx && (/^[A-Z]/.test(name) || name.includes('.'));
  if (isComponent) {
    if (!ALLOWED_COMPONENTS.includes(name)) {
      issues.push(
        localIssue(
          'mdx-component',
          at,
          `composant « <${name}> » non autorisé : composants disponibles : ${ALLOWED_COMPONENTS.join(', ')}`,
        ),
      );
    }
  } else if (FORBIDDEN_TAGS.has(lower)) {
    issues.push(localIssue('html-forbidden', at, `balise « <${lower}> » interdite dans le contenu`));
  } else if (!ALLOWED_HTML_TAGS.has(lower)) {
    issues.push(
      localIssue(
        'html-tag',
        at,
        `balise HTML « <${name}> » non autorisée : utilisez du Markdown ou un composant du site`,
      ),
    );
  }
  for (const attribute of attributes) {
    const attr = attribute.name.toLowerCase();
    if (/^on/.test(attr)) {
      issues.push(localIssue('html-event-handler', at, `attribut « ${attribute.name} » interdit : il exécute du code`));
    } else if (options.jsx && attr.includes(':') && attr !== 'xlink:href') {
      issues.push(
        localIssue(
          'mdx-expression',
          at,
          `directive « ${attribute.name} » interdite : elle injecte du HTML ou du code (set:html, client:…)`,
        ),
      );
    }
    if (attribute.value !== undefined && URL_ATTRIBUTES.has(attr) && isUnsafeUrl(attribute.value)) {
      issues.push(unsafeUrlIssue(attribute.value, at));
    }
  }
  return issues;
}

/** A JSX element of MDX: expression attributes are refused, the rest as `checkTag`. */
export function checkJsxElement(node: MdxJsxFlowElement | MdxJsxTextElement, at: Position): LocalIssue[] {
  const issues: LocalIssue[] = [];
  const attributes: { name: string; value: string | undefined }[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      issues.push(localIssue('mdx-expression', at, 'attribut « {…} » interdit : écrivez chaque attribut en texte'));
    } else if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      issues.push(
        localIssue(
          'mdx-expression',
          at,
          `valeur « {…} » interdite pour « ${attribute.name} » : écrivez-la entre guillemets`,
        ),
      );
      attributes.push({ name: attribute.name, value: undefined });
    } else {
      attributes.push({ name: attribute.name, value: attribute.value ?? undefined });
    }
  }
  // A fragment `<>…</>` has no name and renders nothing of its own.
  if (node.name !== null) issues.push(...checkTag(node.name, attributes, at, { jsx: true }));
  return issues;
}

export function esmIssue(value: string, at: Position): LocalIssue {
  const word = /^\s*export\b/.test(value) ? 'export' : 'import';
  return localIssue(
    'mdx-import-export',
    at,
    `« ${word} » interdit dans le contenu : les composants autorisés sont disponibles sans import`,
  );
}

export function expressionIssue(at: Position): LocalIssue {
  return localIssue(
    'mdx-expression',
    at,
    'expression « {…} » interdite : pour écrire une accolade dans le texte, tapez « \\{ »',
  );
}

const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const HTML_ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
};

/** Character references, as a browser decodes them in an attribute (`&#106;avascript:`). */
export function decodeEntities(value: string): string {
  return value.replace(
    /&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z]+));?/g,
    (whole, hex?: string, dec?: string, name?: string) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : dec !== undefined ? Number(dec) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      return NAMED[(name ?? '').toLowerCase()] ?? whole;
    },
  );
}

export interface HtmlTag {
  name: string;
  attributes: { name: string; value: string | undefined }[];
  /** Offset of `<` in the scanned text. */
  offset: number;
}

/** Opening tags in raw HTML (Markdown `.md` files and HTML strings of a frontmatter). */
export function scanHtml(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const match of html.matchAll(HTML_TAG)) {
    const [, closing, name = '', rest = ''] = match;
    if (closing) continue;
    const attributes = [...rest.matchAll(HTML_ATTRIBUTE)].map((a) => ({
      name: a[1] ?? '',
      value: ((raw) => (raw === undefined ? undefined : decodeEntities(raw)))(a[2] ?? a[3] ?? a[4]),
    }));
    tags.push({ name, attributes, offset: match.index });
  }
  return tags;
}
