/**
 * A copy of the site with extra synthetic toolkits, for the benchmarks that build it. The
 * copy lives under `.cache/bench/` inside the repository so that `node_modules` resolves
 * as usual; nothing is written in `content/`.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeToolkits } from './synthetic-toolkits.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a build of the site reads (the editor's bundle imports the validator's rules from `scripts/`). */
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content', 'scripts'];

/** The working folder of one benchmark section. */
export function benchDir(section: string): string {
  return join(ROOT, '.cache/bench', section);
}

/** Copies the site into `<work>/site-<extra>/` and adds `extra` synthetic toolkits. */
export function copySite(work: string, extra: number): { site: string; toolkits: number } {
  const site = join(work, `site-${extra}`);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(site, entry), { recursive: true });
  if (extra > 0) writeToolkits(join(site, 'content/toolkits'), extra, 2026);
  const toolkits = readdirSync(join(site, 'content/toolkits')).filter((f) => f.endsWith('.mdx')).length;
  return { site, toolkits };
}
