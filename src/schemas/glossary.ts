/** Schema of the glossary (`content/glossaire.yaml`), one entry per term. */
import { z } from './zod-fr.ts';
import { SLUG_PATTERN } from './toolkit.ts';

export const glossaryEntrySchema = z.strictObject({
  /** Anchor of the entry on the glossary page: ASCII kebab-case. */
  id: z
    .string()
    .regex(SLUG_PATTERN, 'identifiant attendu en minuscules sans accents, mots séparés par des tirets')
    .meta({
      description:
        'L’ancre du terme sur la page du glossaire, en minuscules sans accents, mots séparés par des tirets : les liens s’écrivent /ressources/glossaire/#identifiant.',
      examples: ['tiers-lieu'],
    }),
  /** The term as displayed. */
  term: z
    .string()
    .trim()
    .min(2)
    .meta({ description: 'Le terme tel qu’il s’affiche.', examples: ['Tiers-lieu'] }),
  /**
   * The forms that, found in a guide page's text, must link to this entry. Acronyms
   * (all capitals) match case-sensitively, other forms case-insensitively.
   */
  forms: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .meta({
          description:
            'Une façon d’écrire le terme dans les pages : singulier, pluriel, sigle. Un sigle en majuscules ne compte qu’en majuscules.',
          examples: ['tiers-lieux'],
        }),
    )
    .min(1)
    .meta({ description: 'Les formes qui, dans une page du guide, doivent mener à ce terme la première fois.' }),
  /** Definition in plain text; `[texte](/chemin/)` links are allowed. */
  definition: z.string().trim().min(20).meta({
    description: 'La définition, en texte simple ; un lien s’écrit [texte](/chemin/) vers une page du guide.',
  }),
});

/** The whole file: a list of entries, each term once (the validator checks the ids are unique). */
export const glossarySchema = z
  .array(glossaryEntrySchema)
  .meta({ description: 'Les termes du glossaire ; la page les range par ordre alphabétique.' });

export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

/** Path of the glossary page on the site. */
export const GLOSSARY_PATH = '/ressources/glossaire/';
