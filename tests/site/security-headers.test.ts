import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/built-site.ts';
import { siteCmsConfig, type CmsConfigJson } from '../../src/cms/config.ts';
import { adminPolicy, headersFile, policyHeader, policyMeta, sitePolicy } from '../../src/config/security-headers.ts';
import { scriptHash } from '../../src/lib/site-markup.ts';
import { headersForPath, parseHeadersFile } from '../helpers/headers-file.ts';
import { DIST } from '../helpers/site.ts';

/** Every element of a tree, in document order. */
function elements(nodes: RootContent[]): Element[] {
  return nodes.flatMap((node) => (node.type === 'element' ? [node, ...elements(node.children)] : []));
}

const isPolicyMeta = (e: Element) =>
  e.tagName === 'meta' && String(e.properties.httpEquiv?.join(' ')).toLowerCase() === 'content-security-policy';

/** Scripts that a browser runs: not the JSON data blocks. */
const runs = (e: Element) =>
  e.tagName === 'script' && !['application/json', 'application/ld+json'].includes(e.properties['type'] ?? '');

const textOf = (e: Element) => e.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

const pages = htmlFiles(DIST);
const trees = new Map(pages.map((page) => [page, fromHtml(readFileSync(join(DIST, page), 'utf8'))]));
const tree = (page: string) => trees.get(page) ?? fromHtml('');

function embeddedConfig(): CmsConfigJson {
  const data = elements(tree('admin/index.html').children).find((e) => e.properties['id'] === 'cms-config');
  return JSON.parse(data ? textOf(data) : '') as CmsConfigJson;
}

describe('the security headers of the production build', () => {
  it('writes dist/_headers from src/config/security-headers.ts, for this build’s root and CMS settings', () => {
    const root = readdirSync(DIST, { withFileTypes: true })
      .filter((e) => e.name !== '_headers')
      .map((e) => ({ name: e.name, directory: e.isDirectory() }));
    const text = readFileSync(join(DIST, '_headers'), 'utf8');
    expect(text).toBe(headersFile(root, siteCmsConfig({ dev: false })));
    const rules = parseHeadersFile(text);
    expect(headersForPath(rules, '/admin/')['content-security-policy']).toBe(
      policyHeader(adminPolicy(embeddedConfig())),
    );
    for (const page of pages.filter((p) => p !== 'admin/index.html')) {
      expect(headersForPath(rules, `/${page}`)['content-security-policy'], page).toBe(policyHeader(sitePolicy()));
    }
  });

  it('gives every page one policy <meta>, in <head> before the title and every script: the site’s, or the editor’s on /admin/', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const all = elements(tree(page).children);
      const metas = all.filter(isPolicyMeta);
      expect(metas, page).toHaveLength(1);
      const meta = metas[0] as Element;
      const head = all.find((e) => e.tagName === 'head');
      expect(head && elements(head.children).includes(meta), page).toBe(true);
      const firstActive = all.findIndex((e) => e.tagName === 'title' || e.tagName === 'script' || e.tagName === 'link');
      expect(all.indexOf(meta), page).toBeLessThan(firstActive);
      const expected =
        page === 'admin/index.html' ? policyMeta(adminPolicy(embeddedConfig())) : policyMeta(sitePolicy());
      expect(meta.properties['content'], page).toBe(expected);
    }
  });

  it('lists in each page’s policy the hash of every inline script that page runs', () => {
    let inline = 0;
    for (const page of pages) {
      const all = elements(tree(page).children);
      const policy = all.find(isPolicyMeta)?.properties['content'] ?? '';
      const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
      const allowed = new Set(scriptSrc.split(' ').slice(1));
      for (const script of all.filter((e) => runs(e) && e.properties['src'] === undefined)) {
        inline++;
        expect(allowed, `${page} : ${textOf(script).trim().slice(0, 60)}`).toContain(`'${scriptHash(textOf(script))}'`);
      }
    }
    expect(inline).toBeGreaterThan(pages.length);
  });

  it('writes no <style> element, which the policy would refuse: every stylesheet is a file of the site', () => {
    for (const page of pages) {
      expect(
        elements(tree(page).children).filter((e) => e.tagName === 'style'),
        page,
      ).toEqual([]);
    }
  });
});
