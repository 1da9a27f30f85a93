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
  Diagram: './src/components/Diagram.astro',
  TakeAway: './src/components/TakeAway.astro',
} as const;

export const ALLOWED_COMPONENTS: readonly string[] = [...STARLIGHT_COMPONENTS, ...Object.keys(OWN_COMPONENTS)];

/** The `imports` option of astro-auto-import. */
export const MDX_COMPONENTS = [
  { '@astrojs/starlight/components': [...STARLIGHT_COMPONENTS] },
  ...Object.values(OWN_COMPONENTS),
];

/**
 * The attributes each component accepts from content. Starlight spreads unknown attributes
 * onto its HTML (a `style` or `onclick` on a Badge would reach the page), so anything else is
 * refused by `npm run validate`.
 */
export const COMPONENT_PROPS: Readonly<Record<string, readonly string[]>> = {
  Aside: ['type', 'title', 'icon'],
  Badge: ['text', 'variant', 'size'],
  Card: ['title', 'icon'],
  CardGrid: ['stagger'],
  LinkCard: ['title', 'description', 'href'],
  Steps: [],
  Timeline: [],
  KpaList: [],
  Glossary: [],
  // `name` names a file of `content/diagrams/`: a page chooses a diagram, it never brings SVG or code.
  Diagram: ['name'],
  TakeAway: [],
};

/** Props a component cannot do without. */
export const REQUIRED_PROPS: Readonly<Record<string, readonly string[]>> = {
  Diagram: ['name'],
};

/** Props that Starlight writes into the page as HTML (`set:html`): content may only give them plain text. */
export const TEXT_PROPS: Readonly<Record<string, readonly string[]>> = {
  Card: ['title'],
  LinkCard: ['title', 'description'],
};
