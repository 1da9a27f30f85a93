/**
 * Aliases for Vite: packages whose browser build uses the DOM resolve to their build without
 * it. The online editor parses Markdown in a worker (`src/cms/site-checks-worker.ts`), which
 * has no `document`; Vite resolves the worker's imports like the page's (in development they
 * are the same requests), so the alias holds for the whole site. Only the editor's code
 * imports these packages in the browser.
 */
import { createRequire } from 'node:module';

/** The packages whose browser build reaches for `document` (micromark decodes entities with it). */
export const DOM_BUILDS = ['decode-named-character-reference'];

export function domFreeBuilds(): { find: RegExp; replacement: string }[] {
  // Node resolves without the `browser` condition: to the entry with no DOM, also their `worker` one.
  const require = createRequire(import.meta.url);
  return DOM_BUILDS.map((name) => ({ find: new RegExp(`^${name}$`), replacement: require.resolve(name) }));
}
