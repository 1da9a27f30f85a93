import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XmlElement, parseXml, type XmlNode } from '@rgrove/parse-xml';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/schemas/toolkit.ts';
import { checkSvg } from '../../scripts/lib/validate/rules/media.ts';
import { ROOT } from '../helpers/site.ts';

const DIR = join(ROOT, 'src/assets/categories');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.svg'));

function elements(node: XmlNode): XmlElement[] {
  return node instanceof XmlElement ? [node, ...node.children.flatMap(elements)] : [];
}

describe('the category illustrations', () => {
  it('there is exactly one per toolkit category, named after it', () => {
    expect(FILES.map((f) => f.replace(/\.svg$/, '')).sort()).toEqual(CATEGORIES.map((c) => c.id).sort());
  });

  it.each(FILES)('%s is plain lines in the colour of the text around it, with no text, style or code', (file) => {
    const bytes = readFileSync(join(DIR, file));
    expect(checkSvg(bytes)).toEqual([]);
    const root = parseXml(bytes.toString('utf8')).root;
    expect(root?.name).toBe('svg');
    expect(root?.attributes['viewBox']).toBe('0 0 48 48');
    for (const el of root ? elements(root) : []) {
      expect(['svg', 'path', 'rect', 'circle', 'line', 'polyline', 'ellipse']).toContain(el.name);
      expect(Object.keys(el.attributes)).not.toContain('style');
      // Drawn in currentColor only: it follows the theme and prints in the text colour.
      for (const paint of ['fill', 'stroke']) {
        const value = el.attributes[paint];
        if (value !== undefined) expect(['none', 'currentColor'], `${file} <${el.name} ${paint}>`).toContain(value);
      }
    }
  });
});
