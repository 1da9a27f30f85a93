/**
 * The files that `public/media/` may hold: their kind, the extensions each may have and
 * the largest size each may weigh. `npm run validate` checks every media file against this
 * list, the online editor refuses an upload over its limit, and the README lists it.
 */

const KIO = 1024;
const MIO = 1024 * KIO;

export interface MediaType {
  /** Name shown to contributors. */
  label: string;
  /** Allowed extensions, lower case, without the dot; the first is the usual one. */
  extensions: readonly string[];
  /** Largest size in bytes. */
  maxBytes: number;
}

/**
 * Public files are served as they are (Astro does not resize them), so every byte is
 * downloaded by every reader, often on a phone. 3 Mio takes a photo of a few thousand
 * pixels saved at ordinary quality; a PDF for printing (a flyer, a form) may be heavier.
 * An SVG is a drawing written as text: 512 Kio is already a detailed map, and the limit
 * also bounds the work of parsing it.
 */
export const MEDIA_TYPES = {
  png: { label: 'PNG', extensions: ['png'], maxBytes: 3 * MIO },
  jpeg: { label: 'JPEG', extensions: ['jpg', 'jpeg'], maxBytes: 3 * MIO },
  gif: { label: 'GIF', extensions: ['gif'], maxBytes: 3 * MIO },
  webp: { label: 'WebP', extensions: ['webp'], maxBytes: 3 * MIO },
  avif: { label: 'AVIF', extensions: ['avif'], maxBytes: 3 * MIO },
  svg: { label: 'SVG', extensions: ['svg'], maxBytes: 512 * KIO },
  pdf: { label: 'PDF', extensions: ['pdf'], maxBytes: 5 * MIO },
} as const satisfies Record<string, MediaType>;

export type MediaTypeId = keyof typeof MEDIA_TYPES;

/** The folder of uploaded media, relative to the project root. */
export const MEDIA_DIR = 'public/media';

/** The lower-case extension of a file name, without the dot; `''` when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The media type a file name claims by its extension, if it is an allowed one. */
export function typeOfExtension(extension: string): MediaTypeId | undefined {
  return (Object.keys(MEDIA_TYPES) as MediaTypeId[]).find((id) =>
    (MEDIA_TYPES[id].extensions as readonly string[]).includes(extension),
  );
}

/**
 * « 3 Mo », « 3,1 Mo », « 512 Ko »: a size as French readers write it (binary units, as the
 * limits). Rounded up, so that a file over a limit never reads as equal to it.
 */
export function formatSize(bytes: number): string {
  if (bytes >= MIO) return `${String(Math.ceil((bytes / MIO) * 10) / 10).replace('.', ',')} Mo`;
  return `${String(Math.ceil(bytes / KIO))} Ko`;
}

/** The allowed extensions, for messages: « .png, .jpg, .jpeg… ». */
export function allowedExtensions(): string {
  return Object.values(MEDIA_TYPES)
    .flatMap((t) => t.extensions.map((e) => `.${e}`))
    .join(', ');
}
