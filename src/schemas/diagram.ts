/**
 * Schema of a diagram (`content/diagrams/<nom>.yaml`): the text source of a picture that the
 * site draws as SVG when it builds (`src/lib/diagrams/`), shown in a page with
 * `<Diagram name="<nom>" />`. A contributor edits words and positions, never SVG: the drawing,
 * its colours and its styles come from the site.
 *
 * Two kinds of diagram:
 * - `flux`: boxes placed on a grid of columns and rows, joined by arrows (a process, a cycle,
 *   the people around a group). Sizes are computed from the text.
 * - `plan`: shapes placed at coordinates on a canvas (a wall, tables in a room, a bench),
 *   with measures, cut lines and notes.
 *
 * Beyond the shape of the data, `checkDiagram` (run here, so by the build and by
 * `npm run validate` alike) lays the diagram out and refuses what would draw badly: text that
 * does not fit, an arrow across another box, two boxes in the same place.
 */
import { z } from './zod-fr.ts';
import { SLUG_PATTERN } from './toolkit.ts';
import { checkDiagram } from '../lib/diagrams/layout.ts';

/** Colours a type of box can take, each drawn with the site's theme colours (light, dark, print). */
export const DIAGRAM_COLORS = ['orange', 'vert', 'bleu', 'violet', 'rose', 'gris'] as const;
export type DiagramColor = (typeof DIAGRAM_COLORS)[number];

/** Largest canvas of a plan, in SVG units (the page's text column is 720 px wide). */
export const PLAN_MAX_WIDTH = 720;
export const PLAN_MAX_HEIGHT = 900;
/** A flow has at most this many columns and rows. */
export const FLOW_MAX_COLUMNS = 4;
export const FLOW_MAX_ROWS = 12;

/**
 * Words that say nothing of what a diagram shows: a text alternative made only of them (or a
 * caption) is refused.
 */
const GENERIC_ALT = /^(?:le |un |ce )?(?:schéma|diagramme|image|illustration|dessin|figure|plan)\.?$/i;

const id = z
  .string()
  .regex(SLUG_PATTERN, 'identifiant attendu en minuscules sans accents, mots séparés par des tirets (ex. « kanban »)');

const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'le texte ne peut pas être vide')
    .max(max, `${String(max)} caractères au plus`);

/** Position on a plan's canvas, in SVG units. */
const coordinate = z.number().min(0, 'une position ne peut pas être négative');
const point = z.tuple([coordinate, coordinate], { error: 'point attendu sous la forme [x, y]' });

const common = {
  /** The caption shown under the picture: what it is about, in a short sentence. Required. */
  title: label(160).min(5, 'la légende doit faire au moins 5 caractères'),
  /**
   * The text alternative, read instead of the picture by people who cannot see it: say what
   * the diagram shows (the steps, who does what), not that it is a diagram. Required.
   */
  alt: z
    .string()
    .trim()
    .min(40, 'le texte alternatif doit faire au moins 40 caractères et dire ce que montre le dessin')
    .max(800, 'le texte alternatif doit faire au plus 800 caractères')
    .refine((text) => !GENERIC_ALT.test(text), 'le texte alternatif doit dire ce que montre le dessin'),
  /**
   * Kinds of box, each with a name shown in every box of that kind (so that colour is never
   * the only way to tell them apart) and a colour. Default: none (neutral boxes).
   */
  types: z
    .array(
      z.strictObject({
        /** Identifier that boxes give in `type`. */
        id,
        /** Name written in each box of this kind, e.g. « Rituel ». */
        label: label(24).min(2, '2 caractères au moins'),
        /** One of `DIAGRAM_COLORS`. */
        color: z.enum(DIAGRAM_COLORS),
      }),
    )
    .max(6)
    .default([]),
};

const flowNode = z.strictObject({
  /** Identifier that arrows give in `from` and `to`. */
  id,
  /** What the box says, in a few words. */
  label: label(80),
  /** A smaller line under the label. Optional. */
  detail: label(200).optional(),
  /** One of the diagram's `types`. Optional. */
  type: id.optional(),
  /** Column, from 1 (left). */
  col: z.number().int().min(1).max(FLOW_MAX_COLUMNS),
  /** Row, from 1 (top). */
  row: z.number().int().min(1).max(FLOW_MAX_ROWS),
  /** How many columns the box covers, from `col` rightwards. Default: 1. */
  span: z.number().int().min(1).max(FLOW_MAX_COLUMNS).default(1),
});

const flowEdge = z.strictObject({
  /** The box the arrow leaves. */
  from: id,
  /** The box the arrow points to. */
  to: id,
  /** Words along the arrow. Optional. */
  label: label(60).optional(),
  /** Goes round the boxes by the left or the right margin instead of straight. Optional. */
  side: z.enum(['gauche', 'droite']).optional(),
  /** A dashed arrow (something optional, or occasional). Default: false. */
  dashed: z.boolean().default(false),
});

export const flowDiagramSchema = z.strictObject({
  kind: z.literal('flux'),
  ...common,
  /** Headings over the columns, from the left. Optional. */
  headers: z.array(label(40)).max(FLOW_MAX_COLUMNS).default([]),
  /** The boxes. */
  nodes: z.array(flowNode).min(2, 'au moins deux boîtes').max(16, '16 boîtes au plus'),
  /** The arrows between boxes. */
  edges: z.array(flowEdge).max(24, '24 flèches au plus').default([]),
});

const planShape = z.strictObject({
  /** Identifier that arrows give in `from` and `to`. Optional. */
  id: id.optional(),
  /** What the shape is. Required for a shape with a `type`. */
  label: label(80).optional(),
  /** A smaller line under the label. Optional. */
  detail: label(160).optional(),
  /** One of the diagram's `types`. Optional: without it the shape is drawn plain. */
  type: id.optional(),
  /** Left edge. */
  x: coordinate,
  /** Top edge. */
  y: coordinate,
  /** Width. */
  w: z.number().min(4, 'largeur trop petite'),
  /** Height. */
  h: z.number().min(4, 'hauteur trop petite'),
  /** `rectangle` (default) or `rond` (an ellipse in the box). */
  shape: z.enum(['rectangle', 'rond']).default('rectangle'),
  /** Where the text goes: `dedans` (default), or beside the shape: `dessus`, `dessous`, `gauche`, `droite`. */
  labelAt: z.enum(['dedans', 'dessus', 'dessous', 'gauche', 'droite']).default('dedans'),
  /** A dashed outline (something optional). Default: false. */
  dashed: z.boolean().default(false),
});

const planArrow = z.strictObject({
  /** The shape the arrow leaves (its `id`). */
  from: id,
  /** The shape the arrow points to. */
  to: id,
  /** Words along the arrow. Optional. */
  label: label(60).optional(),
});

const planLine = z.strictObject({
  /** Start point `[x, y]`. */
  from: point,
  /** End point `[x, y]`. */
  to: point,
  /** `cote` (a measure, with end marks), `coupe` (a dashed cut line) or `trait` (a plain line). */
  style: z.enum(['cote', 'coupe', 'trait']),
  /** Words at the middle of the line (the measure, what to cut). Required for a measure. */
  label: label(40).optional(),
});

const planNote = z.strictObject({
  /** Left edge of the text block. */
  x: coordinate,
  /** Top edge of the text block. */
  y: coordinate,
  /** Width the text wraps to. */
  w: z.number().min(20, 'largeur trop petite'),
  /** The text. */
  text: label(200),
  /** `debut` (default), `milieu` or `fin`: how lines line up in the block. */
  align: z.enum(['debut', 'milieu', 'fin']).default('debut'),
});

export const planDiagramSchema = z.strictObject({
  kind: z.literal('plan'),
  ...common,
  /** Width of the canvas, in SVG units. */
  width: z.number().min(200).max(PLAN_MAX_WIDTH),
  /** Height of the canvas, in SVG units. */
  height: z.number().min(80).max(PLAN_MAX_HEIGHT),
  /** The shapes (tables, columns of a board, pieces of wood…). */
  shapes: z.array(planShape).min(1).max(40),
  /** Arrows between shapes. Default: none. */
  arrows: z.array(planArrow).max(20).default([]),
  /** Measures, cut lines and plain lines. Default: none. */
  lines: z.array(planLine).max(30).default([]),
  /** Free text placed on the canvas. Default: none. */
  notes: z.array(planNote).max(20).default([]),
});

export const diagramSchema = z
  .discriminatedUnion('kind', [flowDiagramSchema, planDiagramSchema], {
    error: 'champ « kind » attendu : « flux » (boîtes et flèches) ou « plan » (formes placées sur un dessin)',
  })
  .superRefine((data, ctx) => {
    for (const problem of checkDiagram(data))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export type DiagramInput = z.input<typeof diagramSchema>;
export type DiagramData = z.output<typeof diagramSchema>;
export type FlowDiagram = z.output<typeof flowDiagramSchema>;
export type PlanDiagram = z.output<typeof planDiagramSchema>;
