/**
 * The `aliases` field of guide pages and toolkits: the other words readers type for a page
 * (synonyms, common misspellings, older names). Search finds the page by them, with a light
 * weight, and offers them in « Vouliez-vous dire… ? »; they are never shown on the page.
 */
import { z } from './zod-fr.ts';

/** Most aliases a page may have: a few words readers really use, not a list of keywords. */
export const ALIASES_MAX = 12;

/** Longest alias, in characters. */
export const ALIAS_MAX_LENGTH = 60;

/** "Repair Café" and "repair cafe" are the same alias: case and accents do not count. */
export function aliasKey(alias: string): string {
  return alias.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}

/** Plain text, in the page's frontmatter: `aliases: [cantine, déjeuner ensemble]`. Default: none. */
export const aliasesSchema = z
  .array(
    z
      .string()
      .trim()
      .min(2, 'un autre nom doit faire au moins 2 caractères')
      .max(ALIAS_MAX_LENGTH, `un autre nom doit faire au plus ${ALIAS_MAX_LENGTH} caractères`),
  )
  .max(ALIASES_MAX, `indiquez au plus ${ALIASES_MAX} autres noms`)
  .superRefine((aliases, ctx) => {
    const seen = new Map<string, number>();
    aliases.forEach((alias, index) => {
      const first = seen.get(aliasKey(alias));
      if (first === undefined) seen.set(aliasKey(alias), index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `« ${alias} » répète « ${aliases[first] ?? ''} » (les majuscules et les accents ne comptent pas)`,
        });
    });
  })
  .default([])
  .meta({
    description:
      'Facultatif, pour la recherche : des mots que l’on pourrait taper sans qu’ils soient dans le texte, des fautes courantes, un ancien nom. Séparés par des virgules ; ils n’apparaissent pas sur la page.',
    examples: ['cantine, repair café'],
  });
