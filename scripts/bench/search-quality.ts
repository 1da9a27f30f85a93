/**
 * Search quality: the evaluation set (`tests/fixtures/search-queries.yaml`) run through the
 * search code the browser runs, over the Pagefind index of a fresh build, in Node. Prints
 * success@1, success@3 and the mean reciprocal rank (first ten results), by kind of query,
 * then every query whose first result is not an acceptable one. Targets (issue: search
 * quality): success@1 at least 90 %, success@3 at least 97 %.
 *
 * Builds a copy of the site under `.cache/bench/` (nothing is written in `content/`);
 * `KPA_REUSE_BUILD=1` reads the existing `dist/` instead.
 * Runs alone with `node scripts/bench/search-quality.ts`, or as a section of `npm run bench`.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, benchDir, buildSiteCopy, copySite } from '../lib/site-copy.ts';
import { QUERY_KINDS, RANK_DEPTH, evaluate, loadEvaluationSet, measure, type Measures } from '../lib/search-quality.ts';
import { loadSearch } from '../../tests/helpers/pagefind.ts';

const WORK = benchDir('search-quality');
const TARGETS = { successAt1: 0.9, successAt3: 0.97 };

function build(): string {
  if (process.env['KPA_REUSE_BUILD'] === '1' && existsSync(join(ROOT, 'dist/pagefind/pagefind.js'))) {
    return join(ROOT, 'dist');
  }
  const { site } = copySite(WORK, 0);
  buildSiteCopy(site);
  return join(site, 'dist');
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function line(label: string, report: Measures, count: number) {
  return (
    `  ${label.padEnd(14)} ${String(count).padStart(3)} requêtes  ` +
    `succès@1 ${percent(report.successAt1).padStart(7)}  succès@3 ${percent(report.successAt3).padStart(7)}  ` +
    `MRR ${report.mrr.toFixed(3)}`
  );
}

export async function run(): Promise<void> {
  const queries = loadEvaluationSet();
  console.log(`## Qualité de la recherche (${queries.length} requêtes de tests/fixtures/search-queries.yaml)`);
  const dist = build();
  const search = await loadSearch(dist);
  try {
    // The browser's code: the search engine of the modal and of /recherche/.
    const outcomes = await evaluate(queries, async (query) => {
      const found = await search.engine.search(query);
      return Promise.all(found.results.slice(0, RANK_DEPTH).map(async (r) => (await r.data()).url));
    });
    const report = measure(outcomes);
    console.log(line('toutes', report, outcomes.length));
    for (const kind of QUERY_KINDS) {
      const ofKind = outcomes.filter((o) => o.query.kind === kind);
      if (ofKind.length > 0) console.log(line(kind, measure(ofKind), ofKind.length));
    }
    const misses = outcomes.filter((o) => o.rank !== 1);
    console.log(`Premier résultat inattendu (${misses.length}) :`);
    for (const miss of misses) {
      const rank = miss.rank === undefined ? 'absent des 10 premiers' : `rang ${miss.rank}`;
      const found = miss.top.join(', ') || 'aucun résultat';
      console.log(`  « ${miss.query.query} » → ${found} (attendu : ${miss.query.targets.join(' ou ')}, ${rank})`);
    }
    const met = report.successAt1 >= TARGETS.successAt1 && report.successAt3 >= TARGETS.successAt3;
    console.log(
      `objectif : succès@1 ≥ ${percent(TARGETS.successAt1)} et succès@3 ≥ ${percent(TARGETS.successAt3)} : ` +
        (met ? 'tenu' : 'NON TENU'),
    );
  } finally {
    search.restore();
    rmSync(WORK, { recursive: true, force: true });
  }
}

if (import.meta.main) await run();
