import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitemapPaths } from '../../scripts/lib/built-site.ts';
import { discoverContent } from '../../scripts/lib/validate/discover.ts';
import { SITE_MAP_VERSION, type SiteMapJson } from '../../src/cms/site-checks.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const siteMap = JSON.parse(readFileSync(join(DIST, 'admin/site-checks.json'), 'utf8')) as SiteMapJson;

describe('the site map of the online editor, /admin/site-checks.json', () => {
  it('lists every content file the site reads, with what the checks across files need, and no issue', () => {
    expect(siteMap.version).toBe(SITE_MAP_VERSION);
    expect(siteMap.files.map((f) => [f.path, f.kind])).toEqual(
      discoverContent(ROOT).files.map((f) => [f.path, f.kind]),
    );
    const disco = siteMap.files.find((f) => f.path === 'content/toolkits/disco-soupe.mdx');
    expect(disco?.summary.toolkit?.title).toBe('Disco Soupe');
    expect(disco?.summary.anchors).toContain('avant-de-commencer');
    expect(siteMap.files.every((f) => !('issues' in f.summary))).toBe(true);
  });

  it('knows the routes of the site’s code and the files of public/', () => {
    expect(siteMap.routes).toEqual(expect.arrayContaining(['/boites-a-outils/', '/recherche/', '/admin/']));
    expect(siteMap.reserved).toEqual(expect.arrayContaining(['admin', 'boites-a-outils', 'pagefind', '_astro']));
    expect(siteMap.publicFiles).toContain('/favicon.svg');
  });

  it('stays out of the sitemap, like the editor', () => {
    expect(sitemapPaths(DIST).filter((p) => p.startsWith('/admin'))).toEqual([]);
  });
});
