/**
 * Draws a laid-out diagram (`layout.ts`) as an SVG element tree (hast), serialised by
 * `hast-util-to-html`, which escapes every text and attribute. Colours and fonts are not in
 * the SVG: each part carries classes (`dg-box dg-c-vert`, `dg-t-label`…) that the page's
 * stylesheet (`src/styles/diagrams.css`) paints with the theme's colours, so a diagram follows
 * the light and dark themes and prints in black on white. Text stays text (`<text>`).
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { DiagramData } from '../../schemas/diagram.ts';
import { HEAD_HALF_WIDTH, HEAD_LENGTH, layoutDiagram, type Scene, type SceneBox, type SceneText } from './layout.ts';

type Properties = Element['properties'];

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** Coordinates rounded to a tenth: stable output, and small. */
const n = (value: number) => String(Math.round(value * 10) / 10);
const pointList = (points: [number, number][]) => points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');

function text(block: SceneText): Element {
  return el(
    'text',
    { className: ['dg-t', `dg-t-${block.role}`], x: n(block.x), y: n(block.y), textAnchor: block.anchor },
    block.lines.map((line, i) =>
      el('tspan', { x: n(block.x), y: n(block.y + i * block.lineHeight) }, [{ type: 'text', value: line }]),
    ),
  );
}

/** A background under a label, so that the line it sits on does not cross the words. */
function labelBackground(block: SceneText): Element {
  const { x, y, w, h } = block.bounds;
  return el('rect', {
    className: ['dg-label-bg'],
    x: n(x - 3),
    y: n(y - 1),
    width: n(w + 6),
    height: n(h + 2),
    rx: '3',
  });
}

function box(part: SceneBox): Element {
  const { x, y, w, h } = part.rect;
  const shapeClasses = ['dg-shape', ...(part.dashed ? ['dg-dashed'] : [])];
  const outline =
    part.shape === 'rond'
      ? el('ellipse', { className: shapeClasses, cx: n(x + w / 2), cy: n(y + h / 2), rx: n(w / 2), ry: n(h / 2) })
      : el('rect', {
          className: shapeClasses,
          x: n(x),
          y: n(y),
          width: n(w),
          height: n(h),
          rx: n(Math.min(8, w / 4, h / 4)),
        });
  const classes = ['dg-box', part.color === undefined ? 'dg-plain' : `dg-c-${part.color}`];
  return el('g', { className: classes, ...(part.id !== undefined && { dataPart: part.id }) }, [
    outline,
    ...part.texts.map(text),
  ]);
}

/** The head of an arrow ending at `tip`, coming from `from`, and where its line should stop. */
function head(from: [number, number], tip: [number, number]): { polygon: string; base: [number, number] } {
  const length = Math.hypot(tip[0] - from[0], tip[1] - from[1]) || 1;
  const ux = (tip[0] - from[0]) / length;
  const uy = (tip[1] - from[1]) / length;
  const base: [number, number] = [tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH];
  const wing = (sign: number): [number, number] => [
    base[0] - uy * HEAD_HALF_WIDTH * sign,
    base[1] + ux * HEAD_HALF_WIDTH * sign,
  ];
  return { polygon: pointList([tip, wing(1), wing(-1)]), base };
}

function arrows(scene: Scene): Element[] {
  return scene.arrows.map((arrow) => {
    const tip = arrow.points.at(-1) ?? [0, 0];
    const before = arrow.points.at(-2) ?? tip;
    const { polygon, base } = head(before, tip);
    const line = [...arrow.points.slice(0, -1), base];
    return el(
      'g',
      { className: ['dg-arrow', ...(arrow.dashed ? ['dg-dashed'] : [])], dataFrom: arrow.from, dataTo: arrow.to },
      [
        el('polyline', { className: ['dg-line'], points: pointList(line) }),
        el('polygon', { className: ['dg-head'], points: polygon }),
        ...(arrow.label ? [labelBackground(arrow.label), text(arrow.label)] : []),
      ],
    );
  });
}

/** Measures (with end marks), cut lines and plain lines. */
function lines(scene: Scene): Element[] {
  return scene.lines.map((line) => {
    const [x1, y1] = line.from;
    const [x2, y2] = line.to;
    const parts: Element[] = [el('line', { className: ['dg-line'], x1: n(x1), y1: n(y1), x2: n(x2), y2: n(y2) })];
    if (line.style === 'cote') {
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const px = (-(y2 - y1) / length) * 6;
      const py = ((x2 - x1) / length) * 6;
      for (const [x, y] of [line.from, line.to]) {
        parts.push(el('line', { className: ['dg-tick'], x1: n(x - px), y1: n(y - py), x2: n(x + px), y2: n(y + py) }));
      }
    }
    if (line.label) parts.push(labelBackground(line.label), text(line.label));
    return el('g', { className: ['dg-mark', `dg-mark-${line.style}`] }, parts);
  });
}

/** Wider than this, a diagram scrolls sideways on a phone rather than shrink its text. */
const WIDE = 520;

export interface RenderedDiagram {
  /** The `<svg>` element. */
  svg: Element;
  /** Its HTML. */
  html: string;
  width: number;
  height: number;
}

/**
 * Draws a diagram. Throws when the diagram has problems: the schema refuses such data first
 * (`npm run validate`, and the content collection at build time), so this only guards.
 */
export function renderDiagram(data: DiagramData, name: string): RenderedDiagram {
  const { scene, problems } = layoutDiagram(data);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.path.join('.')} : ${p.message}`).join(' ; ');
    throw new Error(`Le dessin « ${name} » ne peut pas être tracé : ${list}`);
  }
  const width = Math.ceil(scene.width);
  const height = Math.ceil(scene.height);
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${String(width)} ${String(height)}`,
      width: String(width),
      height: String(height),
      className: ['dg-svg', `dg-${data.kind}`, ...(width > WIDE ? ['dg-wide'] : [])],
      role: 'img',
      ariaLabel: data.alt,
      dataDiagram: name,
    },
    [...scene.boxes.map(box), ...lines(scene), ...arrows(scene), ...scene.texts.map(text)],
  );
  return { svg, html: toHtml(svg, { space: 'svg' }), width, height };
}
