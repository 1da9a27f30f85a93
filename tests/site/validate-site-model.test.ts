import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { buildSiteModel, TOOLKIT_PAGE_ANCHORS, type SiteModel } from '../../scripts/lib/validate/site.ts';
import { fileForPath } from '../../scripts/lib/built-site.ts';
import { DIST, ROOT } from '../helpers/site.ts';

/** Ids of a built page, entities decoded the way the browser would. */
function idsIn(html: string): Set<string> {
  const decode = (s: string) =>
    s
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] ?? '')));
}

let model: SiteModel;

beforeAll(async () => {
  const { files, issues } = await validateContent({ root: ROOT, jobs: 1 });
  expect(issues).toEqual([]);
  model = buildSiteModel(files, ROOT);
});

describe('the site as npm run validate pictures it, compared with the real build', () => {
  it('every page of the model is built', () => {
    const missing = [...model.pages.keys()].filter((route) => !existsSync(fileForPath(DIST, route)));
    expect(missing).toEqual([]);
  });

  it('every anchor the model gives a content page is an id of the built page (headings, glossary, KPA list)', () => {
    const fixed = new Set<string>(TOOLKIT_PAGE_ANCHORS);
    const wrong: string[] = [];
    for (const page of model.pages.values()) {
      if (page.file === undefined || page.anchors === undefined) continue;
      const ids = idsIn(readFileSync(fileForPath(DIST, page.route), 'utf8'));
      // The toolkit template writes some of its ids only when the toolkit has what they title.
      for (const anchor of page.anchors)
        if (!fixed.has(anchor) && !ids.has(anchor)) wrong.push(`${page.route}#${anchor}`);
    }
    expect(wrong).toEqual([]);
  });
});
