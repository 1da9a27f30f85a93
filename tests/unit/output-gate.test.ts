import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBuiltSite, formatProblems, srcsetUrls, urlScheme, type OutputRule } from '../../src/lib/output-gate.ts';
import { markupOf, scriptHash, siteMarkup } from '../../src/lib/site-markup.ts';

const VALID = new URL('../fixtures/output-gate/valid/', import.meta.url).pathname;
const INVALID = new URL('../fixtures/output-gate/invalid/', import.meta.url).pathname;

/** What the fixtures' "site code" writes: one inline script and one literal style. */
const OPTIONS = {
  inlineScripts: new Set([scriptHash("document.documentElement.dataset.theme = 'dark';")]),
  styles: new Set(['display: none;']),
};

type Expected = [line: number, rule: OutputRule];

/** For each page of `tests/fixtures/output-gate/invalid/`, every problem it must give. */
const CASES: Record<string, Expected[]> = {
  'inline-script': [[11, 'script-inline']],
  'script-other-host': [
    [6, 'script-src'],
    [7, 'script-src'],
  ],
  'script-missing': [
    [6, 'script-src'],
    [7, 'script-src'],
  ],
  'event-handler': [
    [10, 'event-handler'],
    [11, 'event-handler'],
  ],
  'javascript-url': [
    [10, 'unsafe-url'], // mixed case, spaces before, a tab inside
    [11, 'unsafe-url'], // a newline written as an entity
    [12, 'unsafe-url'], // xlink:href in SVG
    [13, 'unsafe-url'], // vbscript: in a form action
    [14, 'unsafe-url'], // an SVG animation that sets href
  ],
  'data-url': [
    [10, 'unsafe-url'],
    [11, 'unsafe-url'], // the second candidate of a srcset
    [12, 'unsafe-url'],
  ],
  iframe: [[10, 'forbidden-element']],
  object: [[10, 'forbidden-element']],
  embed: [[10, 'forbidden-element']],
  base: [[6, 'forbidden-element']],
  'meta-refresh': [[6, 'forbidden-element']],
  'content-style': [
    [10, 'content-style'],
    [11, 'content-style'], // an icon size followed by a declaration of its own
  ],
  'escaped-style': [[12, 'style-attribute']],
  'style-element': [[10, 'style-element']],
};

const invalid = checkBuiltSite(INVALID, OPTIONS);
const problemsOf = (name: string): Expected[] =>
  invalid.filter((p) => p.page === `${name}/index.html`).map((p) => [p.line, p.rule]);

describe('the output gate on built pages', () => {
  it('a page that only carries what the site writes has no problem', () => {
    expect(checkBuiltSite(VALID, OPTIONS)).toEqual([]);
  });

  it('every invalid fixture page is a case of this test, and nothing else is reported', () => {
    const pages = readdirSync(INVALID).filter((n) => !['_astro', 'media'].includes(n));
    expect(pages.sort()).toEqual(Object.keys(CASES).sort());
    expect(new Set(invalid.map((p) => p.page))).toEqual(new Set(pages.map((n) => `${n}/index.html`)));
  });

  it.each(Object.entries(CASES))('the page %s is rejected with the exact lines and rules', (name, expected) => {
    expect(problemsOf(name)).toEqual(expected);
  });

  it('a problem names the page, its position, the rule and the start tag, in French', () => {
    const [problem] = invalid.filter((p) => p.page === 'event-handler/index.html');
    expect(problem).toEqual({
      page: 'event-handler/index.html',
      line: 10,
      column: 9,
      rule: 'event-handler',
      element: '<img src="/media/soupe.svg" alt="" onerror="alert(1)">',
      message: 'attribut de gestion d’événement onerror',
    });
    expect(formatProblems(problem ? [problem] : [])).toBe(
      'event-handler/index.html:10:9  event-handler  attribut de gestion d’événement onerror  ' +
        '<img src="/media/soupe.svg" alt="" onerror="alert(1)">',
    );
  });

  it('script addresses are judged after resolving them against the page, as a browser does', () => {
    const messages = invalid.filter((p) => p.rule === 'script-src').map((p) => p.message);
    expect(messages).toEqual([
      'script absent de la construction : /_astro/absent.js',
      'script hors de /_astro/ : /media/page.js',
      'script chargé depuis un autre site : https://example.org/_astro/page.js',
      'script chargé depuis un autre site : //example.org/page.js',
    ]);
  });

  it('an inline script is allowed by its exact text only', () => {
    const other = new Set([scriptHash("document.documentElement.dataset.theme = 'dark'; ")]);
    expect(checkBuiltSite(VALID, { ...OPTIONS, inlineScripts: other }).map((p) => [p.page, p.line, p.rule])).toEqual([
      ['index.html', 9, 'script-inline'],
    ]);
  });

  it('the start tag is shown on one line, control characters escaped', () => {
    const newline = invalid.find((p) => p.page === 'javascript-url/index.html' && p.line === 11);
    expect(newline?.element).toBe(String.raw`<a href="java\nscript:alert(1)">`);
  });
});

describe('the scheme of a URL, read as a browser reads it', () => {
  it.each([
    ['javascript:alert(1)', 'javascript'],
    [' \u0001JaVaScRiPt:alert(1)', 'javascript'],
    ['java\tscr\nipt:alert(1)', 'javascript'],
    ['DATA:text/html,x', 'data'],
    ['/media/soupe.svg', undefined],
    ['#ancre', undefined],
    ['java script:alert(1)', undefined],
  ])('%j has the scheme %s', (url, scheme) => {
    expect(urlScheme(url)).toBe(scheme);
  });
});

describe('the URLs of a srcset, split as the HTML standard does', () => {
  it.each([
    ['/a.svg 1x, /b.svg 2x', ['/a.svg', '/b.svg']],
    ['/a.svg, data:image/png;base64,AAAA 2x', ['/a.svg', 'data:image/png;base64,AAAA']],
    [' /a.svg 100w (a, b), /b.svg', ['/a.svg', '/b.svg']],
    ['/a.svg,/b.svg', ['/a.svg,/b.svg']],
  ])('%j gives %j', (srcset, urls) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });
});

describe('what the components write, read from the .astro sources', () => {
  it('takes the exact text of unprocessed scripts and the literal style values', () => {
    const source = [
      '---',
      "const json = '{}';",
      '---',
      '<div style="display: none;" />',
      '<script is:inline>\n  a();\n</script>',
      '<script>import "./b.ts";</script>',
      '<script type="application/json" set:html={json} />',
      '<script src="/x.js"></script>',
      '<span style={`--w: ${1}`} />',
    ].join('\n');
    expect(markupOf(source, 'Exemple.astro')).toEqual({ scripts: ['\n  a();\n'], styles: ['display: none;'] });
  });

  it('finds the inline scripts of Starlight that every page carries', () => {
    const files = siteMarkup().inlineScripts.map((s) => s.file.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(['ThemeProvider.astro', 'ThemeSelect.astro', 'Search.astro']));
    for (const { hash } of siteMarkup().inlineScripts) expect(hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  });
});
