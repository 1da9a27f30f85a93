/**
 * Zod speaks French for every schema of the project: the messages reach contributors
 * through the build and `npm run validate`. Importing this module configures the shared
 * zod instance once.
 */
import { z } from 'astro/zod';

z.config(z.locales.fr());

export { z };
