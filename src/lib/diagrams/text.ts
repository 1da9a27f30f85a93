/**
 * How wide a line of diagram text will be, without a browser. Diagrams are laid out at build
 * time (and checked by `npm run validate`), so the width of a word is estimated from the
 * advance widths of Helvetica/Arial, close to the sans-serif system fonts the site uses, plus
 * a safety margin for fonts that run wider. Words are then wrapped into lines that fit a box.
 */

/** Advance widths in thousandths of an em, regular weight (Helvetica metrics). */
// prettier-ignore
const REGULAR: Record<string, number> = {
  ' ': 278,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833,
  n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  '.': 278, ',': 278, ':': 278, ';': 278, '!': 278, '?': 556, "'": 191, '’': 222, '"': 355, '«': 556, '»': 556,
  '-': 333, '–': 556, '—': 1000, '(': 333, ')': 333, '/': 278, '·': 278, '%': 889, '€': 556, '+': 584,
  '×': 584, '=': 584, '<': 584, '>': 584, '&': 667, '°': 400, '…': 1000, '→': 1000,
};

/** Bold advance widths where they differ from the regular ones. */
// prettier-ignore
const BOLD: Record<string, number> = {
  b: 611, c: 556, d: 611, f: 333, g: 611, h: 611, i: 278, j: 278, k: 556, l: 278, m: 889, n: 611, o: 611,
  p: 611, q: 611, r: 389, s: 556, t: 333, u: 611, v: 556, w: 778, x: 556, y: 556,
  A: 722, B: 722, J: 556, K: 722, L: 611, ':': 333, ';': 333, '!': 333, '?': 611, "'": 238, '’': 278,
};

/** Digits are all the same width in these fonts. */
const DIGIT = 556;
/** Anything else (rare letters, symbols): a wide guess. */
const OTHER = 720;
/** System fonts differ from Helvetica by a few percent: lines are measured this much wider. */
const SAFETY = 1.08;

export interface TextStyle {
  /** Font size in SVG units. */
  size: number;
  bold?: boolean;
  /** Capitals with letter spacing, as the small type tags are drawn. */
  caps?: boolean;
  /** Letter spacing in em, added after each character. */
  spacing?: number;
}

/** Width of one character, accents ignored (« é » is as wide as « e »). */
function advance(char: string, bold: boolean): number {
  const base = char.normalize('NFD').charAt(0);
  if (/\d/.test(base)) return DIGIT;
  return (bold ? BOLD[base] : undefined) ?? REGULAR[base] ?? (/\p{Ll}/u.test(base) ? 556 : OTHER);
}

/** Estimated width of `text` in SVG units. */
export function textWidth(text: string, style: TextStyle): number {
  const shown = style.caps ? text.toLocaleUpperCase('fr') : text;
  let total = 0;
  for (const char of shown) total += advance(char, style.bold === true) / 1000 + (style.spacing ?? 0);
  return total * style.size * SAFETY;
}

/**
 * Breaks `text` into lines no wider than `width`. A single word wider than the box stays on
 * its own line: `overflows` then says so, and the checks report it rather than cut the word.
 */
export function wrapText(text: string, width: number, style: TextStyle): { lines: string[]; overflows: boolean } {
  const words: string[] = [];
  // French punctuation keeps to its word: « À faire », « Prêt ? » never break at that space.
  for (const token of text.trim().split(/\s+/)) {
    const previous = words.at(-1);
    if (previous !== undefined && (previous.endsWith('«') || /^[»?!:;]/.test(token)))
      words[words.length - 1] = `${previous} ${token}`;
    else words.push(token);
  }
  const lines: string[] = [];
  let overflows = false;
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth(candidate, style) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
    if (textWidth(current, style) > width) overflows = true;
  }
  if (current !== '') lines.push(current);
  return { lines, overflows };
}

/** Width of the widest line. */
export function linesWidth(lines: readonly string[], style: TextStyle): number {
  return Math.max(0, ...lines.map((line) => textWidth(line, style)));
}
