/**
 * Step 2 of `npm run validate`: everything it learns from one file on its own, its issues and
 * a small summary (links, anchors, toolkit references…) that the checks across files read.
 * For a page: the bytes are decoded, the frontmatter split (and compared with Astro's split),
 * the header checked against its schema and for unsafe strings, the body read with remark for
 * the rules with precise lines, then compiled as the build compiles it (`build-view.ts`) for
 * the final say on code and HTML. The summary depends only on the file's bytes, its path and
 * its collection, so it is cached by content hash.
 */
import { z } from '../../../src/schemas/zod-fr.ts';
import { guidePageSchemaOutsideAstro } from '../../../src/schemas/guide-page.ts';
import { toolkitSchema } from '../../../src/schemas/toolkit.ts';
import { kpaSchema } from '../../../src/schemas/kpa.ts';
import { glossaryEntrySchema } from '../../../src/schemas/glossary.ts';
import { diagramSchema } from '../../../src/schemas/diagram.ts';
import { inlineLinks } from '../../../src/lib/inline-links.ts';
import { START, localIssue, type LocalIssue } from './issues.ts';
import type { Kind } from './discover.ts';
import { isSitePath, type DiagramRef, type LinkRef } from './scan-tree.ts';
import { frontmatterBlock, frontmatterMismatch } from './frontmatter.ts';
import { checkBuildView } from './build-view.ts';
import { imagePathIssue } from './rules/images.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';
import { decodeFile } from './rules/file-format.ts';
import { checkSchema, unknownFieldIssues } from './rules/schema.ts';
import { checkFrontmatterSafety } from './rules/frontmatter-safety.ts';

/** What the checks across files need of a valid toolkit (positions are looked up on demand). */
export interface ToolkitFacts {
  title: string;
  category: string;
  variantOf?: string;
  related: string[];
}

export interface FileSummary {
  issues: LocalIssue[];
  links: LinkRef[];
  anchors: string[];
  components: string[];
  /** The diagrams a page shows (`<Diagram name="…" />`). */
  diagrams?: DiagramRef[];
  /** False when the page could not be read far enough to know its anchors. */
  complete: boolean;
  /** A draft is checked but not published: links to it are broken. */
  draft: boolean;
  /** A guide page's `slug` field, which replaces the address made from its path. */
  slug?: string;
  /** A toolkit whose frontmatter is valid. */
  toolkit?: ToolkitFacts;
  /** The glossary's entry ids, which become anchors of the page showing `<Glossary />`. */
  glossaryIds?: string[];
}

const guidePageSchema = guidePageSchemaOutsideAstro();
/** Fields the docs loader reads before the schema. */
const LOADER_FIELDS = ['slug'];
const glossarySchema = z.array(glossaryEntrySchema);

function emptySummary(issues: LocalIssue[]): FileSummary {
  return { issues, links: [], anchors: [], components: [], complete: false, draft: false };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Links written in a guide page's header: hero buttons, hero image and previous/next overrides. */
function frontmatterLinks(yaml: ParsedYaml): LinkRef[] {
  const data = record(yaml.value);
  const links: LinkRef[] = [];
  const add = (url: unknown, path: PropertyKey[], image = false) => {
    if (typeof url === 'string' && isSitePath(url)) links.push({ url, ...yaml.fieldAt(path), image });
  };
  const heroImage = record(record(data['hero'])['image']);
  for (const key of ['file', 'dark', 'light']) add(heroImage[key], ['hero', 'image', key], true);
  const actions = record(data['hero'])['actions'];
  if (Array.isArray(actions)) {
    actions.forEach((action, i) => {
      add(record(action)['link'], ['hero', 'actions', i, 'link']);
    });
  }
  for (const key of ['prev', 'next']) {
    const value = data[key];
    if (typeof value === 'string') add(value, [key]);
    else add(record(value)['link'], [key, 'link']);
  }
  return links;
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * What the build view adds to the remark rules: a problem already reported on the same line
 * with the same rule is the same problem, and one the build view could not place (line 1) is
 * already told by any issue of its rule.
 */
function newFindings(built: readonly LocalIssue[], known: readonly LocalIssue[]): LocalIssue[] {
  const lines = new Set(known.map((i) => `${i.rule}:${String(i.line)}`));
  const rules = new Set(known.map((i) => i.rule));
  const unplaced = (i: LocalIssue) => i.line === START.line && i.column === START.column;
  return built.filter((i) => !lines.has(`${i.rule}:${String(i.line)}`) && !(unplaced(i) && rules.has(i.rule)));
}

async function summarizeMarkdown(
  kind: 'doc' | 'toolkit',
  path: string,
  text: string,
  raw: string,
): Promise<FileSummary> {
  const format = path.endsWith('.md') ? 'md' : 'mdx';
  const block = frontmatterBlock(text);
  const summary = emptySummary([]);
  const fence = frontmatterMismatch(raw, block);
  if (fence !== undefined) {
    summary.issues.push(
      localIssue(
        'frontmatter-fence',
        { line: fence, column: 1 },
        fence === 1
          ? 'le site ne lit pas l’en-tête comme le validateur : la première ligne doit être « --- » (sans ligne vide avant), l’en-tête en YAML, les fins de ligne Unix'
          : 'le site ferme l’en-tête à cette ligne, qui commence par « --- » : la ligne de fermeture doit être « --- » seule, et aucune autre ligne de l’en-tête ne peut commencer par « --- »',
      ),
    );
  }
  const readable = checkHeader(kind, path, block?.yaml, summary);
  // The build would choke on an unreadable header too (an alias bomb takes it minutes to
  // expand): the file is refused already, and compiling it would only waste the budget.
  const built = readable ? await checkBuildView({ raw, format, path }) : undefined;
  // Usually the compiled page and the compiler's own tree show nothing wrong: the page's
  // links and anchors are then read from that tree. Otherwise remark reads the page again,
  // for the precise lines and messages of its rules, and the build view adds what it alone
  // saw. (A page that takes remark minutes is then stopped by the time budget.)
  let scan = built?.scan;
  if (!built || !scan || built.issues.length > 0 || scan.issues.length > 0) {
    // Loaded on the first page that needs it: most runs never do.
    const { scanMarkdown } = await import('./markdown.ts');
    scan = scanMarkdown(text, format);
  }
  summary.issues.push(...scan.issues);
  summary.links.push(...scan.links);
  summary.anchors = scan.anchors;
  summary.components = scan.components;
  if (scan.diagrams.length > 0) summary.diagrams = scan.diagrams;
  summary.complete = scan.complete;
  for (const link of scan.links) {
    const issue = link.image ? imagePathIssue(link.url, folderOf(path), link) : undefined;
    if (issue) summary.issues.push(issue);
  }
  if (built) summary.issues.push(...newFindings(built.issues, summary.issues));
  return summary;
}

/** Checks a page's header into `summary`; false when its YAML cannot be read. */
function checkHeader(
  kind: 'doc' | 'toolkit',
  path: string,
  frontmatter: string | undefined,
  summary: FileSummary,
): boolean {
  if (frontmatter === undefined) {
    summary.issues.push(
      localIssue(
        'frontmatter-missing',
        START,
        'en-tête absent : le fichier doit commencer par une ligne « --- », les champs, puis une autre ligne « --- »',
      ),
    );
    return true;
  }
  const yaml = parseYaml(frontmatter, 2);
  summary.issues.push(...yaml.issues);
  if (yaml.issues.some((i) => i.rule === 'yaml-syntax')) return false;
  const data = record(yaml.value);
  summary.draft = data['draft'] === true;
  summary.issues.push(...checkFrontmatterSafety(yaml, kind === 'doc' ? 'doc' : 'data'));
  if (kind === 'doc') {
    const { issues } = checkSchema(guidePageSchema, yaml);
    summary.issues.push(...issues);
    summary.issues.push(...unknownFieldIssues(guidePageSchema, yaml, LOADER_FIELDS));
    if (typeof data['slug'] === 'string') summary.slug = data['slug'];
    for (const link of frontmatterLinks(yaml)) {
      summary.links.push(link);
      const issue = link.image ? imagePathIssue(link.url, folderOf(path), link) : undefined;
      if (issue) summary.issues.push(issue);
    }
    return true;
  }
  const { data: toolkit, issues } = checkSchema(toolkitSchema, yaml);
  summary.issues.push(...issues);
  if (toolkit) {
    const facts: ToolkitFacts = { title: toolkit.title, category: toolkit.category, related: toolkit.related };
    if (toolkit.variantOf !== undefined) facts.variantOf = toolkit.variantOf;
    summary.toolkit = facts;
    if (toolkit.image) summary.links.push({ url: toolkit.image.src, ...START, image: true, field: ['image', 'src'] });
  }
  return true;
}

function summarizeGlossary(yaml: ParsedYaml, text: string): FileSummary {
  const summary = emptySummary([]);
  const { data, issues } = checkSchema(glossarySchema, yaml);
  summary.issues.push(...issues);
  if (!data) return summary;
  summary.complete = true;
  const seen = new Map<string, number>();
  data.forEach((entry, i) => {
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, i);
    else {
      summary.issues.push(
        localIssue(
          'duplicate-id',
          yaml.fieldAt([i, 'id']),
          `identifiant « ${entry.id} » déjà utilisé par l’entrée « ${data[first]?.term ?? ''} »`,
        ),
      );
    }
    const range = yaml.rangeAt([i, 'definition']);
    for (const { href } of inlineLinks(entry.definition)) {
      if (!isSitePath(href)) continue;
      const offset = range ? text.indexOf(`](${href})`, range[0]) : -1;
      const at =
        offset !== -1 && range && offset < range[1] ? yaml.positionOf(offset + 2) : yaml.fieldAt([i, 'definition']);
      summary.links.push({ url: href, ...at, image: false });
    }
  });
  summary.glossaryIds = [...seen.keys()];
  return summary;
}

/**
 * Reads one file of `kind` from its bytes; `name` is its path relative to the validated root.
 * Never throws: a failure is an issue on the file.
 */
export async function summarizeFile(kind: Kind, name: string, bytes: Uint8Array): Promise<FileSummary> {
  try {
    const decoded = decodeFile(bytes);
    if (decoded.text === undefined) return emptySummary(decoded.issues);
    const text = decoded.text;
    let summary: FileSummary;
    if (kind === 'doc' || kind === 'toolkit') {
      summary = await summarizeMarkdown(kind, name, text, decoded.raw ?? text);
    } else {
      const yaml = parseYaml(text, 1);
      if (yaml.value === undefined) summary = emptySummary(yaml.issues);
      else if (kind === 'glossary') summary = summarizeGlossary(yaml, text);
      else if (kind === 'diagram')
        summary = { ...emptySummary(checkSchema(diagramSchema, yaml).issues), complete: true };
      else summary = { ...emptySummary(checkSchema(kpaSchema, yaml).issues), complete: true };
      if (yaml.value !== undefined) summary.issues.push(...checkFrontmatterSafety(yaml, 'data'));
    }
    summary.issues.unshift(...decoded.issues);
    return summary;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return emptySummary([localIssue('internal-error', START, `le validateur n’a pas pu lire ce fichier : ${detail}`)]);
  }
}
