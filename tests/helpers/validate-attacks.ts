/** The hostile contributions of `tests/fixtures/validate/attacks/` and what each must give. */
import type { RuleId } from '../../scripts/lib/validate/issues.ts';

export type Expected = [file: string, line: number, rule: RuleId];

/** One hostile contribution per class, and everything it must give. */
export const ATTACKS: Record<string, Expected[]> = {
  // Code run at build time
  'esm-tab-export': [
    ['content/docs/tab.mdx', 8, 'mdx-expression'],
    ['content/docs/tab.mdx', 8, 'mdx-import-export'],
  ],
  'esm-tab-import': [['content/toolkits/piege.mdx', 31, 'mdx-import-export']],
  'esm-export-star': [['content/toolkits/piege.mdx', 31, 'mdx-import-export']],
  'frontmatter-fence': [
    ['content/docs/enclos.mdx', 4, 'frontmatter-fence'],
    ['content/docs/enclos.mdx', 4, 'unknown-field'],
    ['content/docs/enclos.mdx', 4, 'mdx-expression'],
  ],
  layout: [
    ['content/docs/mise-en-page.mdx', 1, 'mdx-expression'],
    ['content/docs/mise-en-page.mdx', 4, 'mdx-import-export'],
    ['content/docs/mise-en-page.mdx', 4, 'unknown-field'],
  ],
  dotfile: [['content/docs/.cache.mdx', 1, 'file-hidden']],
  'image-import': [
    ['content/docs/.assets', 1, 'file-hidden'],
    ['content/docs/photo.mdx', 6, 'image-path'],
  ],
  'image-outside': [
    ['content/docs/dehors.mdx', 6, 'image-missing'],
    ['content/docs/dehors.mdx', 6, 'image-path'],
  ],
  // Script in the page
  'title-html': [['content/toolkits/piege.mdx', 2, 'plain-text']],
  'guide-fields': [
    ['content/docs/champs.mdx', 2, 'plain-text'],
    ['content/docs/champs.mdx', 7, 'html-event-handler'],
    ['content/docs/champs.mdx', 11, 'plain-text'],
  ],
  // A diagram is chosen by name: no SVG, code or path comes from the page.
  'diagram-props': [
    ['content/docs/dessins.mdx', 1, 'html-event-handler'],
    ['content/docs/dessins.mdx', 6, 'mdx-component'],
    ['content/docs/dessins.mdx', 8, 'mdx-component'],
    ['content/docs/dessins.mdx', 10, 'mdx-expression'],
    ['content/docs/dessins.mdx', 12, 'unknown-diagram'],
  ],
  'component-props': [
    ['content/docs/cartes.mdx', 6, 'plain-text'],
    ['content/docs/cartes.mdx', 9, 'plain-text'],
    ['content/docs/cartes.mdx', 12, 'mdx-component'],
  ],
  'md-comment': [
    ['content/docs/commentaire.md', 6, 'html-event-handler'],
    ['content/docs/commentaire.md', 6, 'image-alt'],
    ['content/docs/commentaire.md', 6, 'image-missing'],
    ['content/docs/commentaire.md', 6, 'image-path'],
  ],
  // Both parsers read this one as text: it is shown, escaped, and runs nothing.
  'md-quote': [],
  'md-textarea': [['content/docs/zone.md', 1, 'html-event-handler']],
  'md-style': [['content/docs/faux.md', 6, 'html-attribute']],
  // Crash, hang or misleading result
  'compiler-panic': [['content/docs/panique.mdx', 1, 'compiler-crash']],
  'too-complex': [['content/docs/lourd.mdx', 1, 'file-too-complex']],
  'slug-reserved': [['content/docs/recherche-pagefind.mdx', 4, 'slug-invalid']],
  'slug-toolkit': [['content/docs/doublon.mdx', 4, 'slug-invalid']],
  'cr-only': [
    ['content/docs/mac.mdx', 1, 'frontmatter-fence'],
    ['content/docs/mac.mdx', 1, 'file-line-endings'],
  ],
  // `/\evil.example/` leaves the site in a browser: an external link, not a link to `/`.
  'backslash-link': [],
  'hero-image': [['content/docs/image-heros.mdx', 6, 'image-missing']],
  'edit-url': [['content/docs/modifier.mdx', 4, 'edit-url']],
};
