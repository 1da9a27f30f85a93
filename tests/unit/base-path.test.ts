import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { basePathPlugin, rewriteHtml, withBase } from '../../src/lib/base-path.ts';
import { normalizeBasePath, resolveSite, SiteConfigError } from '../../src/config/site.ts';
import { renderInlineLinks } from '../../src/lib/inline-links.ts';

describe('BASE_PATH and SITE_URL', () => {
  it('accepts a sub-path written the ways hosts give it', () => {
    for (const value of ['/guide', 'guide/', '/guide/', 'guide']) expect(normalizeBasePath(value)).toBe('/guide/');
    expect(normalizeBasePath('')).toBe('/');
    expect(normalizeBasePath('/')).toBe('/');
    expect(normalizeBasePath('/a/b.c_d~e')).toBe('/a/b.c_d~e/');
  });

  it('refuses a sub-path that is not a plain path, naming the variable', () => {
    for (const value of ['/../etc/', '/gui de/', '/guide?x', '/%2e%2e/', '/guide#a', '/<x>/']) {
      expect(() => normalizeBasePath(value), value).toThrow(SiteConfigError);
      expect(() => normalizeBasePath(value), value).toThrow(/BASE_PATH/);
    }
  });

  it('takes the sub-path from SITE_URL, from BASE_PATH, or from both when they agree', () => {
    expect(resolveSite('https://owner.github.io/guide', undefined)).toEqual({
      url: 'https://owner.github.io/guide/',
      base: '/guide/',
    });
    expect(resolveSite('https://owner.github.io', '/guide')).toEqual({
      url: 'https://owner.github.io/guide/',
      base: '/guide/',
    });
    expect(resolveSite('https://owner.github.io/guide/', '/guide')).toEqual({
      url: 'https://owner.github.io/guide/',
      base: '/guide/',
    });
    expect(resolveSite('http://127.0.0.1:4321', undefined)).toEqual({ url: 'http://127.0.0.1:4321/', base: '/' });
  });

  it('refuses a SITE_URL and a BASE_PATH that disagree, or a SITE_URL that is not a site address', () => {
    expect(() => resolveSite('https://owner.github.io/guide/', '/autre/')).toThrow(/ne désignent pas le même/);
    expect(() => resolveSite('owner.github.io', undefined)).toThrow(/SITE_URL n’est pas une adresse valide/);
    expect(() => resolveSite('ftp://owner.github.io/', undefined)).toThrow(/https:\/\//);
    expect(() => resolveSite('https://owner.github.io/?a=1', undefined)).toThrow(/sans « \? »/);
  });
});

describe('withBase', () => {
  it('puts the sub-path in front of addresses from the site’s root, and only those', () => {
    expect(withBase('/guide/', '/boites-a-outils/')).toBe('/guide/boites-a-outils/');
    expect(withBase('/guide/', '/')).toBe('/guide/');
    expect(withBase('/guide/', '/ressources/glossaire/#cjs')).toBe('/guide/ressources/glossaire/#cjs');
    // A page whose own path starts like the sub-path is still a page of the site.
    expect(withBase('/guide/', '/guide/x/')).toBe('/guide/guide/x/');
    for (const other of [
      'https://example.org/',
      '//example.org/',
      '/\\example.org/',
      '#ancre',
      'relative/',
      'mailto:a@b.c',
    ]) {
      expect(withBase('/guide/', other), other).toBe(other);
    }
    expect(withBase('/', '/boites-a-outils/')).toBe('/boites-a-outils/');
  });
});

describe('rewriteHtml', () => {
  it('rewrites only the address attributes, in place, and leaves the rest byte for byte', () => {
    expect(
      rewriteHtml('<p class=x>Voir <a  href=/x/ title="t">x</a> <img src="/media/a.png" alt=""></p>', '/guide/'),
    ).toBe('<p class=x>Voir <a  href="/guide/x/" title="t">x</a> <img src="/guide/media/a.png" alt=""></p>');
  });

  it('handles the pieces Markdown hands raw HTML in: a lone start tag', () => {
    expect(rewriteHtml('<a href="/z/">', '/guide/')).toBe('<a href="/guide/z/">');
    expect(rewriteHtml('</a>', '/guide/')).toBe('</a>');
  });

  it('reads the HTML as a browser does: text that looks like a tag is left alone', () => {
    expect(rewriteHtml('&lt;a href="/x/"&gt;', '/guide/')).toBe('&lt;a href="/x/"&gt;');
    expect(rewriteHtml('<!-- <a href="/x/"> -->', '/guide/')).toBe('<!-- <a href="/x/"> -->');
    expect(rewriteHtml('<a href="https://example.org/">', '/guide/')).toBe('<a href="https://example.org/">');
  });

  it('escapes what it writes', () => {
    expect(rewriteHtml("<a href='/a\"b/?x=1&amp;y=2'>", '/guide/')).toBe('<a href="/guide/a&quot;b/?x=1&amp;y=2">');
  });
});

describe('the Markdown plugin', () => {
  const plugin = basePathPlugin('/guide/');

  it('is left out of the build at the root of a domain', () => {
    expect(basePathPlugin('/')).toBeNull();
  });

  it('gives Markdown links, references, images and raw HTML of a .md page the sub-path', async () => {
    const { html } = await markdownToHtml(
      '[a](/a/) [b][r] ![c](/media/c.png) [d](https://example.org/) [e](#e)\n\n<a href="/f/">f</a>\n\n[r]: /b/#x\n',
      { hastPlugins: [plugin] },
    );
    expect(html).toContain('href="/guide/a/"');
    expect(html).toContain('href="/guide/b/#x"');
    expect(html).toContain('src="/guide/media/c.png"');
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('href="#e"');
    expect(html).toContain('<a href="/guide/f/">f</a>');
  });

  it('gives MDX links, LinkCards and JSX links the sub-path', async () => {
    const { code } = await mdxToJs('[a](/a/)\n\n<LinkCard title="t" href="/b/" />\n\nTexte <a href="/c/">c</a>.\n', {
      hastPlugins: [plugin],
    });
    expect(code).toContain('href: "/guide/a/"');
    expect(code).toContain('href: "/guide/b/"');
    expect(code).toContain('href: "/guide/c/"');
    expect(code).not.toMatch(/href: "\/[abc]\/"/);
  });
});

describe('links in plain-text fields (glossary)', () => {
  it('take the sub-path', () => {
    expect(renderInlineLinks('Voir la [genèse](/decouvrir/genese/).', '/guide/')).toBe(
      'Voir la <a href="/guide/decouvrir/genese/">genèse</a>.',
    );
  });
});
