/** Schema of the KPA directory (`content/kpa/*.yaml`): only what public sources say. */
import { z } from './zod-fr.ts';

export const KPA_STATUSES = [
  { id: 'lance', label: 'Lancé' },
  { id: 'en-demarrage', label: 'En démarrage' },
] as const;

type KpaStatusId = (typeof KPA_STATUSES)[number]['id'];
const STATUS_IDS = KPA_STATUSES.map((s) => s.id) as [KpaStatusId, ...KpaStatusId[]];

export const sourceLinkSchema = z.strictObject({
  /** Title of the public page, with its publisher and year when known. */
  title: z
    .string()
    .trim()
    .min(3)
    .meta({
      description: 'Le titre de la page, avec qui l’a publiée et l’année quand on les connaît.',
      examples: ['La genèse de KPA-Cité'],
    }),
  /** Its public address. */
  url: z
    .url({ protocol: /^https?$/, error: 'adresse web attendue (https://…)' })
    .meta({ description: 'Son adresse complète.', examples: ['https://www.kpacite.fr/origine/'] }),
});

export const kpaSchema = z.strictObject({
  /** Name of the KPA, as the sources write it. */
  name: z
    .string()
    .trim()
    .min(2)
    .meta({ description: 'Le nom du KPA, écrit comme dans les sources.', examples: ['La Cape'] }),
  /** Town where it is based. */
  town: z
    .string()
    .trim()
    .min(2)
    .meta({ description: 'La ville où il se trouve.', examples: ['Roubaix'] }),
  /** Region, when certain. Optional. */
  region: z
    .string()
    .trim()
    .min(2)
    .optional()
    .meta({ description: 'Facultatif : seulement si elle est certaine.', examples: ['Hauts-de-France'] }),
  /** Year it started, when a source gives it. Optional. */
  year: z
    .number()
    .int()
    .min(2015)
    .max(2100)
    .optional()
    .meta({ description: 'Facultatif : seulement si une source la donne.' }),
  /** Status as last reported by a source. */
  status: z.enum(STATUS_IDS).meta({ description: 'Tel que la source la plus récente le rapporte.' }),
  /** Year of the source that reports the status, when the source is dated. Optional. */
  reportedIn: z
    .number()
    .int()
    .min(2015)
    .max(2100)
    .optional()
    .meta({ description: 'Facultatif : l’année de la source qui donne le statut, quand elle est datée.' }),
  /** One or two sentences, facts from the sources only. Optional. */
  summary: z
    .string()
    .trim()
    .min(10)
    .max(400)
    .optional()
    .meta({ description: 'Facultatif : une ou deux phrases, uniquement des faits tirés des sources.' }),
  /** At least one public source. */
  sources: z
    .array(sourceLinkSchema)
    .min(1, 'indiquez au moins une source publique')
    .meta({ description: 'Les pages publiques qui parlent de ce KPA.' }),
});

export type KpaData = z.output<typeof kpaSchema>;

export function kpaStatusLabel(id: KpaData['status']): string {
  return KPA_STATUSES.find((s) => s.id === id)?.label ?? id;
}
