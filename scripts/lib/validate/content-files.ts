/**
 * Which file of `content/` belongs to which collection, and the address each one gets on
 * the site. This mirrors the loaders of `src/content.config.ts` and Astro's rule for ids
 * (each path segment slugified as GitHub does, a trailing `/index` dropped).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { toolkitPath } from '../../../src/lib/catalogue.ts';

export const CONTENT_DIR = 'content';
export const DOCS_DIR = 'content/docs/';
export const TOOLKITS_DIR = 'content/toolkits/';
export const KPA_DIR = 'content/kpa/';
export const GLOSSARY_FILE = 'content/glossaire.yaml';

export type Kind = 'doc' | 'toolkit' | 'kpa' | 'glossary';

/** The collection of a path relative to the root (`/` separators); `ignored` for `_x` and dot files and images. */
export function classify(path: string): Kind | 'other' | 'ignored' {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  if (segments.some((s) => s.startsWith('.')) || name.startsWith('_')) return 'ignored';
  // Images next to a page are assets its Markdown can show (checked as images, not as pages).
  if (/\.(?:png|jpe?g|webp|avif|gif|svg)$/i.test(name)) return 'ignored';
  if (path === GLOSSARY_FILE) return 'glossary';
  if (path.startsWith(DOCS_DIR) && /\.mdx?$/.test(name)) return 'doc';
  if (path.startsWith(TOOLKITS_DIR) && segments.length === 3 && name.endsWith('.mdx')) return 'toolkit';
  if (path.startsWith(KPA_DIR) && segments.length === 3 && /\.ya?ml$/.test(name)) return 'kpa';
  return 'other';
}

/** Every file under `root/content`, as sorted paths relative to `root`. */
export function listContentFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(CONTENT_DIR);
  return out.sort();
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
