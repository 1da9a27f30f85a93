/**
 * The pages the site will have, and the anchors of each, computed from the file summaries
 * and the routes of the site's code — without building. Links are checked against this model;
 * `tests/site/validate-site-model.test.ts` compares it with a real build. No Node import: the
 * online editor builds the same model from the site map made with the site (`site.ts` reads
 * the routes and `public/` from the disk for `npm run validate`).
 */
import { CATEGORIES } from '../../../src/schemas/toolkit.ts';
import { TOOLKITS_PATH, categoryPath } from '../../../src/lib/catalogue.ts';
import { localIssue, type Issue } from './issues.ts';
import { DOCS_DIR, docRoute, entryId, KPA_DIR, toolkitRoute, type Kind } from './routes.ts';
import type { FileSummary } from './per-file.ts';
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

export interface SiteModel {
  pages: Map<string, Page>;
  /** Dynamic routes of `src/pages/` that this model cannot list: any matching path is accepted. */
  patterns: readonly RegExp[];
  /** Duplicate addresses found while listing pages. */
  issues: Issue[];
}

/** What the site's code and `public/` say about addresses, read by `site.ts` (or from the site map). */
export interface SiteCode {
  /** Addresses of the static routes of `src/pages/`. */
  routes: readonly string[];
  /** Dynamic routes of `src/pages/` that the model cannot list: any matching path is accepted. */
  patterns: readonly RegExp[];
  /** First segments of address that guide pages cannot use (see `reservedSegments` in `site.ts`). */
  reserved: ReadonlySet<string>;
}

/** A guide page's `slug`: lowercase words, digits and dashes, in segments separated by `/`. */
const SLUG = /^[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*(?:\/[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*)*$/u;

/** Builds the model from the file summaries and what the site's code and `public/` hold. */
export function buildSiteModel(files: readonly SummarizedFile[], code: SiteCode, locate?: FieldLocator): SiteModel {
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

  const { routes, patterns, reserved } = code;
  const slugIssue = (file: string, message: string, field: boolean) => {
    const at = locate && field ? locate(file, ['slug']) : { line: 1, column: 1 };
    issues.push({ file, ...localIssue('slug-invalid', at, message, field ? ['slug'] : undefined) });
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
