import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOLKIT_PAGE_ANCHORS } from '../../scripts/lib/validate/site.ts';
import { ROOT } from '../helpers/site.ts';

describe('the anchors a toolkit page adds around its text', () => {
  it('are exactly the fixed ids written by src/pages/boites-a-outils/[slug].astro', () => {
    const source = readFileSync(join(ROOT, 'src/pages/boites-a-outils/[slug].astro'), 'utf8');
    const written = new Set([...source.matchAll(/\bid="([a-z-]+)"/g)].map((m) => m[1]));
    expect([...written].sort()).toEqual([...TOOLKIT_PAGE_ANCHORS].sort());
  });
});
