/**
 * The pages the site will have, and the anchors of each, computed from the file summaries
 * and the routes in `src/pages/` — without building. Links are checked against this model;
 * `tests/site/validate-site-model.test.ts` compares it with a real build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES } from '../../../src/schemas/toolkit.ts';
import { TOOLKITS_PATH, categoryPath } from '../../../src/lib/catalogue.ts';
import { localIssue, type Issue } from './issues.ts';
import { DOCS_DIR, docRoute, entryId, KPA_DIR, toolkitRoute, type Kind } from './discover.ts';
import type { FileSummary } from './summarize.ts';
import type { FieldLocator } from './locate.ts';

/** A content file with its summary, as the checks across files see it. */
export interface SummarizedFile {
  path: string;
  kind: Kind;
  summary: FileSummary;
}

export interface Page {
  route: string;
  /** The content file it comes from, if any. */
  file?: string;
  /** Ids a link can target; `undefined` when they cannot be known without building. */
  anchors: readonly string[] | undefined;
}

/** Ids that `src/pages/boites-a-outils/[slug].astro` writes around a toolkit's own text. */
export const TOOLKIT_PAGE_ANCHORS = [
  'materiel',
  'a-prevoir',
  'outils',
  'lieu',
  'missions-economiques',
  'en-faire-un-commun',
  'variantes',
  'ses-variantes',
  'boites-liees',
  'sources-et-licence',
] as const;

/** Starlight gives every page's title this id ("back to top"). */
const TOP = '_top';

/** Dynamic routes of `src/pages/` whose pages this model lists exactly. */
const KNOWN_DYNAMIC_ROUTES = new Set(['boites-a-outils/[slug]', 'boites-a-outils/categorie/[category]']);

export interface SiteModel {
  pages: Map<string, Page>;
  /** Dynamic routes of `src/pages/` that this model cannot list: any matching path is accepted. */
  patterns: RegExp[];
  /** Duplicate addresses found while listing pages. */
  issues: Issue[];
}

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

/** A guide page's `slug`: lowercase words, digits and dashes, in segments separated by `/`. */
const SLUG = /^[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*(?:\/[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*)*$/u;

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

/** Builds the model; `projectRoot` holds `src/pages/`, `root` the content and `public/`. */
export function buildSiteModel(
  files: readonly SummarizedFile[],
  projectRoot: string,
  root: string = projectRoot,
  locate?: FieldLocator,
): SiteModel {
  const pages = new Map<string, Page>();
  const issues: Issue[] = [];
  // Who owns each address, drafts included: Astro refuses two entries with the same id.
  const owners = new Map<string, string | undefined>();
  const claim = (route: string, file: string | undefined) => {
    if (!owners.has(route)) {
      owners.set(route, file);
      return;
    }
    if (file === undefined) return;
    const owner = owners.get(route) ?? 'une page construite par le code du site';
    issues.push({
      file,
      ...localIssue('duplicate-slug', { line: 1, column: 1 }, `adresse « ${route} » déjà prise par ${owner}`),
    });
  };

  const kpaOwners = new Map<string, string>();
  const claimKpa = (id: string, file: string) => {
    const owner = kpaOwners.get(id);
    if (owner === undefined) kpaOwners.set(id, file);
    else {
      issues.push({
        file,
        ...localIssue('duplicate-slug', { line: 1, column: 1 }, `identifiant « ${id} » déjà pris par ${owner}`),
      });
    }
  };

  const { routes, patterns } = codeRoutes(projectRoot);
  const reserved = reservedSegments(projectRoot, root, routes);
  const slugIssue = (file: string, message: string, field: boolean) => {
    const at = locate && field ? locate(file, ['slug']) : { line: 1, column: 1 };
    issues.push({ file, ...localIssue('slug-invalid', at, message) });
  };
  const published = files.filter((f) => f.kind === 'toolkit' && !f.summary.draft);
  const filledCategories = new Set(published.flatMap((f) => (f.summary.toolkit ? [f.summary.toolkit.category] : [])));
  for (const route of routes) {
    claim(route, undefined);
    const anchors =
      route === TOOLKITS_PATH
        ? [TOP, ...CATEGORIES.map((c) => c.id).filter((id) => filledCategories.has(id))]
        : undefined;
    pages.set(route, { route, anchors });
  }
  for (const category of CATEGORIES) {
    claim(categoryPath(category.id), undefined);
    pages.set(categoryPath(category.id), { route: categoryPath(category.id), anchors: [TOP] });
  }

  const glossaryIds = files.find((f) => f.kind === 'glossary')?.summary.glossaryIds;
  const kpaIds = files.filter((f) => f.kind === 'kpa').map((f) => `kpa-${entryId(f.path, KPA_DIR)}`);
  const componentAnchors: Record<string, readonly string[] | undefined> = { Glossary: glossaryIds, KpaList: kpaIds };

  for (const file of files) {
    const { summary } = file;
    let route: string;
    let anchors: string[] | undefined;
    if (file.kind === 'toolkit') {
      route = toolkitRoute(file.path);
      anchors = summary.complete ? [TOP, ...TOOLKIT_PAGE_ANCHORS, ...summary.anchors] : undefined;
    } else if (file.kind === 'doc') {
      const { slug } = summary;
      if (slug !== undefined && !SLUG.test(slug)) {
        slugIssue(
          file.path,
          `adresse « ${slug} » refusée : des mots en minuscules, chiffres et tirets, séparés par « / » (ex. « creer/premiers-pas »)`,
          true,
        );
        continue;
      }
      const id = slug ?? entryId(file.path, DOCS_DIR);
      const first = id.split('/')[0] ?? '';
      if (id !== 'index' && id !== '404' && reserved.has(first)) {
        const field = slug === undefined ? 'son dossier' : 'son champ « slug »';
        slugIssue(
          file.path,
          `adresse « /${id}/ » refusée : « /${first}/ » est réservé au site (pages construites par le code, fichiers de public/) ; changez ${field}`,
          slug !== undefined,
        );
        continue;
      }
      route = docRoute(id);
      anchors = summary.complete ? [TOP, ...summary.anchors] : undefined;
      // Components that write ids: the page's anchors include theirs (unknown if their data is unreadable).
      for (const component of summary.components) {
        if (!(component in componentAnchors)) continue;
        const provided = componentAnchors[component];
        if (provided === undefined) anchors = undefined;
        else if (anchors) anchors.push(...provided);
      }
    } else {
      if (file.kind === 'kpa') claimKpa(entryId(file.path, KPA_DIR), file.path);
      continue;
    }
    const duplicate = owners.has(route);
    claim(route, file.path);
    if (!duplicate && !summary.draft) pages.set(route, { route, file: file.path, anchors });
  }
  return { pages, patterns, issues };
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
