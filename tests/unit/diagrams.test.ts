import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { XmlElement, XmlText, parseXml, type XmlNode } from '@rgrove/parse-xml';
import { describe, expect, it } from 'vitest';
import { diagramSchema, type DiagramData, type DiagramInput } from '../../src/schemas/diagram.ts';
import { renderDiagram } from '../../src/lib/diagrams/render.ts';
import { textWidth, wrapText } from '../../src/lib/diagrams/text.ts';
import { checkSvg } from '../../scripts/lib/validate/rules/media.ts';
import { diagramExports } from '../../scripts/lib/diagram-exports.ts';
import { diagramOfExport, exportPath } from '../../src/lib/diagrams/standalone.ts';
import { ROOT } from '../helpers/site.ts';

const DIR = join(ROOT, 'content/diagrams');
/** Every diagram of the guide, read as the content collection reads it (js-yaml, then the schema). */
const DIAGRAMS = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f.replace(/\.yaml$/, ''), input: load(readFileSync(join(DIR, f), 'utf8')) }));

function elements(node: XmlNode): XmlElement[] {
  if (!(node instanceof XmlElement)) return [];
  return [node, ...node.children.flatMap(elements)];
}

function textOf(node: XmlNode): string {
  if (node instanceof XmlText) return node.text;
  return node instanceof XmlElement ? node.children.map(textOf).join(' ') : '';
}

const classes = (el: XmlElement) => (el.attributes['class'] ?? '').split(/\s+/);

/** Parses the drawn SVG with a real XML parser. */
function drawn(data: DiagramData, name: string): XmlElement {
  const root = parseXml(renderDiagram(data, name).html).root;
  if (!root) throw new Error('pas de racine');
  return root;
}

/** The path and message of every issue the schema finds. */
function issues(input: unknown): [string, string][] {
  const result = diagramSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

const FLOW_NODES = [
  { id: 'preparer', label: 'Préparer', col: 1, row: 1 },
  { id: 'faire', label: 'Faire', col: 1, row: 2 },
  { id: 'ranger', label: 'Ranger', col: 1, row: 3 },
];

const FLOW = {
  kind: 'flux',
  title: 'Un petit cycle',
  alt: 'Trois étapes en boucle : préparer, faire, puis ranger, avant de recommencer.',
  nodes: FLOW_NODES,
  edges: [
    { from: 'preparer', to: 'faire' },
    { from: 'faire', to: 'ranger' },
    { from: 'ranger', to: 'preparer', side: 'gauche', label: 'on recommence' },
  ],
} satisfies DiagramInput;

const PLAN: DiagramInput = {
  kind: 'plan',
  title: 'Deux tables',
  alt: 'Une table pour laver à gauche, une table pour couper à droite, et une flèche de l’une à l’autre.',
  width: 400,
  height: 160,
  types: [{ id: 'table', label: 'Table', color: 'orange' }],
  shapes: [
    { id: 'laver', type: 'table', label: 'Laver', x: 10, y: 30, w: 120, h: 80 },
    { id: 'couper', type: 'table', label: 'Couper', x: 250, y: 30, w: 120, h: 80 },
  ],
  arrows: [{ from: 'laver', to: 'couper' }],
};

describe('the diagrams of the guide', () => {
  it('there are at least nine, each valid and drawn', () => {
    expect(DIAGRAMS.length).toBeGreaterThanOrEqual(9);
    for (const { name, input } of DIAGRAMS) {
      expect(issues(input), name).toEqual([]);
      expect(renderDiagram(diagramSchema.parse(input), name).width, name).toBeGreaterThan(0);
    }
  });

  it.each(DIAGRAMS)(
    '« $name » is a picture named by its text alternative, with real text and no code',
    ({ name, input }) => {
      const data = diagramSchema.parse(input);
      const svg = drawn(data, name);
      expect(svg.name).toBe('svg');
      expect(svg.attributes['role']).toBe('img');
      expect(svg.attributes['aria-label']).toBe(data.alt);
      // The alternative says what is shown: it is long, and not just the word « schéma ».
      expect(data.alt.length).toBeGreaterThanOrEqual(40);
      const texts = elements(svg).filter((el) => el.name === 'text');
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(textOf(text).trim(), name).not.toBe('');
      for (const el of elements(svg)) {
        expect(
          Object.keys(el.attributes).filter((a) => a === 'style' || /^on/i.test(a)),
          `${name} <${el.name}>`,
        ).toEqual([]);
        expect(['script', 'style', 'foreignObject', 'a', 'image', 'use']).not.toContain(el.name);
      }
      // Even saved on its own, the picture passes the rules of public/media/.
      expect(checkSvg(new TextEncoder().encode(renderDiagram(data, name).html))).toEqual([]);
    },
  );

  it.each(DIAGRAMS)(
    '« $name » labels every coloured part, so colour never carries meaning alone',
    ({ name, input }) => {
      const data = diagramSchema.parse(input);
      const boxes = elements(drawn(data, name)).filter((el) => classes(el).includes('dg-box'));
      const coloured = boxes.filter((el) => classes(el).some((c) => c.startsWith('dg-c-')));
      const colours = new Set(coloured.map((el) => classes(el).find((c) => c.startsWith('dg-c-'))));
      for (const box of coloured) {
        const words = elements(box)
          .filter((el) => el.name === 'text' && !classes(el).includes('dg-t-tag'))
          .map(textOf)
          .join(' ')
          .trim();
        expect(words, `${name} : une forme colorée sans texte`).not.toBe('');
      }
      // Two colours or more: each coloured part also writes the name of its kind.
      if (colours.size > 1) {
        const names = new Set(data.types.map((t) => t.label.toLocaleUpperCase('fr')));
        for (const box of coloured) {
          const tag = elements(box).find((el) => el.name === 'text' && classes(el).includes('dg-t-tag'));
          expect(
            tag && names.has(textOf(tag).trim().replace(/\s+/g, ' ')),
            `${name} : une forme sans le nom de son type`,
          ).toBe(true);
        }
      }
      // Each colour stands for one kind only, the same in every box of that kind.
      for (const type of data.types) {
        const used =
          data.kind === 'flux'
            ? data.nodes.some((n) => n.type === type.id)
            : data.shapes.some((s) => s.type === type.id);
        if (used) expect(colours.has(`dg-c-${type.color}`), `${name} : ${type.id}`).toBe(true);
      }
      expect(new Set(data.types.map((t) => t.color)).size, `${name} : deux types de la même couleur`).toBe(
        data.types.length,
      );
    },
  );
});

describe('the diagrams as files of their own (npm run diagrams)', () => {
  const { dir, files } = diagramExports(ROOT);

  it('public/media/diagrammes/ holds one up-to-date file per diagram, and nothing else', () => {
    const onDisk = existsSync(dir) ? readdirSync(dir).sort() : [];
    expect(onDisk, 'lancez « npm run diagrams »').toEqual([...files.keys()].sort());
    for (const [name, text] of files) {
      expect(readFileSync(join(dir, name), 'utf8') === text, `${name} est périmé : lancez « npm run diagrams »`).toBe(
        true,
      );
    }
  });

  it.each([...files.entries()])('%s passes the media rules, with its caption and text alternative', (name, text) => {
    expect(checkSvg(new TextEncoder().encode(text))).toEqual([]);
    const svg = parseXml(text).root;
    const data = diagramSchema.parse(DIAGRAMS.find((d) => `${d.name}.svg` === name)?.input);
    const child = (tag: string) =>
      svg?.children.find((c): c is XmlElement => c instanceof XmlElement && c.name === tag);
    expect(child('title')?.text).toBe(data.title);
    expect(child('desc')?.text).toBe(data.alt);
    expect(svg?.attributes['aria-labelledby']).toBe('titre description');
  });

  it('a site path names the diagram it was exported from, and nothing else', () => {
    expect(diagramOfExport(exportPath('kanban-mural'))).toBe('kanban-mural');
    expect(diagramOfExport('/media/diagrammes/../secret.svg')).toBeUndefined();
    expect(diagramOfExport('/media/photo.svg')).toBeUndefined();
  });
});

describe('the diagram schema and layout', () => {
  it('accepts a flow and a plan, and fills the defaults', () => {
    expect(issues(FLOW)).toEqual([]);
    expect(issues(PLAN)).toEqual([]);
    const plan = diagramSchema.parse(PLAN);
    expect(plan.kind === 'plan' && plan.shapes[0]?.labelAt).toBe('dedans');
  });

  it('refuses a text alternative that only says « schéma »', () => {
    expect(issues({ ...FLOW, alt: 'Schéma' })).toEqual([
      ['alt', 'le texte alternatif doit faire au moins 40 caractères et dire ce que montre le dessin'],
      ['alt', 'le texte alternatif doit dire ce que montre le dessin'],
    ]);
  });

  it('refuses an arrow to a box that does not exist, naming the known ones', () => {
    expect(issues({ ...FLOW, edges: [{ from: 'preparer', to: 'fare' }] })).toEqual([
      ['edges.0.to', '« fare » ne nomme aucune boîte de ce dessin (identifiants : preparer, faire, ranger)'],
    ]);
  });

  it('refuses a type that is not defined, and two boxes in the same place', () => {
    const nodes = [
      { id: 'a', label: 'A', col: 1, row: 1, type: 'rituel' },
      { id: 'b', label: 'B', col: 1, row: 1 },
    ];
    expect(issues({ ...FLOW, nodes, edges: [] })).toEqual([
      ['nodes.0.type', 'type « rituel » inconnu : définissez-le dans « types »'],
    ]);
    expect(
      issues({ ...FLOW, nodes: nodes.map((n) => ({ id: n.id, label: n.label, col: n.col, row: n.row })), edges: [] }),
    ).toEqual([['nodes.1.col', 'la boîte « b » occupe la même place (colonne 1, ligne 1) que « a »']]);
  });

  it('refuses an arrow drawn across another box, and says how to go round it', () => {
    const [message] = issues({ ...FLOW, edges: [{ from: 'preparer', to: 'ranger' }] });
    expect(message?.[0]).toBe('edges.0');
    expect(message?.[1]).toContain('passe sur la boîte « faire »');
    expect(message?.[1]).toContain('side: gauche');
    // Round the side, the same arrow is fine.
    expect(issues({ ...FLOW, edges: [{ from: 'preparer', to: 'ranger', side: 'droite' }] })).toEqual([]);
  });

  it('refuses text that does not fit its shape, and a coloured shape without words', () => {
    const shapes = [
      { id: 'laver', type: 'table', label: 'Laver les légumes dans trois bassines', x: 10, y: 30, w: 120, h: 30 },
      { id: 'couper', type: 'table', x: 250, y: 30, w: 120, h: 80 },
    ];
    expect(issues({ ...PLAN, shapes })).toEqual([
      [
        'shapes.0.label',
        'le texte ne tient pas dans la forme (il lui faut environ 86 de haut) : agrandissez « h » ou « w », raccourcissez le texte, ou placez-le à côté avec « labelAt »',
      ],
      [
        'shapes.1.label',
        'une forme colorée doit porter un texte (« label ») : la couleur seule ne suffit pas à la comprendre',
      ],
    ]);
  });

  it('refuses a shape outside the canvas and a measure without its value', () => {
    expect(
      issues({
        ...PLAN,
        shapes: [{ label: 'Mur', x: 300, y: 10, w: 200, h: 50 }],
        arrows: [],
        lines: [{ from: [10, 100], to: [200, 100], style: 'cote' }],
      }),
    ).toEqual([
      ['shapes.0.x', 'la forme sort du dessin (400 × 160) : corrigez x, y, w ou h'],
      ['lines.0.label', 'une cote porte sa mesure (« label »)'],
    ]);
  });

  it('writes the name of each type in its boxes as soon as two types are in use', () => {
    const types = [
      { id: 'rituel', label: 'Rituel', color: 'orange' },
      { id: 'outil', label: 'Outil', color: 'vert' },
    ] as const;
    const one = diagramSchema.parse({
      ...FLOW,
      types,
      nodes: FLOW_NODES.map((n) => ({ ...n, type: 'rituel' })),
    });
    const two = diagramSchema.parse({
      ...FLOW,
      types,
      nodes: FLOW_NODES.map((n, i) => ({ ...n, type: i === 0 ? 'outil' : 'rituel' })),
    });
    const tags = (data: DiagramData) =>
      elements(drawn(data, 'x'))
        .filter((el) => classes(el).includes('dg-t-tag'))
        .map((el) => textOf(el).trim());
    expect(tags(one)).toEqual([]);
    expect(tags(two)).toEqual(['OUTIL', 'RITUEL', 'RITUEL']);
  });

  it('draws the same picture from the same source, every time', () => {
    const data = diagramSchema.parse(FLOW);
    expect(renderDiagram(data, 'x').html).toBe(renderDiagram(diagramSchema.parse(FLOW), 'x').html);
  });

  it('escapes the words of a diagram: text is text, never markup', () => {
    const data = diagramSchema.parse({
      ...FLOW,
      nodes: FLOW_NODES.map((n, i) => (i === 0 ? { ...n, label: '<script>x</script>' } : n)),
    });
    const svg = drawn(data, 'x');
    expect(elements(svg).map((el) => el.name)).not.toContain('script');
    expect(textOf(svg)).toContain('<script>x</script>');
  });
});

describe('text measuring', () => {
  it('measures wider text as wider, bold wider than regular', () => {
    expect(textWidth('mmmm', { size: 15 })).toBeGreaterThan(textWidth('iiii', { size: 15 }));
    expect(textWidth('Kanban', { size: 15, bold: true })).toBeGreaterThan(textWidth('Kanban', { size: 15 }));
  });

  it('wraps at spaces, keeps French punctuation with its word, and flags a word wider than the box', () => {
    expect(wrapText('Prêt à partir ? Oui', 70, { size: 15 }).lines).toEqual(['Prêt à', 'partir ?', 'Oui']);
    expect(wrapText('de « À faire »', 40, { size: 13 }).lines).toEqual(['de', '« À', 'faire »']);
    expect(wrapText('anticonstitutionnellement', 50, { size: 15 }).overflows).toBe(true);
  });
});
