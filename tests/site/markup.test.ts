import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { UPSTREAM_MARKUP, checkBuiltMarkup } from '../../scripts/lib/built-markup.ts';
import { DIST } from '../helpers/site.ts';

describe('the markup of the production build', () => {
  it('passes html-validate’s recommended rules on every page, save what Starlight writes', async () => {
    const { issues, excused } = await checkBuiltMarkup(DIST);
    // The upstream list, with what each case excused in this build: to report upstream.
    for (const [i, e] of UPSTREAM_MARKUP.entries()) {
      console.log(`html-validate ${e.rule} (${e.selector}) : ${String(excused[i] ?? 0)} fois, ${e.upstream}`);
    }
    expect(issues).toEqual([]);
  });

  it('gives the header logo an empty alt: the site title is written next to it', () => {
    const tree = fromHtml(readFileSync(join(DIST, 'index.html'), 'utf8'));
    const title = select('header a.site-title', tree);
    if (!title) throw new Error('pas de titre du site dans l’en-tête de l’accueil');
    const logo = select('img', title);
    expect(logo?.properties['alt']).toBe('');
    let text = '';
    visit(title, 'text', (node) => {
      text += node.value;
    });
    expect(text.trim()).toBe('KPA-Cité');
  });
});
