/**
 * Schema of a guide page (`content/docs/`): Starlight's own docs schema, imported rather than
 * copied so that every field Starlight knows stays valid, with two fields of ours on top: a
 * description, required and short enough for search results and link previews, and the
 * other words readers use for the page (`aliases`, see `aliases.ts`).
 */
import { docsSchema } from '@astrojs/starlight/schema';
import type { SchemaContext } from 'astro/content/config';
import { z } from './zod-fr.ts';
import { aliasesSchema } from './aliases.ts';

/** Longest description, in characters. */
export const DESCRIPTION_MAX = 160;

export const guidePageSchema = docsSchema({
  extend: z.object({
    /** One sentence saying what the page offers, shown by search and link previews. Required. */
    description: z
      .string()
      .trim()
      .min(20, 'la description doit faire au moins 20 caractères')
      .max(DESCRIPTION_MAX, `la description doit faire au plus ${DESCRIPTION_MAX} caractères`)
      .meta({
        description: 'Une phrase qui dit ce que la page apporte, reprise par la recherche et les partages.',
      }),
    /** Synonyms, common misspellings and older names that search should know. Default: none. */
    aliases: aliasesSchema,
  }),
});

/**
 * The same schema outside Astro (the validation script). Only `image()` needs Astro, to
 * resolve a hero image at build time; here it is checked as a path string.
 */
export function guidePageSchemaOutsideAstro() {
  // The build resolves images itself; outside it a path is all there is to check.
  const image = (() => z.string()) as unknown as SchemaContext['image'];
  return guidePageSchema({ image });
}
