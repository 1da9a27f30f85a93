/**
 * Positions found after the fact. The summaries of valid files keep no positions for their
 * frontmatter fields (finding them costs a second YAML parse); when a check across files
 * reports on a field, its line is looked up here, once per file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { START, type Position } from './issues.ts';
import { decodeFile } from './rules/file-format.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export type FieldPath = (string | number)[];

export type FieldLocator = (file: string, field: FieldPath) => Position;

export function fieldLocator(root: string): FieldLocator {
  const parsed = new Map<string, ParsedYaml | undefined>();
  const read = (file: string): ParsedYaml | undefined => {
    const text = decodeFile(readFileSync(join(root, file))).text;
    if (text === undefined) return undefined;
    if (/\.ya?ml$/.test(file)) return parseYaml(text, 1);
    const frontmatter = splitFrontmatter(text);
    return frontmatter === undefined ? undefined : parseYaml(frontmatter, 2);
  };
  return (file, field) => {
    if (!parsed.has(file)) parsed.set(file, read(file));
    return parsed.get(file)?.fieldAt(field) ?? START;
  };
}
