/**
 * The printed booklet and the PDF sheets of the toolkits: where they are published, what
 * their metadata say, and whether the site links to them. The files themselves are made
 * after the build by `npm run booklet` (scripts/booklet.ts), with Chromium.
 */
import { sitePath } from './site.ts';

const env = process.env;

/** The booklet's file, at the root of the site. */
export const BOOKLET_PATH = '/livret-kpa-cite.pdf';

/** The PDF sheet of a toolkit, beside its page: `/boites-a-outils/disco-soupe/fiche-disco-soupe.pdf`. */
export function sheetPath(slug: string): string {
  return `/boites-a-outils/${slug}/fiche-${slug}.pdf`;
}

/**
 * Whether pages link to the PDFs: yes unless `PDF_LINKS=non` (or `false`, `0`). A host that
 * cannot run `npm run booklet` after the build (no Chromium, as on Netlify) sets it, so that
 * no page offers a file that is not published.
 */
export const PDF_LINKS = !['non', 'false', '0', 'off'].includes((env['PDF_LINKS'] ?? '').trim().toLowerCase());

/** The booklet's address on this site, or undefined when the site does not link to PDFs. */
export const bookletHref = (): string | undefined => (PDF_LINKS ? sitePath(BOOKLET_PATH) : undefined);

/** A toolkit sheet's address on this site, or undefined when the site does not link to PDFs. */
export const sheetHref = (slug: string): string | undefined => (PDF_LINKS ? sitePath(sheetPath(slug)) : undefined);

/** Metadata written into every PDF (title and language come from the page). */
export const PDF_AUTHOR = 'Les contributeurs et contributrices du guide KPA-Cité';

/** What the booklet is: on its cover and in its metadata. */
export const BOOKLET_TITLE = 'KPA-Cité — le guide libre';
export const BOOKLET_SUBTITLE = 'Livret imprimable : le guide, les boîtes à outils, le glossaire et les sources';

/** The licence of the texts, as the site's footer states it. */
export const CONTENT_LICENSE = 'Textes sous licence Creative Commons BY-SA 4.0, sauf mention contraire sur une fiche.';

/**
 * Past this many toolkits, the booklet takes a selection (see `selectToolkits` in
 * scripts/lib/booklet/selection.ts); every toolkit keeps its own PDF sheet.
 */
export const BOOKLET_MAX_TOOLKITS = 60;

/** Sidebar sections that close the booklet, after the toolkits (glossary, sources). */
export const CLOSING_SECTIONS = ['ressources'];
