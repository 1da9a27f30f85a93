/**
 * The JavaScript a built page loads before any interaction: its module scripts and,
 * recursively, their static imports. Used to check and measure that the CMS bundle stays
 * on /admin/ (tests/site/admin.test.ts, scripts/bench/admin-bundle.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Site paths (`/_astro/x.js`) of the scripts `htmlFile` (relative to `dist`) loads. */
export function pageScripts(dist: string, htmlFile: string): Set<string> {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const pending = [...html.matchAll(/<script[^>]*\ssrc="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
  for (const inline of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    pending.push(...[...(inline[1] ?? '').matchAll(/(?:import|from)\s*"(\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''));
  }
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*"(\.\.?\/[^"]+\.js)"/g)) {
      pending.push(posix.join(posix.dirname(file), m[1] ?? ''));
    }
  }
  return seen;
}

/** Total size in bytes of site files. */
export function totalSize(dist: string, files: Iterable<string>): number {
  return [...files].reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
}
