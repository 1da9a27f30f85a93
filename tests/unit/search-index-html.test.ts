import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { prepareForIndex } from '../../src/lib/search-index-html.ts';
import { pageUrl } from '../../src/integrations/search-index.ts';

/** The text of the `<main>` of a page, as an indexer reads it: the text nodes end to end. */
function mainText(html: string): string {
  const text = (node: Root | RootContent | ElementContent): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '';
  const find = (node: Root | Element): Element | undefined => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'main') return child;
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const main = find(fromHtml(html));
  return main ? text(main).replace(/\s+/g, ' ').trim() : '';
}

const page = (body: string) =>
  `<!doctype html><html lang="fr"><head><title>T</title></head><body><main>${body}</main></body></html>`;

describe('the text of a page for the search index', () => {
  it('separates a glossary term from its definition, and a link card’s title from its description', () => {
    const html = page(
      '<dl><dt><a href="#cae">CAE</a></dt><dd>Coopérative d’activités.</dd></dl>' +
        '<div><span><a href="/a/"><span class="title">Achat groupé</span></a><span>Se regrouper.</span></span></div>',
    );
    expect(mainText(html)).toBe('CAECoopérative d’activités.Achat groupéSe regrouper.');
    expect(mainText(prepareForIndex(html).html)).toBe('CAE Coopérative d’activités. Achat groupé Se regrouper.');
  });

  it('separates blocks from the text around them', () => {
    const html = page('avant<p>dedans</p>après<ul><li>un</li><li>deux</li></ul>');
    expect(mainText(prepareForIndex(html).html)).toBe('avant dedans après un deux');
  });

  it('keeps a word that runs into a link or an emphasis whole', () => {
    const html = page('<p>des <a href="/c/">commun</a>s et l’<em>entre</em>prise</p>');
    expect(mainText(prepareForIndex(html).html)).toBe('des communs et l’entreprise');
  });

  it('leaves scripts, styles and the head alone', () => {
    const html = page('<p>texte</p><script>let a=1;</script><style>p{color:red}</style>');
    const prepared = prepareForIndex(html).html;
    expect(prepared).toContain('<script>let a=1;</script>');
    expect(prepared).toContain('<style>p{color:red}</style>');
    expect(prepared).toContain('<head><title>T</title></head>');
  });

  it('gives one entry per term of a list marked data-search-entries, with its other forms', () => {
    const html = page(
      '<dl data-pagefind-ignore data-search-entries>' +
        '<dt id="cae" data-search-aliases="coopérative d’activités et d’emploi, CAEs"><a href="#cae">CAE</a></dt>' +
        '<dd>Coopérative <a href="/creer/">d’activités</a>.</dd>' +
        '<dt id="kanban"><a href="#kanban">Kanban</a></dt><dd>Un tableau.</dd><dd>Au mur.</dd>' +
        '<dt>Sans ancre</dt><dd>Ignoré.</dd>' +
        '</dl><dl><dt id="autre">Autre</dt><dd>Pas une entrée.</dd></dl>',
    );
    expect(prepareForIndex(html).entries).toEqual([
      {
        id: 'cae',
        term: 'CAE',
        aliases: ['coopérative d’activités et d’emploi', 'CAEs'],
        definition: 'Coopérative d’activités.',
      },
      { id: 'kanban', term: 'Kanban', aliases: [], definition: 'Un tableau. Au mur.' },
    ]);
  });

  it('names each page by its address, as Pagefind does', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('creer/creer-un-kpa/index.html')).toBe('/creer/creer-un-kpa/');
  });
});
