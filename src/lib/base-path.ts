/**
 * Addresses under a sub-path. Content and code write site addresses from the site's root
 * (`/boites-a-outils/`), whatever the deployment; a project site on GitHub or GitLab Pages
 * lives under a sub-path (`https://owner.github.io/guide/`), where those addresses must
 * become `/guide/boites-a-outils/`. Astro and Starlight prefix their own addresses (assets,
 * sidebar, search); this module does the same for the rest:
 * - `withBase` for one address written by the site's code;
 * - `basePathPlugin`, a Sätteri hast plugin, for the links, images and `LinkCard`s of
 *   Markdown and MDX pages, raw HTML of `.md` pages included;
 * - `rewriteHtml` for HTML held in a string (raw HTML, `hero.tagline`, `banner.content`).
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { HastFilteredVisitor, HastPluginDefinition, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';

const PROBE = 'http://site.invalid/';
const PROBE_ORIGIN = new URL(PROBE).origin;

/**
 * `path` with the sub-path in front when it is an address from the site's root (`/x/`).
 * Anything else is returned as is: another site (`https:`, `//host`), an anchor, a relative
 * address. What counts as "from the root" is decided by URL parsing, as a browser decides:
 * `/\host` is another site.
 */
export function withBase(base: string, path: string): string {
  if (base === '/' || !path.startsWith('/')) return path;
  let url: URL;
  try {
    url = new URL(path, PROBE);
  } catch {
    return path;
  }
  if (url.origin !== PROBE_ORIGIN) return path;
  return base + path.slice(1);
}

/** HTML attributes that hold one address, on any element. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'formaction', 'cite']);

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;' };

/**
 * `html` with every address from the site's root given the sub-path. The HTML is parsed as a
 * browser parses a fragment (parse5), and only the attributes that change are rewritten, in
 * place: the rest of the text stays byte for byte as written, a lone start tag included
 * (`<a href="/x/">`, as Markdown hands raw HTML over in pieces).
 */
export function rewriteHtml(html: string, base: string): string {
  if (base === '/') return html;
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Node): void => {
    if ('attrs' in node) {
      for (const attribute of node.attrs) {
        if (attribute.namespace || !URL_ATTRIBUTES.has(attribute.name)) continue;
        const value = withBase(base, attribute.value);
        const location = node.sourceCodeLocation?.attrs?.[attribute.name];
        if (value === attribute.value || !location) continue;
        const escaped = value.replace(/[&"]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
        edits.push({ start: location.startOffset, end: location.endOffset, text: `${attribute.name}="${escaped}"` });
      }
    }
    if ('content' in node) visit(node.content);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html, { sourceCodeLocationInfo: true }));
  let out = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

/** Components of the content whose props hold a site address. */
const COMPONENT_URL_PROPS: Readonly<Record<string, readonly string[]>> = { LinkCard: ['href'] };
/** Elements that content can write, in Markdown or as MDX JSX, with an address. */
const ELEMENT_URL_PROPS: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src'],
  area: ['href'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
};

/** The string value of an MDX JSX attribute (`href="/x/"`), if it is written as one. */
function jsxAttribute(attributes: MdxJsxFlowElementHast['attributes'], name: string): string | undefined {
  const attribute = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return attribute?.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' ? attribute.value : undefined;
}

/**
 * The Sätteri hast plugin that gives content addresses the sub-path; none at the root of a
 * domain. It runs in the build's Markdown processor (astro.config.mjs), on `.md` and `.mdx`.
 */
export function basePathPlugin(base: string): HastPluginDefinition | null {
  if (base === '/') return null;
  const jsx = (
    props: Readonly<Record<string, readonly string[]>>,
  ): HastFilteredVisitor<MdxJsxFlowElementHast | MdxJsxTextElementHast> => ({
    filter: Object.keys(props),
    visit(node, ctx) {
      for (const name of props[node.name ?? ''] ?? []) {
        const value = jsxAttribute(node.attributes, name);
        if (value !== undefined && withBase(base, value) !== value) {
          ctx.setProperty(node, name, withBase(base, value));
        }
      }
    },
  });
  // MDX JSX: `<LinkCard href="/x/" />`, and HTML written as JSX (`<a href="/x/">`).
  const components = jsx({ ...COMPONENT_URL_PROPS, ...ELEMENT_URL_PROPS });
  return {
    name: 'kpa-base-path',
    element: {
      filter: Object.keys(ELEMENT_URL_PROPS),
      visit(node, ctx) {
        for (const name of ELEMENT_URL_PROPS[node.tagName] ?? []) {
          const value = node.properties[name];
          if (typeof value === 'string' && withBase(base, value) !== value) {
            ctx.setProperty(node, name, withBase(base, value));
          }
        }
      },
    },
    mdxJsxFlowElement: components,
    mdxJsxTextElement: components,
    raw(node) {
      const value = rewriteHtml(node.value, base);
      if (value !== node.value) return { ...node, value };
      return undefined;
    },
  };
}
