/**
 * Everything `validate` learns from one file on its own: its issues, and a small summary
 * (links, anchors, toolkit references…) that the checks across files read. The summary
 * depends only on the file's bytes and its collection, so it is cached by content hash.
 */
import { z } from '../../../src/schemas/zod-fr.ts';
import { guidePageSchemaOutsideAstro } from '../../../src/schemas/guide-page.ts';
import { toolkitSchema } from '../../../src/schemas/toolkit.ts';
import { kpaSchema } from '../../../src/schemas/kpa.ts';
import { glossaryEntrySchema } from '../../../src/schemas/glossary.ts';
import { inlineLinks } from '../../../src/lib/inline-links.ts';
import { START, localIssue, type LocalIssue } from './issues.ts';
import type { Kind } from './content-files.ts';
import { isSitePath, scanMarkdown, type LinkRef } from './markdown.ts';
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

/** Links written in a guide page's header: hero buttons and previous/next overrides. */
function frontmatterLinks(yaml: ParsedYaml): LinkRef[] {
  const data = record(yaml.value);
  const links: LinkRef[] = [];
  const add = (url: unknown, path: PropertyKey[]) => {
    if (typeof url === 'string' && isSitePath(url)) links.push({ url, ...yaml.fieldAt(path), image: false });
  };
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

function summarizeMarkdown(kind: 'doc' | 'toolkit', text: string, format: 'mdx' | 'md'): FileSummary {
  const scan = scanMarkdown(text, format);
  const summary: FileSummary = {
    issues: scan.issues,
    links: scan.links,
    anchors: scan.anchors,
    components: scan.components,
    complete: scan.complete,
    draft: false,
  };
  if (scan.frontmatter === undefined) {
    summary.issues.push(
      localIssue(
        'frontmatter-missing',
        START,
        'en-tête absent : le fichier doit commencer par une ligne « --- », les champs, puis une autre ligne « --- »',
      ),
    );
    return summary;
  }
  const yaml = parseYaml(scan.frontmatter, 2);
  summary.issues.push(...yaml.issues);
  if (yaml.value === undefined && yaml.issues.length > 0) return summary;
  const data = record(yaml.value);
  summary.draft = data['draft'] === true;
  if (kind === 'doc') {
    const { issues } = checkSchema(guidePageSchema, yaml);
    summary.issues.push(...issues, ...checkFrontmatterSafety(yaml));
    summary.issues.push(...unknownFieldIssues(guidePageSchema, yaml, LOADER_FIELDS));
    if (typeof data['slug'] === 'string') summary.slug = data['slug'];
    summary.links.push(...frontmatterLinks(yaml));
    return summary;
  }
  const { data: toolkit, issues } = checkSchema(toolkitSchema, yaml);
  summary.issues.push(...issues);
  if (toolkit) {
    const facts: ToolkitFacts = { title: toolkit.title, category: toolkit.category, related: toolkit.related };
    if (toolkit.variantOf !== undefined) facts.variantOf = toolkit.variantOf;
    summary.toolkit = facts;
    if (toolkit.image) summary.links.push({ url: toolkit.image.src, ...START, image: true, field: ['image', 'src'] });
  }
  return summary;
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

/** Reads one file of `kind` from its bytes. Never throws: a failure is an issue on the file. */
export function summarizeFile(kind: Kind, name: string, bytes: Uint8Array): FileSummary {
  try {
    const decoded = decodeFile(bytes);
    if (decoded.text === undefined) return emptySummary(decoded.issues);
    const text = decoded.text;
    let summary: FileSummary;
    if (kind === 'doc' || kind === 'toolkit') {
      summary = summarizeMarkdown(kind, text, name.endsWith('.md') ? 'md' : 'mdx');
    } else {
      const yaml = parseYaml(text, 1);
      if (yaml.value === undefined) summary = emptySummary(yaml.issues);
      else if (kind === 'glossary') summary = summarizeGlossary(yaml, text);
      else summary = { ...emptySummary(checkSchema(kpaSchema, yaml).issues), complete: true };
    }
    summary.issues.unshift(...decoded.issues);
    return summary;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return emptySummary([localIssue('internal-error', START, `le validateur n’a pas pu lire ce fichier : ${detail}`)]);
  }
}
