import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { checkMediaFile, checkSvg } from '../../scripts/lib/validate/rules/media.ts';
import { MEDIA_TYPES, formatSize } from '../../src/lib/media-types.ts';
import { removeTrees, treeWith } from '../helpers/validate-fixtures.ts';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

afterAll(removeTrees);

/** A copy of the valid tree with these files written into `public/media/`. */
function treeWithMedia(files: Record<string, Uint8Array | string>): string {
  const root = treeWith();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, 'public/media', name, '..'), { recursive: true });
    writeFileSync(join(root, 'public/media', name), content);
  }
  return root;
}

async function mediaIssues(root: string): Promise<[string, number, string][]> {
  const { issues } = await validateContent({ root, jobs: 1 });
  return issues.map((i) => [i.file, i.line, i.rule]);
}

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>\n${body}\n</svg>\n`;

/** Rules and lines that `checkSvg` reports for an SVG text. */
const svgIssues = (text: string) => checkSvg(new TextEncoder().encode(text)).map((i) => [i.line, i.rule]);

describe('the media files of public/media/', () => {
  it('one file of each allowed type passes, in a subfolder too, whatever the case of its extension', async () => {
    const files = Object.fromEntries(
      readdirSync(MEDIA).map((name) => [`galerie/${name}`, readFileSync(join(MEDIA, name))]),
    );
    files['PHOTO.PNG'] = readFileSync(join(MEDIA, 'pixel.png'));
    expect(await mediaIssues(treeWithMedia(files))).toEqual([]);
    // The fixture covers every type of the list, so that none is allowed without a test.
    const extensions = new Set(readdirSync(MEDIA).map((name) => name.split('.').at(-1)));
    for (const type of Object.values(MEDIA_TYPES)) expect(extensions).toContain(type.extensions[0]);
  });

  it('a file over the limit of its type is refused, the size checked before anything is parsed', async () => {
    const padded = (bytes: Uint8Array, size: number) => {
      const out = new Uint8Array(size);
      out.set(bytes);
      return out;
    };
    const root = treeWithMedia({
      'grande.png': padded(readFileSync(join(MEDIA, 'pixel.png')), MEDIA_TYPES.png.maxBytes + 1),
      'juste.png': padded(readFileSync(join(MEDIA, 'pixel.png')), MEDIA_TYPES.png.maxBytes),
      'lourd.pdf': padded(readFileSync(join(MEDIA, 'page.pdf')), MEDIA_TYPES.pdf.maxBytes + 1),
      // 20 Mo of nested elements: refused for its size, never parsed.
      'profond.svg': svg('<g>'.repeat(1_500_000) + '</g>'.repeat(1_500_000)),
    });
    const started = performance.now();
    expect(await mediaIssues(root)).toEqual([
      ['public/media/grande.png', 1, 'media-too-large'],
      ['public/media/lourd.pdf', 1, 'media-too-large'],
      ['public/media/profond.svg', 1, 'media-too-large'],
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
    const [issue] = await checkMediaFile(root, 'public/media/grande.png');
    expect(issue?.message).toBe(
      'fichier trop lourd (3,1 Mo, au plus 3 Mo pour un PNG) : réduisez ses dimensions ou sa qualité',
    );
  });

  it('an extension outside the list, no extension, or a file that vanished is an issue, not a crash', async () => {
    const root = treeWithMedia({ 'video.mp4': 'pas une vidéo', LISEZMOI: 'texte' });
    expect(await mediaIssues(root)).toEqual([
      ['public/media/LISEZMOI', 1, 'media-type'],
      ['public/media/video.mp4', 1, 'media-type'],
    ]);
    const [vanished] = await checkMediaFile(root, 'public/media/disparu.png');
    expect(vanished?.message).toBe('fichier illisible (ENOENT) : vérifiez qu’il existe et qu’il peut être lu');
  });

  it('an SVG nested too deep for the parser, or not UTF-8, is an issue on its file', () => {
    expect(svgIssues(svg('<g>'.repeat(30_000) + '</g>'.repeat(30_000)))).toEqual([[1, 'media-type']]);
    expect(checkSvg(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0x3e])).map((i) => i.rule)).toEqual(['media-type']);
    expect(svgIssues('<svg>')).toEqual([[1, 'media-type']]);
  });
});

describe('the SVG safety rules see through the usual disguises', () => {
  it.each([
    ['a prefixed script', svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>')],
    ['an XHTML script', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
    ['an HTML iframe', svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="/admin/"/>')],
    ['an upper-case event handler', svg('<rect onMouseOver="alert(1)"/>')],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>')],
    ['an xlink:href under another prefix', svg('<a xmlns:l="http://www.w3.org/1999/xlink" l:href="//exemple.org"/>')],
    ['a link set by an animation', svg('<a><set attributeName="href" to="javascript:alert(1)"/><rect/></a>')],
    ['an image from another site', svg('<image href="https://exemple.org/pixel.png"/>')],
    ['an HTML page as inline data', svg('<image href="data:text/html;base64,PHNjcmlwdD4="/>')],
    ['a use of another file', svg('<use href="/media/autre.svg#icone"/>')],
    ['a filter image from another site', svg('<filter><feImage xlink:href="https://exemple.org/x.png"/></filter>')],
    ['an escaped url()', svg('<rect style="fill: u\\72l(https://exemple.org/x)"/>')],
    ['a presentation attribute', svg('<rect fill="url(https://exemple.org/x.svg#d)"/>')],
    ['an image-set', svg('<style>rect { fill: image-set("https://exemple.org/x.png" 1x) }</style>')],
    ['an @import', svg('<style>@import url(#a);</style>')],
    ['xml:base', svg('<a xml:base="https://exemple.org/" href="#a"/>')],
    ['a stylesheet instruction', `<?xml-stylesheet href="https://exemple.org/x.css"?>\n${svg('')}`],
    [
      'a public DOCTYPE',
      `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg('')}`,
    ],
  ])('%s', (_, text) => {
    const issues = svgIssues(text);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every(([, rule]) => rule === 'media-svg-unsafe')).toBe(true);
  });

  it('while internal references, inline bitmaps and editor metadata pass', () => {
    expect(
      svgIssues(
        svg(
          [
            '<defs><linearGradient id="d"/><style>.a { fill: url(#d) } .b { font: 1em "Atkinson" }</style></defs>',
            '<a href="#d"><rect fill="url(#d)" style="stroke: URL( \'#d\' )"/></a><use xlink:href="#d"/>',
            '<image href="data:image/png;base64,iVBORw0KGgo="/>',
            '<animate attributeName="opacity" values="0;1"/>',
            '<i:pgf xmlns:i="http://ns.adobe.com/AdobeIllustrator/10.0/">données</i:pgf>',
          ].join('\n'),
          ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3"',
        ),
      ),
    ).toEqual([]);
  });
});

describe('the documentation of the media limits', () => {
  it.each(['README.md', 'CONTRIBUTING.md'])('%s lists every type with its extensions and limit', (name) => {
    const text = readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
    for (const type of Object.values(MEDIA_TYPES)) {
      const row = text.split('\n').find((line) => line.startsWith(`| ${type.label} `));
      const cells = row?.split('|').map((cell) => cell.trim());
      expect(cells?.slice(1, 4), type.label).toEqual([
        type.label,
        type.extensions.map((e) => `\`.${e}\``).join(', '),
        formatSize(type.maxBytes),
      ]);
    }
  });
});
