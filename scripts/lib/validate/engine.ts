/**
 * `npm run validate` without its command line, top to bottom:
 * 1. discover the files the site reads (`discover.ts`);
 * 2. check each file on its own (`summarize.ts`), in child processes (`pool.ts`), or from the
 *    cache when its bytes are unchanged (`cache.ts`);
 * 3. check across files: addresses, links and anchors, references between toolkits, and the
 *    files of `public/media/` (`rules/media.ts`);
 * 4. return the issues of the files asked for (`cli.ts` reports them).
 * Never writes anything but its cache.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareIssues, type Issue } from './issues.ts';
import { discoverContent, docRoute, entryId, DOCS_DIR, toolkitRoute, CONTENT_DIR } from './discover.ts';
import { SummaryCache, PROJECT_ROOT, contentHash } from './cache.ts';
import { PARALLEL_THRESHOLD, defaultJobs, pool, summarizeAll, type Task } from './pool.ts';
import { buildSiteModel, publicFileChecker, type SummarizedFile } from './site.ts';
import { checkLinks, newSuggestionBudget } from './rules/links.ts';
import { checkToolkitReferences } from './rules/references.ts';
import { checkDiagramFileName, checkToolkitFileName } from './rules/file-name.ts';
import { checkMediaFiles } from './rules/media.ts';
import { checkDiagramReferences } from './rules/diagrams.ts';
import { fieldLocator } from './locate.ts';
import { GLOSSARY_PATH } from '../../../src/schemas/glossary.ts';

export interface ValidateOptions {
  /** Folder holding `content/` and `public/`. */
  root: string;
  /** Paths relative to `root` (files or folders) whose issues to report; all when empty. */
  paths?: readonly string[];
  /** Cache folder; `undefined` for no cache. */
  cacheDir?: string | undefined;
  /** Child processes that read the files (one below `PARALLEL_THRESHOLD` files). */
  jobs?: number;
  /** Folder holding `src/pages/` (the site's code). */
  projectRoot?: string;
}

export interface ValidateResult {
  issues: Issue[];
  /** Content and media files in the scope that were checked. */
  checked: number;
  /** Files read again because the cache did not know them. */
  parsed: number;
  /** Child processes that read them. */
  processes: number;
  /** Every file with its summary, for tools that compare the model with a build. */
  files: SummarizedFile[];
  /** Milliseconds spent in each phase, for `--timings` and the benchmark. */
  timings: Record<string, number>;
}

function inScope(path: string, paths: readonly string[]): boolean {
  return paths.length === 0 || paths.some((p) => path === p || path.startsWith(`${p.replace(/\/+$/, '')}/`));
}

/** The page a file's links appear on (glossary definitions appear on the glossary page). */
function pageOf(file: SummarizedFile): string {
  if (file.kind === 'toolkit') return toolkitRoute(file.path);
  if (file.kind === 'doc') return docRoute(file.summary.slug ?? entryId(file.path, DOCS_DIR));
  return GLOSSARY_PATH;
}

export async function validateContent(options: ValidateOptions): Promise<ValidateResult> {
  const { root, paths = [], cacheDir, jobs } = options;
  if (!existsSync(join(root, CONTENT_DIR))) throw new Error(`dossier « ${CONTENT_DIR}/ » introuvable dans ${root}`);
  const issues: Issue[] = [];
  const pending: { path: string; task: Task; key: string }[] = [];
  const files: SummarizedFile[] = [];
  const slots: { path: string; kind: SummarizedFile['kind']; key: string }[] = [];
  const timings: Record<string, number> = {};
  let lap = performance.now();
  const mark = (phase: string) => {
    const now = performance.now();
    timings[phase] = Math.round(now - lap);
    lap = now;
  };
  const cache = new SummaryCache(cacheDir, root);
  mark('cache-read');
  let checked = 0;
  const discovery = discoverContent(root);
  issues.push(...discovery.issues);
  checked += discovery.issues.filter((i) => inScope(i.file, paths)).length;
  // Without a usable cache every file will be read: start the children now, while files load.
  const workers = jobs ?? defaultJobs();
  if (cache.size === 0) pool.warm(discovery.files.length >= PARALLEL_THRESHOLD ? workers : 1);
  for (const { path, kind } of discovery.files) {
    if (inScope(path, paths)) checked++;
    const absolute = join(root, path);
    const stat = statSync(absolute, { bigint: true });
    const stamp = `${String(stat.size)}:${String(stat.mtimeNs)}:${String(stat.ctimeNs)}:${String(stat.ino)}`;
    let key = cache.keyFor(path, stamp);
    if (key === undefined || cache.get(key) === undefined) {
      const bytes = readFileSync(absolute);
      // The path is part of the key: relative image paths are judged from the file's folder.
      key = `${kind}:${path}:${contentHash(bytes)}`;
      if (cache.get(key) === undefined) pending.push({ path, key, task: { kind, name: path, bytes } });
    }
    cache.remember(path, stamp, key);
    slots.push({ path, kind, key });
  }
  mark('read-and-hash');
  const fresh = await summarizeAll(
    pending.map((p) => p.task),
    workers,
  );
  pending.forEach((p, i) => {
    const summary = fresh.summaries[i];
    if (summary) cache.set(p.key, summary);
  });
  for (const slot of slots) {
    const summary = cache.get(slot.key);
    if (summary) files.push({ path: slot.path, kind: slot.kind, summary });
  }
  mark('parse');
  cache.save();
  mark('cache-write');

  for (const file of files) {
    for (const issue of file.summary.issues) issues.push({ file: file.path, ...issue });
    if (file.kind === 'toolkit') issues.push(...checkToolkitFileName(file.path));
    if (file.kind === 'diagram') issues.push(...checkDiagramFileName(file.path));
  }
  const locate = fieldLocator(root);
  const site = buildSiteModel(files, options.projectRoot ?? PROJECT_ROOT, root, locate);
  issues.push(...site.issues);
  const context = {
    site,
    root,
    hasPublicFile: publicFileChecker(root),
    suggestionBudget: newSuggestionBudget(),
    locate,
  };
  for (const file of files) {
    if (inScope(file.path, paths)) issues.push(...checkLinks(file.path, pageOf(file), file.summary.links, context));
  }
  issues.push(...checkToolkitReferences(files, locate));
  issues.push(...checkDiagramReferences(files));
  mark('cross-checks');
  const media = await checkMediaFiles(root, (path) => inScope(path, paths));
  issues.push(...media.issues);
  checked += media.checked;
  mark('media');
  return {
    issues: issues.filter((i) => inScope(i.file, paths)).sort(compareIssues),
    checked,
    parsed: pending.length,
    processes: fresh.processes,
    files,
    timings,
  };
}
