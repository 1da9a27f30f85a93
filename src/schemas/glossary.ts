/** Schema of the glossary (`content/glossaire.yaml`), one entry per term. */
import { z } from './zod-fr.ts';
import { SLUG_PATTERN } from './toolkit.ts';

export const glossaryEntrySchema = z.strictObject({
  /** Anchor of the entry on the glossary page: ASCII kebab-case. */
  id: z.string().regex(SLUG_PATTERN, 'identifiant attendu en minuscules sans accents, mots séparés par des tirets'),
  /** The term as displayed. */
  term: z.string().trim().min(2),
  /**
   * The forms that, found in a guide page's text, must link to this entry. Acronyms
   * (all capitals) match case-sensitively, other forms case-insensitively.
   */
  forms: z.array(z.string().trim().min(2)).min(1),
  /** Definition in plain text; `[texte](/chemin/)` links are allowed. */
  definition: z.string().trim().min(20),
});

export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

/** Path of the glossary page on the site. */
export const GLOSSARY_PATH = '/ressources/glossaire/';
