/**
 * Positions found after the fact. The summaries of valid files keep no positions for their
 * frontmatter fields (finding them costs a second YAML parse); when a check across files
 * reports on a field, its line is looked up here, once per file. No Node import: `engine.ts`
 * reads the files from the disk, the online editor passes the text it is about to write.
 */
import { START, type Position } from './issues.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export type FieldPath = (string | number)[];

export type FieldLocator = (file: string, field: FieldPath) => Position;

/** The fields of a file's text: a YAML data file, or the frontmatter of a page. */
export function fieldsOf(file: string, text: string): ParsedYaml | undefined {
  if (/\.ya?ml$/.test(file)) return parseYaml(text, 1);
  const frontmatter = splitFrontmatter(text);
  return frontmatter === undefined ? undefined : parseYaml(frontmatter, 2);
}

/** A locator over the files whose text `read` gives (`undefined`: unreadable, or unknown). */
export function textLocator(read: (file: string) => string | undefined): FieldLocator {
  const parsed = new Map<string, ParsedYaml | undefined>();
  return (file, field) => {
    if (!parsed.has(file)) {
      const text = read(file);
      parsed.set(file, text === undefined ? undefined : fieldsOf(file, text));
    }
    return parsed.get(file)?.fieldAt(field) ?? START;
  };
}
