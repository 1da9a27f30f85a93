import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../scripts/lib/validate/frontmatter.ts';
import { createParsers, scanMarkdown } from '../../scripts/lib/validate/markdown.ts';
import { checkBuildView } from '../../scripts/lib/validate/build-view.ts';
import { decodeFile } from '../../scripts/lib/validate/rules/file-format.ts';
import { generateToolkits } from '../../scripts/lib/synthetic-toolkits.ts';
import { isUnsafeUrl } from '../../scripts/lib/validate/rules/html.ts';
import { codeRoutes } from '../../scripts/lib/validate/site.ts';
import { discoverContent } from '../../scripts/lib/validate/discover.ts';
import { parseYaml } from '../../scripts/lib/validate/yaml.ts';
import { ROOT } from '../helpers/site.ts';
import { FIXTURES } from '../helpers/validate-fixtures.ts';

/** Every `.md` and `.mdx` file under `dir`, decoded (unreadable ones left out). */
function markdownFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.mdx?$/.test(name))
    .flatMap((name) => {
      const text = decodeFile(readFileSync(join(dir, name))).text;
      return text === undefined ? [] : [{ name, text }];
    });
}

const GFM_SAMPLE = [
  '## Un ~~vieux~~ titre',
  '',
  '| Colonne | Lien | Badge |',
  '| --- | :-: | --- |',
  '| www.exemple.fr | [page](/guide/bases/) | <Badge text="a|b" /> |',
  '',
  '- [ ] à faire, voir https://exemple.fr/page?x=1 ou contact@exemple.fr',
  '- [x] fait[^note]',
  '',
  '[^note]: Une note avec [un lien](/nulle-part/).',
  '',
].join('\n');

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

describe('reading content files', () => {
  it('the quick frontmatter split finds exactly what remark-frontmatter finds', () => {
    const inputs = [
      '---\ntitle: A\n---\nTexte',
      '---\n---\nTexte',
      '---   \ntitle: A\n---\t\n',
      '---\ntitle: A\n',
      '\n---\ntitle: A\n---\n',
      '----\ntitle: A\n----\n',
      '---\na: |\n  ---x\n---\n',
      '---\ntitle: A\n---',
      'Texte\n---\n',
      '---\n\n\n---\n',
    ];
    for (const input of inputs) {
      const first = remark.parse(input).children[0];
      expect(splitFrontmatter(input), JSON.stringify(input)).toBe(first?.type === 'yaml' ? first.value : undefined);
    }
  });

  it('the validator finds exactly what the full stack finds: remark-parse, remark-mdx, remark-frontmatter, remark-gfm', () => {
    // The validator cuts the frontmatter out before parsing and leaves out GFM's autolink
    // literals, two shortcuts that must change nothing it reports.
    const fullStack = createParsers(remarkGfm, { frontmatter: 'remark' });
    const frontmatterCases = [
      '---\ntitle: A\n---\n## Titre\n\n[lien](/nulle-part/)\n',
      '---\n---\n# Titre\n',
      '---   \ntitle: A\n---\t\nTexte <Badge text="x" />\n',
      '---\ntitle: A\n',
      '\n---\ntitle: A\n---\n',
      '----\ntitle: A\n----\n',
      '---\ntitle: A\n---\n---\nTexte\n',
      '---\ntitle: A\n---\nTitre\n===\n',
      '---\ntitle: A\n---\n<Aside>\n\njamais fermée\n',
      '---\ntitle: A\n---\n    code indenté ?\n',
    ].map((text, i) => ({ name: `frontmatter-${String(i)}.mdx`, text }));
    const samples = [
      ...markdownFiles(join(ROOT, 'content')),
      // Less the page built to exceed the time budget: remark takes minutes on it.
      ...markdownFiles(FIXTURES).filter(({ name }) => !name.includes('too-complex')),
      ...generateToolkits(50, 11).map(({ slug, source }) => ({ name: `${slug}.mdx`, text: source })),
      ...frontmatterCases,
      ...frontmatterCases.map(({ name, text }) => ({ name: name.replace(/x$/, ''), text })),
      { name: 'gfm.mdx', text: GFM_SAMPLE },
      { name: 'gfm.md', text: GFM_SAMPLE },
    ];
    expect(samples.length).toBeGreaterThan(100);
    for (const { name, text } of samples) {
      const format = name.endsWith('.md') ? 'md' : 'mdx';
      expect(scanMarkdown(text, format), name).toEqual(scanMarkdown(text, format, fullStack));
    }
  });

  it('the build compiler’s own tree gives the same links, anchors and components as remark, on every page', async () => {
    // A page the build view finds clean is read from Sätteri's tree instead of remark's.
    const samples = [
      ...markdownFiles(join(ROOT, 'content')),
      ...markdownFiles(join(FIXTURES, 'valid')),
      ...generateToolkits(30, 5).map(({ slug, source }) => ({ name: `${slug}.mdx`, text: source })),
      { name: 'gfm.mdx', text: `---\ntitle: A\n---\n${GFM_SAMPLE}` },
      { name: 'gfm.md', text: `---\ntitle: A\n---\n${GFM_SAMPLE}` },
    ];
    let compared = 0;
    for (const { name, text } of samples) {
      const format = name.endsWith('.md') ? 'md' : 'mdx';
      const { issues, scan } = await checkBuildView({ raw: text, format, path: `content/docs/${name}` });
      const remark = scanMarkdown(text, format);
      if (issues.length > 0 || !scan || scan.issues.length > 0 || remark.issues.length > 0) continue;
      compared++;
      const view = (s: typeof remark) => ({ links: s.links, anchors: s.anchors, components: [...s.components].sort() });
      expect(view(scan), name).toEqual(view(remark));
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('heading anchors are numbered like the site does: accents kept, punctuation dropped, repeats suffixed', () => {
    const scan = scanMarkdown(
      [
        '## Qu’est-ce qu’un KPA ?',
        '## Déroulé',
        '## Déroulé',
        '### Le `code` et *l’emphase* ![une image](/x.png) [un lien](/y/)',
        '## Présent·es, chef·fes',
      ].join('\n\n'),
      'mdx',
    );
    expect(scan.anchors).toEqual([
      'quest-ce-quun-kpa-',
      'déroulé',
      'déroulé-1',
      'le-code-et-lemphase--un-lien',
      'présentes-cheffes',
    ]);
  });

  it('javascript:, vbscript: and data: addresses are unsafe however they are written', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:x', 'java\tscript:x', 'VBSCRIPT:x', 'data:text/html,x']) {
      expect(isUnsafeUrl(url), url).toBe(true);
    }
    for (const url of ['/javascript/', 'https://example.org/?q=javascript:', 'mailto:a@b.fr', '#data:x']) {
      expect(isUnsafeUrl(url), url).toBe(false);
    }
  });

  it('an address hidden behind character references is still seen, in MDX and in raw HTML of Markdown', () => {
    const html = '<a href="&#106;avascript:alert(1)">x</a> <a href="java&#x73;cript&colon;x">y</a>\n';
    expect(scanMarkdown(html, 'md').issues.map((i) => i.rule)).toEqual(['unsafe-url', 'unsafe-url']);
    expect(scanMarkdown(html.replace(/&colon;/, ':'), 'mdx').issues.map((i) => i.rule)).toEqual([
      'unsafe-url',
      'unsafe-url',
    ]);
  });

  it('a schema issue path maps to the line and column of that field', () => {
    const yaml = parseYaml('title: A\nmaterials:\n  - name: Sel\n  - name: Poivre\n    quantity: -1\n', 2);
    expect(yaml.fieldAt(['materials', 1, 'quantity'])).toEqual({ line: 6, column: 5 });
    expect(yaml.fieldAt(['materials', 1])).toEqual({ line: 5, column: 5 });
    // A missing field is reported on its nearest written parent.
    expect(yaml.fieldAt(['materials', 0, 'quantity'])).toEqual({ line: 4, column: 5 });
  });

  it('the YAML is read as Astro reads it: dates become dates, "yes" stays text', () => {
    expect(parseYaml('updated: 2026-11-26\nflag: yes\n', 1).value).toEqual({
      updated: new Date('2026-11-26T00:00:00Z'),
      flag: 'yes',
    });
  });

  it("each file of content/ belongs to the collection whose loader reads it, with the loader's own glob", () => {
    const root = mkdtempSync(join(tmpdir(), 'kpa-discover-'));
    try {
      const files = [
        'content/docs/index.mdx',
        'content/docs/a/b/page.md',
        'content/docs/a/_brouillon.mdx',
        'content/docs/_partiels/bloc.mdx',
        'content/docs/a/schema.png',
        'content/toolkits/soupe.mdx',
        'content/toolkits/soupe.md',
        'content/toolkits/sous-dossier/soupe.mdx',
        'content/kpa/lille.yml',
        'content/glossaire.yaml',
        'content/.DS_Store',
        'content/docs/.cache.mdx',
        'content/docs/.brouillons/note.mdx',
        'content/notes.txt',
      ];
      for (const file of files) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), 'x');
      }
      // A link that the collection's glob would follow out of the repository.
      symlinkSync(join(root, 'content/docs/.brouillons/note.mdx'), join(root, 'content/docs/lien.mdx'));
      const { files: read, issues } = discoverContent(root);
      expect(read.map((f) => [f.path, f.kind])).toEqual([
        ['content/docs/_partiels/bloc.mdx', 'doc'],
        ['content/docs/a/b/page.md', 'doc'],
        ['content/docs/index.mdx', 'doc'],
        ['content/glossaire.yaml', 'glossary'],
        ['content/kpa/lille.yml', 'kpa'],
        ['content/toolkits/soupe.mdx', 'toolkit'],
      ]);
      expect(issues.map((i) => [i.file, i.rule]).sort()).toEqual([
        ['content/.DS_Store', 'file-hidden'],
        ['content/docs/.brouillons', 'file-hidden'],
        ['content/docs/.cache.mdx', 'file-hidden'],
        ['content/docs/lien.mdx', 'file-symlink'],
        ['content/notes.txt', 'unexpected-file'],
        ['content/toolkits/soupe.md', 'unexpected-file'],
        ['content/toolkits/sous-dossier/soupe.mdx', 'unexpected-file'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the routes built by src/pages include the catalogue, its JSON index and its feed', () => {
    const { routes } = codeRoutes(ROOT);
    expect(routes).toEqual(
      expect.arrayContaining(['/boites-a-outils/', '/boites-a-outils/index.json', '/boites-a-outils/flux.xml']),
    );
    expect(routes.some((r) => r.includes('['))).toBe(false);
  });
});
