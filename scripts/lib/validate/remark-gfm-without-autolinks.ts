/**
 * GitHub Flavored Markdown as remark-gfm adds it (tables, footnotes, strikethrough, task
 * lists, in the same order and with the same defaults), minus its autolink literals
 * (`www.exemple.fr`, `https://…`, `nom@exemple.fr` in plain text). Those only ever become
 * links to other sites, which no rule of `npm run validate` checks, and recognising them
 * costs a quarter to a third of the parsing time: the email construct is tried at every
 * word. `tests/unit/validate-parsing.test.ts` checks that the validator finds exactly the
 * same things with remark-gfm itself.
 */
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

export default function remarkGfmWithoutAutolinks(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
  return undefined;
}
