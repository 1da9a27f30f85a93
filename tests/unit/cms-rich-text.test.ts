/**
 * The rich-text mode of the editor, in Node, with Decap's own conversion between Markdown and
 * its editor tree (decap-cms-widget-markdown's serializers) and Decap's own registry, set up
 * as `/admin/` sets them up. Only the widget's browser module is replaced (see
 * `tests/helpers/decap-markdown-control.ts`).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { parse } from 'yaml';
import {
  markdownToSlate,
  slateToMarkdown,
  type SlateNode,
} from 'decap-cms-widget-markdown/dist/esm/serializers/index.js';
import markdownSchema from 'decap-cms-widget-markdown/dist/esm/schema.js';
import { createEditor, Transforms, type Descendant } from 'slate';
import withBlocks from 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/blocks/withBlocks.js';
import withHtml from 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/html/withHtml.js';
import withInlines from 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/inlines/withInlines.js';
import withLists from 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/lists/withLists.js';
import withShortcodes from 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/shortcodes/withShortcodes.js';
import { frontmatterFromFile, frontmatterToFile, type FormatOptions } from '../../src/cms/formats.ts';
import { normalizeToolkit } from '../../src/cms/collections.ts';
import { BODY_EDITOR } from '../../src/cms/body-field.ts';
import { COMPONENT_ATTRIBUTES, EDITOR_COMPONENTS, type EditorComponent } from '../../src/cms/editor-components.ts';
import {
  CONSTRUCTS,
  rawModeNotice,
  richTextRoundTrip,
  richTextVerdict,
  type RichTextVerdict,
} from '../../src/cms/rich-text.ts';
import { ALLOWED_COMPONENTS, COMPONENT_PROPS } from '../../src/config/mdx-components.ts';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { VALID } from '../helpers/validate-fixtures.ts';
import { ROOT } from '../helpers/site.ts';
import { decapRegistry } from '../helpers/decap-registry.ts';

vi.mock(
  'decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js',
  () => import('../helpers/decap-markdown-control.ts'),
);

const setup = decapRegistry();
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function contentFiles(pattern: RegExp): string[] {
  const listed = spawnSync('git', ['ls-files', 'content'], { cwd: ROOT, encoding: 'utf8' }).stdout;
  return listed.split('\n').filter((f) => pattern.test(f));
}

/** The format options `/admin/` gives each file (toolkits have their durations normalised). */
const formatOptions = (file: string): FormatOptions =>
  file.startsWith('content/toolkits/') ? { normalize: normalizeToolkit } : {};

interface ContentText {
  /** The file, and the glossary entry for a definition. */
  where: string;
  text: string;
  /** Line of the file before the text, for the report. */
  header: number;
  /** A page or toolkit: its file and the data the format reads from it. */
  file?: string;
  verdict: RichTextVerdict;
  /** The text as the rich-text editor would write it back untouched. */
  roundTrip: string;
  tree: SlateNode[];
}

/**
 * Every Markdown text of content/ (the body of each page and toolkit, each glossary
 * definition), run once through Decap's conversion for all the tests below.
 */
function contentTexts(): ContentText[] {
  const bodies = contentFiles(/\.mdx?$/).map((file) => {
    const source = read(file);
    const body = frontmatterFromFile(source, formatOptions(file))['body'];
    const text = typeof body === 'string' ? body : '';
    return { where: file, text, header: source.slice(0, source.length - text.length).split('\n').length - 1, file };
  });
  const glossary = (parse(read('content/glossaire.yaml')) as { id: string; definition: string }[]).map((entry) => ({
    where: `content/glossaire.yaml (${entry.id})`,
    text: entry.definition,
    header: 0,
  }));
  return [...bodies, ...glossary].map((t) => ({
    ...t,
    verdict: richTextVerdict(t.text, setup),
    roundTrip: richTextRoundTrip(t.text, setup),
    tree: markdownToSlate(t.text, setup),
  }));
}

const TEXTS = contentTexts();
const RICH = TEXTS.filter((t) => t.text.trim() !== '' && t.verdict.richText);

type Raw = Extract<RichTextVerdict, { richText: false }>;

describe('the rule that decides between rich text and raw mode', () => {
  it('opens a page or toolkit in rich text only if, untouched, its file comes back byte for byte', () => {
    const files = TEXTS.filter((t) => t.file !== undefined);
    expect(files.length).toBeGreaterThan(30);
    const changed = files.filter(({ file = '', verdict, roundTrip }) => {
      if (!verdict.richText) return false;
      const data = frontmatterFromFile(read(file), formatOptions(file));
      return frontmatterToFile({ ...data, body: roundTrip }, formatOptions(file)) !== read(file);
    });
    expect(changed.map((t) => t.where)).toEqual([]);
  });

  it('names, for a text kept in raw mode, a line that the rich-text editor would really rewrite', () => {
    for (const { text, verdict, roundTrip } of TEXTS) {
      if (verdict.richText) continue;
      const lines = text.replace(/\s+$/, '').split('\n');
      const rewritten = roundTrip.split('\n');
      expect(lines[verdict.line - 1]).toBe(verdict.written);
      expect(rewritten[verdict.line - 1]).toBe(verdict.rewritten);
      expect(verdict.written).not.toBe(verdict.rewritten);
    }
  });

  it('reports which Markdown texts of content/ open in rich text and which stay in raw mode, and why', () => {
    const raw = TEXTS.filter((v): v is ContentText & { verdict: Raw } => !v.verdict.richText);
    const lines = raw.map(
      ({ where, header, verdict }) =>
        `  ${where}:${header + verdict.line}  ${verdict.construct} — « ${verdict.written} » → « ${verdict.rewritten ?? '(rien)'} »`,
    );
    console.log(
      [
        `Texte enrichi : ${TEXTS.length - raw.length} textes sur ${TEXTS.length} ` +
          `(${TEXTS.filter((v) => v.file !== undefined).length} pages et boîtes à outils, ` +
          `${TEXTS.filter((v) => v.file === undefined).length} définitions du glossaire).`,
        `Mode brut : ${raw.length}${lines.length > 0 ? ' :' : '.'}`,
        ...lines,
      ].join('\n'),
    );
    expect(raw.every((r) => Object.values(CONSTRUCTS).includes(r.verdict.construct as never))).toBe(true);
  });
});

/** The word each edit adds: found nowhere in content/, so that it is counted once. */
const MARK = 'motajoutéparletest';

/** The text leaves of the editor tree outside components, with their paths. */
function textLeaves(nodes: readonly SlateNode[], path: number[] = []): { path: number[]; text: string }[] {
  return nodes.flatMap((node, i) => {
    if (node.type === 'shortcode' || node.type === 'inline-shortcode') return [];
    if (typeof node.text === 'string') return node.text.trim() === '' ? [] : [{ path: [...path, i], text: node.text }];
    return textLeaves(node.children ?? [], [...path, i]);
  });
}

/**
 * Decap's rich-text editor without its React part: Slate with the widget's own plugins, in
 * the order of its VisualEditor, holding `tree`. Slate tidies the nodes an edit touches
 * (merging lists, texts…), as it does in the browser.
 */
function decapEditor(tree: readonly SlateNode[]) {
  const editor = withHtml(withShortcodes(withBlocks(withLists(withInlines(createEditor())))));
  editor.children = structuredClone(tree) as unknown as Descendant[];
  return editor;
}

/** `text` with a word added after its first space (or before it all). */
function withWord(text: string): string {
  const at = text.indexOf(' ', 1);
  return at < 0 ? `${MARK} ${text}` : `${text.slice(0, at + 1)}${MARK} ${text.slice(at + 1)}`;
}

/** One change to the form of each component: a word added to its first text. */
function editComponent(id: string, data: Record<string, unknown>): Record<string, unknown> {
  const first = <T>(list: unknown, edit: (item: T) => T): T[] => {
    const items = Array.isArray(list) ? (list as T[]) : [];
    return items.map((item, i) => (i === 0 ? edit(item) : item));
  };
  switch (id) {
    case 'Steps':
      return { ...data, steps: first<string>(data['steps'], withWord) };
    case 'Timeline':
      return { ...data, events: first<{ text: string }>(data['events'], (e) => ({ ...e, text: withWord(e.text) })) };
    case 'CardGrid':
      return { ...data, cards: first<{ title: string }>(data['cards'], (c) => ({ ...c, title: withWord(c.title) })) };
    case 'Aside':
    case 'Card':
      return { ...data, content: withWord(String(data['content'])) };
    case 'LinkCard':
      return { ...data, title: withWord(String(data['title'])) };
    default:
      return data;
  }
}

describe('an edit in rich text', () => {
  it('changes only the edited words, wherever they are, in every text that opens in rich text', () => {
    expect(RICH.length).toBeGreaterThan(0);
    expect(RICH.filter((t) => t.text.includes(MARK))).toEqual([]);
    const wrong: string[] = [];
    let edits = 0;
    for (const { where, text, tree } of RICH) {
      const expected = text.replace(/\s+$/, '');
      const leaves = textLeaves(tree);
      // Up to eight places spread over the text: titles, paragraphs, list items, links, cells.
      const step = Math.max(1, Math.floor(leaves.length / 8));
      for (const leaf of leaves.filter((_, i) => i % step === 0)) {
        const editor = decapEditor(tree);
        const at = leaf.text.indexOf(' ', 1) + 1;
        Transforms.insertText(editor, `${MARK} `, { at: { path: leaf.path, offset: at } });
        const written = slateToMarkdown(editor.children as SlateNode[], setup);
        edits += 1;
        if (written.split(MARK).length !== 2 || written.replace(`${MARK} `, '') !== expected) {
          wrong.push(`${where} : « ${leaf.text} »`);
        }
      }
    }
    expect(edits).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  }, 60_000); // some 250 edits through Slate: seconds on a busy machine

  it('changes only the edited component, and in it only the edited words', () => {
    const wrong: string[] = [];
    let edits = 0;
    for (const { where, text, tree } of RICH) {
      const expected = text.replace(/\s+$/, '');
      tree.forEach((node, i) => {
        const data = node.data as { shortcode?: string; shortcodeData?: Record<string, unknown> } | undefined;
        if (node.type !== 'shortcode' || !data?.shortcode || !data.shortcodeData) return;
        const changed = editComponent(data.shortcode, data.shortcodeData);
        if (changed === data.shortcodeData) return;
        // What Decap's component form does on a change.
        const editor = decapEditor(tree);
        Transforms.setNodes(editor, { data: { ...data, shortcodeData: changed } } as Partial<Descendant>, { at: [i] });
        const written = slateToMarkdown(editor.children as SlateNode[], setup);
        edits += 1;
        if (written.split(MARK).length !== 2 || written.replace(`${MARK} `, '') !== expected) {
          wrong.push(`${where} : <${data.shortcode}>`);
        }
      });
    }
    expect(edits).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  }, 60_000); // every component of content/ edited through Slate

  it('writes { } and < typed as text so that MDX shows them as typed', () => {
    const editor = decapEditor(markdownToSlate('Texte', setup));
    Transforms.insertText(editor, 'Moins de 5 € <pour tous> {environ}', { at: [0] });
    expect(slateToMarkdown(editor.children as SlateNode[], setup)).toBe('Moins de 5 € \\<pour tous> \\{environ\\}');
  });
});

/** The JSX elements MDX reads at the top level of a text, with their literal attributes. */
function jsxElements(text: string): MdxJsxFlowElement[] {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(text);
  return tree.children.filter((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');
}

const attributesOf = (element: MdxJsxFlowElement) =>
  Object.fromEntries(
    element.attributes.map((a) => [a.type === 'mdxJsxAttribute' ? a.name : '{…}', a.value ?? true] as const),
  );

/** The attributes an editor component holds, as MDX would read them. */
function formAttributes(id: string, data: Record<string, unknown>): Record<string, unknown> {
  const names: readonly string[] = COMPONENT_ATTRIBUTES[id as keyof typeof COMPONENT_ATTRIBUTES];
  return Object.fromEntries(names.filter((n) => data[n] !== undefined && data[n] !== false).map((n) => [n, data[n]]));
}

const component = (id: string): EditorComponent => {
  const found = EDITOR_COMPONENTS.find((c) => c.id === id);
  if (!found) throw new Error(`composant ${id} absent`);
  return found;
};

function toBlock(id: string, data: Record<string, unknown>): string {
  const c = component(id);
  return 'toBlock' in c ? c.toBlock(data) : c.toInline(data);
}

function fromBlock(id: string, text: string): Record<string, unknown> {
  const c = component(id);
  const match = new RegExp(`^(?:${c.pattern.source})`).exec(text);
  if (!match) throw new Error(`${id} ne reconnaît pas ${text}`);
  return 'fromBlock' in c ? c.fromBlock(match) : c.fromInline(match);
}

/** What a contributor fills in each component's form, with the characters that need care. */
const FORMS: Record<string, Record<string, unknown>> = {
  Aside: { type: 'caution', title: 'Gants « obligatoires » & "vraiment"', content: 'Des gants, **toujours**.' },
  Steps: { steps: ['Préparer.', 'Cuisiner, puis :\n\n- goûter ;\n- servir.', 'Ranger.'] },
  Card: { title: 'Une carte', icon: 'star', content: 'Le texte de la carte.' },
  LinkCard: { title: 'Les bases', href: '/guide/bases/', description: 'Pour commencer, l’essentiel.' },
  CardGrid: {
    stagger: true,
    cards: [
      { type: 'LinkCard', title: 'Soupe', href: '/boites-a-outils/soupe/', description: 'Une fiche.' },
      { type: 'Card', title: 'Bon à savoir', icon: 'information', content: 'Un texte court.' },
    ],
  },
  Timeline: {
    events: [
      { date: '2015', text: 'Un début.' },
      { date: 'juillet 2017', text: 'Une suite.' },
    ],
  },
  Badge: { text: 'Nouveau', variant: 'tip', size: 'small' },
  KpaList: {},
  Glossary: {},
  Diagram: { name: 'cjs-et-kpa' },
  TakeAway: {},
};

describe('the components of the toolbar’s menu', () => {
  it('cover every component the guide allows, with only the attributes the validator allows', () => {
    expect(EDITOR_COMPONENTS.map((c) => c.id).sort()).toEqual([...ALLOWED_COMPONENTS].sort());
    for (const [name, attributes] of Object.entries(COMPONENT_ATTRIBUTES)) {
      expect(COMPONENT_PROPS[name]).toEqual(expect.arrayContaining([...attributes]));
    }
    expect(BODY_EDITOR.editor_components).toEqual([...EDITOR_COMPONENTS.map((c) => c.id), 'image']);
    const buttons = (markdownSchema as { properties: { buttons: { items: { enum: string[] } } } }).properties.buttons
      .items.enum;
    expect(buttons).toEqual(expect.arrayContaining(BODY_EDITOR.buttons));
  });

  it('read each component of content/ with the attributes MDX reads there', () => {
    let compared = 0;
    for (const { where, text, tree } of RICH) {
      const shortcodes = tree
        .filter((node) => node.type === 'shortcode')
        .map((node) => node.data as { shortcode: string; shortcodeData: Record<string, unknown> })
        .filter((data) => data.shortcode !== 'code-block' && data.shortcode !== 'image');
      const elements = jsxElements(text);
      expect(
        shortcodes.map((s) => s.shortcode),
        where,
      ).toEqual(elements.map((e) => e.name));
      shortcodes.forEach((shortcode, i) => {
        const element = elements[i];
        if (!element) return;
        expect(formAttributes(shortcode.shortcode, shortcode.shortcodeData), where).toEqual(attributesOf(element));
        if (shortcode.shortcode === 'CardGrid') {
          const cards = element.children.filter((c): c is MdxJsxFlowElement => c.type === 'mdxJsxFlowElement');
          const read = shortcode.shortcodeData['cards'] as { type: string }[];
          expect(read.map((c) => c.type)).toEqual(cards.map((c) => c.name));
          read.forEach((card, j) => {
            const written = cards[j];
            if (written) expect(formAttributes(card.type, card)).toEqual(attributesOf(written));
          });
        }
        compared += 1;
      });
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('write each form as MDX that reads back as the same form and the same attributes', () => {
    for (const [id, data] of Object.entries(FORMS)) {
      const block = toBlock(id, data);
      expect(fromBlock(id, block), id).toEqual(id === 'CardGrid' ? { ...data, separator: '\n\n' } : data);
      if (id === 'Badge') continue;
      const [element] = jsxElements(block);
      expect(element?.name).toBe(id);
      if (element) expect(attributesOf(element)).toEqual(formAttributes(id, data));
    }
    expect(toBlock('Aside', FORMS['Aside'] ?? {})).toBe(
      '<Aside type="caution" title="Gants « obligatoires » &amp; &quot;vraiment&quot;">\n\nDes gants, **toujours**.\n\n</Aside>',
    );
    expect(toBlock('Steps', FORMS['Steps'] ?? {})).toBe(
      '<Steps>\n\n1. Préparer.\n\n2. Cuisiner, puis :\n\n   - goûter ;\n   - servir.\n\n3. Ranger.\n\n</Steps>',
    );
  });

  const trees: string[] = [];
  afterAll(() => {
    for (const tree of trees) rmSync(tree, { recursive: true, force: true });
  });

  it('write MDX that npm run validate accepts, as inserted from the menu and as filled in', async () => {
    const inserted = EDITOR_COMPONENTS.filter((c) => !('toInline' in c)).map((c) => {
      // What Decap puts in a new component: each field's default, else an empty string.
      const defaults = Object.fromEntries(c.fields.map((f) => [f.name, f.default ?? '']));
      return toBlock(c.id, defaults);
    });
    const filled = Object.entries(FORMS)
      .filter(([id]) => id !== 'Badge')
      .map(([id, data]) => toBlock(id, data));
    const body = [
      `Un paragraphe avec un badge ${toBlock('Badge', FORMS['Badge'] ?? {})} au milieu.`,
      ...inserted,
      ...filled,
    ].join('\n\n');
    const root = mkdtempSync(join(tmpdir(), 'kpa-rich-text-'));
    trees.push(root);
    cpSync(VALID, root, { recursive: true });
    // The « Schéma » menu offers the diagrams of content/diagrams/.
    cpSync(join(ROOT, 'content/diagrams'), join(root, 'content/diagrams'), { recursive: true });
    const page = 'content/docs/guide/composants.mdx';
    writeFileSync(
      join(root, page),
      `---\ntitle: Composants\ndescription: Chaque composant de l’éditeur, tel que ses formulaires l’écrivent.\n---\n\n${body}\n`,
    );
    const { issues } = await validateContent({ root, jobs: 1 });
    expect(issues.map((i) => `${i.file}:${i.line} ${i.rule} ${i.message}`)).toEqual([]);
  }, 60_000); // a real validation of a fixture tree
});

describe('what stays in raw mode, and what the notice says', () => {
  const verdict = (text: string) => richTextVerdict(text, setup);

  it('keeps rich text for the Markdown the guide writes', () => {
    for (const text of [
      '## Un titre\n\nUn paragraphe avec **du gras**, *de l’italique*, ~~du barré~~, `du code` et [un lien](/a/).',
      '- un\n- deux\n  - deux et demi',
      '1. un\n2. deux',
      '> Une citation.',
      '| a | b |\n| --- | --- |\n| 1 | |',
      'Un <Badge text="Nouveau" /> dans le texte, un \\{ et un \\< échappés.',
      '```sh\nnpm ci\n```',
      '![Une soupe](/media/soupe.svg)',
    ]) {
      expect(verdict(text), text).toEqual({ richText: true });
    }
  });

  it('keeps raw mode, naming the construct, for Markdown that the rich-text editor would write otherwise', () => {
    const cases: [text: string, construct: string, line: number][] = [
      ['- un\n\n- deux', CONSTRUCTS.looseList, 2],
      ['* un\n* deux', CONSTRUCTS.list, 1],
      ['1) un\n2) deux', CONSTRUCTS.list, 1],
      ['- [ ] à faire', CONSTRUCTS.list, 1],
      ['Un _mot_.', CONSTRUCTS.paragraph, 1],
      ['Une ligne  \ncoupée.', CONSTRUCTS.paragraph, 1],
      ['[lien][ref]\n\n[ref]: /x/', CONSTRUCTS.paragraph, 1],
      ['Titre\n=====', CONSTRUCTS.heading, 1],
      ['| a | b |\n| :-- | --: |\n| 1 | 2 |', CONSTRUCTS.table, 2],
      ['    du code indenté', CONSTRUCTS.code, 1],
      ['Avant\n\n---\n\nAprès', CONSTRUCTS.thematicBreak, 3],
      ['<Aside type="note">\ntexte\n</Aside>', CONSTRUCTS.html, 1],
      ['<LinkCard href="/a/" title="T" />', CONSTRUCTS.component, 1],
      ['<Steps>\n\n1. a\n2. b\n\n</Steps>', CONSTRUCTS.component, 4],
      ['Une <abbr title="x">abréviation</abbr>.', CONSTRUCTS.paragraph, 1],
      ['Texte\n\n\n\nTexte', CONSTRUCTS.blankLines, 3],
    ];
    for (const [text, construct, line] of cases) {
      const result = verdict(text);
      expect(result.richText, text).toBe(false);
      if (!result.richText) expect([result.construct, result.line], text).toEqual([construct, line]);
    }
  });

  it('says in French why the text stays in raw mode, and how it would change', () => {
    const result = verdict('Des notes.\n\n- Le matin, on range.\n\n- L’après-midi, on reçoit.');
    expect(result.richText).toBe(false);
    if (result.richText) return;
    expect(rawModeNotice(result)).toBe(
      'Ce texte s’écrit en Markdown, sans la barre de mise en forme : l’éditeur visuel réécrirait une partie ' +
        'que vous n’avez pas modifiée. Ligne 4 du texte, une liste aérée (une ligne vide entre ses éléments) : ' +
        'la ligne vide avant « - L’après-midi, on reçoit. » disparaîtrait. Ici, seul ce que vous changez ' +
        'change dans le fichier. Rappel : « ## » en début de ligne pour un titre, « - » pour une liste, ' +
        '**deux étoiles** autour d’un mot pour le gras.',
    );
  });
});
