/**
 * A diagram as a file of its own (`public/media/diagrammes/<nom>.svg`, written by
 * `npm run diagrams`): for uses where the page's stylesheet is not there, such as the
 * `image` of a toolkit shown in search results and in the catalogue's JSON index. The file
 * carries the site's diagram stylesheet with the light theme's colours, on a white sheet,
 * with its caption as `<title>` and its text alternative as `<desc>`. Pages never show this
 * file: they draw the diagram inline (`Diagram.astro`), in the reader's theme.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { DiagramData } from '../../schemas/diagram.ts';
import { renderDiagram } from './render.ts';

/** Where the files go, under `public/`, and their address on the site. */
export const EXPORT_DIR = 'media/diagrammes';

export function exportPath(name: string): string {
  return `/${EXPORT_DIR}/${name}.svg`;
}

/** The diagram whose export is at this site path, if it is one. */
export function diagramOfExport(path: string): string | undefined {
  const prefix = `/${EXPORT_DIR}/`;
  if (!path.startsWith(prefix) || !path.endsWith('.svg')) return undefined;
  const name = path.slice(prefix.length, -'.svg'.length);
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) ? name : undefined;
}

/** Starlight's light theme, which the stylesheet's variables take in a file of its own. */
const LIGHT_THEME = `svg {
  --sl-color-white: hsl(224, 10%, 10%);
  --sl-color-gray-1: hsl(224, 14%, 16%);
  --sl-color-gray-2: hsl(224, 10%, 23%);
  --sl-color-gray-3: hsl(224, 7%, 36%);
  --sl-color-gray-6: hsl(224, 20%, 94%);
  --sl-color-bg: hsl(0, 0%, 100%);
  --sl-color-orange-high: hsl(41, 80%, 25%);
  --sl-color-orange-low: hsl(41, 90%, 88%);
  --sl-color-green-high: hsl(101, 80%, 22%);
  --sl-color-green-low: hsl(101, 85%, 90%);
  --sl-color-blue-high: hsl(234, 80%, 30%);
  --sl-color-blue-low: hsl(234, 88%, 90%);
  --sl-color-purple-high: hsl(281, 90%, 30%);
  --sl-color-purple-low: hsl(281, 80%, 90%);
  --sl-color-red-high: hsl(339, 80%, 30%);
  --sl-color-red-low: hsl(339, 80%, 90%);
  font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif;
}
.dg-paper {
  fill: #fff;
}
`;

function el(tagName: string, properties: Element['properties'], text?: string): Element {
  return { type: 'element', tagName, properties, children: text === undefined ? [] : [{ type: 'text', value: text }] };
}

/** The file's text; `stylesheet` is `src/styles/diagrams.css`. */
export function standaloneSvg(data: DiagramData, name: string, stylesheet: string): string {
  const { svg, width, height } = renderDiagram(data, name);
  // A file of its own is named by its <title> and <desc>, which every SVG viewer shows.
  const properties = Object.fromEntries(
    Object.entries(svg.properties).filter(([key]) => key !== 'ariaLabel' && key !== 'role'),
  );
  const file: Element = {
    ...svg,
    properties: { ...properties, ariaLabelledby: 'titre description' },
    children: [
      el('title', { id: 'titre' }, data.title),
      el('desc', { id: 'description' }, data.alt),
      el('style', {}, `\n${LIGHT_THEME}${stylesheet}`),
      el('rect', { className: ['dg-paper'], x: '0', y: '0', width: String(width), height: String(height) }),
      ...svg.children,
    ],
  };
  const generated = `<!-- Fichier produit par « npm run diagrams » à partir de content/diagrams/${name}.yaml : ne pas le modifier à la main. -->`;
  return `${generated}\n${toHtml(file, { space: 'svg' })}\n`;
}
