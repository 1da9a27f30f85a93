/**
 * From a diagram's data (`src/schemas/diagram.ts`) to a scene: every box, arrow, line and
 * piece of text with its coordinates, ready to draw (`render.ts`). Pure computation, no DOM:
 * the build draws with it, and `npm run validate` runs it to refuse what would draw badly
 * (text that overflows its shape, an arrow across another box, labels on top of each other).
 * Each problem names the field to change, as a path into the data.
 */
import type { DiagramColor, DiagramData, FlowDiagram, PlanDiagram } from '../../schemas/diagram.ts';
import { linesWidth, wrapText, type TextStyle } from './text.ts';

export type FieldPath = (string | number)[];

export interface Problem {
  path: FieldPath;
  message: string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type TextRole = 'tag' | 'label' | 'detail' | 'header' | 'edge' | 'note' | 'measure';

/** A block of text: its lines, the baseline of the first one, and how lines line up on `x`. */
export interface SceneText {
  role: TextRole;
  lines: string[];
  x: number;
  y: number;
  lineHeight: number;
  anchor: 'start' | 'middle' | 'end';
  /** The area the text covers, for overlap checks and label backgrounds. */
  bounds: Rect;
}

export interface SceneBox {
  /** The box's `id` in the data, if any. */
  id: string | undefined;
  /** Path of the node or shape in the data. */
  path: FieldPath;
  rect: Rect;
  shape: 'rectangle' | 'rond';
  /** The colour of its type; `undefined` for a plain box. */
  color: DiagramColor | undefined;
  /** The name of its type, written in the box when types must be told apart. */
  typeLabel: string | undefined;
  dashed: boolean;
  texts: SceneText[];
}

export interface SceneArrow {
  path: FieldPath;
  from: string;
  to: string;
  /** The polyline, from the source's border to the tip of the head. */
  points: [number, number][];
  dashed: boolean;
  label: SceneText | undefined;
}

export interface SceneLine {
  path: FieldPath;
  style: 'cote' | 'coupe' | 'trait';
  from: [number, number];
  to: [number, number];
  label: SceneText | undefined;
}

export interface Scene {
  width: number;
  height: number;
  boxes: SceneBox[];
  arrows: SceneArrow[];
  lines: SceneLine[];
  /** Column headings and free notes. */
  texts: SceneText[];
}

/** Text styles, in SVG units. The stylesheet of `Diagram.astro` uses the same sizes. */
export const STYLES = {
  tag: { size: 10.5, bold: true, caps: true, spacing: 0.06 },
  label: { size: 15, bold: true },
  detail: { size: 13 },
  header: { size: 15, bold: true },
  edge: { size: 12.5 },
  note: { size: 13 },
  measure: { size: 13, bold: true },
} as const satisfies Record<TextRole, TextStyle>;

const LINE_HEIGHT: Record<TextRole, number> = {
  tag: 14,
  label: 19,
  detail: 17,
  header: 19,
  edge: 16,
  note: 17,
  measure: 17,
};

/** Canvas margin. */
const PAD = 12;
/** Inner margins of a box. */
const BOX_PAD_X = 12;
const BOX_PAD_Y = 10;
/** Space between the tag, the label and the detail of a box. */
const STACK_GAP = 4;
/** Width of a flow's columns, by number of columns. */
const COLUMN_WIDTH: Record<number, number> = { 1: 300, 2: 220, 3: 180, 4: 150 };
const GAP_X = 44;
const GAP_X_MAX = 150;
const GAP_Y = 40;
/** Arrow labels wrap to this width; those beside an arrow that goes round the boxes, narrower. */
const EDGE_LABEL_WIDTH = 130;
const LANE_LABEL_WIDTH = 105;
/** Distance between the boxes and the first arrow that goes round them, and between such arrows. */
const LANE_GAP = 22;
const LANE_STEP = 14;
/** Arrow head. */
export const HEAD_LENGTH = 9;
export const HEAD_HALF_WIDTH = 5;

/** First baseline of a block of `count` lines whose top is `top`. */
function firstBaseline(top: number, role: TextRole): number {
  const size = STYLES[role].size;
  return top + (LINE_HEIGHT[role] - size) / 2 + size * 0.8;
}

function textBlock(
  role: TextRole,
  lines: string[],
  anchorX: number,
  top: number,
  anchor: SceneText['anchor'],
): SceneText {
  const width = linesWidth(lines, STYLES[role]);
  const height = lines.length * LINE_HEIGHT[role];
  const left = anchor === 'start' ? anchorX : anchor === 'middle' ? anchorX - width / 2 : anchorX - width;
  return {
    role,
    lines,
    x: anchorX,
    y: firstBaseline(top, role),
    lineHeight: LINE_HEIGHT[role],
    anchor,
    bounds: { x: left, y: top, w: width, h: height },
  };
}

/** The tag, label and detail of a box, wrapped to `width`, and their total height. */
interface Stack {
  parts: { role: TextRole; lines: string[] }[];
  height: number;
  width: number;
  overflows: boolean;
}

function stack(width: number, label: string | undefined, detail: string | undefined, tag: string | undefined): Stack {
  const parts: Stack['parts'] = [];
  let overflows = false;
  for (const [role, text] of [
    ['tag', tag],
    ['label', label],
    ['detail', detail],
  ] as const) {
    if (text === undefined) continue;
    // Tags are drawn in capitals: wrapped and measured as drawn.
    const shown = role === 'tag' ? text.toLocaleUpperCase('fr') : text;
    const wrapped = wrapText(shown, width, STYLES[role]);
    overflows ||= wrapped.overflows;
    parts.push({ role, lines: wrapped.lines });
  }
  const height =
    parts.reduce((sum, p) => sum + p.lines.length * LINE_HEIGHT[p.role], 0) + STACK_GAP * Math.max(0, parts.length - 1);
  const widest = Math.max(0, ...parts.map((p) => linesWidth(p.lines, STYLES[p.role])));
  return { parts, height, width: widest, overflows };
}

/** Places a stack with its top at `top`, centred on `cx`. */
function placeStack(s: Stack, cx: number, top: number, anchor: SceneText['anchor'] = 'middle'): SceneText[] {
  const texts: SceneText[] = [];
  let y = top;
  for (const part of s.parts) {
    texts.push(textBlock(part.role, part.lines, cx, y, anchor));
    y += part.lines.length * LINE_HEIGHT[part.role] + STACK_GAP;
  }
  return texts;
}

const centre = (r: Rect): [number, number] => [r.x + r.w / 2, r.y + r.h / 2];

/** Where the ray from the centre of `r` towards `(dx, dy)` leaves the shape. */
function exitPoint(r: Rect, shape: SceneBox['shape'], dx: number, dy: number): [number, number] {
  const [cx, cy] = centre(r);
  let t: number;
  if (shape === 'rond') t = 1 / Math.hypot(dx / (r.w / 2), dy / (r.h / 2));
  else t = Math.min(dx === 0 ? Infinity : r.w / 2 / Math.abs(dx), dy === 0 ? Infinity : r.h / 2 / Math.abs(dy));
  return [cx + dx * t, cy + dy * t];
}

/** Whether the segment crosses the inside of `r` (shrunk a little, so touching is fine). */
function segmentCrossesRect(a: [number, number], b: [number, number], r: Rect): boolean {
  const inset = 2;
  const minX = r.x + inset;
  const maxX = r.x + r.w - inset;
  const minY = r.y + inset;
  const maxY = r.y + r.h - inset;
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0] - minX],
    [dx, maxX - a[0]],
    [-dy, a[1] - minY],
    [dy, maxY - a[1]],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function rectsOverlap(a: Rect, b: Rect): boolean {
  const inset = 1;
  return a.x + inset < b.x + b.w && b.x + inset < a.x + a.w && a.y + inset < b.y + b.h && b.y + inset < a.y + a.h;
}

function inside(inner: Rect, outer: Rect): boolean {
  const e = 0.5;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.w <= outer.x + outer.w + e &&
    inner.y + inner.h <= outer.y + outer.h + e
  );
}

/** A label for an arrow, centred on a point. */
function centredLabel(text: string, cx: number, cy: number): SceneText {
  const lines = wrapText(text, EDGE_LABEL_WIDTH, STYLES.edge).lines;
  const height = lines.length * LINE_HEIGHT.edge;
  return textBlock('edge', lines, cx, cy - height / 2, 'middle');
}

/**
 * Whether typed boxes show their type's name: as soon as two types are in use, colour would
 * otherwise be the only way to tell them apart. With a single type, the colour only sets those
 * boxes off, and their own words say what they are.
 */
function tagsShown(types: (string | undefined)[]): boolean {
  return new Set(types.filter((t) => t !== undefined)).size > 1;
}

/** References between fields: unique ids, types and arrow ends that exist. */
function checkReferences(data: DiagramData): Problem[] {
  const problems: Problem[] = [];
  const typeIds = new Set<string>();
  data.types.forEach((t, i) => {
    if (typeIds.has(t.id)) problems.push({ path: ['types', i, 'id'], message: `type « ${t.id} » déjà défini` });
    typeIds.add(t.id);
  });
  const items = data.kind === 'flux' ? data.nodes : data.shapes;
  const listName = data.kind === 'flux' ? 'nodes' : 'shapes';
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (item.id !== undefined) {
      if (ids.has(item.id))
        problems.push({ path: [listName, i, 'id'], message: `identifiant « ${item.id} » déjà utilisé` });
      ids.add(item.id);
    }
    if (item.type !== undefined && !typeIds.has(item.type)) {
      const known = [...typeIds].join(', ');
      problems.push({
        path: [listName, i, 'type'],
        message: `type « ${item.type} » inconnu : définissez-le dans « types »${known ? ` (types définis : ${known})` : ''}`,
      });
    }
  });
  const arrows = data.kind === 'flux' ? data.edges : data.arrows;
  const arrowList = data.kind === 'flux' ? 'edges' : 'arrows';
  arrows.forEach((arrow, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(arrow[end])) {
        problems.push({
          path: [arrowList, i, end],
          message: `« ${arrow[end]} » ne nomme aucune ${data.kind === 'flux' ? 'boîte' : 'forme'} de ce dessin (identifiants : ${[...ids].join(', ') || 'aucun'})`,
        });
      }
    }
    if (arrow.from === arrow.to)
      problems.push({ path: [arrowList, i, 'to'], message: 'une flèche relie deux éléments différents' });
  });
  return problems;
}

/** Lays out a diagram; `problems` lists what would draw badly. */
export function layoutDiagram(data: DiagramData): { scene: Scene; problems: Problem[] } {
  const problems = checkReferences(data);
  if (problems.length > 0)
    return { scene: { width: 0, height: 0, boxes: [], arrows: [], lines: [], texts: [] }, problems };
  return data.kind === 'flux' ? layoutFlow(data) : layoutPlan(data);
}

/** The problems of a diagram, for its schema. */
export function checkDiagram(data: DiagramData): Problem[] {
  return layoutDiagram(data).problems;
}

function typeOf(data: DiagramData, type: string | undefined): DiagramData['types'][number] | undefined {
  return type === undefined ? undefined : data.types.find((t) => t.id === type);
}

/**
 * Labels must not sit on boxes they do not belong to, nor on each other. In a flow, labels
 * live in the gaps between boxes; in a plan, zones may hold arrows and lines, so only the
 * text of shapes counts.
 */
function checkLabels(scene: Scene, problems: Problem[], overBoxes: boolean): void {
  const labelled = [...scene.arrows, ...scene.lines].flatMap((item) =>
    item.label === undefined ? [] : [{ path: item.path, label: item.label }],
  );
  const words = (text: SceneText) => `« ${text.lines.join(' ')} »`;
  const canvas: Rect = { x: 0, y: 0, w: scene.width, h: scene.height };
  labelled.forEach((item, i) => {
    const path = [...item.path, 'label'];
    const hit = scene.boxes.find(
      (box) =>
        (overBoxes && rectsOverlap(box.rect, item.label.bounds)) ||
        box.texts.some((t) => rectsOverlap(t.bounds, item.label.bounds)),
    );
    if (hit) {
      const name = hit.texts.find((t) => t.role === 'label');
      problems.push({
        path,
        message: `le texte ${words(item.label)} est dessiné sur ${name ? words(name) : 'une forme'} : déplacez les éléments ou raccourcissez le texte`,
      });
    }
    for (const other of labelled.slice(i + 1)) {
      if (rectsOverlap(other.label.bounds, item.label.bounds)) {
        problems.push({
          path,
          message: `le texte ${words(item.label)} chevauche ${words(other.label)} : écartez les éléments ou raccourcissez le texte`,
        });
      }
    }
    if (!inside(item.label.bounds, canvas))
      problems.push({ path, message: `le texte ${words(item.label)} sort du dessin` });
  });
}

function layoutFlow(data: FlowDiagram): { scene: Scene; problems: Problem[] } {
  const problems: Problem[] = [];
  const columns = Math.max(...data.nodes.map((n) => n.col + n.span - 1), data.headers.length);
  const rows = Math.max(...data.nodes.map((n) => n.row));
  const colWidth = COLUMN_WIDTH[columns] ?? 160;
  const showTags = tagsShown(data.nodes.map((n) => n.type));

  // Two boxes cannot share a cell.
  const cells = new Map<string, number>();
  data.nodes.forEach((node, i) => {
    if (node.col + node.span - 1 > 4) {
      problems.push({ path: ['nodes', i, 'span'], message: 'la boîte dépasse la 4e colonne' });
    }
    for (let c = node.col; c < node.col + node.span; c++) {
      const key = `${String(c)}:${String(node.row)}`;
      const other = cells.get(key);
      if (other !== undefined) {
        problems.push({
          path: ['nodes', i, 'col'],
          message: `la boîte « ${node.id} » occupe la même place (colonne ${String(c)}, ligne ${String(node.row)}) que « ${data.nodes[other]?.id ?? ''} »`,
        });
      } else cells.set(key, i);
    }
  });

  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const widthOf = (span: number, gaps: number[], col: number) =>
    span * colWidth + gaps.slice(col - 1, col - 1 + span - 1).reduce((a, b) => a + b, 0);

  // Gaps grow to hold the labels of the arrows that run through them.
  const gapAfterCol = Array.from({ length: columns }, () => GAP_X);
  const gapAfterRow = Array.from({ length: rows }, () => GAP_Y);
  for (const edge of data.edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!a || !b || edge.side !== undefined || edge.label === undefined) continue;
    const lines = wrapText(edge.label, EDGE_LABEL_WIDTH, STYLES.edge).lines;
    const width = linesWidth(lines, STYLES.edge);
    const height = lines.length * LINE_HEIGHT.edge;
    if (a.row === b.row) {
      const leftmost = a.col < b.col ? a : b;
      const gapIndex = leftmost.col + leftmost.span - 2;
      if (gapIndex >= 0 && gapIndex < columns - 1) {
        gapAfterCol[gapIndex] = Math.min(GAP_X_MAX, Math.max(gapAfterCol[gapIndex] ?? GAP_X, width + 24));
      }
    } else {
      const top = Math.min(a.row, b.row);
      if (Math.abs(a.row - b.row) === 1) {
        gapAfterRow[top - 1] = Math.max(gapAfterRow[top - 1] ?? GAP_Y, height + 20);
      }
    }
  }

  // Arrows that go round the boxes run in a lane: in the gap beside the boxes of the rows they
  // span when the next column is free there, else in a margin outside the grid.
  interface Lane {
    side: 'gauche' | 'droite';
    /** The column the lane runs beside (1-based), or `undefined` in the margin. */
    column: number | undefined;
    /** How many lanes run before it at the same place over the same rows. */
    rank: number;
    top: number;
    bottom: number;
    labelWidth: number;
  }
  const laneOf = new Map<number, Lane>();
  data.edges.forEach((edge, i) => {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (!edge.side || !a || !b) return;
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const inRows = data.nodes.filter((node) => node.row >= top && node.row <= bottom);
    const outer =
      edge.side === 'droite'
        ? Math.max(...inRows.map((node) => node.col + node.span - 1))
        : Math.min(...inRows.map((node) => node.col));
    const column = edge.side === 'droite' ? (outer < columns ? outer : undefined) : outer > 1 ? outer : undefined;
    const rank = [...laneOf.values()].filter(
      (lane) => lane.side === edge.side && lane.column === column && lane.top <= bottom && top <= lane.bottom,
    ).length;
    const labelWidth =
      edge.label === undefined
        ? 0
        : linesWidth(wrapText(edge.label, LANE_LABEL_WIDTH, STYLES.edge).lines, STYLES.edge) + 8;
    laneOf.set(i, { side: edge.side, column, rank, top, bottom, labelWidth });
    const offset = LANE_GAP + rank * LANE_STEP;
    if (column !== undefined) {
      const gapIndex = edge.side === 'droite' ? column - 1 : column - 2;
      gapAfterCol[gapIndex] = Math.max(gapAfterCol[gapIndex] ?? GAP_X, offset + 10);
    }
  });
  const margin = (side: 'gauche' | 'droite') =>
    Math.max(
      0,
      ...[...laneOf.values()]
        .filter((lane) => lane.side === side && lane.column === undefined)
        .map((lane) => LANE_GAP + lane.rank * LANE_STEP + lane.labelWidth),
    );

  const left = PAD + margin('gauche');
  const colX: number[] = [];
  let x = left;
  for (let c = 0; c < columns; c++) {
    colX.push(x);
    x += colWidth + (c < columns - 1 ? (gapAfterCol[c] ?? GAP_X) : 0);
  }
  const contentRight = x;
  const width = contentRight + margin('droite') + PAD;
  /** Where a lane runs. */
  const laneX = (lane: Lane) => {
    const offset = LANE_GAP + lane.rank * LANE_STEP;
    if (lane.side === 'droite') {
      const edge = lane.column === undefined ? contentRight : (colX[lane.column - 1] ?? 0) + colWidth;
      return edge + offset;
    }
    const edge = lane.column === undefined ? left : (colX[lane.column - 1] ?? 0);
    return edge - offset;
  };

  // Row heights from the boxes' text.
  const stacks = data.nodes.map((node) => {
    const w = widthOf(node.span, gapAfterCol, node.col) - 2 * BOX_PAD_X;
    const type = typeOf(data, node.type);
    return stack(w, node.label, node.detail, showTags ? type?.label : undefined);
  });
  const rowHeight = Array.from({ length: rows }, () => 0);
  data.nodes.forEach((node, i) => {
    const h = (stacks[i]?.height ?? 0) + 2 * BOX_PAD_Y;
    rowHeight[node.row - 1] = Math.max(rowHeight[node.row - 1] ?? 0, h);
  });

  const texts: SceneText[] = [];
  let y = PAD;
  if (data.headers.length > 0) {
    const headerStacks = data.headers.map((h) => wrapText(h, colWidth, STYLES.header).lines);
    const headerHeight = Math.max(...headerStacks.map((l) => l.length)) * LINE_HEIGHT.header;
    headerStacks.forEach((lines, c) => {
      texts.push(textBlock('header', lines, (colX[c] ?? 0) + colWidth / 2, y, 'middle'));
    });
    y += headerHeight + 12;
  }
  const rowY: number[] = [];
  for (let r = 0; r < rows; r++) {
    rowY.push(y);
    y += (rowHeight[r] ?? 0) + (r < rows - 1 ? (gapAfterRow[r] ?? GAP_Y) : 0);
  }
  const height = y + PAD;

  const boxes: SceneBox[] = data.nodes.map((node, i) => {
    const rect: Rect = {
      x: colX[node.col - 1] ?? 0,
      y: rowY[node.row - 1] ?? 0,
      w: widthOf(node.span, gapAfterCol, node.col),
      h: rowHeight[node.row - 1] ?? 0,
    };
    const s = stacks[i] ?? stack(0, undefined, undefined, undefined);
    if (s.overflows) {
      problems.push({ path: ['nodes', i, 'label'], message: 'un mot est trop long pour la largeur de la boîte' });
    }
    const type = typeOf(data, node.type);
    return {
      id: node.id,
      path: ['nodes', i],
      rect,
      shape: 'rectangle',
      color: type?.color,
      typeLabel: type?.label,
      dashed: false,
      texts: placeStack(s, rect.x + rect.w / 2, rect.y + (rect.h - s.height) / 2),
    };
  });
  const boxById = new Map(boxes.map((b) => [b.id ?? '', b]));

  const arrows: SceneArrow[] = [];
  data.edges.forEach((edge, i) => {
    const a = boxById.get(edge.from);
    const b = boxById.get(edge.to);
    if (!a || !b) return;
    const A = a.rect;
    const B = b.rect;
    let points: [number, number][];
    let label: SceneText | undefined;
    if (edge.side) {
      const lane = laneX(
        laneOf.get(i) ?? { side: edge.side, column: undefined, rank: 0, top: 0, bottom: 0, labelWidth: 0 },
      );
      const [, ay] = centre(A);
      const [, by] = centre(B);
      if (edge.side === 'gauche') {
        points = [
          [A.x, ay],
          [lane, ay],
          [lane, by],
          [B.x, by],
        ];
        if (edge.label !== undefined) {
          const lines = wrapText(edge.label, LANE_LABEL_WIDTH, STYLES.edge).lines;
          label = textBlock('edge', lines, lane - 6, (ay + by) / 2 - (lines.length * LINE_HEIGHT.edge) / 2, 'end');
        }
      } else {
        points = [
          [A.x + A.w, ay],
          [lane, ay],
          [lane, by],
          [B.x + B.w, by],
        ];
        if (edge.label !== undefined) {
          const lines = wrapText(edge.label, LANE_LABEL_WIDTH, STYLES.edge).lines;
          label = textBlock('edge', lines, lane + 6, (ay + by) / 2 - (lines.length * LINE_HEIGHT.edge) / 2, 'start');
        }
      }
    } else {
      const overlapX = [Math.max(A.x, B.x), Math.min(A.x + A.w, B.x + B.w)] as const;
      const overlapY = [Math.max(A.y, B.y), Math.min(A.y + A.h, B.y + B.h)] as const;
      if (overlapX[1] - overlapX[0] > 20) {
        // One above the other: a vertical arrow, its label beside it.
        const ax = (overlapX[0] + overlapX[1]) / 2;
        const down = B.y > A.y;
        const start: [number, number] = [ax, down ? A.y + A.h : A.y];
        const end: [number, number] = [ax, down ? B.y : B.y + B.h];
        points = [start, end];
        if (edge.label !== undefined) {
          const lines = wrapText(edge.label, EDGE_LABEL_WIDTH, STYLES.edge).lines;
          const midY = (start[1] + end[1]) / 2;
          label = textBlock('edge', lines, ax + 8, midY - (lines.length * LINE_HEIGHT.edge) / 2, 'start');
        }
      } else if (overlapY[1] - overlapY[0] > 10) {
        // Side by side: a horizontal arrow, its label above it.
        const ay = (overlapY[0] + overlapY[1]) / 2;
        const right = B.x > A.x;
        const start: [number, number] = [right ? A.x + A.w : A.x, ay];
        const end: [number, number] = [right ? B.x : B.x + B.w, ay];
        points = [start, end];
        if (edge.label !== undefined) {
          const lines = wrapText(edge.label, EDGE_LABEL_WIDTH, STYLES.edge).lines;
          const h = lines.length * LINE_HEIGHT.edge;
          label = textBlock('edge', lines, (start[0] + end[0]) / 2, ay - h - 3, 'middle');
        }
      } else {
        // Diagonal: from border to border on the line between the centres.
        const [acx, acy] = centre(A);
        const [bcx, bcy] = centre(B);
        const dx = bcx - acx;
        const dy = bcy - acy;
        const p = exitPoint(A, a.shape, dx, dy);
        const q = exitPoint(B, b.shape, -dx, -dy);
        points = [p, q];
        if (edge.label !== undefined) label = centredLabel(edge.label, (p[0] + q[0]) / 2, (p[1] + q[1]) / 2);
      }
    }
    arrows.push({ path: ['edges', i], from: edge.from, to: edge.to, points, dashed: edge.dashed, label });
    // No arrow may run across a box other than its two ends.
    for (const box of boxes) {
      if (box === a || box === b) continue;
      const crosses = points.slice(1).some((p, k) => segmentCrossesRect(points[k] ?? p, p, box.rect));
      if (crosses) {
        problems.push({
          path: ['edges', i],
          message: `la flèche de « ${edge.from} » vers « ${edge.to} » passe sur la boîte « ${box.id ?? ''} » : changez la place des boîtes, ou faites-la passer sur le côté avec « side: gauche » ou « side: droite »`,
        });
        break;
      }
    }
  });

  const scene: Scene = { width, height, boxes, arrows, lines: [], texts };
  checkLabels(scene, problems, true);
  return { scene, problems };
}

/** Width that outside labels wrap to. */
const OUTSIDE_LABEL_WIDTH = 170;

function layoutPlan(data: PlanDiagram): { scene: Scene; problems: Problem[] } {
  const problems: Problem[] = [];
  const canvas: Rect = { x: 0, y: 0, w: data.width, h: data.height };
  const showTags = tagsShown(data.shapes.map((s) => s.type));

  const boxes: SceneBox[] = data.shapes.map((shape, i) => {
    const rect: Rect = { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
    const type = typeOf(data, shape.type);
    const path: FieldPath = ['shapes', i];
    if (!inside(rect, canvas)) {
      problems.push({
        path: [...path, 'x'],
        message: `la forme sort du dessin (${String(data.width)} × ${String(data.height)}) : corrigez x, y, w ou h`,
      });
    }
    if (type && shape.label === undefined) {
      problems.push({
        path: [...path, 'label'],
        message: 'une forme colorée doit porter un texte (« label ») : la couleur seule ne suffit pas à la comprendre',
      });
    }
    const tag = showTags ? type?.label : undefined;
    let texts: SceneText[] = [];
    if (shape.label !== undefined || shape.detail !== undefined) {
      if (shape.labelAt === 'dedans') {
        const round = shape.shape === 'rond';
        const innerW = round ? shape.w * 0.72 : shape.w - 2 * 8;
        const innerH = round ? shape.h * 0.72 : shape.h - 2 * 5;
        const s = stack(innerW, shape.label, shape.detail, tag);
        const field: FieldPath = [...path, shape.label !== undefined ? 'label' : 'detail'];
        if (s.overflows) {
          problems.push({
            path: field,
            message:
              'un mot est plus large que la forme : agrandissez « w », raccourcissez le texte, ou placez-le à côté avec « labelAt »',
          });
        } else if (s.height > innerH) {
          problems.push({
            path: field,
            message: `le texte ne tient pas dans la forme (il lui faut environ ${String(Math.ceil(round ? s.height / 0.72 : s.height + 10))} de haut) : agrandissez « h » ou « w », raccourcissez le texte, ou placez-le à côté avec « labelAt »`,
          });
        }
        texts = placeStack(s, rect.x + rect.w / 2, rect.y + (rect.h - s.height) / 2);
      } else {
        const above = shape.labelAt === 'dessus' || shape.labelAt === 'dessous';
        const s = stack(
          above ? Math.max(shape.w, OUTSIDE_LABEL_WIDTH) : OUTSIDE_LABEL_WIDTH,
          shape.label,
          shape.detail,
          tag,
        );
        const [cx, cy] = centre(rect);
        if (shape.labelAt === 'dessus') texts = placeStack(s, cx, rect.y - 4 - s.height);
        else if (shape.labelAt === 'dessous') texts = placeStack(s, cx, rect.y + rect.h + 4);
        else if (shape.labelAt === 'gauche') texts = placeStack(s, rect.x - 8, cy - s.height / 2, 'end');
        else texts = placeStack(s, rect.x + rect.w + 8, cy - s.height / 2, 'start');
        if (texts.some((t) => !inside(t.bounds, canvas))) {
          problems.push({ path: [...path, 'labelAt'], message: 'le texte placé à côté de la forme sort du dessin' });
        }
      }
    }
    return {
      id: shape.id,
      path,
      rect,
      shape: shape.shape,
      color: type?.color,
      typeLabel: type?.label,
      dashed: shape.dashed,
      texts,
    };
  });
  const boxById = new Map(boxes.flatMap((b) => (b.id === undefined ? [] : [[b.id, b] as const])));

  const arrows: SceneArrow[] = [];
  data.arrows.forEach((arrow, i) => {
    const a = boxById.get(arrow.from);
    const b = boxById.get(arrow.to);
    if (!a || !b) return;
    const [acx, acy] = centre(a.rect);
    const [bcx, bcy] = centre(b.rect);
    const dx = bcx - acx;
    const dy = bcy - acy;
    const points: [number, number][] = [exitPoint(a.rect, a.shape, dx, dy), exitPoint(b.rect, b.shape, -dx, -dy)];
    const [p, q] = points as [[number, number], [number, number]];
    const label =
      arrow.label === undefined ? undefined : centredLabel(arrow.label, (p[0] + q[0]) / 2, (p[1] + q[1]) / 2);
    arrows.push({ path: ['arrows', i], from: arrow.from, to: arrow.to, points, dashed: false, label });
  });

  const lines: SceneLine[] = data.lines.map((line, i) => {
    const path: FieldPath = ['lines', i];
    if (line.style === 'cote' && line.label === undefined) {
      problems.push({ path: [...path, 'label'], message: 'une cote porte sa mesure (« label »)' });
    }
    for (const [end, value] of [
      ['from', line.from],
      ['to', line.to],
    ] as const) {
      if (value[0] > data.width || value[1] > data.height) {
        problems.push({ path: [...path, end], message: 'ce point sort du dessin' });
      }
    }
    let label: SceneText | undefined;
    if (line.label !== undefined) {
      const role: TextRole = line.style === 'cote' ? 'measure' : 'edge';
      const wrapped = wrapText(line.label, EDGE_LABEL_WIDTH, STYLES[role]).lines;
      const h = wrapped.length * LINE_HEIGHT[role];
      label = textBlock(
        role,
        wrapped,
        (line.from[0] + line.to[0]) / 2,
        (line.from[1] + line.to[1]) / 2 - h / 2,
        'middle',
      );
    }
    return { path, style: line.style, from: line.from, to: line.to, label };
  });

  const texts: SceneText[] = data.notes.map((note, i) => {
    const wrapped = wrapText(note.text, note.w, STYLES.note);
    const anchor = note.align === 'milieu' ? 'middle' : note.align === 'fin' ? 'end' : 'start';
    const ax = note.align === 'milieu' ? note.x + note.w / 2 : note.align === 'fin' ? note.x + note.w : note.x;
    const block = textBlock('note', wrapped.lines, ax, note.y, anchor);
    if (wrapped.overflows || !inside(block.bounds, canvas)) {
      problems.push({
        path: ['notes', i, 'text'],
        message: 'la note sort du dessin, ou un de ses mots est plus large que « w »',
      });
    }
    return block;
  });

  const scene: Scene = { width: data.width, height: data.height, boxes, arrows, lines, texts };
  checkLabels(scene, problems, false);
  return { scene, problems };
}
