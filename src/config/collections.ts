/**
 * Where each content collection reads its files, as glob patterns relative to the project.
 * `src/content.config.ts` gives them to Astro's `glob()` loader and `npm run validate` runs
 * the same glob with the same library and options, so that the validator judges exactly the
 * files the build reads: no file can reach the site without being checked.
 */
export interface GlobCollection {
  /** Folder the pattern is relative to. */
  base: string;
  /** tinyglobby pattern, as Astro's `glob()` loader takes it. */
  pattern: string;
}

export const DOCS_GLOB = { base: 'content/docs', pattern: '**/[^_]*.{md,mdx}' } as const satisfies GlobCollection;
export const TOOLKITS_GLOB = { base: 'content/toolkits', pattern: '[^_]*.mdx' } as const satisfies GlobCollection;
export const KPA_GLOB = { base: 'content/kpa', pattern: '*.{yaml,yml}' } as const satisfies GlobCollection;
/** Diagrams: the text sources of the pictures drawn by `<Diagram name="…" />`. */
export const DIAGRAMS_GLOB = { base: 'content/diagrams', pattern: '*.yaml' } as const satisfies GlobCollection;
/** The glossary is one file, read by Astro's `file()` loader. */
export const GLOSSARY_FILE = 'content/glossaire.yaml';
