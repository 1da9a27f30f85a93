/**
 * A copy of the site with extra synthetic toolkits, for the benchmarks that build it. The
 * copy lives under `.cache/bench/` inside the repository so that `node_modules` resolves
 * as usual; nothing is written in `content/`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeToolkits } from './synthetic-toolkits.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a build of the site reads (the editor's checks, in `src/cms/`, import `scripts/lib/`). */
const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'scripts', 'public', 'content'];

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

/**
 * Builds a copy made by `copySite` into its `dist/` with Astro's programmatic build, in a
 * child process that reports its own time and peak memory.
 */
export function buildSiteCopy(site: string): { seconds: number; maxRssKb: number } {
  const runner = `
    const { build } = await import(${JSON.stringify(join(ROOT, 'node_modules/astro/dist/core/index.js'))});
    const start = performance.now();
    await build({ root: ${JSON.stringify(site)}, logLevel: 'error' });
    const seconds = (performance.now() - start) / 1000;
    console.log('BENCH ' + JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', runner], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (result.status !== 0 || !line) {
    throw new Error(`la construction de test a échoué :\n${result.stderr.slice(-4000)}`);
  }
  return JSON.parse(line.slice(6)) as { seconds: number; maxRssKb: number };
}
