/**
 * The frontmatter of a Markdown or MDX file without parsing the body: the lines between a
 * first line `---` and the next line `---`, exactly as remark-frontmatter reads them (a
 * unit test holds the two together). `npm run index`, error positions and the validator's
 * parser use it.
 */
const FRONTMATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;

export interface FrontmatterBlock {
  /** The YAML between the two `---` lines (it starts at line 2). */
  yaml: string;
  /** Length of the block in the text, both `---` lines included. */
  length: number;
}

/** The frontmatter block at the start of `text`, or `undefined` when there is none. */
export function frontmatterBlock(text: string): FrontmatterBlock | undefined {
  const match = FRONTMATTER.exec(text);
  return match ? { yaml: match[1] ?? '', length: match[0].length } : undefined;
}

/** The YAML of the frontmatter (which starts at line 2), or `undefined` when there is none. */
export function splitFrontmatter(text: string): string | undefined {
  return frontmatterBlock(text)?.yaml;
}

/**
 * `text` with the lines of its frontmatter block emptied (their line ends kept): the body
 * then parses with the same lines and columns, and the Markdown parser does not go through
 * the YAML again, which took a third of its time.
 */
export function blankFrontmatter(text: string, block: FrontmatterBlock | undefined): string {
  if (!block) return text;
  return text.slice(0, block.length).replace(/[^\n]+/g, '') + text.slice(block.length);
}
