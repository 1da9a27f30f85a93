/**
 * What an SVG of `public/media/` may not hold. Every page of the site, `/admin/` included,
 * is served from one origin, and `/admin/` keeps the editors' git tokens in the browser:
 * an SVG opened on its own runs its scripts with that origin, so it must hold no code and
 * point nowhere outside itself (no request to a third party when the file is opened, no
 * content that could change after review).
 *
 * One policy for two readers: `npm run validate` walks a parsed file and reports each
 * problem with its line; the online editor sanitizes an upload, then asks the same
 * questions of what is left before it stores it. Both describe an element the same way,
 * with names already resolved to namespaces, so that a prefix (`<x:script>`) changes
 * nothing. It is a deny-list on purpose: the editor also runs DOMPurify's allow-list.
 */
import { TokenType, tokenize, type CSSToken } from '@csstools/css-tokenizer';

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

export interface SvgAttribute {
  /** The name as written, for messages (`xlink:href`). */
  name: string;
  localName: string;
  namespace: string | null;
  value: string;
}

export interface SvgElement {
  localName: string;
  namespace: string | null;
  attributes: readonly SvgAttribute[];
  /** The text of a `<style>` element (its stylesheet); `undefined` for other elements. */
  styleText?: string | undefined;
}

/** Elements whose only purpose is to run code (`handler` is SVG Tiny's event handler). */
const CODE_ELEMENTS = new Set(['script', 'handler']);
/** SMIL elements that can set another attribute, e.g. an `href` to `javascript:…`. */
const ANIMATION_ELEMENTS = new Set(['set', 'animate', 'animateColor', 'animateMotion', 'animateTransform']);
/** Elements that may embed a bitmap written in the file itself (`data:image/png;base64,…`). */
const IMAGE_ELEMENTS = new Set(['image', 'feImage']);
/** Bitmaps that cannot hold code, for `data:` addresses in those elements. */
const INLINE_BITMAPS = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
/** CSS functions whose string arguments are addresses. */
const URL_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set', 'cross-fade']);

/** Whether an address stays inside the file: a `#fragment`. */
function isLocal(address: string): boolean {
  return address.trim().startsWith('#');
}

/** Whether an address is a bitmap written into the file (`data:image/png;base64,…`). */
function isInlineBitmap(address: string): boolean {
  const value = address.trim().toLowerCase();
  if (!value.startsWith('data:')) return false;
  const end = [';', ','].map((c) => value.indexOf(c)).filter((i) => i !== -1);
  const type = value.slice('data:'.length, end.length > 0 ? Math.min(...end) : undefined).trim();
  return INLINE_BITMAPS.has(type);
}

function quote(value: string): string {
  const short = value.trim();
  return `« ${short.length > 60 ? `${short.slice(0, 57)}…` : short} »`;
}

/** A problem, in French, saying what to do. */
export interface SvgProblem {
  message: string;
  /** For a problem in the text of a `<style>` element: where it is in that text. */
  styleOffset?: number;
}

/**
 * The problems of a piece of CSS (a stylesheet, a `style` attribute, or a presentation
 * attribute such as `fill="url(…)"`): every address that leaves the file, and `@import`.
 * It reads CSS tokens as a browser does, so an escaped `u\72l(…)` is still a `url(`.
 */
export function cssProblems(css: string, where: string): { message: string; offset: number }[] {
  const problems: { message: string; offset: number }[] = [];
  // Every token looked at below starts with a literal « ( » or « @ » (no escape makes one):
  // without either, there is nothing to find, and path data is most of a drawing.
  if (!css.includes('(') && !css.includes('@')) return problems;
  let tokens: CSSToken[];
  try {
    tokens = tokenize({ css });
  } catch {
    return [{ message: `${where} : CSS illisible, retirez-le`, offset: 0 }];
  }
  // Open functions and parentheses, innermost last: whether a string is an argument of url().
  const open: boolean[] = [];
  for (const token of tokens) {
    switch (token[0]) {
      case TokenType.AtKeyword:
        if (token[4].value.toLowerCase() === 'import') {
          problems.push({
            message: `${where} : « @import » charge une autre feuille de style, retirez-le`,
            offset: token[2],
          });
        }
        break;
      case TokenType.URL:
        if (!isLocal(token[4].value)) problems.push({ message: externalCss(token[4].value, where), offset: token[2] });
        break;
      case TokenType.BadURL:
        problems.push({ message: `${where} : adresse illisible dans « url(…) », retirez-la`, offset: token[2] });
        break;
      case TokenType.Function:
        open.push(URL_FUNCTIONS.has(token[4].value.toLowerCase()));
        break;
      case TokenType.OpenParen:
        open.push(open.at(-1) ?? false);
        break;
      case TokenType.CloseParen:
        open.pop();
        break;
      case TokenType.String:
        if (open.includes(true) && !isLocal(token[4].value)) {
          problems.push({ message: externalCss(token[4].value, where), offset: token[2] });
        }
        break;
      default:
        break;
    }
  }
  return problems;
}

function externalCss(address: string, where: string): string {
  return `${where} : l’adresse ${quote(address)} sort du fichier ; seules les références internes « url(#…) » sont permises`;
}

/** The problems of one element. */
export function svgElementProblems(element: SvgElement): SvgProblem[] {
  const problems: string[] = [];
  const tag = `<${element.localName}>`;
  if (element.namespace === XHTML_NS || element.namespace === MATHML_NS) {
    problems.push(`élément ${tag} d’un autre langage que SVG (HTML ou MathML) : retirez-le`);
  }
  if (CODE_ELEMENTS.has(element.localName)) {
    problems.push(`élément ${tag} : un SVG du site ne contient pas de code, retirez-le`);
  }
  if (element.localName === 'foreignObject') {
    problems.push(
      `élément ${tag} : il peut contenir du HTML actif, retirez-le (ou convertissez son contenu en tracés)`,
    );
  }
  for (const attribute of element.attributes) {
    if (attribute.namespace === XMLNS_NS || (attribute.namespace === null && attribute.name === 'xmlns')) continue;
    const name = `attribut « ${attribute.name} »`;
    const local = attribute.localName.toLowerCase();
    if (local.startsWith('on')) {
      problems.push(`${name} sur ${tag} : du code exécuté par le navigateur, retirez-le`);
    } else if (local === 'href') {
      const inline = IMAGE_ELEMENTS.has(element.localName) && isInlineBitmap(attribute.value);
      if (!isLocal(attribute.value) && !inline) {
        problems.push(
          `${name} sur ${tag} : l’adresse ${quote(attribute.value)} sort du fichier ; seuls les liens internes « #… » sont permis`,
        );
      }
    } else if (attribute.namespace === XML_NS && local === 'base') {
      problems.push(`${name} sur ${tag} : il change la cible des liens internes, retirez-le`);
    } else if (ANIMATION_ELEMENTS.has(element.localName) && local === 'attributename') {
      const target = (attribute.value.split(':').at(-1) ?? '').trim().toLowerCase();
      if (target === 'href' || target.startsWith('on')) {
        problems.push(`${tag} anime l’attribut « ${attribute.value} » : retirez cette animation`);
      }
    } else {
      problems.push(...cssProblems(attribute.value, `${name} sur ${tag}`).map((p) => p.message));
    }
  }
  const found: SvgProblem[] = problems.map((message) => ({ message }));
  if (element.styleText !== undefined) {
    for (const { message, offset } of cssProblems(element.styleText, `feuille de style ${tag}`)) {
      found.push({ message, styleOffset: offset });
    }
  }
  return found;
}
