/**
 * The CMS collections: toolkits, guide pages by section, the home page, the glossary, the
 * KPA directory. Fields come from the zod schemas through `fieldsFromSchema`, with the help
 * their metadata gives; this file only adds French labels and the choice of widgets (and
 * the help of Starlight's own fields, which have none in French).
 */
import {
  CATEGORIES,
  DIFFICULTIES,
  LICENSES,
  VENUE_NEEDS,
  parseDuration,
  toolkitSchema,
  type ToolkitInput,
} from '../schemas/toolkit.ts';
import { KPA_STATUSES, kpaSchema, type KpaData } from '../schemas/kpa.ts';
import { glossarySchema } from '../schemas/glossary.ts';
import {
  fieldFromSchema,
  fieldsFromSchema,
  type AnySchema,
  type CmsFieldConfig,
  type FieldSpec,
} from './schema-fields.ts';
import { BODY_EDITOR } from './body-field.ts';

/** Names of the formats registered by `src/cms/admin.ts` (see `src/cms/formats.ts`). */
export const FORMATS = {
  toolkit: 'kpa-toolkit-mdx',
  guide: 'kpa-guide-mdx',
  kpa: 'kpa-yaml',
  home: 'kpa-home-mdx',
  glossary: 'kpa-glossary-yaml',
} as const;

export const TOOLKITS_COLLECTION = 'toolkits';

export const HOME_COLLECTION = 'accueil';
export const GLOSSARY_COLLECTION = 'glossaire';

/**
 * Guide sections editable in the CMS: the folders of `content/docs/`. `page` names one of
 * its pages, with its article, as « Ajout rapide » lists it and as the button « Ajouter … »
 * of the section says it (a collection's `label_singular`).
 */
export const GUIDE_SECTIONS = [
  { folder: 'decouvrir', label: 'Guide — Découvrir les KPA', page: 'une page « Découvrir les KPA »' },
  {
    folder: 'fonctionnement',
    label: 'Guide — Comment fonctionne un KPA',
    page: 'une page « Comment fonctionne un KPA »',
  },
  { folder: 'creer', label: 'Guide — Créer un KPA', page: 'une page « Créer un KPA »' },
  { folder: 'ressources', label: 'Guide — Ressources', page: 'une page « Ressources »' },
  { folder: 'contribuer', label: 'Guide — Contribuer', page: 'une page « Contribuer »' },
] as const;

/** A collection as Decap's configuration spells it. */
export interface CmsCollectionConfig {
  name: string;
  label: string;
  /** One entry, with its article: « Ajouter une boîte à outils », « Ajout rapide › un KPA ». */
  label_singular: string;
  description: string;
  folder: string;
  extension: string;
  format: string;
  create: boolean;
  delete: boolean;
  slug: string;
  identifier_field: string;
  summary: string;
  preview_path?: string;
  sortable_fields?: string[];
  fields: CmsFieldConfig[];
  /** Never set: a folder collection has no single files (see `CmsFilesCollectionConfig`). */
  files?: never;
}

/** One file of a files collection (the home page, the glossary). */
export interface CmsFileConfig {
  name: string;
  label: string;
  file: string;
  description?: string;
  fields: CmsFieldConfig[];
}

/** A collection of named single files, each with its own form. */
export interface CmsFilesCollectionConfig {
  name: string;
  label: string;
  label_singular?: string;
  description: string;
  extension: string;
  format: string;
  delete: false;
  files: CmsFileConfig[];
  /** Never set: the fields belong to each file. */
  fields?: never;
}

const minutes = (label: string): FieldSpec => ({ label, widget: 'number' });

const sourceFields: Record<string, FieldSpec> = {
  title: { label: 'Titre de la ressource' },
  url: { label: 'Adresse web' },
};

/** The other words readers use for a page or a toolkit (`aliasesSchema`), in both forms. */
const ALIASES_SPEC: FieldSpec = {
  label: 'Autres mots pour la trouver',
  commaSeparated: true,
};

/**
 * Every field of `toolkitSchema`, in French. TypeScript refuses a missing one. The help
 * under each field comes from the schema's metadata (`src/schemas/toolkit.ts`).
 */
export const TOOLKIT_SPECS: { [K in keyof ToolkitInput]-?: FieldSpec } = {
  title: { label: 'Titre' },
  summary: { label: 'Résumé', widget: 'text' },
  category: {
    label: 'Catégorie',
    options: CATEGORIES.map((c) => ({ value: c.id, label: `${c.label} — ${c.description}` })),
    explainChoice: true,
  },
  tags: { label: 'Mots-clés', commaSeparated: true },
  aliases: ALIASES_SPEC,
  image: {
    label: 'Illustration',
    fields: {
      src: { label: 'Image', widget: 'image' },
      alt: { label: 'Texte alternatif' },
    },
    extra: { collapsed: true },
  },
  difficulty: {
    label: 'Difficulté',
    widget: 'select',
    options: DIFFICULTIES.map((d) => ({ value: d.level, label: `${d.level} — ${d.label} : ${d.description}` })),
    explainChoice: true,
  },
  duration: {
    label: 'Durée',
    fields: {
      preparation: minutes('Préparation (minutes)'),
      activity: minutes('Activité (minutes)'),
    },
  },
  groupSize: {
    label: 'Taille du groupe',
    fields: { min: { label: 'Minimum' }, max: { label: 'Maximum' } },
  },
  budget: {
    label: 'Budget (euros)',
    fields: { min: { label: 'Minimum' }, max: { label: 'Maximum' } },
  },
  minAge: { label: 'Âge minimum' },
  materials: {
    label: 'Matériel à prévoir',
    fields: { name: { label: 'Quoi' }, quantity: { label: 'Quantité' } },
    extra: { label_singular: 'élément', collapsed: false },
  },
  tools: { label: 'Outils', item: { label: 'Outil' }, extra: { label_singular: 'outil' } },
  venue: {
    label: 'Le lieu doit offrir',
    options: VENUE_NEEDS.map((v) => ({ value: v.id, label: v.label })),
  },
  economicMissions: {
    label: 'Missions économiques',
    item: { label: 'Mission', widget: 'text' },
    extra: { label_singular: 'mission' },
  },
  commons: { label: 'En faire un commun', widget: 'text' },
  license: { label: 'Licence', options: LICENSES.map((l) => ({ value: l.id, label: l.label })) },
  authors: { label: 'Autrices et auteurs', item: { label: 'Nom' }, extra: { label_singular: 'nom' } },
  inspiredBy: { label: 'Sources et inspirations', fields: sourceFields, extra: { label_singular: 'source' } },
  variantOf: { label: 'Variante de', widget: 'relation', collection: TOOLKITS_COLLECTION },
  related: { label: 'Boîtes à outils liées', widget: 'relation', collection: TOOLKITS_COLLECTION },
  updated: { label: 'Mise à jour', extra: { default: '{{now}}' } },
  draft: { label: 'Brouillon' },
};

const TOOLKIT_BODY_HINT =
  'Une introduction, puis les parties « Avant de commencer », « Déroulé » (des étapes numérotées : ' +
  'menu « Ajouter un composant », « Étapes numérotées »), « Pièges à éviter », et « Sécurité et hygiène » ' +
  'dès qu’il y a de la nourriture, des outils ou du public ; chaque partie est un « Titre 2 » du menu ' +
  '« Titres ». Le matériel, les missions, le commun et les sources viennent des champs ci-dessus : ne ' +
  'les répétez pas ici.';

/** The fields of the toolkit form: the schema's fields, then the body. */
export function toolkitFields(): CmsFieldConfig[] {
  return [
    ...fieldsFromSchema(toolkitSchema, TOOLKIT_SPECS),
    {
      name: 'body',
      label: 'Contenu de la fiche',
      widget: 'markdown',
      hint: TOOLKIT_BODY_HINT,
      ...BODY_EDITOR,
    },
  ];
}

/** Durations written as text (« 1 h 30 ») become minutes, the unit of the form. */
export function normalizeToolkit(data: Record<string, unknown>): Record<string, unknown> {
  const duration = data['duration'];
  if (typeof duration !== 'object' || duration === null || Array.isArray(duration)) return data;
  const minutesOf = (value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    return parseDuration(value) ?? value;
  };
  const entries = Object.entries(duration as Record<string, unknown>).map(([k, v]) => [k, minutesOf(v)]);
  return { ...data, duration: Object.fromEntries(entries) };
}

/** Every field of `kpaSchema`, in French; the help comes from the schema (`src/schemas/kpa.ts`). */
export const KPA_SPECS: { [K in keyof KpaData]-?: FieldSpec } = {
  name: { label: 'Nom' },
  town: { label: 'Ville' },
  region: { label: 'Région' },
  year: { label: 'Année de création' },
  status: { label: 'Statut', options: KPA_STATUSES.map((s) => ({ value: s.id, label: s.label })) },
  reportedIn: { label: 'Année de la source du statut' },
  summary: { label: 'Présentation', widget: 'text' },
  sources: { label: 'Sources', fields: sourceFields, extra: { label_singular: 'source' } },
};

const GUIDE_BODY_HINT =
  'Les encadrés, les étapes, les cartes et la frise s’ajoutent avec le menu « Ajouter un composant » de ' +
  'la barre d’outils. La première fois qu’un mot du glossaire apparaît, faites-en un lien vers ' +
  '/ressources/glossaire/#son-identifiant.';

/**
 * The header fields of a guide page contributors edit, from Starlight's schema extended
 * with ours (`src/schemas/guide-page.ts`). Starlight's fields have no French help: it is
 * given here; ours (the description) brings its own.
 */
const GUIDE_HEADER_SPECS: Record<string, FieldSpec> = {
  title: { label: 'Titre', hint: 'Le titre de la page, en tête de page et dans le menu.' },
  description: { label: 'Description', widget: 'text' },
  aliases: ALIASES_SPEC,
  sidebar: {
    label: 'Menu',
    hint: 'Facultatif : la place de la page dans le menu de sa rubrique.',
    pick: true,
    fields: {
      order: { label: 'Position dans le menu', hint: 'Facultatif : 1 pour la première page de la rubrique.' },
    },
    extra: { collapsed: true },
  },
};

/**
 * The schema of a guide page comes as an argument (from `src/cms/config.ts`, at build
 * time): importing it here would put Starlight's schemas, icons included, in the editor's
 * bundle, which imports this module for its names.
 */
function guideHeaderFields(pageSchema: AnySchema, specs: Record<string, FieldSpec>): CmsFieldConfig[] {
  return fieldsFromSchema(pageSchema, specs, '', { pick: true });
}

/** The fields of a guide page (Starlight's frontmatter, the part contributors edit). */
export function guideFields(pageSchema: AnySchema): CmsFieldConfig[] {
  return [
    ...guideHeaderFields(pageSchema, GUIDE_HEADER_SPECS),
    { name: 'body', label: 'Texte de la page', widget: 'markdown', hint: GUIDE_BODY_HINT, ...BODY_EDITOR },
  ];
}

export function toolkitCollection(): CmsCollectionConfig {
  return {
    name: TOOLKITS_COLLECTION,
    label: 'Boîtes à outils',
    label_singular: 'une boîte à outils',
    description:
      'Une fiche par activité : le formulaire reprend tous les champs vérifiés par le site. Chaque proposition est relue avant publication.',
    folder: 'content/toolkits',
    extension: 'mdx',
    format: FORMATS.toolkit,
    create: true,
    delete: false,
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{title}}',
    preview_path: 'boites-a-outils/{{slug}}/',
    sortable_fields: ['title', 'updated'],
    fields: toolkitFields(),
  };
}

export function guideCollections(pageSchema: AnySchema): CmsCollectionConfig[] {
  return GUIDE_SECTIONS.map((section) => ({
    name: `guide-${section.folder}`,
    label: section.label,
    label_singular: section.page,
    description: `Les pages de la rubrique, dans content/docs/${section.folder}/.`,
    folder: `content/docs/${section.folder}`,
    extension: 'mdx',
    format: FORMATS.guide,
    create: true,
    delete: false,
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{title}}',
    preview_path: `${section.folder}/{{slug}}/`,
    fields: guideFields(pageSchema),
  }));
}

export function kpaCollection(): CmsCollectionConfig {
  return {
    name: 'kpa',
    label: 'Annuaire des KPA',
    label_singular: 'un KPA',
    description: 'Les KPA connus, d’après les sources publiques seulement.',
    folder: 'content/kpa',
    extension: 'yaml',
    format: FORMATS.kpa,
    create: true,
    delete: false,
    slug: '{{slug}}',
    identifier_field: 'name',
    summary: '{{name}} ({{town}})',
    fields: fieldsFromSchema(kpaSchema, KPA_SPECS),
  };
}

/** The home page: its header (title, description, the banner's sentence and buttons) and its text. */
const HOME_SPECS: Record<string, FieldSpec> = {
  title: GUIDE_HEADER_SPECS['title'] ?? { label: 'Titre' },
  description: { label: 'Description', widget: 'text' },
  hero: {
    label: 'Bandeau d’accueil',
    hint: 'Le haut de la page : une phrase d’accroche et des boutons.',
    pick: true,
    fields: {
      tagline: {
        label: 'Phrase d’accroche',
        hint: 'Une phrase sous le titre, qui dit à quoi sert le guide.',
      },
      actions: {
        label: 'Boutons',
        hint: 'Les boutons sous la phrase d’accroche, dans l’ordre où ils s’affichent.',
        // In the order of content/docs/index.mdx: a saved button keeps its lines in place.
        pick: true,
        fields: {
          text: { label: 'Texte du bouton', hint: 'Deux ou trois mots. Exemple : « Découvrir les KPA ».' },
          link: {
            label: 'Lien',
            hint: 'Une page du site, depuis la racine, ou une adresse complète. Exemple : « /boites-a-outils/ ».',
          },
          icon: {
            label: 'Icône',
            hint: 'Facultatif : le nom d’une icône de Starlight. Exemple : « right-arrow » (une flèche).',
          },
          variant: {
            label: 'Style',
            hint: 'Le premier bouton est en général « Principal ».',
            options: [
              { value: 'primary', label: 'Principal (plein)' },
              { value: 'secondary', label: 'Secondaire (contour)' },
              { value: 'minimal', label: 'Discret (texte seul)' },
            ],
          },
        },
        extra: { label_singular: 'bouton' },
      },
    },
  },
};

const HOME_BODY_HINT =
  'Le texte de la page d’accueil, en Markdown. Les cartes (<CardGrid>, <LinkCard>) s’écrivent sans import ; ' +
  'pas d’accolades.';

/** The home page, `content/docs/index.mdx`, as a collection of one file. */
export function homeCollection(pageSchema: AnySchema): CmsFilesCollectionConfig {
  return {
    name: HOME_COLLECTION,
    label: 'Page d’accueil',
    description: 'La première page du site : sa phrase d’accroche, ses boutons et son texte.',
    extension: 'mdx',
    format: FORMATS.home,
    delete: false,
    files: [
      {
        name: 'accueil',
        label: 'Page d’accueil',
        file: 'content/docs/index.mdx',
        fields: [
          ...guideHeaderFields(pageSchema, HOME_SPECS),
          { name: 'body', label: 'Texte de la page', widget: 'markdown', hint: HOME_BODY_HINT, ...BODY_EDITOR },
        ],
      },
    ],
  };
}

/** Every field of a glossary entry, in French; the help comes from `src/schemas/glossary.ts`. */
export const GLOSSARY_SPECS: Record<string, FieldSpec> = {
  id: { label: 'Identifiant' },
  term: { label: 'Terme' },
  forms: { label: 'Formes dans le texte', item: { label: 'Forme' }, extra: { label_singular: 'forme' } },
  definition: { label: 'Définition', widget: 'text' },
};

/** The glossary, `content/glossaire.yaml`: one list of terms (see `glossaryFromFile`). */
export function glossaryCollection(): CmsFilesCollectionConfig {
  return {
    name: GLOSSARY_COLLECTION,
    label: 'Glossaire',
    description: 'Les mots du guide et leur définition, affichés sur la page Glossaire.',
    extension: 'yaml',
    format: FORMATS.glossary,
    delete: false,
    files: [
      {
        name: 'glossaire',
        label: 'Glossaire',
        file: 'content/glossaire.yaml',
        fields: [
          fieldFromSchema('entries', glossarySchema, {
            label: 'Termes',
            fields: GLOSSARY_SPECS,
            extra: { label_singular: 'terme', collapsed: true, summary: "{{fields.term | default('(à compléter)')}}" },
          }),
        ],
      },
    ],
  };
}
