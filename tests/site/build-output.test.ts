import { describe, expect, it } from 'vitest';
import { checkBuiltSite, sitemapPaths } from '../../scripts/lib/built-site.ts';
import { DIST } from '../helpers/site.ts';

describe('the production build', () => {
  it('builds every page of the sitemap, the Pagefind index, and only French pages', () => {
    expect(checkBuiltSite(DIST)).toEqual([]);
  });

  it('lists the home page and the "Qu’est-ce qu’un KPA ?" page in the sitemap', () => {
    const paths = sitemapPaths(DIST);
    expect(paths).toContain('/');
    expect(paths).toContain('/decouvrir/qu-est-ce-qu-un-kpa/');
  });
});
