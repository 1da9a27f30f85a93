/**
 * The guide's components (`src/config/mdx-components.ts`) as editor components of Decap's
 * rich-text mode: a contributor inserts one from the toolbar's « Ajouter un composant » menu
 * and fills in a form (its attributes, its text, its steps or cards), and the MDX is written
 * for them.
 *
 * Each component reads one way of writing it, the way the guide's pages write it, and writes
 * itself back exactly that way from its form: an untouched component comes out byte for byte
 * as it went in. A component written any other way is not recognised; the page's round trip
 * then fails and the page stays in raw mode (`src/cms/rich-text.ts`), so nothing is rewritten.
 * The attributes offered are those of `COMPONENT_PROPS`, nothing else.
 */
import { markdownToRemark, type RemarkNode } from 'decap-cms-widget-markdown/dist/esm/serializers/index.js';
import type { StarlightIcon } from '@astrojs/starlight/types';
import { createElement, type ReactElement } from 'react';
import { askInDialog } from './inline-form.ts';
import { DIAGRAM_CHOICES } from './diagram-choices.ts';

/** A field of a component's form, as Decap's configuration spells it. */
export interface ComponentField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'select' | 'boolean' | 'list' | 'object';
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: readonly { label: string; value: string }[];
  field?: ComponentField;
  fields?: ComponentField[];
  types?: ComponentField[];
  label_singular?: string;
  summary?: string;
  /** Lists: items shown open (Decap folds them by default). */
  collapsed?: boolean;
}

type Data = Record<string, unknown>;

/** A block component as `CMS.registerEditorComponent` takes it. */
interface BlockComponent {
  id: string;
  label: string;
  fields: ComponentField[];
  /** Tried at the start of every block; Decap anchors it there. */
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Data;
  toBlock: (data: Data) => string;
  toPreview: (data: Data) => string;
}

/**
 * An inline component (inside a paragraph) as `CMS.registerEditorComponent` takes it. Decap
 * draws no form for these: `onInsert` and `onEdit` ask for the values themselves.
 */
interface InlineComponent {
  id: string;
  label: string;
  type: 'inline';
  /** Characters that start the component in a paragraph. */
  trigger: string;
  fields: ComponentField[];
  pattern: RegExp;
  fromInline: (match: RegExpMatchArray) => Data;
  toInline: (data: Data) => string;
  /** Shown in the editor's text and in the preview. */
  toPreview: (data: Data) => ReactElement;
  onInsert: (context: { selectedText: string }) => Promise<Data | null>;
  onEdit: (context: { data: Data }) => Promise<Data | null>;
}

export type EditorComponent = BlockComponent | InlineComponent;

/** Which attributes each component's form edits, in the order they are written. */
export const COMPONENT_ATTRIBUTES = {
  Aside: ['type', 'title', 'icon'],
  Badge: ['text', 'variant', 'size'],
  Card: ['title', 'icon'],
  CardGrid: ['stagger'],
  LinkCard: ['title', 'href', 'description'],
  Steps: [],
  Timeline: [],
  KpaList: [],
  Glossary: [],
  Diagram: ['name'],
  TakeAway: [],
} as const satisfies Record<string, readonly string[]>;

type ComponentName = keyof typeof COMPONENT_ATTRIBUTES;

/** Attributes written without a value (`<CardGrid stagger>`): true when present. */
const BOOLEAN_ATTRIBUTES: readonly string[] = ['stagger'];

// ---------------------------------------------------------------------------------------
// Attributes: one exact spelling, ` name="value"`, where the value escapes `&` and `"` as
// `&amp;` and `&quot;` (MDX decodes them, as the site's compiler does) and holds no line break.

const VALUE = String.raw`"(?:[^"&\n]|&amp;|&quot;)*"`;

function attributesSource(name: ComponentName): string {
  const names: readonly string[] = COMPONENT_ATTRIBUTES[name];
  const valued = names.filter((n) => !BOOLEAN_ATTRIBUTES.includes(n));
  const flags = names.filter((n) => BOOLEAN_ATTRIBUTES.includes(n));
  const choices = [
    ...(valued.length > 0 ? [`(?: (?:${valued.join('|')})=${VALUE})`] : []),
    ...flags.map((flag) => ` ${flag}`),
  ];
  return choices.length > 0 ? `((?:${choices.join('|')})*)` : '()';
}

function decode(value: string): string {
  return value.replace(/&quot;|&amp;/g, (entity) => (entity === '&quot;' ? '"' : '&'));
}

function encode(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Reads the attributes matched by `attributesSource` (later duplicates win, as in JSX). */
function readAttributes(source: string | undefined): Data {
  const data: Data = {};
  for (const match of (source ?? '').matchAll(/ ([A-Za-z]+)(?:="((?:[^"&\n]|&amp;|&quot;)*)")?/g)) {
    const [, name, value] = match;
    if (name !== undefined) data[name] = value === undefined ? true : decode(value);
  }
  return data;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function writeAttributes(name: ComponentName, data: Data): string {
  const names: readonly string[] = COMPONENT_ATTRIBUTES[name];
  return names
    .map((attribute) => {
      const value = data[attribute];
      if (BOOLEAN_ATTRIBUTES.includes(attribute)) return value === true ? ` ${attribute}` : '';
      const written = text(value).trim();
      return written === '' ? '' : ` ${attribute}="${encode(written)}"`;
    })
    .join('');
}

/** Text from a form's text area, without the blank lines around it. */
function cleanText(value: unknown): string {
  return text(value)
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

// ---------------------------------------------------------------------------------------
// Block shapes: `<Name attributes />` alone on its line, and `<Name attributes>`, a blank
// line, the content, a blank line, `</Name>` (or `<Name>`, a blank line, `</Name>` when empty).

function selfClosingPattern(name: ComponentName): RegExp {
  return new RegExp(`^<${name}${attributesSource(name)} />(?=\\n|$)`);
}

function containerPattern(name: ComponentName): RegExp {
  return new RegExp(`^<${name}${attributesSource(name)}>\\n\\n(?:([\\s\\S]*?)\\n\\n)?</${name}>(?=\\n|$)`);
}

function container(name: ComponentName, data: Data, inner: string): string {
  return `<${name}${writeAttributes(name, data)}>\n\n${inner === '' ? '' : `${inner}\n\n`}</${name}>`;
}

function selfClosing(name: ComponentName, data: Data): string {
  return `<${name}${writeAttributes(name, data)} />`;
}

/** A list item: `head` then the text, its continuation lines indented by `width` spaces. */
function listItem(head: string, value: string, width = head.length): string {
  const pad = ' '.repeat(width);
  return cleanText(value)
    .split('\n')
    .map((line, i) => (i === 0 ? head + line : line === '' ? '' : pad + line))
    .join('\n');
}

/** The inverse of `listItem`: the text of an item written that way, else undefined. */
function itemText(source: string, head: string, width = head.length): string | undefined {
  if (!source.startsWith(head)) return undefined;
  const pad = ' '.repeat(width);
  const [first = '', ...others] = source.slice(head.length).split('\n');
  const rest = others.map((line) => (line === '' ? '' : line.startsWith(pad) ? line.slice(width) : undefined));
  if (rest.some((line) => line === undefined)) return undefined;
  return [first, ...rest].join('\n');
}

const offsets = (node: RemarkNode): [number, number] => [
  node.position?.start.offset ?? 0,
  node.position?.end.offset ?? 0,
];

/** The items of `inner` when it is one list and nothing else, each with its source. */
function listItems(inner: string, ordered: boolean): { node: RemarkNode; source: string }[] | undefined {
  const root = markdownToRemark(inner);
  const [list, ...others] = root.children ?? [];
  if (list?.type !== 'list' || others.length > 0 || list.ordered !== ordered) return undefined;
  return (list.children ?? []).map((node) => {
    const [start, end] = offsets(node);
    // remark 6 counts the line break after an item as part of it.
    return { node, source: inner.slice(start, end).replace(/\n+$/, '') };
  });
}

// ---------------------------------------------------------------------------------------
// Forms.

const ASIDE_TYPES = [
  { value: 'note', label: 'Note' },
  { value: 'tip', label: 'Astuce' },
  { value: 'caution', label: 'Attention' },
  { value: 'danger', label: 'Danger' },
] as const;

/** A few of Starlight's icons, by their name in Starlight; TypeScript checks that each exists. */
const ICONS = [
  { value: 'information', label: 'Information' },
  { value: 'approve-check-circle', label: 'Coche' },
  { value: 'warning', label: 'Avertissement' },
  { value: 'error', label: 'Erreur' },
  { value: 'question-circle', label: 'Question' },
  { value: 'star', label: 'Étoile' },
  { value: 'heart', label: 'Cœur' },
  { value: 'rocket', label: 'Fusée' },
  { value: 'puzzle', label: 'Pièce de puzzle' },
  { value: 'open-book', label: 'Livre ouvert' },
  { value: 'document', label: 'Document' },
  { value: 'notes', label: 'Notes' },
  { value: 'pencil', label: 'Crayon' },
  { value: 'list-format', label: 'Liste' },
  { value: 'clock', label: 'Horloge' },
  { value: 'comment', label: 'Bulle de dialogue' },
  { value: 'email', label: 'Courriel' },
  { value: 'phone', label: 'Téléphone' },
  { value: 'setting', label: 'Réglages' },
  { value: 'magnifier', label: 'Loupe' },
] as const satisfies readonly { value: StarlightIcon; label: string }[];

const BADGE_VARIANTS = [
  { value: 'default', label: 'Par défaut' },
  { value: 'note', label: 'Note' },
  { value: 'tip', label: 'Astuce' },
  { value: 'success', label: 'Succès' },
  { value: 'caution', label: 'Attention' },
  { value: 'danger', label: 'Danger' },
] as const;

const BADGE_SIZES = [
  { value: 'small', label: 'Petit' },
  { value: 'medium', label: 'Moyen' },
  { value: 'large', label: 'Grand' },
] as const;

const MARKDOWN_HINT = 'Pour mettre un mot en gras, entourez-le de deux étoiles : **comme ceci**.';

const iconField = (hint: string): ComponentField => ({
  name: 'icon',
  label: 'Icône',
  widget: 'select',
  required: false,
  options: ICONS,
  hint,
});

const linkCardFields: ComponentField[] = [
  { name: 'title', label: 'Titre', widget: 'string', hint: 'Le nom de la page, court.' },
  {
    name: 'href',
    label: 'Adresse',
    widget: 'string',
    hint: 'Une page du guide, comme /fonctionnement/tiers-lieu/, ou une adresse complète commençant par https://',
  },
  {
    name: 'description',
    label: 'Description',
    widget: 'string',
    required: false,
    hint: 'Facultatif : une phrase qui dit ce qu’on y trouve.',
  },
];

const cardFields: ComponentField[] = [
  { name: 'title', label: 'Titre', widget: 'string' },
  iconField('Facultatif : une petite image à côté du titre.'),
  { name: 'content', label: 'Texte de la carte', widget: 'text', hint: MARKDOWN_HINT },
];

// ---------------------------------------------------------------------------------------
// Previews: plain HTML for Decap's preview pane (which sanitises it), every value escaped.

function escapeHtml(value: unknown): string {
  return text(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const paragraphs = (value: unknown): string =>
  cleanText(value)
    .split(/\n{2,}/)
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');

const labelOf = (options: readonly { value: string; label: string }[], value: unknown): string =>
  options.find((o) => o.value === value)?.label ?? '';

function cardPreview(card: Data): string {
  const title = `<p><strong>${escapeHtml(card['title'])}</strong></p>`;
  if (card['type'] === 'LinkCard') {
    return `<div class="kpa-preview-card">${title}<p>${escapeHtml(card['description'])}</p><p>→ ${escapeHtml(card['href'])}</p></div>`;
  }
  return `<div class="kpa-preview-card">${title}${paragraphs(card['content'])}</div>`;
}

const records = (value: unknown): Data[] =>
  Array.isArray(value) ? value.filter((v): v is Data => typeof v === 'object' && v !== null) : [];
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);

// ---------------------------------------------------------------------------------------
// The components.

const aside: BlockComponent = {
  id: 'Aside',
  label: 'Encadré (note, astuce, attention)',
  fields: [
    {
      name: 'type',
      label: 'Genre d’encadré',
      widget: 'select',
      options: ASIDE_TYPES,
      default: 'note',
      hint: 'Sa couleur et son titre par défaut : Note, Astuce, Attention ou Danger.',
    },
    {
      name: 'title',
      label: 'Titre',
      widget: 'string',
      required: false,
      hint: 'Facultatif : sans titre, l’encadré s’intitule selon son genre (« Note », « Astuce »…).',
    },
    iconField('Facultatif : remplace l’icône de son genre.'),
    { name: 'content', label: 'Texte de l’encadré', widget: 'text', hint: MARKDOWN_HINT },
  ],
  pattern: containerPattern('Aside'),
  fromBlock: (match) => ({ ...readAttributes(match[1]), content: match[2] ?? '' }),
  toBlock: (data) => container('Aside', data, cleanText(data['content'])),
  toPreview: (data) =>
    `<aside class="kpa-preview-aside"><p><strong>${escapeHtml(text(data['title']) || labelOf(ASIDE_TYPES, data['type'] ?? 'note'))}</strong></p>${paragraphs(data['content'])}</aside>`,
};

const steps: BlockComponent = {
  id: 'Steps',
  label: 'Étapes numérotées',
  fields: [
    {
      name: 'steps',
      label: 'Étapes',
      label_singular: 'étape',
      widget: 'list',
      default: [''],
      collapsed: false,
      hint: 'Une étape par élément, dans l’ordre : le site les numérote. ' + MARKDOWN_HINT,
      field: { name: 'step', label: 'Étape', widget: 'text' },
    },
  ],
  pattern: containerPattern('Steps'),
  fromBlock: (match) => {
    const inner = match[2] ?? '';
    if (inner === '') return { steps: [] };
    const items = listItems(inner, true);
    const texts = items?.map(({ source }, i) => itemText(source, `${i + 1}. `));
    // Not one numbered list written the usual way: keep it whole; it will not come out the
    // same, so the page stays in raw mode.
    if (!texts || texts.some((t) => t === undefined)) return { steps: [inner] };
    return { steps: texts };
  },
  toBlock: (data) =>
    container(
      'Steps',
      data,
      strings(data['steps'])
        .map((step, i) => listItem(`${i + 1}. `, step))
        .join('\n\n'),
    ),
  toPreview: (data) =>
    `<ol>${strings(data['steps'])
      .map((step) => `<li>${paragraphs(step)}</li>`)
      .join('')}</ol>`,
};

const timelineHead = (date: string) => `- **${date}** — `;

const timeline: BlockComponent = {
  id: 'Timeline',
  label: 'Frise chronologique',
  fields: [
    {
      name: 'events',
      label: 'Dates',
      label_singular: 'date',
      widget: 'list',
      collapsed: false,
      summary: '{{fields.date}} — {{fields.text}}',
      hint: 'Une ligne par date, de la plus ancienne à la plus récente.',
      fields: [
        { name: 'date', label: 'Date', widget: 'string', hint: 'Une année ou une date : « 2015 », « juillet 2017 ».' },
        { name: 'text', label: 'Ce qui s’est passé', widget: 'text', hint: MARKDOWN_HINT },
      ],
    },
  ],
  pattern: containerPattern('Timeline'),
  fromBlock: (match) => {
    const inner = match[2] ?? '';
    if (inner === '') return { events: [] };
    const events = listItems(inner, false)?.map(({ node, source }) => {
      // `- **2015** — …`: the date is the bold text that opens the item.
      const strong = node.children?.[0]?.children?.[0];
      if (strong?.type !== 'strong') return undefined;
      const [start, end] = offsets(strong);
      const date = inner.slice(start + 2, end - 2);
      const rest = itemText(source, timelineHead(date), 2);
      return rest === undefined ? undefined : { date, text: rest };
    });
    if (!events || events.some((e) => e === undefined)) return { events: [{ date: '', text: inner }] };
    return { events };
  },
  toBlock: (data) =>
    container(
      'Timeline',
      data,
      records(data['events'])
        .map((event) => listItem(timelineHead(text(event['date']).trim()), text(event['text']), 2))
        .join('\n'),
    ),
  toPreview: (data) =>
    `<ul>${records(data['events'])
      .map((e) => `<li><strong>${escapeHtml(e['date'])}</strong> — ${escapeHtml(e['text'])}</li>`)
      .join('')}</ul>`,
};

const linkCard: BlockComponent = {
  id: 'LinkCard',
  label: 'Carte-lien vers une page',
  fields: linkCardFields,
  pattern: selfClosingPattern('LinkCard'),
  fromBlock: (match) => readAttributes(match[1]),
  toBlock: (data) => selfClosing('LinkCard', data),
  toPreview: (data) => cardPreview({ ...data, type: 'LinkCard' }),
};

const card: BlockComponent = {
  id: 'Card',
  label: 'Carte',
  fields: cardFields,
  pattern: containerPattern('Card'),
  fromBlock: (match) => ({ ...readAttributes(match[1]), content: match[2] ?? '' }),
  toBlock: (data) => container('Card', data, cleanText(data['content'])),
  toPreview: (data) => cardPreview({ ...data, type: 'Card' }),
};

const cardGrid: BlockComponent = {
  id: 'CardGrid',
  label: 'Grille de cartes',
  fields: [
    {
      name: 'stagger',
      label: 'Décaler la deuxième colonne',
      widget: 'boolean',
      required: false,
      default: false,
      hint: 'Facultatif : la deuxième colonne de cartes descend un peu, en quinconce.',
    },
    {
      name: 'cards',
      label: 'Cartes',
      label_singular: 'carte',
      widget: 'list',
      collapsed: false,
      summary: '{{fields.title}}',
      hint: 'Des cartes-liens vers d’autres pages, ou des cartes de texte.',
      types: [
        { name: 'LinkCard', label: 'Carte-lien', widget: 'object', fields: linkCardFields },
        { name: 'Card', label: 'Carte de texte', widget: 'object', fields: cardFields },
      ],
    },
  ],
  pattern: containerPattern('CardGrid'),
  fromBlock: (match) => {
    const attributes = readAttributes(match[1]);
    const inner = match[2] ?? '';
    const nodes = inner === '' ? [] : (markdownToRemark(inner).children ?? []);
    // Cards one under the other, or with a blank line between them: kept as written.
    const gaps = nodes.slice(1).map((node, i) => inner.slice(offsets(nodes[i] ?? node)[1], offsets(node)[0]));
    const separator = gaps.length > 0 && gaps.every((gap) => gap === '\n') ? '\n' : '\n\n';
    const cards = nodes.map((node) => {
      const kind = node.data?.shortcode;
      const values = node.data?.shortcodeData;
      if (node.type !== 'shortcode' || (kind !== 'LinkCard' && kind !== 'Card') || typeof values !== 'object') {
        return undefined;
      }
      return { type: kind, ...(values as Data) };
    });
    // Something else than cards inside: the grid will not come out the same, so the page
    // stays in raw mode.
    return {
      stagger: attributes['stagger'] === true,
      cards: cards.every((c) => c !== undefined) ? cards : [],
      separator,
    };
  },
  toBlock: (data) =>
    container(
      'CardGrid',
      data,
      records(data['cards'])
        .map((c) => (c['type'] === 'Card' ? container('Card', c, cleanText(c['content'])) : selfClosing('LinkCard', c)))
        .join(data['separator'] === '\n' ? '\n' : '\n\n'),
    ),
  toPreview: (data) => `<div class="kpa-preview-grid">${records(data['cards']).map(cardPreview).join('')}</div>`,
};

const kpaList: BlockComponent = {
  id: 'KpaList',
  label: 'Liste des KPA (annuaire)',
  fields: [],
  pattern: selfClosingPattern('KpaList'),
  fromBlock: () => ({}),
  toBlock: () => '<KpaList />',
  toPreview: () => '<p><em>Ici, la liste des KPA de l’annuaire.</em></p>',
};

const glossary: BlockComponent = {
  id: 'Glossary',
  label: 'Glossaire complet',
  fields: [],
  pattern: selfClosingPattern('Glossary'),
  fromBlock: () => ({}),
  toBlock: () => '<Glossary />',
  toPreview: () => '<p><em>Ici, toutes les définitions du glossaire.</em></p>',
};

const takeAway: BlockComponent = {
  id: 'TakeAway',
  label: 'Emporter le guide (livret PDF, lecture hors ligne)',
  fields: [],
  pattern: selfClosingPattern('TakeAway'),
  fromBlock: () => ({}),
  toBlock: () => '<TakeAway />',
  toPreview: () => '<p><em>Ici, le lien vers le livret PDF et le bouton « Rendre disponible hors ligne ».</em></p>',
};

const diagram: BlockComponent = {
  id: 'Diagram',
  label: 'Schéma',
  fields: [
    {
      name: 'name',
      label: 'Schéma',
      widget: 'select',
      options: DIAGRAM_CHOICES,
      default: DIAGRAM_CHOICES[0]?.value,
      hint: 'Un schéma de content/diagrams/, dessiné par le site avec sa légende. Pour en créer un, voir CONTRIBUTING.md.',
    },
  ],
  pattern: selfClosingPattern('Diagram'),
  fromBlock: (match) => readAttributes(match[1]),
  toBlock: (data) => selfClosing('Diagram', data),
  // The drawing the site shows (`npm run diagrams` keeps it in public/media/diagrammes/),
  // addressed from /admin/ so that it resolves under any base path.
  toPreview: (data) =>
    `<figure><img src="../media/diagrammes/${encodeURIComponent(text(data['name']))}.svg" alt=""><figcaption>${escapeHtml(
      labelOf(DIAGRAM_CHOICES, data['name']) || data['name'],
    )}</figcaption></figure>`,
};

const badgeFields: ComponentField[] = [
  { name: 'text', label: 'Texte', widget: 'string', hint: 'Un ou deux mots : « Nouveau », « Gratuit ».' },
  { name: 'variant', label: 'Couleur', widget: 'select', required: false, options: BADGE_VARIANTS },
  { name: 'size', label: 'Taille', widget: 'select', required: false, options: BADGE_SIZES },
];

const badge: InlineComponent = {
  id: 'Badge',
  label: 'Badge (étiquette dans le texte)',
  type: 'inline',
  trigger: '<Badge',
  fields: badgeFields,
  pattern: new RegExp(`<Badge${attributesSource('Badge')} />`),
  fromInline: (match) => readAttributes(match[1]),
  toInline: (data) => selfClosing('Badge', data),
  // Styled inline too: in the editor's text, outside the preview's stylesheet.
  toPreview: (data) =>
    createElement(
      'span',
      { className: 'kpa-preview-badge', style: { padding: '0 0.4em', border: '1px solid #3a69c7', borderRadius: 4 } },
      text(data['text']),
    ),
  // The selected words, if any, become the badge's text.
  onInsert: ({ selectedText }) => askInDialog('Badge', badgeFields, { text: selectedText.trim() }, 'Insérer'),
  onEdit: ({ data }) => askInDialog('Badge', badgeFields, data, 'Enregistrer'),
};

/** Every component of the guide, in the order of the toolbar's menu. */
export const EDITOR_COMPONENTS: readonly EditorComponent[] = [
  aside,
  steps,
  card,
  linkCard,
  cardGrid,
  timeline,
  diagram,
  badge,
  kpaList,
  glossary,
  takeAway,
];
