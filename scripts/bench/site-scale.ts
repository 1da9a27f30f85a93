/**
 * Site scale: builds the site with its real toolkits, then with 1,000 synthetic toolkits
 * more, and reports the build time, the peak memory of the build, the gzipped HTML
 * weight of a toolkit page and the time the output gate takes on the built pages (it runs
 * inside the build too; it is timed again here on its own). Targets (issue: toolkits): the page weight stays within 10%
 * and under 15 KB gzipped; the 1,000-toolkit build takes under 40 s on 2 cores.
 *
 * Each build runs in a copy of the site under `.cache/bench/` (inside the repository so
 * that `node_modules` resolves as usual); nothing is written in `content/`.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchDir, buildSiteCopy, copySite } from '../lib/site-copy.ts';
import { checkBuiltSite } from '../../src/lib/output-gate.ts';

const WORK = benchDir('site-scale');
const PAGE = 'boites-a-outils/disco-soupe/index.html';

export interface BuildMeasure {
  toolkits: number;
  pages: number;
  seconds: number;
  peakMemoryMb: number;
  pageGzipBytes: number;
  gateSeconds: number;
  /** CPU time of the gate: steadier than wall time on a shared machine. */
  gateCpuSeconds: number;
  gateProblems: number;
}

/** Builds a copy of the site with `extra` synthetic toolkits; returns what was measured. */
export function measureBuild(extra: number): BuildMeasure {
  const { site, toolkits } = copySite(WORK, extra);

  const { seconds, maxRssKb } = buildSiteCopy(site);
  const dist = join(site, 'dist');
  const pages = countHtml(dist);
  const pageGzipBytes = gzipSync(readFileSync(join(dist, PAGE))).length;
  const gateStart = performance.now();
  const gateCpu = process.cpuUsage();
  const gateProblems = checkBuiltSite(dist).length;
  const { user, system } = process.cpuUsage(gateCpu);
  const gateSeconds = (performance.now() - gateStart) / 1000;
  const gateCpuSeconds = (user + system) / 1e6;
  rmSync(site, { recursive: true, force: true });
  return {
    toolkits,
    pages,
    seconds,
    peakMemoryMb: maxRssKb / 1024,
    pageGzipBytes,
    gateSeconds,
    gateCpuSeconds,
    gateProblems,
  };
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

export async function run(): Promise<void> {
  console.log('## Échelle du site (construction Astro)');
  const small = measureBuild(0);
  const large = measureBuild(1000);
  for (const m of [small, large]) {
    console.log(
      `${String(m.toolkits).padStart(5)} boîtes à outils : ${m.pages} pages en ${m.seconds.toFixed(1)} s, ` +
        `mémoire max ${m.peakMemoryMb.toFixed(0)} Mo, page de fiche ${(m.pageGzipBytes / 1024).toFixed(1)} Ko gzip, ` +
        `contrôle de sortie ${m.gateSeconds.toFixed(1)} s (CPU ${m.gateCpuSeconds.toFixed(1)} s, ` +
        `${m.gateProblems} problème(s))`,
    );
  }
  const growth = ((large.pageGzipBytes - small.pageGzipBytes) / small.pageGzipBytes) * 100;
  console.log(
    `croissance du poids d’une page de fiche : ${growth.toFixed(1)} % (objectif : moins de 10 %, moins de 15 Ko)`,
  );
  console.log(`construction à ${large.toolkits} fiches : ${large.seconds.toFixed(1)} s (objectif : moins de 40 s)`);
  rmSync(WORK, { recursive: true, force: true });
  await Promise.resolve();
}

if (import.meta.main) await run();
