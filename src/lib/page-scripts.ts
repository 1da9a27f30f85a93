/**
 * The JavaScript a built page loads before any interaction: its module scripts and,
 * recursively, their static imports. Used to check and measure that the CMS bundle stays
 * on /admin/ (tests/site/admin.test.ts, scripts/bench/admin-bundle.ts), and to precache what
 * the pages need for offline reading (src/integrations/offline.ts). Also the workers those
 * scripts start, with everything they import (the online editor's checking worker).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { visit } from 'unist-util-visit';

const ORIGIN = 'https://site.invalid';

/** Static imports of built JavaScript (Rolldown writes them as `import … from "…"`). */
const IMPORTS = /(?:import|from)\s*"(\.{0,2}\/[^"]+\.js)"/g;

/** Where `spec`, written in the built file `file` (a site path), points. */
function resolveIn(file: string, spec: string): string {
  return spec.startsWith('/') ? spec : posix.join(posix.dirname(file), spec);
}

/**
 * `start` (site paths) and, recursively, the files they import, as `patterns` find them
 * (each captures the address); addresses that lead to no file of `dist` are left out.
 */
function withImports(dist: string, start: readonly string[], patterns: readonly RegExp[]): Set<string> {
  const pending = [...start];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (!file || seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const pattern of patterns) {
      for (const m of code.matchAll(pattern)) pending.push(resolveIn(file, m[1] ?? ''));
    }
  }
  return seen;
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** Site paths (`/_astro/x.js`) of the scripts `htmlFile` (relative to `dist`) loads. */
export function pageScripts(dist: string, htmlFile: string): Set<string> {
  const base = `${ORIGIN}/${htmlFile.split('\\').join('/')}`;
  const sitePath = (address: string): string | undefined => {
    const url = new URL(address, base);
    return url.origin === ORIGIN ? decodeURIComponent(url.pathname) : undefined;
  };
  const pending: string[] = [];
  visit(fromHtml(readFileSync(join(dist, htmlFile), 'utf8')), 'element', (element) => {
    if (element.tagName !== 'script') return;
    const { src, type } = element.properties;
    if (src !== undefined) {
      pending.push(sitePath(src) ?? '');
    } else if (type === 'module') {
      for (const m of textOf(element).matchAll(IMPORTS)) pending.push(sitePath(m[1] ?? '') ?? '');
    }
  });
  return withImports(dist, pending, [IMPORTS]);
}

/** Total size in bytes of site files. */
export function totalSize(dist: string, files: Iterable<string>): number {
  return [...files].reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
}

/** `new Worker(new URL("…", import.meta.url))` and `import("…")` in built JavaScript (any quotes). */
const WORKERS = /new Worker\(new URL\([`"']([^`"']+\.js)[`"']/g;
const DYNAMIC = /import\([`"'](\.{0,2}\/[^`"']+\.js)[`"']\)/g;

/**
 * Site paths of the scripts of the workers that `scripts` (site paths) start: each worker's
 * file and, recursively, what it imports, statically or on demand.
 */
export function workerScripts(dist: string, scripts: Iterable<string>): Set<string> {
  const pending: string[] = [];
  for (const file of scripts) {
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(WORKERS)) pending.push(resolveIn(file, m[1] ?? ''));
  }
  return withImports(dist, pending, [IMPORTS, DYNAMIC]);
}
