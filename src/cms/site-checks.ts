/**
 * The checks of `npm run validate`, run by the online editor on the file it is about to
 * write. Not a second copy: the same modules of `scripts/lib/validate/`, bundled for the
 * browser, read the file on its own (`per-file.ts`: encoding, header against the schema of
 * its collection, unsafe fields, MDX syntax, components, HTML, addresses, images and their
 * alternative text), then check it against the rest of the site (`cross-checks.ts`: pages and
 * anchors that links lead to, images under `public/`, addresses and toolkit titles that must
 * stay unique, toolkits that cite each other). The rest of the site comes from the site map
 * that the build writes at `/admin/site-checks.json` (`scripts/lib/validate/site-map.ts`).
 *
 * What only runs in CI, with `npm run validate`, the gate that a pull request must pass:
 * - the build view (`build-view.ts`): the page compiled by the build's own compiler, a native
 *   module that cannot run in a browser, judged as code. The remark-based rules run here
 *   report the same problems in nearly every case; the build view is there for the edge cases
 *   where the two parsers disagree, which a form hardly produces;
 * - the time budget and the compiler crash (`pool.ts`), which need a process to kill;
 * - what the editor cannot write: hidden files, links, files outside the collections, bytes
 *   that are not UTF-8, and the files of `public/media/` (`rules/media.ts`; an upload is
 *   checked and cleaned when it is chosen, by `media-upload.ts`).
 * The site map is the site as it was built: an entry saved since then by someone else is
 * not in it (the editor knows the media uploaded in this session, see `admin.ts`).
 */
import { START, localIssue, type Issue } from '../../scripts/lib/validate/issues.ts';
import { summarizeFile, type FileSummary } from '../../scripts/lib/validate/per-file.ts';
import { checkAcrossFiles } from '../../scripts/lib/validate/cross-checks.ts';
import { kindOfPath, type Kind } from '../../scripts/lib/validate/routes.ts';
import type { SiteCode, SummarizedFile } from '../../scripts/lib/validate/site-model.ts';
import { textLocator } from '../../scripts/lib/validate/locate.ts';
import { frontmatterBlock } from '../../scripts/lib/validate/frontmatter.ts';

/** Bumped when the shape of the site map changes. */
export const SITE_MAP_VERSION = 1;

/** A content file as the site map keeps it: its summary without its own issues. */
export interface SiteMapFile {
  path: string;
  kind: Kind;
  summary: Omit<FileSummary, 'issues'>;
}

/** `/admin/site-checks.json`: what the editor's checks need to know of the rest of the site. */
export interface SiteMapJson {
  version: typeof SITE_MAP_VERSION;
  /** The repository an `editUrl` may point to. */
  repoUrl: string;
  /** Static routes of `src/pages/`. */
  routes: string[];
  /** Dynamic routes of `src/pages/` that the site model cannot list, as regular expressions. */
  patterns: string[];
  /** First segments of address that guide pages cannot use. */
  reserved: string[];
  /** Site paths of the files `public/` serves (`/media/plan.svg`). */
  publicFiles: string[];
  /** Every entry under `content/` and `public/`, for images written with a relative path. */
  repoEntries: string[];
  /** Every content file the site reads, with what the checks across files need of it. */
  files: SiteMapFile[];
}

/** What the editor learns about the file it is about to write. */
export interface EntryCheck {
  /** Problems of the file itself, as `npm run validate -- <file>` would report them. */
  own: Issue[];
  /** Problems that this version of the file would cause in other files (a title now shared…). */
  others: Issue[];
  /** Line where the text after the frontmatter starts (the `body` field), for a page. */
  bodyStart: number | undefined;
}

/** The first line of a page's text after its frontmatter, as the formats of `formats.ts` read it. */
function bodyStartOf(kind: Kind, text: string): number | undefined {
  if (kind !== 'doc' && kind !== 'toolkit') return undefined;
  const block = frontmatterBlock(text);
  const rest = block ? text.slice(block.length) : text;
  const blank = /^\n*/.exec(rest)?.[0].length ?? 0;
  const before = block ? text.slice(0, block.length).split('\n').length - 1 : 0;
  return before + blank + 1;
}

export interface EntryFile {
  /** Path of the file in the repository (`content/toolkits/disco-soupe.mdx`). */
  path: string;
  /** Its text, exactly as the editor will write it. */
  text: string;
  /** Files of `public/` that are not in the site map yet (uploaded in this session), by site path. */
  newPublicFiles?: readonly string[];
}

function isSiteMap(value: unknown): value is SiteMapJson {
  if (typeof value !== 'object' || value === null) return false;
  const map = value as Record<string, unknown>;
  const lists = ['routes', 'patterns', 'reserved', 'publicFiles', 'repoEntries', 'files'];
  return (
    map['version'] === SITE_MAP_VERSION &&
    typeof map['repoUrl'] === 'string' &&
    lists.every((key) => Array.isArray(map[key]))
  );
}

/**
 * An issue of another file, to tell the ones this entry causes from those already there. Not
 * by its message: a message can name other pages (a suggestion, a list) that the entry changes.
 */
function issueKey(issue: Issue): string {
  return `${issue.file}\u0000${issue.rule}\u0000${String(issue.line)}:${String(issue.column)}`;
}

/** The checks of one site map, ready to judge entries. */
export class SiteChecks {
  readonly #map: SiteMapJson | undefined;
  readonly #code: SiteCode;
  readonly #files: SummarizedFile[];
  #baseline: Map<string, number> | undefined;

  /**
   * Checks against the site map `json`; without one (`undefined`), only the checks of the file
   * on its own run: the checks across files would find every link broken.
   */
  constructor(json: unknown) {
    if (json !== undefined && !isSiteMap(json)) {
      throw new Error(`plan du site illisible : version ${String(SITE_MAP_VERSION)} attendue`);
    }
    this.#map = json;
    this.#code = {
      routes: json?.routes ?? [],
      patterns: (json?.patterns ?? []).map((source) => new RegExp(source)),
      reserved: new Set(json?.reserved),
    };
    this.#files = (json?.files ?? []).map((file) => ({ ...file, summary: { ...file.summary, issues: [] } }));
  }

  /** The problems of `entry`, by the rules of `npm run validate`. */
  async check(entry: EntryFile): Promise<EntryCheck> {
    const kind = kindOfPath(entry.path);
    if (kind === undefined) {
      const issue = localIssue(
        'unexpected-file',
        START,
        'fichier ignoré par le site : il n’est dans aucune collection',
      );
      return { own: [{ file: entry.path, ...issue }], others: [], bodyStart: undefined };
    }
    const bytes = new TextEncoder().encode(entry.text);
    // Without a site map the repository is unknown: an `editUrl` is then refused.
    const summary = await summarizeFile(kind, entry.path, bytes, { repoUrl: this.#map?.repoUrl ?? '' });
    const own: Issue[] = summary.issues.map((issue) => ({ file: entry.path, ...issue }));
    if (!this.#map) return { own, others: [], bodyStart: bodyStartOf(kind, entry.text) };
    // The file being written comes last: where two files clash (a title, an address), the
    // issue goes to the later one, so to this entry rather than to the file already there.
    const files = [...this.#files.filter((f) => f.path !== entry.path), { path: entry.path, kind, summary }];
    const across = checkAcrossFiles(files, this.#context(entry));
    own.push(...across.filter((issue) => issue.file === entry.path));
    const baseline = this.#baselineCounts();
    const others = across.filter((issue) => {
      if (issue.file === entry.path) return false;
      const key = issueKey(issue);
      const known = baseline.get(key) ?? 0;
      if (known > 0) {
        baseline.set(key, known - 1);
        return false;
      }
      return true;
    });
    return { own, others, bodyStart: bodyStartOf(kind, entry.text) };
  }

  /** The issues across files of the site as built, by key and count: those are not this entry's doing. */
  #baselineCounts(): Map<string, number> {
    if (!this.#baseline) {
      const counts = new Map<string, number>();
      for (const issue of checkAcrossFiles(this.#files, this.#context(undefined))) {
        const key = issueKey(issue);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      this.#baseline = counts;
    }
    return new Map(this.#baseline);
  }

  #context(entry: EntryFile | undefined) {
    const publicFiles = new Set(this.#map?.publicFiles);
    const repoEntries = new Set(this.#map?.repoEntries);
    for (const sitePath of entry?.newPublicFiles ?? []) {
      publicFiles.add(sitePath);
      repoEntries.add(`public${sitePath}`);
    }
    return {
      code: this.#code,
      hasPublicFile: (sitePath: string) => publicFiles.has(sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath),
      hasRepoFile: (path: string) => repoEntries.has(path),
      // Fields are found in the entry's own text; other files are named without a line.
      locate: textLocator((file) => (file === entry?.path ? entry.text : undefined)),
    };
  }
}
