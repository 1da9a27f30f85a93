/**
 * Zod speaks French for every schema of the project: the messages reach contributors
 * through the build and `npm run validate`. Importing this module configures the shared
 * zod instance once.
 */
import { z } from 'astro/zod';

z.config(z.locales.fr());
z.config({
  // The locale says "chaîne de caractères attendu, indéfini reçu" for a missing field:
  // contributors understand "champ obligatoire" better.
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'champ obligatoire manquant' : undefined,
});

export { z };
