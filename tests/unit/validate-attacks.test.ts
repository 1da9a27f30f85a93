/**
 * Hostile contributions: each class found by the security review is a fixture under
 * `tests/fixtures/validate/attacks/`, laid over the valid tree, with the exact issues it must
 * give. Then a differential test: inputs generated around ESM keywords, whitespace, fences
 * and HTML are compiled as the build compiles them, an independent oracle says which ones
 * would run code or script, and none of those may pass `npm run validate`.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseJs } from 'acorn';
import { fromHtml } from 'hast-util-from-html';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { satteri } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { FIXTURES, removeTrees, treeFrom } from '../helpers/validate-fixtures.ts';
import { ATTACKS, type Expected } from '../helpers/validate-attacks.ts';
import { ROOT } from '../helpers/site.ts';

afterAll(removeTrees);

const treeWithAttack = (...names: string[]) => treeFrom('attacks', ...names);

async function issuesOf(root: string): Promise<Expected[]> {
  const { issues } = await validateContent({ root, jobs: 1 });
  return issues.map((i) => [i.file, i.line, i.rule]);
}

describe('hostile contributions from the security review', () => {
  it.each(Object.entries(ATTACKS))('« %s » gives exactly its issues', async (name, expected) => {
    expect(await issuesOf(treeWithAttack(name))).toEqual(expected);
  });

  it('a symbolic link the collection would follow out of the repository is refused', async () => {
    const root = treeWithAttack();
    mkdirSync(join(root, 'content/docs/.brouillons'));
    writeFileSync(join(root, 'content/docs/.brouillons/note.mdx'), '---\ntitle: Note\n---\n');
    symlinkSync(join(root, 'content/docs/.brouillons/note.mdx'), join(root, 'content/docs/lien.mdx'));
    symlinkSync('/etc/hostname', join(root, 'public/media/hote.svg'));
    expect(await issuesOf(root)).toEqual([
      ['content/docs/.brouillons', 1, 'file-hidden'],
      ['content/docs/lien.mdx', 1, 'file-symlink'],
      ['public/media/hote.svg', 1, 'file-symlink'],
    ]);
  });

  it('the compiler panic and the endless parse are reported on their file, and the others are still checked', async () => {
    const root = treeWithAttack('compiler-panic');
    cpSync(join(FIXTURES, 'attacks', 'too-complex'), root, { recursive: true });
    cpSync(join(FIXTURES, 'attacks', 'esm-tab-export'), root, { recursive: true });
    const rules = (await issuesOf(root)).map(([file, , rule]) => `${file} ${rule}`);
    expect(rules).toEqual([
      'content/docs/lourd.mdx file-too-complex',
      'content/docs/panique.mdx compiler-crash',
      'content/docs/tab.mdx mdx-expression',
      'content/docs/tab.mdx mdx-import-export',
    ]);
  });
});

/** A name no page may run: if it is code in the compiled page, the page would run code. */
const CANARY = '__canari__';

/** Variations of a line that the build might read as ESM, an expression or a header. */
function generatedPages(): { name: string; text: string }[] {
  const pages: { name: string; text: string }[] = [];
  const head = '---\ntitle: Page générée\ndescription: Une page générée pour le test différentiel du validateur.\n';
  const separators = [' ', '\t', '\u00a0', '\u000b', '\u000c', '', '*', '{'];
  const bodies = [
    `${CANARY} from 'x'`,
    `const a = ${CANARY}`,
    `*from'data:text/javascript,${CANARY}'`,
    `{ ${CANARY} } from "y"`,
  ];
  const leads = ['', ' ', '   ', '    ', '> ', '- '];
  let n = 0;
  for (const keyword of ['import', 'export', 'Export', 'export default']) {
    for (const separator of separators) {
      for (const body of bodies) {
        for (const lead of leads) {
          pages.push({
            name: `esm-${String(n++)}.mdx`,
            text: `${head}---\n\nTexte.\n\n${lead}${keyword}${separator}${body}\n`,
          });
        }
      }
    }
  }
  for (const fence of ['---', '--- ', '----', '---\t', '---{', '---x', '+++', '...']) {
    for (const code of [`{${CANARY}}: 1`, `{${CANARY}()}`, ` {${CANARY}}`]) {
      pages.push({ name: `fence-${String(n++)}.mdx`, text: `${head}${fence}${code}\n---\n\nTexte.\n` });
      pages.push({ name: `fence-${String(n++)}.mdx`, text: `\n${head}${fence}\n${code}\n` });
    }
  }
  for (const expression of [
    `{${CANARY}}`,
    `{/* */ ${CANARY}}`,
    `<b title={${CANARY}}>x</b>`,
    `<b {...${CANARY}}>x</b>`,
  ]) {
    for (const lead of ['', '    ', '> ', '| a |\n| - |\n| ']) {
      pages.push({ name: `expr-${String(n++)}.mdx`, text: `${head}---\n\n${lead}${expression}\n` });
    }
  }
  const html = [
    `<img src=x onerror=${CANARY}>`,
    `<img src=x alt=a' onerror=${CANARY}>`,
    `<!-- <b title=" --> <img src=x onerror=${CANARY}> <!-- " -->`,
    `<pre></textarea>\n\n    <img src=x onerror=${CANARY}>\n</pre>`,
    `<div>\n\n<a href="javascript:${CANARY}">x</a>\n\n</div>`,
    `<svg><script>${CANARY}</script></svg>`,
    `<details open ontoggle=${CANARY}>x</details>`,
    `<math><a href="javascript:${CANARY}">x</a></math>`,
    `<iframe srcdoc="<script>${CANARY}</script>"></iframe>`,
    `<p style="background:url(javascript:${CANARY})">x</p>`,
  ];
  for (const snippet of html) {
    for (const lead of ['', '\n', '    ', '<div>\n\n']) {
      pages.push({ name: `html-${String(n++)}.md`, text: `${head}---\n\n${lead}${snippet}\n` });
    }
  }
  return pages;
}

/** Whether the compiled page names the canary as code (an identifier, not text in a string). */
function runsCanary(code: string): boolean {
  let found = false;
  const walk = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    if ((node as { type?: unknown }).type === 'Identifier' && (node as { name?: unknown }).name === CANARY)
      found = true;
    for (const value of Object.values(node)) walk(value);
  };
  walk(parseJs(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

/** Whether HTML, as a browser parses it, holds a script, a handler or a javascript: address. */
function runsScript(html: string): boolean {
  let found = false;
  const walk = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    const element = node as { type?: unknown; tagName?: unknown; properties?: Record<string, unknown> };
    if (element.type === 'element') {
      if (element.tagName === 'script' || element.tagName === 'iframe') found = true;
      for (const [name, value] of Object.entries(element.properties ?? {})) {
        if (
          /^on/i.test(name) ||
          (typeof value === 'string' && value.replace(/\s/g, '').toLowerCase().includes('javascript:'))
        ) {
          found = true;
        }
      }
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(fromHtml(html, { fragment: true }));
  return found;
}

describe('a differential test against the build’s compiler', () => {
  it('no generated page that the compiled view shows running code or script passes the validator', async () => {
    const pages = generatedPages();
    const processor = satteri({ features: { directive: true } });
    const shared = { syntaxHighlight: false, gfm: true, smartypants: true } as const;
    const mdx = await processor.createMdxRenderer?.(shared, {
      optimize: true,
      srcDir: pathToFileURL(join(ROOT, 'src/')),
      sourcemap: false,
    });
    const md = await processor.createRenderer(shared);
    const dangerous: string[] = [];
    for (const { name, text } of pages) {
      try {
        const { content, frontmatter } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
        if (name.endsWith('.mdx')) {
          const result = await mdx?.process(content, join(ROOT, 'content/docs', name), frontmatter);
          if (result && runsCanary(result.code)) dangerous.push(name);
        } else {
          const result = await md.render(content, { frontmatter });
          if (runsScript(result.code)) dangerous.push(name);
        }
      } catch {
        // The build refuses this page itself (unreadable header, MDX error): nothing of it runs.
      }
    }
    // The generator does reach the dangerous side, in each family.
    for (const family of ['esm-', 'fence-', 'expr-', 'html-']) {
      expect(dangerous.filter((name) => name.startsWith(family)).length, family).toBeGreaterThan(0);
    }
    const root = treeWithAttack();
    mkdirSync(join(root, 'content/docs/genere'));
    for (const { name, text } of pages) writeFileSync(join(root, 'content/docs/genere', name), text);
    const { issues } = await validateContent({ root, jobs: 2 });
    const refused = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.file.split('/').at(-1)));
    expect(dangerous.filter((name) => !refused.has(name))).toEqual([]);
  }, 120_000);
});
