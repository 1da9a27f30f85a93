/**
 * The toolkit ("boîte à outils") schema: the single source of truth for a toolkit's
 * frontmatter. The Astro collection, `scripts/validate.ts`, the catalogue index and the
 * Decap CMS form are all derived from the constants and the schema in this file.
 */
import { z } from './zod-fr.ts';
import { aliasesSchema } from './aliases.ts';

/** Toolkit categories, in display order, with their French labels and descriptions. */
export const CATEGORIES = [
  {
    id: 'alimentation',
    label: 'Alimentation',
    description: 'Cuisiner, servir et partager des repas ou des produits.',
  },
  {
    id: 'jardin-et-nature',
    label: 'Jardin et nature',
    description: 'Cultiver, aménager et entretenir des espaces verts.',
  },
  {
    id: 'bois-et-fabrication',
    label: 'Bois et fabrication',
    description: 'Concevoir et fabriquer du mobilier ou des objets.',
  },
  {
    id: 'reparation-et-reemploi',
    label: 'Réparation et réemploi',
    description: 'Réparer, détourner et faire durer les objets.',
  },
  {
    id: 'commerce-solidaire',
    label: 'Commerce solidaire',
    description: 'Acheter, vendre et distribuer autrement.',
  },
  {
    id: 'evenements',
    label: 'Événements',
    description: 'Organiser et animer des temps publics.',
  },
  {
    id: 'communication-et-numerique',
    label: 'Communication et numérique',
    description: 'Faire connaître, informer et publier en ligne.',
  },
  {
    id: 'organisation-du-collectif',
    label: 'Organisation du collectif',
    description: 'Décider, se répartir le travail et accueillir dans le groupe.',
  },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

/** The five difficulty levels, each defined in words. */
export const DIFFICULTIES = [
  {
    level: 1,
    label: 'Très facile',
    description: 'Aucune expérience nécessaire, on apprend sur place en quelques minutes.',
  },
  {
    level: 2,
    label: 'Facile',
    description: 'Un peu de préparation ; une personne qui l’a déjà fait suffit pour guider le groupe.',
  },
  {
    level: 3,
    label: 'Intermédiaire',
    description: 'Demande de l’organisation, quelques savoir-faire ou des outils à manier avec soin.',
  },
  {
    level: 4,
    label: 'Exigeant',
    description:
      'Plusieurs savoir-faire, une coordination sur plusieurs jours ou des règles à respecter (hygiène, sécurité).',
  },
  {
    level: 5,
    label: 'Expert',
    description: 'Un projet long ou technique, à mener avec l’appui de personnes expérimentées.',
  },
] as const;

/** What a venue may need to offer for the activity. */
export const VENUE_NEEDS = [
  { id: 'eau', label: 'Eau courante' },
  { id: 'electricite', label: 'Électricité' },
  { id: 'tables', label: 'Tables' },
  { id: 'cuisine', label: 'Cuisine équipée' },
  { id: 'exterieur', label: 'Espace extérieur' },
  { id: 'abri', label: 'Abri en cas de pluie' },
  { id: 'atelier', label: 'Atelier ou espace de bricolage' },
  { id: 'stockage', label: 'Espace de stockage' },
  { id: 'internet', label: 'Connexion internet' },
  { id: 'affichage', label: 'Mur ou panneau d’affichage' },
] as const;

export type VenueNeedId = (typeof VENUE_NEEDS)[number]['id'];
export const VENUE_NEED_IDS = VENUE_NEEDS.map((v) => v.id) as [VenueNeedId, ...VenueNeedId[]];

/** Licences accepted for a toolkit, as SPDX identifiers. */
export const LICENSES = [
  { id: 'CC-BY-SA-4.0', label: 'Creative Commons Attribution – Partage dans les mêmes conditions 4.0' },
  { id: 'CC-BY-4.0', label: 'Creative Commons Attribution 4.0' },
  { id: 'CC0-1.0', label: 'Creative Commons Zéro 1.0 (domaine public)' },
] as const;

export type LicenseId = (typeof LICENSES)[number]['id'];
export const LICENSE_IDS = LICENSES.map((l) => l.id) as [LicenseId, ...LicenseId[]];
export const DEFAULT_LICENSE: LicenseId = 'CC-BY-SA-4.0';

/** Longest summary, in characters: it is shown on cards and in search results. */
export const SUMMARY_MAX = 160;

/** A toolkit is named by its file name without extension: ASCII kebab-case. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DURATION_PATTERN = /^\s*(?:(\d+)\s*h(?:eures?)?)?\s*(?:(\d+)\s*(?:min(?:utes?)?)?)?\s*$/i;

/**
 * Parses a duration written as minutes (`45`) or as text (`"45 min"`, `"2 h"`, `"1 h 30"`).
 * Returns the number of minutes, or `undefined` when the text is not a duration.
 */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match || !/\d/.test(value)) return undefined;
  const [, hours, minutes] = match;
  // "2" alone means two minutes only when no hour part is present: "1 h 30" is 90 minutes.
  return Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

const durationSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const minutes = parseDuration(value);
  if (minutes === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `durée illisible « ${String(value)} » : écrivez un nombre de minutes (45) ou un texte comme « 45 min », « 2 h » ou « 1 h 30 »`,
    });
    return z.NEVER;
  }
  return minutes;
});

/** A `{ min, max }` range where `min` must not exceed `max`; `help` says what each bound means. */
function range(unit: string, minimum: number, help: { min: string; max: string }) {
  return z
    .strictObject({
      /** Lower bound. */
      min: z.number().int().min(minimum).meta({ description: help.min }),
      /** Upper bound, at least `min`. */
      max: z.number().int().min(minimum).meta({ description: help.max }),
    })
    .refine((r) => r.min <= r.max, {
      error: `le minimum dépasse le maximum (${unit})`,
      path: ['min'],
    });
}

const slug = z
  .string()
  .regex(
    SLUG_PATTERN,
    'identifiant attendu en minuscules sans accents, mots séparés par des tirets (ex. « disco-soupe »)',
  );

/**
 * The alternative text of a picture, for people who cannot see it: the toolkit's
 * illustration and every image of a body written in the online editor.
 */
export const imageAltSchema = z
  .string()
  .trim()
  .min(5, 'le texte alternatif de l’image est obligatoire')
  .meta({
    description:
      'Obligatoire avec une image : décrivez ce qu’elle montre, pour les personnes qui ne la voient pas (inutile de commencer par « image de »).',
    examples: ['Une table couverte de légumes épluchés, et des bénévoles qui coupent en musique'],
  });

export const toolkitSchema = z.strictObject({
  /** Title shown on the page, the card and in search. Required. */
  title: z
    .string()
    .trim()
    .min(3, 'le titre doit faire au moins 3 caractères')
    .max(90)
    .meta({
      description: 'Le nom de l’activité, court et parlant. Il donne aussi l’adresse de la fiche.',
      examples: ['Disco Soupe'],
    }),
  /** One or two sentences that say what the activity is and what it produces. At most 160 characters. Required. */
  summary: z
    .string()
    .trim()
    .min(20, 'le résumé doit faire au moins 20 caractères')
    .max(SUMMARY_MAX, `le résumé doit faire au plus ${SUMMARY_MAX} caractères`)
    .meta({
      description:
        'Une ou deux phrases : ce qu’on fait et ce que ça produit. Affiché sur les cartes et dans la recherche.',
      examples: [
        'Éplucher en musique des fruits et légumes qui allaient finir à la poubelle, puis partager soupes, salades et jus, gratuitement ou à prix libre.',
      ],
    }),
  /** One of the closed list `CATEGORIES`. Required. */
  category: z
    .enum(CATEGORY_IDS)
    .meta({ description: 'Choisissez la plus proche : elle range la fiche dans le catalogue.' }),
  /** Free keywords for search, lower case. Default: none. */
  tags: z
    .array(z.string().trim().min(2).max(40))
    .max(12)
    .default([])
    .meta({
      description:
        'Des mots qu’on pourrait chercher sans qu’ils soient dans le texte, en minuscules, séparés par des virgules.',
      examples: ['anti-gaspillage, cuisine, prix libre'],
    }),
  /**
   * Other words readers type for this activity, absent from its text: synonyms ("cantine"),
   * common misspellings, older names. Search finds the toolkit by them. Default: none.
   */
  aliases: aliasesSchema,
  /** An illustration under `public/`, with its alternative text. Optional. */
  image: z
    .strictObject({
      /** Path from the site root, e.g. `/media/boites-a-outils/disco-soupe.jpg`. */
      src: z
        .string()
        .regex(
          /^\/[^\s]+\.(?:jpe?g|png|webp|avif|svg)$/i,
          'chemin d’image attendu, commençant par « / » (ex. « /media/photo.jpg »)',
        )
        .meta({
          description:
            'Une photo ou un dessin en JPEG, PNG, WebP, AVIF ou SVG, envoyé depuis votre ordinateur : il rejoint public/media/ sous un nom sûr et unique.',
        }),
      /** What the picture shows, for people who cannot see it. Required with an image. */
      alt: imageAltSchema,
    })
    .optional()
    .meta({
      description: 'Facultative. Une image que vous avez le droit de partager sous licence libre, avec sa description.',
    }),
  /** 1 (très facile) to 5 (expert); see `DIFFICULTIES`. Required. */
  difficulty: z.number().int().min(1).max(5).meta({
    description:
      'Ce qu’il faut savoir faire et organiser pour mener l’activité. Chaque niveau est décrit dans la liste.',
  }),
  /** Time needed, in minutes or as text ("1 h 30"): preparation before, and the activity itself. Required. */
  duration: z
    .strictObject({
      /** Preparation time (meetings, shopping, setting up). */
      preparation: durationSchema.meta({
        description: 'En minutes : réunions, achats, installation, avant le jour J.',
        examples: [90],
      }),
      /** Time of the activity itself. */
      activity: durationSchema.meta({
        description: 'En minutes : le temps de l’activité elle-même.',
        examples: [240],
      }),
    })
    .meta({ description: 'En minutes : 90 pour 1 h 30, 240 pour 4 h.' }),
  /** How many people it takes, from `min` to `max`. Required. */
  groupSize: range('taille du groupe', 1, {
    min: 'Le nombre de personnes qu’il faut au moins pour mener l’activité.',
    max: 'Le nombre de personnes au-delà duquel le groupe devient trop grand.',
  }).meta({ description: 'Combien de personnes il faut pour mener l’activité, au minimum et au maximum.' }),
  /** Cost of materials only, in euros, from `min` to `max`. Required. */
  budget: range('budget', 0, {
    min: 'En euros, quand presque tout est récupéré ou prêté ; 0 si c’est gratuit.',
    max: 'En euros, quand il faut tout acheter.',
  }).meta({ description: 'Le coût du matériel seulement, en euros.' }),
  /** Minimum age when it matters (tools, food handling). Optional. */
  minAge: z
    .number()
    .int()
    .min(6)
    .max(99)
    .optional()
    .meta({ description: 'Facultatif : seulement quand il compte (outils, cuisine).' }),
  /** Consumables and supplies, each with an optional quantity. Default: none. */
  materials: z
    .array(
      z.strictObject({
        /** What it is. */
        name: z
          .string()
          .trim()
          .min(2)
          .meta({ description: 'Ce qu’il faut prévoir.', examples: ['Fruits et légumes invendus ou abîmés'] }),
        /** How much, in words ("2 par personne", "10 kg"); a bare number is kept as text. Optional. */
        quantity: z
          .union([z.string().trim().min(1), z.number().positive()])
          .transform(String)
          .optional()
          .meta({ description: 'Facultatif, en mots.', examples: ['2 par personne', '10 kg'] }),
      }),
    )
    .default([])
    .meta({ description: 'Ce qui se consomme : ingrédients, fournitures…' }),
  /** Tools and equipment that are used but not consumed. Default: none. */
  tools: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .meta({ description: 'Un outil ou un appareil.', examples: ['Mixeur plongeant'] }),
    )
    .default([])
    .meta({ description: 'Ce qui sert sans se consommer : outils, appareils, équipement.' }),
  /** What the venue must offer, from `VENUE_NEEDS`. Default: none. */
  venue: z
    .array(z.enum(VENUE_NEED_IDS))
    .default([])
    .meta({ description: 'Ce que le lieu doit offrir pour que l’activité s’y tienne.' }),
  /** The paid services this activity can lead to. At least one. */
  economicMissions: z
    .array(
      z
        .string()
        .trim()
        .min(5)
        .meta({
          description: 'Un service que le groupe peut proposer contre rémunération.',
          examples: ['Animation d’un atelier cuisine anti-gaspillage pour une école ou un centre social'],
        }),
    )
    .min(1, 'indiquez au moins une mission économique')
    .meta({ description: 'Le ou les services rémunérés que le groupe peut proposer grâce à cette activité.' }),
  /** How to share the activity back and make it last ("s'infinitiser"). Required. */
  commons: z.string().trim().min(20, 'expliquez en au moins 20 caractères comment en faire un commun').meta({
    description: 'Comment partager l’activité et la faire durer : ce qui est documenté, prêté, transmis.',
  }),
  /** SPDX identifier of the toolkit's licence. Default: `CC-BY-SA-4.0`. */
  license: z
    .enum(LICENSE_IDS)
    .default(DEFAULT_LICENSE)
    .meta({ description: 'CC BY-SA 4.0 comme le reste du guide, sauf raison particulière.' }),
  /** Who wrote the toolkit (names or collectives). Default: the contributors of the guide. */
  authors: z
    .array(z.string().trim().min(2).meta({ description: 'Un nom ou un collectif.' }))
    .default([])
    .meta({
      description:
        'Facultatif : des noms ou des collectifs. Sans nom, la fiche est signée « les contributeurs et contributrices du guide ».',
    }),
  /** Public resources this toolkit draws on. Default: none. */
  inspiredBy: z
    .array(
      z.strictObject({
        /** Title of the resource. */
        title: z
          .string()
          .trim()
          .min(2)
          .meta({ description: 'Le titre de la page ou du document.', examples: ['Toolkit Disco Soupe'] }),
        /** Its public address. */
        url: z
          .url({ protocol: /^https?$/, error: 'adresse web attendue (https://…)' })
          .meta({ description: 'Son adresse complète.', examples: ['https://discosoupe.org/toolkit'] }),
      }),
    )
    .default([])
    .meta({ description: 'Les pages publiques sur lesquelles s’appuie la fiche.' }),
  /** Slug of the toolkit this one adapts. Optional. */
  variantOf: slug.optional().meta({ description: 'Facultatif : la boîte à outils que celle-ci adapte.' }),
  /** Slugs of related toolkits. Default: none. */
  related: z.array(slug).default([]).meta({ description: 'Facultatif : d’autres fiches à lire ensuite.' }),
  /** Date of the last meaningful update (YYYY-MM-DD). Required. */
  updated: z.coerce
    .date({ error: 'date attendue au format AAAA-MM-JJ' })
    .meta({ description: 'La date de la dernière modification importante.' }),
  /** A draft is checked but not published. Default: false. */
  draft: z.boolean().default(false).meta({ description: 'Un brouillon est vérifié mais pas publié sur le site.' }),
});

/** Frontmatter as written by a contributor. */
export type ToolkitInput = z.input<typeof toolkitSchema>;
/** Frontmatter after defaults and conversions (durations in minutes). */
export type ToolkitData = z.output<typeof toolkitSchema>;

/** Top-level field names, in form order: the CMS form is checked against this list. */
export const TOOLKIT_FIELDS = Object.keys(toolkitSchema.shape) as (keyof ToolkitData)[];

export function categoryLabel(id: CategoryId): string {
  return CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

export function difficultyLabel(level: number): string {
  return DIFFICULTIES.find((d) => d.level === level)?.label ?? String(level);
}

/** Duration buckets used by filters and search facets. */
export const DURATION_RANGES = [
  { id: 'moins-d-une-heure', label: 'Moins d’une heure', max: 59 },
  { id: 'demi-journee', label: 'Une demi-journée', max: 4 * 60 },
  { id: 'journee-ou-plus', label: 'Une journée ou plus', max: Number.POSITIVE_INFINITY },
] as const;

export function durationRange(minutes: number): (typeof DURATION_RANGES)[number] {
  // The last range has no upper bound, so `find` always succeeds.
  return DURATION_RANGES.find((r) => minutes <= r.max) ?? DURATION_RANGES[2];
}

/** "45 min", "2 h", "1 h 30". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
