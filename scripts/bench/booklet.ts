/**
 * The PDFs (`npm run booklet`): time and size of the booklet and of the toolkit sheets, for
 * the real content, then with 1,000 synthetic toolkits more. At that size the booklet takes
 * a selection of `BOOKLET_MAX_TOOLKITS` toolkits (scripts/lib/booklet/selection.ts); every
 * toolkit still gets its sheet, which is what a deploy waits for.
 *
 * Each site is built in a copy under `.cache/bench/` (as in site-scale), then printed by
 * Chromium; nothing is written in `content/` or `dist/`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, buildSiteCopy, copySite } from '../lib/site-copy.ts';
import { printPdfs } from '../lib/booklet/print.ts';
import { BOOKLET_MAX_TOOLKITS } from '../../src/config/print.ts';

const WORK = benchDir('booklet');

function build(extra: number): { dist: string; toolkits: number; site: string } {
  const { site, toolkits } = copySite(WORK, extra);
  buildSiteCopy(site);
  return { dist: join(site, 'dist'), toolkits, site };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} Mo`;

export async function run(): Promise<void> {
  console.log('## Livret et fiches PDF (npm run booklet, Chromium)');
  for (const extra of [0, 1000]) {
    const { dist, toolkits, site } = build(extra);
    const report = await printPdfs({ dist, base: '/', siteUrl: 'https://kpa.example.org/' });
    const b = report.booklet;
    const s = report.sheets;
    if (b) {
      const chosen = Math.min(toolkits, BOOKLET_MAX_TOOLKITS);
      console.log(
        `${String(toolkits).padStart(5)} boîtes à outils : livret de ${String(b.pages)} pages ` +
          `(${String(b.chapters)} chapitres, dont ${String(chosen)} fiches), ${mb(b.bytes)}, ${b.seconds.toFixed(1)} s`,
      );
    }
    if (s) {
      console.log(
        `${String(toolkits).padStart(5)} boîtes à outils : ${String(s.count)} fiches PDF, ${mb(s.bytes)} en tout ` +
          `(${(s.bytes / s.count / 1024).toFixed(0)} Ko par fiche), ${s.seconds.toFixed(1)} s ` +
          `(${((s.seconds / s.count) * 1000).toFixed(0)} ms par fiche)`,
      );
    }
    rmSync(site, { recursive: true, force: true });
  }
  rmSync(WORK, { recursive: true, force: true });
}

if (import.meta.main) await run();
