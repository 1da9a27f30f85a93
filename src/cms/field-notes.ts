/**
 * What the lines under the editor's fields say (`src/cms/field-widgets.ts` shows them):
 * plain functions of a control's props, without React or Decap, so the unit tests run them.
 */
import { pruneEmpty } from './formats.ts';

/** The `slug` settings of Decap's configuration. */
export interface SlugSettings {
  encoding?: string;
  clean_accents?: boolean;
  sanitize_replacement?: string;
}

/** How Decap names a new entry's file from its title. */
export type Slugify = (title: string, settings: SlugSettings | undefined) => string;

/** The part of an Immutable value (Decap's fields, collections, entries) these widgets read. */
export interface Immutable {
  get: (key: string) => unknown;
  toJS?: () => unknown;
}

/** The props Decap gives a control that these widgets read; the others are passed on as they are. */
export interface ControlProps {
  value?: unknown;
  field: Immutable;
  forID: string;
  collection?: Immutable;
  config?: unknown;
  parentIds?: readonly string[];
  getEntry?: () => Immutable | undefined;
  clearFieldErrors?: (uniqueFieldId: string) => void;
  [prop: string]: unknown;
}

export const plain = (value: unknown): unknown =>
  typeof (value as Immutable | null | undefined)?.toJS === 'function' ? (value as Immutable).toJS?.() : value;

export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** « 42 caractères sur 160 au plus. », or what is wrong with the length (trimmed, as the schema counts). */
export function countText(
  value: string,
  min: number | undefined,
  max: number | undefined,
): { text: string; warning: boolean } {
  const length = value.trim().length;
  const chars = (n: number) => `${n} caractère${n > 1 ? 's' : ''}`;
  if (max !== undefined && length > max) {
    return { text: `${chars(length)} : ${length - max} de trop (${max} au plus).`, warning: true };
  }
  if (min !== undefined && length > 0 && length < min) {
    return { text: `${chars(length)} : il en faut au moins ${min}.`, warning: true };
  }
  if (max !== undefined) return { text: `${chars(length)} sur ${max} au plus.`, warning: false };
  return { text: `${chars(length)} (au moins ${min ?? 0}).`, warning: false };
}

/**
 * The address of the page a title names, for the collection's identifier field at the top
 * of the form: computed from the title for a new entry, as Decap names the file; the
 * entry's own otherwise (renaming never moves a page).
 */
export function addressText(props: ControlProps, slugify: Slugify): string | undefined {
  const { collection, field, parentIds = [] } = props;
  const template = textOf(collection?.get('preview_path'));
  if (!template || parentIds.length > 0 || collection?.get('identifier_field') !== field.get('name')) return undefined;
  const config = (plain(props.config) ?? {}) as { slug?: SlugSettings; site_url?: string };
  const entry = props.getEntry?.();
  const site = `${(config.site_url ?? 'http://localhost').replace(/\/+$/, '')}/`;
  const path = (slug: string) => new URL(template.replace('{{slug}}', slug), site).pathname;
  if (entry?.get('newRecord') === true) {
    const title = textOf(props.value).trim();
    if (title === '') return 'L’adresse de la page viendra du titre.';
    const slug = slugify(title, config.slug);
    return `Adresse de la page : ${path(slug)} (elle ne changera plus ensuite).`;
  }
  const slug = textOf(entry?.get('slug'));
  return slug ? `Adresse de la page : ${path(slug)} (elle reste la même si le titre change).` : undefined;
}

/** The full label of the chosen option of a single choice. */
export function choiceText(props: ControlProps): string | undefined {
  if (props.field.get('explain_choice') !== true || props.value === undefined || props.value === null) return undefined;
  const options = (plain(props.field.get('options')) ?? []) as ({ label: string; value: unknown } | string)[];
  const chosen = options.find((o) => (typeof o === 'string' ? o : o.value) === plain(props.value));
  if (chosen === undefined) return undefined;
  return `Votre choix : ${typeof chosen === 'string' ? chosen : chosen.label}`;
}

/** Whether an optional group holds nothing the file would keep. */
export function isEmptyGroup(value: unknown): boolean {
  return pruneEmpty(plain(value)) === undefined;
}
