/**
 * Uploads in the online editor: an SVG is sanitized before Decap ever sees it, a file over
 * the limit of its type is refused (`src/lib/media-types.ts`, the limits `npm run
 * validate` applies), and every file is renamed: a safe name (lower-case ASCII letters,
 * digits and dashes) followed by a digest of its content, so that two different pictures
 * both called `photo.jpg` never overwrite each other. Rasters and PDFs keep their bytes.
 *
 * Decap 3 has no hook before an upload (its events are about entries), and it makes a
 * `blob:` address of the chosen file at once, an address with the origin of `/admin/`: the
 * file must be clean before Decap reads it. So we catch the `change` event of the file
 * input on `window`, in the capture phase, before React (which listens on its root) gets
 * it; swap the files for their clean copies; and send the event again.
 */
import createDOMPurify from 'dompurify';
import { MEDIA_TYPES, allowedExtensions, extensionOf, formatSize, typeOfExtension } from '../lib/media-types.ts';
import { SVG_NS, svgElementProblems, type SvgElement } from '../lib/svg-safety.ts';

/** An upload refused, with the message shown to the person. */
export class UploadRefused extends Error {
  override name = 'UploadRefused';
}

function describe(element: Element): SvgElement {
  return {
    localName: element.localName,
    namespace: element.namespaceURI,
    attributes: [...element.attributes].map((a) => ({
      name: a.name,
      localName: a.localName,
      namespace: a.namespaceURI,
      value: a.value,
    })),
    styleText: element.localName === 'style' ? element.textContent : undefined,
  };
}

function nodesOf(root: Node, whatToShow: number): Node[] {
  const iterator = root.ownerDocument?.createNodeIterator(root, whatToShow);
  const nodes: Node[] = [];
  for (let node = iterator?.nextNode(); node; node = iterator?.nextNode()) nodes.push(node);
  return nodes;
}

/** Removes, bottom-up, every attribute and then every element the shared policy objects to. */
function removeUnsafe(root: Element): void {
  for (const element of [...root.querySelectorAll('*')].reverse().concat(root)) {
    const described = describe(element);
    const bare = { ...described, attributes: [], styleText: undefined };
    const ofElement = svgElementProblems(bare).length;
    for (const attribute of described.attributes) {
      if (svgElementProblems({ ...bare, attributes: [attribute] }).length > ofElement) {
        element.removeAttributeNS(attribute.namespace, attribute.localName);
      }
    }
    if (element !== root && svgElementProblems(describe(element)).length > 0) element.remove();
  }
}

/** Every problem the shared policy still finds in the tree. */
function remainingProblems(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].flatMap((e) => svgElementProblems(describe(e)).map((p) => p.message));
}

/**
 * An SVG without code or outside references, as text: parsed as XML (as the browser reads
 * it when the file is opened on its own), cleaned by DOMPurify's SVG allow-list, then by
 * the policy of `npm run validate`; refused if anything is still wrong.
 */
export function sanitizeSvg(text: string, name: string): string {
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  if (
    document.getElementsByTagName('parsererror').length > 0 ||
    root.namespaceURI !== SVG_NS ||
    root.localName !== 'svg'
  ) {
    throw new UploadRefused(
      `« ${name} » n’est pas un SVG lisible : enregistrez-le à nouveau depuis votre logiciel de dessin.`,
    );
  }
  // DOMPurify drops CDATA sections, where drawing programs put their stylesheets: the same
  // text as a plain text node means the same in XML. An instruction (`<?xml-stylesheet?>`)
  // inside the drawing goes.
  for (const section of nodesOf(root, NodeFilter.SHOW_CDATA_SECTION)) {
    section.parentNode?.replaceChild(document.createTextNode(section.textContent ?? ''), section);
  }
  for (const instruction of nodesOf(root, NodeFilter.SHOW_PROCESSING_INSTRUCTION))
    instruction.parentNode?.removeChild(instruction);
  const purify = createDOMPurify(window);
  // In place, so that the XML tree (namespaces, camelCase names) is kept as it is. `<use>`
  // is off DOMPurify's list for what it can point to; the policy below keeps it to `#…`.
  purify.sanitize(root, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'] });
  removeUnsafe(root);
  const left = remainingProblems(root);
  if (left.length > 0) {
    throw new UploadRefused(
      `« ${name} » n’a pas pu être nettoyé (${left.join(' ; ')}) : retirez ces éléments puis réessayez.`,
    );
  }
  // Only the root element: the DOCTYPE and any instruction before it are dropped.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

/** The longest base name kept, before the digest: long enough to say what the picture is. */
const NAME_MAX = 60;

/** `Photo du marché (été).JPG` → `photo-du-marche-ete` (and `jpg`). */
export function safeBaseName(name: string): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const safe = base
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, NAME_MAX)
    .replace(/^-+|-+$/g, '');
  return safe === '' ? 'fichier' : safe;
}

/** Eight hexadecimal digits of the SHA-256 of `bytes` (random ones where the page cannot hash). */
async function digest(bytes: ArrayBuffer): Promise<string> {
  const hex = (data: Uint8Array) => [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
  // `crypto.subtle` exists only on https:// and on this machine's own addresses.
  if (typeof crypto.subtle === 'undefined') return hex(crypto.getRandomValues(new Uint8Array(4)));
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))).slice(0, 8);
}

/**
 * The name a file is stored under in `public/media/`: its safe base name, a dash and the
 * digest of its content, its extension in lower case. A name that already ends with that
 * digest (a picture downloaded from the site and sent again) keeps it once.
 */
export async function mediaFileName(name: string, bytes: ArrayBuffer): Promise<string> {
  const hash = await digest(bytes);
  const base = safeBaseName(name);
  const stem = base.endsWith(`-${hash}`) ? base : `${base}-${hash}`;
  return `${stem}.${extensionOf(name)}`;
}

/** The file to store for a chosen file: renamed, an SVG sanitized; refused when over its limit. */
export async function prepareUpload(file: File): Promise<File> {
  const type = typeOfExtension(extensionOf(file.name));
  if (type === undefined) {
    throw new UploadRefused(`« ${file.name} » : seuls les images et les PDF sont acceptés (${allowedExtensions()}).`);
  }
  const { label, maxBytes } = MEDIA_TYPES[type];
  if (file.size > maxBytes) {
    throw new UploadRefused(
      `« ${file.name} » est trop lourd (${formatSize(file.size)}, au plus ${formatSize(maxBytes)} pour un ${label}) : réduisez ses dimensions ou sa qualité, puis réessayez.`,
    );
  }
  if (type !== 'svg') {
    const bytes = await file.arrayBuffer();
    return new File([bytes], await mediaFileName(file.name, bytes), {
      type: file.type,
      lastModified: file.lastModified,
    });
  }
  const clean = new TextEncoder().encode(sanitizeSvg(await file.text(), file.name));
  return new File([clean], await mediaFileName(file.name, clean.buffer), {
    type: 'image/svg+xml',
    lastModified: file.lastModified,
  });
}

/**
 * Pictures sent in this session, by file name: their address in the browser's memory.
 * Decap reads `/media/x.jpg` as a web address, which the site serves only once the file is
 * saved (and, online, published): the form and the previews show a new picture from here.
 */
const sentThisSession = new Map<string, string>();

/** The in-memory address of a picture sent in this session, for its site path (`/media/x.jpg`). */
export function freshUploadUrl(path: string): string | undefined {
  return sentThisSession.get(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * What a preview shows for a picture's site path: the picture just sent, or what Decap
 * gives (its `AssetProxy` reads as its address).
 */
export function previewImageUrl(path: string, getAsset: ((path: string) => unknown) | undefined): string {
  const fresh = freshUploadUrl(path);
  if (fresh !== undefined) return fresh;
  const asset = getAsset?.(path);
  if (typeof asset === 'string') return asset;
  const url = (asset as { url?: unknown } | null | undefined)?.url;
  return typeof url === 'string' ? url : path;
}

/** `change` events this module sent itself, which it lets through. */
const resent = new WeakSet<Event>();

/**
 * Puts `prepareUpload` between every file input of the page and Decap. A refused file is
 * reported with `alert`, as Decap itself reports a file over `max_file_size`.
 */
export function guardUploads(): void {
  window.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || resent.has(event)) return;
      const files = [...(input.files ?? [])];
      if (files.length === 0) return;
      event.stopImmediatePropagation();
      void Promise.all(files.map((f) => prepareUpload(f))).then(
        (prepared) => {
          const transfer = new DataTransfer();
          for (const file of prepared) {
            transfer.items.add(file);
            sentThisSession.set(file.name, URL.createObjectURL(file));
          }
          input.files = transfer.files;
          const again = new Event('change', { bubbles: true });
          resent.add(again);
          input.dispatchEvent(again);
        },
        (error: unknown) => {
          input.value = '';
          window.alert(error instanceof UploadRefused ? error.message : `Envoi impossible : ${String(error)}`);
        },
      );
    },
    { capture: true },
  );
}
