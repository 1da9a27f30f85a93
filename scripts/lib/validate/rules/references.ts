/**
 * Rule: toolkits cite toolkits that exist, without citing themselves or going round in a
 * `variantOf` circle, and no two share a title. The check is `checkReferences` of
 * `src/lib/catalogue.ts`, the one the site runs; this module only places its issues.
 */
import { checkReferences, type ReferenceIssue, type ReferenceSource } from '../../../../src/lib/catalogue.ts';
import { localIssue, type Issue } from '../issues.ts';
import { toolkitSlug } from '../routes.ts';
import type { SummarizedFile } from '../site-model.ts';
import type { ToolkitFacts } from '../per-file.ts';
import type { FieldLocator, FieldPath } from '../locate.ts';

export function checkToolkitReferences(files: readonly SummarizedFile[], locate: FieldLocator): Issue[] {
  const facts = new Map<string, ToolkitFacts>();
  const sources: ReferenceSource[] = [];
  // A toolkit with an invalid header is reported on its own; citing it is not an error too.
  const unreadable = new Set<string>();
  for (const file of files) {
    if (file.kind !== 'toolkit') continue;
    const toolkit = file.summary.toolkit;
    if (!toolkit) {
      unreadable.add(toolkitSlug(file.path));
      continue;
    }
    facts.set(file.path, toolkit);
    const data: ReferenceSource['data'] = { title: toolkit.title, related: toolkit.related };
    if (toolkit.variantOf !== undefined) data.variantOf = toolkit.variantOf;
    sources.push({ slug: toolkitSlug(file.path), file: file.path, data });
  }
  const target = (issue: ReferenceIssue): string | undefined => {
    const toolkit = facts.get(issue.file);
    if (issue.field === 'variantOf') return toolkit?.variantOf;
    return issue.index === undefined ? undefined : toolkit?.related[issue.index];
  };
  const issues = checkReferences(sources).filter((issue) => {
    const cited = issue.rule === 'unknown-toolkit' ? target(issue) : undefined;
    return cited === undefined || !unreadable.has(cited);
  });
  return issues.map((issue) => {
    const field: FieldPath =
      issue.field === 'related' && issue.index !== undefined ? ['related', issue.index] : [issue.field];
    return { file: issue.file, ...localIssue(issue.rule, locate(issue.file, field), issue.message, field) };
  });
}
