/**
 * The CMS collections: toolkits, guide pages by section, the KPA directory. Fields come
 * from the zod schemas through `fieldsFromSchema`; this file only adds French labels,
 * hints and the choice of widgets.
 */
import {
  CATEGORIES,
  DIFFICULTIES,
  LICENSES,
  SUMMARY_MAX,
  VENUE_NEEDS,
  parseDuration,
  toolkitSchema,
  type ToolkitInput,
} from '../schemas/toolkit.ts';
import { KPA_STATUSES, kpaSchema, type KpaData } from '../schemas/kpa.ts';
import { ALIASES_MAX, aliasesSchema } from '../schemas/aliases.ts';
import { fieldFromSchema, fieldsFromSchema, type CmsFieldConfig, type FieldSpec } from './schema-fields.ts';

/** Names of the formats registered by `src/cms/admin.ts` (see `src/cms/formats.ts`). */
export const FORMATS = { toolkit: 'kpa-toolkit-mdx', guide: 'kpa-guide-mdx', kpa: 'kpa-yaml' } as const;

export const TOOLKITS_COLLECTION = 'toolkits';

/** Guide sections editable in the CMS: the folders of `content/docs/`. */
export const GUIDE_SECTIONS = [
  { folder: 'decouvrir', label: 'Guide — Découvrir les KPA' },
  { folder: 'fonctionnement', label: 'Guide — Comment fonctionne un KPA' },
  { folder: 'creer', label: 'Guide — Créer un KPA' },
  { folder: 'ressources', label: 'Guide — Ressources' },
  { folder: 'contribuer', label: 'Guide — Contribuer' },
] as const;

/** A collection as Decap's configuration spells it. */
export interface CmsCollectionConfig {
  name: string;
  label: string;
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
}

const minutes = (label: string, hint: string): FieldSpec => ({ label, hint, widget: 'number' });

const sourceFields: Record<string, FieldSpec> = {
  title: { label: 'Titre de la ressource' },
  url: { label: 'Adresse web', hint: 'L’adresse complète, commençant par https://' },
};

/** The other words readers use for a page or a toolkit (`aliasesSchema`), in both forms. */
const ALIASES_SPEC: FieldSpec = {
  label: 'Autres mots pour la trouver',
  hint: `Facultatif, pour la recherche : des mots que l’on pourrait taper sans qu’ils soient dans le texte (cantine, repair café), des fautes courantes, un ancien nom. Séparés par des virgules, ${ALIASES_MAX} au plus ; ils n’apparaissent pas sur la page.`,
  commaSeparated: true,
};

/** Every field of `toolkitSchema`, in French. TypeScript refuses a missing one. */
export const TOOLKIT_SPECS: { [K in keyof ToolkitInput]-?: FieldSpec } = {
  title: {
    label: 'Titre',
    hint: 'Le nom de l’activité, court et parlant. Il donne aussi l’adresse de la fiche : il ne change plus ensuite.',
  },
  summary: {
    label: 'Résumé',
    widget: 'text',
    hint: `Une ou deux phrases : ce qu’on fait et ce que ça produit (${SUMMARY_MAX} caractères au plus). Affiché sur les cartes et dans la recherche.`,
  },
  category: {
    label: 'Catégorie',
    hint: 'Choisissez la plus proche : elle range la fiche dans le catalogue.',
    options: CATEGORIES.map((c) => ({ value: c.id, label: `${c.label} — ${c.description}` })),
  },
  tags: {
    label: 'Mots-clés',
    hint: 'En minuscules, séparés par des virgules, pour la recherche (12 au plus).',
    commaSeparated: true,
  },
  aliases: ALIASES_SPEC,
  image: {
    label: 'Illustration',
    hint: 'Facultative. Une photo ou un dessin que vous avez le droit de partager sous licence libre.',
    fields: {
      src: { label: 'Image', widget: 'image', hint: 'Envoyée dans public/media/.' },
      alt: {
        label: 'Texte alternatif',
        hint: 'Obligatoire avec une image : décrivez ce qu’elle montre, pour les personnes qui ne la voient pas.',
      },
    },
    extra: { collapsed: true },
  },
  difficulty: {
    label: 'Difficulté',
    widget: 'select',
    options: DIFFICULTIES.map((d) => ({ value: d.level, label: `${d.level} — ${d.label} : ${d.description}` })),
  },
  duration: {
    label: 'Durée',
    hint: 'En minutes : 90 pour 1 h 30, 240 pour 4 h.',
    fields: {
      preparation: minutes('Préparation (minutes)', 'Réunions, achats, installation, avant le jour J.'),
      activity: minutes('Activité (minutes)', 'Le temps de l’activité elle-même.'),
    },
  },
  groupSize: {
    label: 'Taille du groupe',
    hint: 'Combien de personnes il faut pour la mener, au minimum et au maximum.',
    fields: { min: { label: 'Minimum' }, max: { label: 'Maximum' } },
  },
  budget: {
    label: 'Budget (euros)',
    hint: 'Le coût du matériel seulement, en euros ; 0 si c’est gratuit.',
    fields: { min: { label: 'Minimum' }, max: { label: 'Maximum' } },
  },
  minAge: {
    label: 'Âge minimum',
    hint: 'Facultatif : seulement quand il compte (outils, cuisine).',
  },
  materials: {
    label: 'Matériel à prévoir',
    hint: 'Ce qui se consomme : ingrédients, fournitures…',
    fields: {
      name: { label: 'Quoi' },
      quantity: { label: 'Quantité', hint: 'En mots : « 2 par personne », « 10 kg ». Facultatif.' },
    },
    extra: { label_singular: 'élément', summary: '{{fields.name}}', collapsed: false },
  },
  tools: {
    label: 'Outils',
    hint: 'Ce qui sert sans se consommer : outils, appareils, équipement.',
    item: { label: 'Outil' },
    extra: { label_singular: 'outil' },
  },
  venue: {
    label: 'Le lieu doit offrir',
    options: VENUE_NEEDS.map((v) => ({ value: v.id, label: v.label })),
  },
  economicMissions: {
    label: 'Missions économiques',
    hint: 'Au moins une : le service rémunéré que le groupe peut proposer grâce à cette activité.',
    item: { label: 'Mission', widget: 'text' },
    extra: { label_singular: 'mission' },
  },
  commons: {
    label: 'En faire un commun',
    widget: 'text',
    hint: 'Comment partager l’activité et la faire durer : ce qui est documenté, prêté, transmis.',
  },
  license: {
    label: 'Licence',
    hint: 'CC BY-SA 4.0 comme le reste du guide, sauf raison particulière.',
    options: LICENSES.map((l) => ({ value: l.id, label: l.label })),
  },
  authors: {
    label: 'Autrices et auteurs',
    hint: 'Facultatif : des noms ou des collectifs. Sinon, « les contributeurs et contributrices du guide ».',
    item: { label: 'Nom' },
    extra: { label_singular: 'nom' },
  },
  inspiredBy: {
    label: 'Sources et inspirations',
    hint: 'Les pages publiques sur lesquelles s’appuie la fiche.',
    fields: sourceFields,
    extra: { label_singular: 'source', summary: '{{fields.title}}' },
  },
  variantOf: {
    label: 'Variante de',
    widget: 'relation',
    collection: TOOLKITS_COLLECTION,
    hint: 'Facultatif : la boîte à outils que celle-ci adapte.',
  },
  related: {
    label: 'Boîtes à outils liées',
    widget: 'relation',
    collection: TOOLKITS_COLLECTION,
    hint: 'Facultatif : d’autres fiches à lire ensuite.',
  },
  updated: {
    label: 'Mise à jour',
    hint: 'La date de la dernière modification importante.',
    extra: { default: '{{now}}' },
  },
  draft: {
    label: 'Brouillon',
    hint: 'Un brouillon est vérifié mais pas publié sur le site.',
  },
};

const TOOLKIT_BODY_HINT =
  'Une introduction, puis les parties « ## Avant de commencer », « ## Déroulé » (une liste numérotée : ' +
  '1., 2., 3.…), « ## Pièges à éviter », et « ## Sécurité et hygiène » dès qu’il y a de la nourriture, ' +
  'des outils ou du public. Le matériel, les missions, le commun et les sources viennent des champs ' +
  'ci-dessus : ne les répétez pas ici.';

/** The fields of the toolkit form: the schema's fields, then the body. */
export function toolkitFields(): CmsFieldConfig[] {
  return [
    ...fieldsFromSchema(toolkitSchema, TOOLKIT_SPECS),
    {
      name: 'body',
      label: 'Contenu de la fiche',
      widget: 'markdown',
      hint: TOOLKIT_BODY_HINT,
      modes: ['raw'],
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

/** Every field of `kpaSchema`, in French. */
export const KPA_SPECS: { [K in keyof KpaData]-?: FieldSpec } = {
  name: { label: 'Nom', hint: 'Le nom du KPA, écrit comme dans les sources.' },
  town: { label: 'Ville' },
  region: { label: 'Région', hint: 'Facultatif : seulement si elle est certaine.' },
  year: { label: 'Année de création', hint: 'Facultatif : seulement si une source la donne.' },
  status: {
    label: 'Statut',
    hint: 'Tel que la source la plus récente le rapporte.',
    options: KPA_STATUSES.map((s) => ({ value: s.id, label: s.label })),
  },
  reportedIn: { label: 'Année de la source du statut', hint: 'Facultatif : quand la source est datée.' },
  summary: {
    label: 'Présentation',
    widget: 'text',
    hint: 'Facultatif : une ou deux phrases, uniquement des faits tirés des sources.',
  },
  sources: {
    label: 'Sources',
    hint: 'Au moins une page publique.',
    fields: sourceFields,
    extra: { label_singular: 'source', summary: '{{fields.title}}' },
  },
};

const GUIDE_BODY_HINT =
  'Le texte en Markdown. Les encadrés et les étapes des autres pages (<Aside>, <Steps>…) s’écrivent ' +
  'sans import ; pas d’accolades. La première fois qu’un mot du glossaire apparaît, faites-en un lien ' +
  'vers /ressources/glossaire/#son-identifiant.';

/** The fields of a guide page (Starlight's frontmatter, the part contributors edit). */
export function guideFields(): CmsFieldConfig[] {
  return [
    {
      name: 'title',
      label: 'Titre',
      widget: 'string',
      required: true,
      pattern: ['^[\\s\\S]{3,90}$', 'entre 3 et 90 caractères'],
    },
    {
      name: 'description',
      label: 'Description',
      widget: 'text',
      required: true,
      hint: 'Une phrase de moins de 160 caractères, reprise par la recherche et les partages.',
      pattern: ['^[\\s\\S]{20,160}$', 'entre 20 et 160 caractères'],
    },
    fieldFromSchema('aliases', aliasesSchema, ALIASES_SPEC),
    {
      name: 'sidebar',
      label: 'Menu',
      widget: 'object',
      required: false,
      collapsed: true,
      fields: [
        {
          name: 'order',
          label: 'Position dans le menu',
          widget: 'number',
          value_type: 'int',
          required: false,
          min: 0,
          hint: 'Facultatif : 1 pour la première page de la rubrique.',
        },
      ],
    },
    { name: 'body', label: 'Texte de la page', widget: 'markdown', hint: GUIDE_BODY_HINT, modes: ['raw'] },
  ];
}

export function toolkitCollection(): CmsCollectionConfig {
  return {
    name: TOOLKITS_COLLECTION,
    label: 'Boîtes à outils',
    label_singular: 'boîte à outils',
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

export function guideCollections(): CmsCollectionConfig[] {
  return GUIDE_SECTIONS.map((section) => ({
    name: `guide-${section.folder}`,
    label: section.label,
    label_singular: 'page',
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
    fields: guideFields(),
  }));
}

export function kpaCollection(): CmsCollectionConfig {
  return {
    name: 'kpa',
    label: 'Annuaire des KPA',
    label_singular: 'KPA',
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
