/**
 * The site map of the online editor (`/admin/site-checks.json`, written by
 * `src/pages/admin/site-checks.json.ts` with the site): what its checks need to know of the
 * rest of the site (`src/cms/site-checks.ts`). The files are read by `validateContent`, with
 * its cache: after `npm run validate` (the first step of `npm run build`), nothing is read
 * twice. The files of `public/media/` are not checked here: that is `npm run validate`'s job.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_URL } from '../../../src/config/site.ts';
import { SITE_MAP_VERSION, type SiteMapJson } from '../../../src/cms/site-checks.ts';
import { DEFAULT_CACHE_DIR, PROJECT_ROOT } from './cache.ts';
import { validateContent } from './engine.ts';
import { pool } from './pool.ts';
import { siteCode, type SummarizedFile } from './site.ts';

/** Every entry under `root/folder`, files, folders and links alike, as paths relative to `root`. */
function entriesUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, relative));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = `${relative}/${name}`;
      out.push(path);
      if (lstatSync(join(root, path)).isDirectory()) walk(path);
    }
  };
  walk(folder);
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface SiteMapOptions {
  /** Folder holding `src/pages/` (the site's code). */
  projectRoot?: string;
  /** Cache of `npm run validate`; `undefined` for none. */
  cacheDir?: string | undefined;
}

/** The site map of the content tree at `root`. */
export async function buildSiteMap(root: string, options: SiteMapOptions = {}): Promise<SiteMapJson> {
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const cacheDir = 'cacheDir' in options ? options.cacheDir : DEFAULT_CACHE_DIR;
  let files;
  try {
    ({ files } = await validateContent({ root, projectRoot, cacheDir, media: false }));
  } finally {
    // The children that read the files would otherwise idle until the build ends.
    await pool.close();
  }
  return siteMapOf(root, files, projectRoot);
}

/** The site map of the content tree at `root`, whose files `validateContent` has read. */
export function siteMapOf(
  root: string,
  files: readonly SummarizedFile[],
  projectRoot: string = PROJECT_ROOT,
): SiteMapJson {
  const code = siteCode(projectRoot, root);
  const publicEntries = entriesUnder(root, 'public');
  return {
    version: SITE_MAP_VERSION,
    repoUrl: REPO_URL,
    routes: [...code.routes],
    patterns: code.patterns.map((pattern) => pattern.source),
    reserved: [...code.reserved].sort(),
    publicFiles: publicEntries.filter((path) => isFile(join(root, path))).map((path) => path.slice('public'.length)),
    repoEntries: [...entriesUnder(root, 'content'), ...publicEntries],
    files: files.map(({ path, kind, summary }) => {
      // Each file's own issues are its business: the site map only says what others need.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
      const { issues, ...rest } = summary;
      return { path, kind, summary: rest };
    }),
  };
}
