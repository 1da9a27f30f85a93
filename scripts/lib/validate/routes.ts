/**
 * Where content lives and the address each file gets on the site (Astro's rule for ids: each
 * path segment slugified as GitHub does, a trailing `/index` dropped). Pure functions with no
 * Node import: the validator and the online editor (`src/cms/site-checks.ts`) share them.
 */
import { slug as githubSlug } from 'github-slugger';
import { toolkitPath } from '../../../src/lib/catalogue.ts';
import { DIAGRAMS_GLOB, DOCS_GLOB, GLOSSARY_FILE, KPA_GLOB, TOOLKITS_GLOB } from '../../../src/config/collections.ts';

export { GLOSSARY_FILE };
export const CONTENT_DIR = 'content';
export const DOCS_DIR = `${DOCS_GLOB.base}/`;
export const TOOLKITS_DIR = `${TOOLKITS_GLOB.base}/`;
export const KPA_DIR = `${KPA_GLOB.base}/`;
export const DIAGRAMS_DIR = `${DIAGRAMS_GLOB.base}/`;

export type Kind = 'doc' | 'toolkit' | 'kpa' | 'diagram' | 'glossary';

export interface ContentFile {
  /** Relative to the validated root, with `/` separators. */
  path: string;
  kind: Kind;
}

/** Pictures a page can show from its own folder (`![…](./photo.jpg)`): checked as images, not as pages. */
export const IMAGE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg'];

export function isImagePath(path: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && IMAGE_EXTENSIONS.includes(extension);
}

function withoutExtension(name: string): string {
  return name.replace(/\.[^./]+$/, '');
}

const ids = new Map<string, string>();

/** Astro's id for a file of a glob collection: `Mes Pages/Été.mdx` → `mes-pages/été`. */
export function entryId(path: string, base: string): string {
  let id = ids.get(path);
  if (id === undefined) {
    id = withoutExtension(path.slice(base.length))
      .split('/')
      // Already a slug (the usual case): slugifying would return it unchanged.
      .map((segment) => (/^[a-z0-9-]+$/.test(segment) ? segment : githubSlug(segment)))
      .join('/')
      .replace(/\/index$/, '');
    ids.set(path, id);
  }
  return id;
}

/** The address of a guide page: `index` is the home page, `404` the error page. */
export function docRoute(id: string): string {
  if (id === 'index') return '/';
  if (id === '404') return '/404.html';
  return `/${id}/`;
}

export function toolkitSlug(path: string): string {
  return entryId(path, TOOLKITS_DIR);
}

export function toolkitRoute(path: string): string {
  return toolkitPath(toolkitSlug(path));
}

/** The file name of a toolkit without `.mdx`, before Astro slugifies it. */
export function toolkitFileName(path: string): string {
  return withoutExtension(path.slice(TOOLKITS_DIR.length));
}

/**
 * The collection that reads the file at `path`, for the online editor, which knows a file
 * by the path it is about to write: the folders and extensions of the globs of
 * `src/config/collections.ts`, and their `[^_]` for pages and toolkits. Hidden files, which
 * `npm run validate` refuses, belong to none.
 */
export function kindOfPath(path: string): Kind | undefined {
  if (path === GLOSSARY_FILE) return 'glossary';
  if (path.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const flat = (folder: string) => path.startsWith(folder) && !path.slice(folder.length).includes('/');
  if (path.startsWith(DOCS_DIR) && !name.startsWith('_') && /\.mdx?$/.test(name)) return 'doc';
  if (flat(TOOLKITS_DIR) && !name.startsWith('_') && name.endsWith('.mdx')) return 'toolkit';
  if (flat(KPA_DIR) && /\.ya?ml$/.test(name)) return 'kpa';
  if (flat(DIAGRAMS_DIR) && name.endsWith('.yaml')) return 'diagram';
  return undefined;
}
