/**
 * The frontmatter of a Markdown or MDX file without parsing the body: the lines between a
 * first line `---` and the next line `---`, exactly as remark-frontmatter reads them (a
 * unit test holds the two together). `npm run index`, error positions and the validator's
 * parser use it.
 */
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';

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

/**
 * Whether Astro reads the same frontmatter as the validator. Astro (`parseFrontmatter` of
 * `@astrojs/internal-helpers`, on the file as it is on disk) ends the block at the first
 * line that *starts* with `---`, accepts blank lines before it and TOML between `+++` lines;
 * the rest of that closing line then becomes page content, compiled as MDX. The validator
 * reads a block closed by a line that is exactly `---`. When the two differ, the line where
 * Astro closes the block is returned (1 when Astro sees no block, or one the validator does
 * not see).
 */
export function frontmatterMismatch(raw: string, block: FrontmatterBlock | undefined): number | undefined {
  // Spaces after the opening `---` are harmless to both readers.
  const astro = extractFrontmatter(raw)
    ?.replace(/\r\n?/g, '\n')
    .replace(/^[ \t]+\n/, '\n');
  const expected = block === undefined ? undefined : block.yaml === '' ? '\n' : `\n${block.yaml}\n`;
  if (astro === expected) return undefined;
  if (astro === undefined || block === undefined) return 1;
  // Astro's block starts on the `---` line (line 1) and ends before its closing line.
  return astro.split('\n').length;
}
