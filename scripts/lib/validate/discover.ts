/**
 * Step 1 of `npm run validate`: which files the site will read. Every entry of `content/` is
 * looked at without following links, and the collections' own glob patterns
 * (`src/config/collections.ts`) are run with the library and options of Astro's `glob()`
 * loader, so the validator judges exactly what the build reads. Dot files and symbolic links
 * are refused outright: the build may read them (the glob takes `.x.mdx`, a link can point
 * anywhere on the machine) while a person reviewing a pull request easily overlooks them.
 *
 * Also here: the address each file gets on the site (Astro's rule for ids: each path segment
 * slugified as GitHub does, a trailing `/index` dropped).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { globSync } from 'tinyglobby';
import { toolkitPath } from '../../../src/lib/catalogue.ts';
import {
  DIAGRAMS_GLOB,
  DOCS_GLOB,
  GLOSSARY_FILE,
  KPA_GLOB,
  TOOLKITS_GLOB,
  type GlobCollection,
} from '../../../src/config/collections.ts';
import { START, localIssue, type Issue } from './issues.ts';

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

export interface Discovery {
  /** The files the site reads, sorted by path. */
  files: ContentFile[];
  /** Files that are refused (dot files, links) or that the site ignores. */
  issues: Issue[];
}

/** Pictures a page can show from its own folder (`![…](./photo.jpg)`): checked as images, not as pages. */
export const IMAGE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg'];

export function isImagePath(path: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && IMAGE_EXTENSIONS.includes(extension);
}

/** The files a glob collection reads, as Astro's loader lists them (relative to `root`). */
function globbed(root: string, collection: GlobCollection): string[] {
  return globSync(collection.pattern, { cwd: join(root, collection.base), expandDirectories: false }).map(
    (file) => `${collection.base}/${file}`,
  );
}

/**
 * Every regular file under `root/folder` (paths relative to `root`), refusing dot entries and
 * symbolic links on the way: the site may read or serve them while a reviewer overlooks them.
 */
export function listFiles(root: string, folder: string): { files: Set<string>; issues: Issue[] } {
  const issues: Issue[] = [];
  const plain = new Set<string>();
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return; // No such folder: nothing to check.
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        issues.push({
          file: path,
          ...localIssue(
            'file-symlink',
            START,
            'lien symbolique refusé : il peut faire lire au site un fichier hors du dépôt ; remplacez-le par le fichier lui-même',
          ),
        });
      } else if (entry.name.startsWith('.')) {
        issues.push({
          file: path,
          ...localIssue(
            'file-hidden',
            START,
            `${entry.isDirectory() ? 'dossier' : 'fichier'} caché refusé (nom commençant par « . ») : le site pourrait le lire sans qu’on le voie ; renommez-le ou supprimez-le`,
          ),
        });
      } else if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) plain.add(path);
    }
  };
  walk(folder);
  return { files: plain, issues };
}

/** Every file under `root/content`, with the collection that reads it. */
export function discoverContent(root: string): Discovery {
  const { files: plain, issues } = listFiles(root, CONTENT_DIR);

  const kinds = new Map<string, Kind>();
  for (const path of globbed(root, DOCS_GLOB)) kinds.set(path, 'doc');
  for (const path of globbed(root, TOOLKITS_GLOB)) kinds.set(path, 'toolkit');
  for (const path of globbed(root, KPA_GLOB)) kinds.set(path, 'kpa');
  for (const path of globbed(root, DIAGRAMS_GLOB)) kinds.set(path, 'diagram');
  if (plain.has(GLOSSARY_FILE)) kinds.set(GLOSSARY_FILE, 'glossary');

  const files: ContentFile[] = [];
  for (const [path, kind] of kinds) {
    // Reached through a refused entry (a linked folder, a dot folder): already reported there.
    if (plain.has(path)) files.push({ path, kind });
  }
  for (const path of plain) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (kinds.has(path) || name.startsWith('_') || isImagePath(name)) continue;
    issues.push({
      file: path,
      ...localIssue(
        'unexpected-file',
        START,
        'fichier ignoré par le site : les pages vont dans content/docs/ (.md, .mdx), les boîtes à outils dans content/toolkits/ (.mdx), les KPA dans content/kpa/ (.yaml), les dessins dans content/diagrams/ (.yaml)',
      ),
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, issues };
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
