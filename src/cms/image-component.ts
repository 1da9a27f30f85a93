/**
 * Pictures inside a body, as Decap's image block writes them (`![texte](/media/x.jpg)`),
 * with the alternative text required: it replaces Decap's own image block, whose
 * « Alt Text » field could be left empty. The picture is chosen or sent like the toolkit's
 * illustration (`public/media/`, a safe and unique name: `src/cms/media-upload.ts`), with
 * the same rules for its text (`imageAltSchema`).
 */
import { createElement as h, type ReactNode } from 'react';
import { imageAltSchema } from '../schemas/toolkit.ts';
import { fieldFromSchema, WIDGETS, type CmsFieldConfig } from './schema-fields.ts';
import { previewImageUrl } from './media-upload.ts';

/** What the block holds: the picture's address, its alternative text, an optional tooltip. */
export interface BodyImage {
  image: string;
  alt: string;
  title?: string;
}

/** `\` before the characters that would end the text or the tooltip early. */
const escape = (text: string, special: RegExp) => text.replace(special, (c) => `\\${c}`);
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/**
 * A picture alone on its line: `![text](address)` or `![text](address "tooltip")`, the
 * text and tooltip with `\`-escaped brackets and quotes.
 */
export const BODY_IMAGE_PATTERN = /^!\[((?:\\.|[^\\\]])*)\]\((\S*?)(?:\s+"((?:\\.|[^"\\])*)")?\)$/;

export function imageFromBlock(match: RegExpMatchArray): BodyImage {
  const title = match[3];
  return {
    image: match[2] ?? '',
    alt: unescape(match[1] ?? ''),
    ...(title !== undefined && { title: unescape(title) }),
  };
}

export function imageToBlock(data: Partial<BodyImage>): string {
  const alt = escape((data.alt ?? '').trim(), /[\\[\]]/g);
  const title = (data.title ?? '').trim();
  return `![${alt}](${(data.image ?? '').trim()}${title ? ` "${escape(title, /[\\"]/g)}"` : ''})`;
}

/** The fields of the image block's form. */
export function bodyImageFields(): CmsFieldConfig[] {
  return [
    {
      name: 'image',
      label: 'Image',
      widget: WIDGETS.image,
      required: true,
      choose_url: false,
      hint: 'Une photo ou un dessin envoyé depuis votre ordinateur : il rejoint public/media/ sous un nom sûr et unique.',
    },
    fieldFromSchema('alt', imageAltSchema, { label: 'Texte alternatif' }),
    {
      name: 'title',
      label: 'Infobulle',
      widget: WIDGETS.string,
      required: false,
      hint: 'Facultatif : un texte qui s’affiche quand la souris passe sur l’image.',
    },
  ];
}

/** The block for `CMS.registerEditorComponent`; `id: 'image'` takes the place of Decap's own. */
export function bodyImageComponent() {
  return {
    id: 'image',
    label: 'Image',
    fields: bodyImageFields(),
    pattern: BODY_IMAGE_PATTERN,
    fromBlock: imageFromBlock,
    toBlock: imageToBlock,
    // Decap passes `getAsset` as a second argument (its types show only the first).
    toPreview: (data: Partial<BodyImage>, getAsset?: (path: string) => unknown): ReactNode =>
      h('img', {
        src: previewImageUrl(data.image ?? '', getAsset),
        alt: data.alt ?? '',
        title: data.title ?? '',
      }),
  };
}
