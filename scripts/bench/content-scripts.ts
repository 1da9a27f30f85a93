/**
 * Content scripts: times `npm run validate` and `npm run index` on the real content plus
 * 100, 1,000 and 10,000 synthetic toolkits, with a cold cache, a warm cache and after one
 * toolkit changed, and reports each run's peak memory. Targets (issue: content scripts),
 * on 2 cores: 1,000 toolkits validated in under 3 s (2 s before the page compile of the
 * security gate); 10,000 in under 15 s and under 1 GB (all processes added up);
 * re-validating 10,000 after one change in under 1 s. Reported, never asserted.
 *
 * Every run is a child process, the command of `npm run validate -- --root <copie>` (Node
 * options included, without npm's start-up), on a copy of the content in a temporary
 * folder, which is deleted afterwards. The cold run is repeated three times: its line gives
 * the median duration and the highest peak memory.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeToolkits } from '../lib/synthetic-toolkits.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUSAGE = join(ROOT, 'scripts/lib/bench-rusage.ts');
const SIZES = [100, 1000, 10_000];
/** Cold runs per size: on a shared machine one run can be 20 % off, the median of three less so. */
const COLD_RUNS = 3;

export interface Run {
  seconds: number;
  /** User and system CPU time of all the command's threads: on a busy machine, a steadier measure than the wall clock. */
  cpuSeconds: number;
  peakMb: number;
  status: number | null;
  stdout: string;
}

/**
 * The Node options and the script file of an npm script of the form
 * `node [options…] scripts/<fichier>.ts`: the benchmark runs what `npm run <name>` runs,
 * without npm's own start-up.
 */
export function npmScriptCommand(name: string): { nodeOptions: string[]; script: string } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts[name] ?? '').split(/\s+/);
  const script = words.at(-1) ?? '';
  if (words[0] !== 'node' || !script.startsWith('scripts/')) {
    throw new Error(`le script npm « ${name} » n’a pas la forme « node [options] scripts/… » : ${words.join(' ')}`);
  }
  return { nodeOptions: words.slice(1, -1), script };
}

/**
 * Runs `npm run <name> -- <args>` as a child Node and measures its wall time, and the CPU time
 * and peak memory of it and the processes it starts (their peaks added up: an upper bound).
 */
export function measure(name: 'validate' | 'index', args: readonly string[], work: string): Run {
  const { nodeOptions, script } = npmScriptCommand(name);
  const usage = join(work, 'rusage');
  rmSync(usage, { recursive: true, force: true });
  mkdirSync(usage);
  const start = performance.now();
  const result = spawnSync(process.execPath, [...nodeOptions, join(ROOT, script), ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      KPA_BENCH_RUSAGE: usage,
      NODE_OPTIONS: [process.env['NODE_OPTIONS'] ?? '', `--import=${pathToFileURL(RUSAGE).href}`].join(' ').trim(),
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const processes = readdirSync(usage).map(
    (file) =>
      JSON.parse(readFileSync(join(usage, file), 'utf8')) as {
        maxRSS: number;
        userCPUTime: number;
        systemCPUTime: number;
      },
  );
  const sum = (pick: (p: (typeof processes)[number]) => number) => processes.reduce((total, p) => total + pick(p), 0);
  return {
    seconds,
    cpuSeconds: sum((p) => p.userCPUTime + p.systemCPUTime) / 1e6,
    peakMb: sum((p) => p.maxRSS) / 1024,
    status: result.status,
    stdout: result.stdout,
  };
}

function errorsOf(run: Run): string {
  try {
    const report = JSON.parse(run.stdout) as { errors: number; checked: number };
    return report.errors === 0 ? `${String(report.checked)} fichiers, 0 erreur` : `${String(report.errors)} ERREURS`;
  } catch {
    return `sortie illisible (code ${String(run.status)})`;
  }
}

const fr = (n: number, digits = 2) => n.toFixed(digits).replace('.', ',');
const line = (label: string, run: Run, extra = '') =>
  `  ${label.padEnd(30)} ${fr(run.seconds).padStart(6)} s (CPU ${fr(run.cpuSeconds).padStart(6)} s)   mémoire max ${fr(run.peakMb, 0).padStart(5)} Mo${extra}`;

/** The run of median duration, and the range of all the durations. */
function median(runs: readonly Run[]): { run: Run; range: string } {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const run = sorted[Math.floor((sorted.length - 1) / 2)] ?? sorted[0];
  if (!run) throw new Error('aucune mesure');
  const first = sorted[0] ?? run;
  const last = sorted[sorted.length - 1] ?? run;
  return { run, range: `médiane de ${String(runs.length)}, de ${fr(first.seconds)} à ${fr(last.seconds)} s` };
}

export async function run(): Promise<void> {
  console.log('## Scripts de contenu (validate et index)');
  console.log(
    `  machine : ${String(availableParallelism())} cœurs, charge moyenne ${loadavg()
      .map((l) => fr(l))
      .join(' / ')} au départ`,
  );
  const results = new Map<string, Run>();
  for (const size of SIZES) {
    const work = mkdtempSync(join(tmpdir(), 'kpa-bench-content-'));
    try {
      cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
      cpSync(join(ROOT, 'public'), join(work, 'public'), { recursive: true });
      const files = writeToolkits(join(work, 'content/toolkits'), size, 2026);
      const validate = ['--root', work, '--cache-dir', join(work, 'cache'), '--format', 'json'];
      console.log(`### ${String(size)} boîtes à outils synthétiques (+ le contenu réel)`);
      const colds: Run[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        rmSync(join(work, 'cache'), { recursive: true, force: true });
        colds.push(measure('validate', validate, work));
      }
      const { run: middle, range } = median(colds);
      // Duration of the median run, memory of the most demanding one.
      const cold = { ...middle, peakMb: Math.max(...colds.map((r) => r.peakMb)) };
      console.log(line('validate, cache vide', cold, ` — ${errorsOf(cold)} (${range})`));
      const warm = measure('validate', validate, work);
      console.log(line('validate, cache à jour', warm));
      appendFileSync(files[Math.floor(files.length / 2)] ?? '', '\nUne phrase ajoutée pour le banc d’essai.\n');
      const changed = measure('validate', validate, work);
      console.log(line('validate, une fiche modifiée', changed, ` — ${errorsOf(changed)}`));
      const index = measure('index', ['--root', work, '--out', join(work, 'index.json')], work);
      console.log(line('index', index, index.status === 0 ? '' : ` — ÉCHEC (code ${String(index.status)})`));
      results.set(`cold-${String(size)}`, cold);
      results.set(`changed-${String(size)}`, changed);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const verdict = (ok: boolean) => (ok ? 'atteint' : 'MANQUÉ');
  const cold1k = results.get('cold-1000');
  const cold10k = results.get('cold-10000');
  const changed10k = results.get('changed-10000');
  console.log('### Objectifs (2 cœurs)');
  if (cold1k)
    console.log(`  1 000 fiches validées en moins de 3 s : ${verdict(cold1k.seconds < 3)} (${fr(cold1k.seconds)} s)`);
  if (cold10k) {
    const ok = cold10k.seconds < 15 && cold10k.peakMb < 1024;
    console.log(
      `  10 000 fiches en moins de 15 s et de 1 Go : ${verdict(ok)} (${fr(cold10k.seconds)} s, ${fr(cold10k.peakMb, 0)} Mo)`,
    );
  }
  if (changed10k) {
    console.log(
      `  10 000 fiches, une modifiée, en moins de 1 s : ${verdict(changed10k.seconds < 1)} (${fr(changed10k.seconds)} s)`,
    );
  }
  await Promise.resolve();
}

if (import.meta.main) await run();
