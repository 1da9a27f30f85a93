/**
 * Lighthouse (mobile profile: a Moto G Power on a slow 4G, simulated) on the home page, a
 * guide page, a toolkit, the catalogue and a search, on a production build served with
 * gzip on 127.0.0.1, at the current number of toolkits and with 1,000 synthetic toolkits
 * more. Prints the four category scores and LCP, CLS and TBT of each page, and the audits
 * that cost points. Target (issue 15): 100 in every category, on every page, at both sizes.
 *
 * The browser is the system's Chromium (`CHROME_PATH` or the usual paths), launched by
 * chrome-launcher as Lighthouse's own command line does; nothing is downloaded. The scores
 * of performance are simulated from what the page did on this machine: on a busy shared
 * machine, TBT and the performance score come out worse than on a quiet one.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { FLAGS, findChrome } from '../../tests/helpers/browser.ts';
import { serveDirectory } from '../../tests/helpers/static-server.ts';
import { benchDir, buildSiteCopy, copySite } from '../lib/site-copy.ts';

const WORK = benchDir('lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CATEGORY_NAMES: Record<(typeof CATEGORIES)[number], string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'pratiques',
  seo: 'SEO',
};
export const PAGES = [
  { name: 'accueil', path: '/' },
  { name: 'page du guide', path: '/decouvrir/qu-est-ce-qu-un-kpa/' },
  { name: 'boîte à outils', path: '/boites-a-outils/disco-soupe/' },
  { name: 'catalogue', path: '/boites-a-outils/' },
  { name: 'recherche', path: '/recherche/?q=soupe' },
];

export interface PageScores {
  name: string;
  path: string;
  /** 0 to 100 per category; `undefined` when Lighthouse could not score it. */
  scores: Record<(typeof CATEGORIES)[number], number | undefined>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** The audits of the four categories that did not get full marks: « id (score) ». */
  losses: string[];
}

/** Runs Lighthouse on each page of the site served from `dist`. */
export async function measureSite(dist: string): Promise<PageScores[]> {
  const site = await serveDirectory(dist, { gzip: true });
  const chrome = await launch({ chromePath: findChrome(), chromeFlags: FLAGS, logLevel: 'error' });
  const results: PageScores[] = [];
  try {
    for (const page of PAGES) {
      const run = await lighthouse(`${site.url}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        locale: 'fr',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse n’a rien rendu pour ${page.path}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse, ${page.path} : ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => {
          const score = lhr.categories[c]?.score;
          return [c, score === null || score === undefined ? undefined : Math.round(score * 100)];
        }),
      ) as PageScores['scores'];
      const losses = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? []).flatMap((ref) => {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) return [];
          return [`${c}/${ref.id} (${audit.score.toFixed(2)}) ${audit.displayValue ?? ''}`.trim()];
        }),
      );
      results.push({
        ...page,
        scores,
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
        losses,
      });
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  return results;
}

function print(toolkits: number, results: PageScores[]): void {
  console.log(`### ${toolkits} boîtes à outils`);
  for (const r of results) {
    const scores = CATEGORIES.map((c) => `${CATEGORY_NAMES[c]} ${r.scores[c] ?? '?'}`).join(', ');
    console.log(
      `${r.name.padEnd(15)} ${r.path.padEnd(34)} ${scores} | LCP ${(r.lcpMs / 1000).toFixed(2)} s, ` +
        `CLS ${r.cls.toFixed(3)}, TBT ${Math.round(r.tbtMs)} ms`,
    );
    for (const loss of r.losses) console.log(`    – ${loss}`);
  }
  const perfect = results.every((r) => CATEGORIES.every((c) => r.scores[c] === 100));
  console.log(
    perfect ? '100 partout (objectif atteint)' : 'objectif : 100 dans les quatre catégories, sur chaque page',
  );
}

export async function run(): Promise<void> {
  console.log('## Lighthouse (profil mobile, site servi avec gzip sur 127.0.0.1)');
  for (const extra of [0, 1000]) {
    const { site, toolkits } = copySite(WORK, extra);
    buildSiteCopy(site);
    print(toolkits, await measureSite(join(site, 'dist')));
    rmSync(site, { recursive: true, force: true });
  }
  rmSync(WORK, { recursive: true, force: true });
}

if (import.meta.main) await run();
