/**
 * Step 3 of `npm run validate`: the checks that need a file's path or the other files. A
 * toolkit's file name is its address; addresses are unique and allowed (`site-model.ts`);
 * links and anchors lead somewhere (`rules/links.ts`); toolkits cite toolkits that exist,
 * without cycles or shared titles (`rules/references.ts`); pages show diagrams that exist
 * (`rules/diagrams.ts`), named as files of `content/diagrams/`.
 *
 * No Node import: what exists on the disk is asked of the context. `engine.ts` answers from
 * the repository; the online editor (`src/cms/site-checks.ts`) from the site map made with the
 * site, with the entry being edited in place of its file.
 */
import type { Issue } from './issues.ts';
import { DOCS_DIR, docRoute, entryId, toolkitRoute } from './routes.ts';
import { buildSiteModel, type SiteCode, type SummarizedFile } from './site-model.ts';
import { checkLinks, newSuggestionBudget } from './rules/links.ts';
import { checkToolkitReferences } from './rules/references.ts';
import { checkDiagramFileName, checkToolkitFileName } from './rules/file-name.ts';
import { checkDiagramReferences } from './rules/diagrams.ts';
import type { FieldLocator } from './locate.ts';
import { GLOSSARY_PATH } from '../../../src/schemas/glossary.ts';

export interface CrossCheckContext {
  /** The routes of the site's code and the addresses it keeps for itself. */
  code: SiteCode;
  /** Whether `public/` serves a file at this site path. */
  hasPublicFile: (sitePath: string) => boolean;
  /** Whether a file exists at this path relative to the validated root. */
  hasRepoFile: (path: string) => boolean;
  /** Where a frontmatter field of a file is written. */
  locate: FieldLocator;
  /** Files whose own links are checked (every file when left out). */
  inScope?: (path: string) => boolean;
}

/** The page a file's links appear on (glossary definitions appear on the glossary page). */
export function pageOf(file: SummarizedFile): string {
  if (file.kind === 'toolkit') return toolkitRoute(file.path);
  if (file.kind === 'doc') return docRoute(file.summary.slug ?? entryId(file.path, DOCS_DIR));
  return GLOSSARY_PATH;
}

/**
 * The issues across `files`. Where two files clash (same address, same title), the issue goes
 * to the one that comes later in `files`.
 */
export function checkAcrossFiles(files: readonly SummarizedFile[], context: CrossCheckContext): Issue[] {
  const { locate, inScope = () => true } = context;
  const issues: Issue[] = [];
  for (const file of files) {
    if (file.kind === 'toolkit') issues.push(...checkToolkitFileName(file.path));
    if (file.kind === 'diagram') issues.push(...checkDiagramFileName(file.path));
  }
  const site = buildSiteModel(files, context.code, locate);
  issues.push(...site.issues);
  const links = {
    site,
    hasPublicFile: context.hasPublicFile,
    hasRepoFile: context.hasRepoFile,
    suggestionBudget: newSuggestionBudget(),
    locate,
  };
  for (const file of files) {
    if (inScope(file.path)) issues.push(...checkLinks(file.path, pageOf(file), file.summary.links, links));
  }
  issues.push(...checkToolkitReferences(files, locate));
  issues.push(...checkDiagramReferences(files));
  return issues;
}
