/**
 * The CMS preview of a toolkit: the same sections as its page on the site, and the facts
 * panel built by the site's own code (`toolkitFacts`, `toEntry`), or, while the form is
 * incomplete, the schema's messages in its place. Written with `createElement` so the
 * project needs no JSX setup for React.
 */
import { createElement as h, type ReactNode } from 'react';
import { toEntry } from '../lib/catalogue.ts';
import { toolkitFacts } from '../lib/toolkit-facts.ts';
import { LICENSES, VENUE_NEEDS, toolkitSchema } from '../schemas/toolkit.ts';
import { entryHeader, fieldLabel, schemaIssues } from './check-entry.ts';
import type { CmsFieldConfig } from './schema-fields.ts';
import { previewImageUrl } from './media-upload.ts';

/** The part of Decap's preview props this template reads. */
export interface PreviewProps {
  entry: { get: (key: string) => unknown; getIn: (path: string[]) => unknown };
  widgetFor: (name: string) => ReactNode;
  getAsset: (path: string) => unknown;
}

type Data = Record<string, unknown>;

function toPlain(value: unknown): Data {
  const maybe = value as { toJS?: () => unknown } | null | undefined;
  const plain = typeof maybe?.toJS === 'function' ? maybe.toJS() : value;
  return typeof plain === 'object' && plain !== null ? (plain as Data) : {};
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Data => (typeof value === 'object' && value !== null ? (value as Data) : {});

function factsPanel(data: Data, slug: string, fields: readonly CmsFieldConfig[]): ReactNode {
  const result = toolkitSchema.safeParse(data);
  if (!result.success) {
    const issues = schemaIssues(toolkitSchema, data);
    return h(
      'div',
      { className: 'toolkit-preview-issues', role: 'status' },
      h('p', null, h('strong', null, 'À compléter avant d’enregistrer :')),
      h(
        'ul',
        null,
        issues.map((issue, i) => h('li', { key: i }, `${fieldLabel(issue.path, fields)} : ${issue.message}`)),
      ),
    );
  }
  const entry = toEntry({ slug, file: `content/toolkits/${slug}.mdx`, data: result.data }, new Map(), []);
  // As on the site (`ToolkitFacts.astro`): the group carries the name, which a `<dl>` cannot.
  return h(
    'div',
    { className: 'toolkit-facts-group', role: 'group', 'aria-label': 'En bref' },
    h(
      'dl',
      { className: 'toolkit-facts not-content' },
      toolkitFacts(entry).map((fact) =>
        h(
          'div',
          { key: fact.label },
          h('dt', null, fact.label),
          h(
            'dd',
            null,
            fact.dots &&
              h(
                'span',
                { className: 'difficulty', 'aria-hidden': true },
                '●'.repeat(fact.dots.filled) + '○'.repeat(fact.dots.empty),
              ),
            fact.href ? h('a', { href: fact.href }, fact.value) : fact.value,
            fact.detail && h('span', { className: 'detail' }, fact.detail),
          ),
        ),
      ),
    ),
  );
}

function bulletList(items: string[]): ReactNode {
  return h(
    'ul',
    null,
    items.map((item, i) => h('li', { key: i }, item)),
  );
}

/** Builds the preview component for a form whose fields are `fields`. */
export function toolkitPreview(fields: readonly CmsFieldConfig[]) {
  return function ToolkitPreview({ entry, widgetFor, getAsset }: PreviewProps): ReactNode {
    const data = entryHeader(toPlain(entry.getIn(['data'])));
    const slug = text(entry.get('slug')) || 'nouvelle-boite-a-outils';
    const materials = list(data['materials']).map((m) => {
      const item = record(m);
      const quantity = item['quantity'];
      const amount = typeof quantity === 'number' ? String(quantity) : text(quantity);
      return amount === '' ? text(item['name']) : `${text(item['name'])} — ${amount}`;
    });
    const tools = list(data['tools']).map(text);
    const venue = VENUE_NEEDS.filter((v) => list(data['venue']).includes(v.id)).map((v) => v.label);
    const image = record(data['image']);
    const license = LICENSES.find((l) => l.id === data['license']) ?? LICENSES[0];
    const sources = list(data['inspiredBy']).map(record);

    return h(
      'article',
      { className: 'toolkit-preview' },
      h('h1', null, text(data['title']) || 'Nouvelle boîte à outils'),
      h('p', { className: 'toolkit-lead' }, text(data['summary'])),
      factsPanel(data, slug, fields),
      text(image['src']) &&
        h('img', {
          className: 'toolkit-image',
          src: previewImageUrl(text(image['src']), getAsset),
          alt: text(image['alt']),
        }),
      materials.length + tools.length + venue.length > 0 &&
        h(
          'section',
          null,
          h('h2', null, 'Matériel et lieu'),
          materials.length > 0 && [h('h3', { key: 'h' }, 'À prévoir'), h('div', { key: 'l' }, bulletList(materials))],
          tools.length > 0 && [h('h3', { key: 'h' }, 'Outils'), h('div', { key: 'l' }, bulletList(tools))],
          venue.length > 0 && [h('h3', { key: 'h' }, 'Le lieu doit offrir'), h('div', { key: 'l' }, bulletList(venue))],
        ),
      h('div', { className: 'toolkit-body' }, widgetFor('body')),
      h('h2', null, 'Missions économiques'),
      h('p', null, 'Ce que cette activité peut devenir comme service rémunéré pour le collectif :'),
      bulletList(list(data['economicMissions']).map(text)),
      h('h2', null, 'En faire un commun'),
      h('p', null, text(data['commons'])),
      h('h2', null, 'Sources et licence'),
      sources.length > 0 &&
        h(
          'ul',
          null,
          sources.map((s, i) => h('li', { key: i }, h('a', { href: text(s['url']) }, text(s['title'])))),
        ),
      h('p', null, `Licence : ${license.label}.`),
    );
  };
}
