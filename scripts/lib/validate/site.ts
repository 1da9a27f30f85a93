/**
 * What `npm run validate` reads from the disk to build the site model (`site-model.ts`): the
 * routes of `src/pages/`, the first segments of address the site keeps for itself, and the
 * files `public/` serves.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiteModel as buildModel, type SiteCode, type SiteModel, type SummarizedFile } from './site-model.ts';
import type { FieldLocator } from './locate.ts';

export { TOOLKIT_PAGE_ANCHORS, type Page, type SiteCode, type SiteModel, type SummarizedFile } from './site-model.ts';

/** Dynamic routes of `src/pages/` whose pages this model lists exactly. */
const KNOWN_DYNAMIC_ROUTES = new Set(['boites-a-outils/[slug]', 'boites-a-outils/categorie/[category]']);

/** Routes of `src/pages/`: static ones, and the patterns of dynamic ones. */
export function codeRoutes(projectRoot: string): { routes: string[]; patterns: RegExp[] } {
  const routes: string[] = [];
  const patterns: RegExp[] = [];
  const dir = join(projectRoot, 'src/pages');
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const page = /\.(astro|mdx?|html)$/.test(entry.name);
      const endpoint = /\.[a-z]+\.(ts|js)$/.test(entry.name);
      if (!page && !endpoint) continue;
      const name = path.replace(/\.(astro|mdx?|html|ts|js)$/, '');
      if (name.includes('[')) {
        if (KNOWN_DYNAMIC_ROUTES.has(name)) continue;
        const source = name
          .split('/')
          .map((s) => (s.startsWith('[...') ? '.*' : s.includes('[') ? '[^/]+' : s.replace(/[.*+?^${}()|\\]/g, '\\$&')))
          .join('/');
        patterns.push(new RegExp(`^/${source}/?$`));
      } else if (endpoint) routes.push(`/${name}`);
      else routes.push(name === 'index' ? '/' : `/${name.replace(/\/?index$/, '')}/`);
    }
  };
  if (existsSync(dir)) walk('');
  return { routes, patterns };
}

/** Folders the build writes itself: a page there would be mistaken for the build's own files. */
const BUILD_FOLDERS = ['_astro', 'pagefind'];

/**
 * The first segments of address that guide pages cannot use: the build's folders, the
 * folders and files of `public/`, and the first segment of every route of `src/pages/`
 * (the catalogue and its toolkits, the search page, the editor).
 */
export function reservedSegments(projectRoot: string, root: string, routes: readonly string[]): Set<string> {
  const reserved = new Set(BUILD_FOLDERS);
  for (const route of routes) {
    const first = route.split('/')[1];
    if (first) reserved.add(first);
  }
  for (const folder of [projectRoot, root]) {
    const pub = join(folder, 'public');
    if (existsSync(pub)) for (const name of readdirSync(pub)) reserved.add(name);
  }
  return reserved;
}

/** What the code of `projectRoot` (`src/pages/`) and the `public/` folders of both roots say about addresses. */
export function siteCode(projectRoot: string, root: string = projectRoot): SiteCode {
  const { routes, patterns } = codeRoutes(projectRoot);
  return { routes, patterns, reserved: reservedSegments(projectRoot, root, routes) };
}

/** Builds the model; `projectRoot` holds `src/pages/`, `root` the content and `public/`. */
export function buildSiteModel(
  files: readonly SummarizedFile[],
  projectRoot: string,
  root: string = projectRoot,
  locate?: FieldLocator,
): SiteModel {
  return buildModel(files, siteCode(projectRoot, root), locate);
}

/** Whether `public/` serves a file at a site path (a folder serves its `index.html`). */
export function publicFileChecker(root: string): (sitePath: string) => boolean {
  const known = new Map<string, boolean>();
  return (sitePath) => {
    const path = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    let found = known.get(path);
    if (found === undefined) {
      const file = join(root, 'public', path);
      found = existsSync(file) && statSync(file).isFile();
      known.set(path, found);
    }
    return found;
  };
}
