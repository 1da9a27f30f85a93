import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { guidePageSchema } from './schemas/guide-page.ts';
import { toolkitSchema } from './schemas/toolkit.ts';
import { kpaSchema } from './schemas/kpa.ts';
import { glossaryEntrySchema } from './schemas/glossary.ts';
import { diagramSchema } from './schemas/diagram.ts';
import { withGitDates } from './loaders/git-dates.ts';
import { DIAGRAMS_GLOB, DOCS_GLOB, GLOSSARY_FILE, KPA_GLOB, TOOLKITS_GLOB } from './config/collections.ts';
import frStrings from './i18n/fr.json' with { type: 'json' };

/** Guide pages: `content/docs/`, rendered by Starlight. */
const docs = defineCollection({
  loader: withGitDates(glob({ pattern: DOCS_GLOB.pattern, base: `./${DOCS_GLOB.base}` }), `./${DOCS_GLOB.base}`),
  schema: guidePageSchema,
});

/** Mission toolkits: `content/toolkits/`, rendered by `src/pages/boites-a-outils/`. */
const toolkits = defineCollection({
  loader: glob({ pattern: TOOLKITS_GLOB.pattern, base: `./${TOOLKITS_GLOB.base}` }),
  schema: toolkitSchema,
});

/** The KPA directory: `content/kpa/*.yaml`. */
const kpa = defineCollection({
  loader: glob({ pattern: KPA_GLOB.pattern, base: `./${KPA_GLOB.base}` }),
  schema: kpaSchema,
});

/** Diagrams: `content/diagrams/*.yaml`, drawn by `src/components/Diagram.astro`. */
const diagrams = defineCollection({
  loader: glob({ pattern: DIAGRAMS_GLOB.pattern, base: `./${DIAGRAMS_GLOB.base}` }),
  schema: diagramSchema,
});

/** The glossary: `content/glossaire.yaml`. */
const glossary = defineCollection({
  loader: file(`./${GLOSSARY_FILE}`),
  schema: glossaryEntrySchema,
});

/**
 * Starlight's UI strings in French; the search button and dialog use the `search.*` ones.
 * Starlight keys its translations by the entry id, so the entry is stored under `fr` with no
 * file path.
 */
const i18n = defineCollection({
  loader: {
    name: 'kpa-i18n',
    load: async (context) => {
      context.store.clear();
      context.store.set({ id: 'fr', data: await context.parseData({ id: 'fr', data: frStrings }) });
    },
  },
  schema: i18nSchema(),
});

export const collections = { docs, toolkits, kpa, diagrams, glossary, i18n };
