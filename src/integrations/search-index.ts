/**
 * Builds the Pagefind index at the end of `astro build`, in `dist/pagefind/`, in place of
 * Starlight's own run (`pagefind: false` in the Starlight options): the pages are the same,
 * read through `prepareForIndex` so that no two words are glued together, and each entry of
 * the glossary becomes a result of its own (`/ressources/glossaire/#cae`), ranked by its term
 * above its definition. The pages on disk are not changed.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { glob } from 'tinyglobby';
import { SEARCH_META } from '../config/search.ts';
import { prepareForIndex } from '../lib/search-index-html.ts';

/** The site's language: one index, whatever a page declares. */
const LANGUAGE = 'fr';

/** Pagefind's Node API answers `{ errors }` instead of throwing. */
function check<T extends { errors: string[] }>(response: T, what: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind (${what}) : ${response.errors.join(' ; ')}`);
  return response;
}

/** `creer/creer-un-kpa/index.html` → `/creer/creer-un-kpa/`, as Pagefind names pages. */
export function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'kpa:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        try {
          const { index } = check(await pagefind.createIndex({ forceLanguage: LANGUAGE }), 'index');
          if (!index) throw new Error('Pagefind n’a pas créé d’index');
          let pages = 0;
          let entries = 0;
          // Pagefind indexes in its own process: the next page is prepared while it works.
          const added: Promise<unknown>[] = [];
          for (const file of (await glob('**/*.html', { cwd: root })).sort()) {
            const html = await readFile(join(root, file), 'utf8');
            // Pagefind indexes only the pages that mark their content (Starlight's `<main>`).
            if (!html.includes('data-pagefind-body')) continue;
            const page = prepareForIndex(html);
            added.push(index.addHTMLFile({ sourcePath: file, content: page.html }).then((r) => check(r, file)));
            pages++;
            for (const entry of page.entries) {
              const meta: Record<string, string> = { title: entry.term, [SEARCH_META.term]: entry.term };
              if (entry.aliases.length > 0) meta[SEARCH_META.aliases] = entry.aliases.join(', ');
              const record = {
                url: `${pageUrl(file)}#${entry.id}`,
                content: entry.definition,
                language: LANGUAGE,
                meta,
              };
              added.push(index.addCustomRecord(record).then((r) => check(r, `${file}#${entry.id}`)));
              entries++;
            }
          }
          await Promise.all(added);
          check(await index.writeFiles({ outputPath: join(root, 'pagefind') }), 'écriture');
          const ms = Math.round(performance.now() - started);
          logger.info(`index de recherche : ${pages} pages et ${entries} entrées de glossaire (${ms} ms)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
