/**
 * Turns plain text with `[texte](/chemin/)` links into safe HTML: everything is escaped,
 * and only links to site paths or http(s) addresses become `<a>` elements. Site paths take
 * the site's sub-path (`base`, `src/lib/base-path.ts`).
 */
import { withBase } from './base-path.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const LINK = /\[([^\]]+)\]\(((?:\/|https?:\/\/)[^\s)]*)\)/g;

export function renderInlineLinks(text: string, base = '/'): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const [whole, label = '', href = ''] = match;
    html += escapeHtml(text.slice(last, match.index));
    html += `<a href="${escapeHtml(withBase(base, href))}">${escapeHtml(label)}</a>`;
    last = match.index + whole.length;
  }
  return html + escapeHtml(text.slice(last));
}

/** The `[texte](/chemin/)` links of a text, as `renderInlineLinks` turns them into links. */
export function inlineLinks(text: string): { label: string; href: string }[] {
  return [...text.matchAll(LINK)].map(([, label = '', href = '']) => ({ label, href }));
}
