/**
 * The frontmatter of a Markdown or MDX file without parsing the body: the lines between a
 * first line `---` and the next line `---`, exactly as remark-frontmatter reads them (a
 * unit test holds the two together). `npm run index` and error positions use it.
 */
const FRONTMATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/;

/** The YAML of the frontmatter (which starts at line 2), or `undefined` when there is none. */
export function splitFrontmatter(text: string): string | undefined {
  const match = FRONTMATTER.exec(text);
  return match ? (match[1] ?? '') : undefined;
}
