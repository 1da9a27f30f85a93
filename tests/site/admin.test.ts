import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlFiles, sitemapPaths } from '../../scripts/lib/built-site.ts';
import { pageScripts, totalSize } from '../../src/lib/page-scripts.ts';
import type { CmsConfigJson } from '../../src/cms/config.ts';
import { DIST } from '../helpers/site.ts';

const adminHtml = readFileSync(join(DIST, 'admin/index.html'), 'utf8');

function embeddedConfig(html: string): CmsConfigJson {
  const match = /<script type="application\/json" id="cms-config">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('configuration du CMS absente');
  return JSON.parse(match[1] ?? '') as CmsConfigJson;
}

const scriptsOf = (file: string) => pageScripts(DIST, file);
const size = (files: Iterable<string>) => totalSize(DIST, files);

describe('the /admin/ page of the production build', () => {
  it('is a French page that search engines must not index', () => {
    expect(adminHtml).toMatch(/<html lang="fr">/);
    expect(adminHtml).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(adminHtml).not.toContain('data-pagefind-body');
  });

  it('is left out of the sitemap and of the search index', () => {
    expect(sitemapPaths(DIST)).not.toContain('/admin/');
    expect(sitemapPaths(DIST)).toContain('/contribuer/');
    const fragments = readdirSync(join(DIST, 'pagefind/fragment'));
    const urls = fragments.map((f) => {
      const text = gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', f))).toString('utf8');
      return (JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string }).url;
    });
    expect(urls).toContain('/contribuer/');
    expect(urls.filter((u) => u.startsWith('/admin'))).toEqual([]);
  });

  it('configures the GitHub backend with the editorial workflow and open authoring, and no local backend', () => {
    const config = embeddedConfig(adminHtml);
    expect(config.local_backend).toBeUndefined();
    expect(config.backend).toMatchObject({ name: 'github', open_authoring: true });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config).toMatchObject({ locale: 'fr', load_config_file: false });
  });

  it('loads the CMS bundle on /admin/ only: no other page loads any of its scripts but tiny shared helpers', () => {
    const admin = scriptsOf('admin/index.html');
    expect(size(admin)).toBeGreaterThan(1_000_000);
    const others = htmlFiles(DIST).filter((f) => f !== 'admin/index.html');
    expect(others.length).toBeGreaterThan(20);
    const elsewhere = new Set(others.flatMap((f) => [...scriptsOf(f)]));
    const shared = [...admin].filter((f) => elsewhere.has(f));
    // Astro's prefetch script and Vite's preload helper, a few kilobytes between them.
    expect(size(shared)).toBeLessThan(10_000);
    for (const file of others) expect(size(scriptsOf(file)), file).toBeLessThan(100_000);
  });
});
