/**
 * The glossary rule: on a guide page, a term of the glossary that appears in the text must
 * link to its entry. Acronyms (capitals only) match case-sensitively, other forms
 * case-insensitively; ’ and ' are the same; only whole words count.
 */
import type { GlossaryEntry } from '../../src/schemas/glossary.ts';
import { GLOSSARY_PATH } from '../../src/schemas/glossary.ts';

export interface GlossaryIssue {
  term: string;
  id: string;
  form: string;
  message: string;
}

const normalise = (text: string) => text.replace(/[’ʼ]/g, "'");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression that finds `form` as a whole word. */
export function formPattern(form: string): RegExp {
  const acronym = /^[\p{Lu}\d]+$/u.test(form);
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(normalise(form))}(?![\\p{L}\\p{N}-])`, acronym ? 'u' : 'iu');
}

/** The readable text of an HTML fragment, without headings. */
export function textWithoutHeadings(html: string): string {
  return normalise(
    html
      .replace(/<h([1-6])\b[^>]*>[\s\S]*?<\/h\1>/g, ' ')
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&amp;/g, '&'),
  );
}

/** The glossary entries that `html` (a page's main content) uses without linking to them. */
export function missingGlossaryLinks(html: string, glossary: readonly GlossaryEntry[]): GlossaryIssue[] {
  const text = textWithoutHeadings(html);
  const issues: GlossaryIssue[] = [];
  for (const entry of glossary) {
    const form = entry.forms.find((f) => formPattern(f).test(text));
    if (form === undefined) continue;
    if (html.includes(`href="${GLOSSARY_PATH}#${entry.id}"`)) continue;
    issues.push({
      term: entry.term,
      id: entry.id,
      form,
      message: `« ${form} » est employé sans lien vers ${GLOSSARY_PATH}#${entry.id}`,
    });
  }
  return issues;
}

/** The main content of a built Starlight page: the Markdown body, without the chrome. */
export function mainContent(html: string): string {
  const start = html.indexOf('class="sl-markdown-content"');
  if (start === -1) return '';
  const end = html.indexOf('<footer', start);
  return html.slice(start, end === -1 ? undefined : end);
}
