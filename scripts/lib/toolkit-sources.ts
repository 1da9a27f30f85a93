/**
 * The toolkits of a content tree as `buildCatalogue` takes them, read the way the site reads
 * them (frontmatter through js-yaml, then the toolkit schema), with the same checks between
 * toolkits as the site. Only frontmatters are parsed: the index needs no body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferences, type ToolkitSource } from '../../src/lib/catalogue.ts';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';
import { START, compareIssues, localIssue, type Issue } from './validate/issues.ts';
import { discoverContent, toolkitSlug } from './validate/discover.ts';
import { decodeFile } from './validate/rules/file-format.ts';
import { splitFrontmatter } from './validate/frontmatter.ts';
import { parseYaml } from './validate/yaml.ts';
import { checkSchema } from './validate/rules/schema.ts';
import type { FieldPath } from './validate/locate.ts';
import { fieldLocator } from './validate/locate-files.ts';

export interface LoadedToolkits {
  sources: ToolkitSource[];
  /** Problems that keep the catalogue from being built, as `npm run validate` reports them. */
  issues: Issue[];
}

export function loadToolkitSources(root: string): LoadedToolkits {
  const sources: ToolkitSource[] = [];
  const issues: Issue[] = [];
  for (const { path, kind } of discoverContent(root).files) {
    if (kind !== 'toolkit') continue;
    const decoded = decodeFile(readFileSync(join(root, path)));
    issues.push(...decoded.issues.map((i) => ({ file: path, ...i })));
    if (decoded.text === undefined) continue;
    const frontmatter = splitFrontmatter(decoded.text);
    if (frontmatter === undefined) {
      issues.push({ file: path, ...localIssue('frontmatter-missing', START, 'en-tête absent') });
      continue;
    }
    const yaml = parseYaml(frontmatter, 2);
    const { data, issues: schemaIssues } =
      yaml.value === undefined ? { data: undefined, issues: [] } : checkSchema(toolkitSchema, yaml);
    issues.push(...[...yaml.issues, ...schemaIssues].map((i) => ({ file: path, ...i })));
    if (data) sources.push({ slug: toolkitSlug(path), file: path, data });
  }
  const locate = fieldLocator(root);
  for (const problem of checkReferences(sources)) {
    const field: FieldPath =
      problem.field === 'related' && problem.index !== undefined ? ['related', problem.index] : [problem.field];
    issues.push({ file: problem.file, ...localIssue(problem.rule, locate(problem.file, field), problem.message) });
  }
  return { sources, issues: issues.filter((i) => i.severity === 'error').sort(compareIssues) };
}
