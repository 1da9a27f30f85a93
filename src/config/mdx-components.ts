/**
 * Components that content can use without an `import` line. This list is the allow-list
 * of `scripts/validate.ts`: a component outside it is rejected.
 */
export const STARLIGHT_COMPONENTS = ['Aside', 'Badge', 'Card', 'CardGrid', 'LinkCard', 'Steps'] as const;

/** Our own components, by name and path. */
export const OWN_COMPONENTS = {
  Timeline: './src/components/Timeline.astro',
  KpaList: './src/components/KpaList.astro',
  Glossary: './src/components/Glossary.astro',
} as const;

export const ALLOWED_COMPONENTS: readonly string[] = [...STARLIGHT_COMPONENTS, ...Object.keys(OWN_COMPONENTS)];

/** The `imports` option of astro-auto-import. */
export const MDX_COMPONENTS = [
  { '@astrojs/starlight/components': [...STARLIGHT_COMPONENTS] },
  ...Object.values(OWN_COMPONENTS),
];
