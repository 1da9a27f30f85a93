/**
 * Step 2's machinery: files are summarised in child processes, never in this one. A hostile
 * file must not stop the gate that judges it: the build's compiler is native code that can
 * abort the whole process on some inputs (a Rust panic), and some inputs make a parser work
 * for minutes. A child process can be killed and replaced; a thread of this process cannot.
 *
 * Each child reads its files one after the other and answers after each one. A child that
 * gives no answer within the budget (`FILE_BUDGET_MS`) is killed, and the file it was on is
 * reported as too complex; a child that dies is replaced, and the file it was on is reported
 * as crashing the compiler. The other files of its batch go back to the queue.
 *
 * Below `PARALLEL_THRESHOLD` files, one child does it all (each costs a Node start and the
 * parsers' loading, about 0.3 s); above, one per core.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { START, localIssue } from './issues.ts';
import { FILE_BUDGET_MS, tooComplexIssue } from './budget.ts';
import type { Kind } from './routes.ts';
import type { FileSummary } from './summarize.ts';

export interface Task {
  kind: Kind;
  /** Path relative to the validated root. */
  name: string;
  bytes: Uint8Array;
}

/** What a child sends: `ready` once its parsers are loaded, then one result per file. */
export type ChildMessage = { type: 'ready' } | { type: 'result'; index: number; summary: FileSummary };
/** What a child receives: a batch of files, by their index in the run. */
export type ChildBatch = { index: number; task: Task }[];

/** Above this many files to read, one child per core. */
export const PARALLEL_THRESHOLD = 150;
export { FILE_BUDGET_MS };
/** Longest a child may take to start and load its parsers. */
const START_BUDGET_MS = 60_000;
const BATCH = 16;

export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

function failedSummary(issue: FileSummary['issues'][number]): FileSummary {
  return { issues: [issue], links: [], anchors: [], components: [], complete: false, draft: false };
}

const tooComplex = () => failedSummary(tooComplexIssue());

const crashed = (detail: string) =>
  failedSummary(
    localIssue(
      'compiler-crash',
      START,
      `le compilateur du site plante sur ce fichier (${detail}) : la construction échouerait ; cherchez une construction inhabituelle (fin de fichier, « export », guillemets, barres obliques inverses) et signalez-nous le cas`,
    ),
  );

/** Keeps an idle child from holding this process open (it exits when this one does). */
function idle(child: ChildProcess): ChildProcess {
  child.unref();
  child.channel?.unref();
  return child;
}

function busy(child: ChildProcess): ChildProcess {
  child.ref();
  child.channel?.ref();
  return child;
}

/**
 * Children that summarise files. They are started ahead of need (`warm`), so that they load
 * while files are read, and kept between runs (tests validate many small trees), idle and
 * unreferenced: they end with this process.
 */
export class ChildPool {
  readonly #budget: number;
  #ready: Promise<ChildProcess>[] = [];

  constructor(budgetMs = FILE_BUDGET_MS) {
    this.#budget = budgetMs;
  }

  /** Starts children until `count` are ready or starting. */
  warm(count: number): void {
    while (this.#ready.length < count) this.#ready.push(this.#spawn());
  }

  #spawn(): Promise<ChildProcess> {
    const child = fork(new URL('./worker.ts', import.meta.url), [], {
      serialization: 'advanced',
      // As `npm run validate`: the parsers make many short-lived objects (see scripts/validate.ts).
      execArgv: ['--no-parallel-scavenge'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // A crashing compiler prints a backtrace: keep it out of the report.
    child.stderr?.resume();
    (child.stderr as Socket | null)?.unref();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('le processus de vérification n’a pas démarré à temps'));
      }, START_BUDGET_MS);
      timer.unref();
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(idle(child));
      };
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`le processus de vérification s’est arrêté au démarrage (${String(signal ?? code)})`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  /** Summarises `tasks` on `lanes` children, which go back to the pool afterwards. */
  async run(tasks: readonly Task[], lanes: number): Promise<FileSummary[]> {
    const results = new Array<FileSummary>(tasks.length);
    const queue = tasks.map((_, index) => index);
    this.warm(lanes);
    const taken = this.#ready.splice(0, lanes);
    const lane = async (first: Promise<ChildProcess>) => {
      let child = busy(await first);
      while (queue.length > 0) {
        const batch = queue.splice(0, BATCH);
        const outcome = await this.#runBatch(child, batch, tasks, results);
        if (outcome.done) continue;
        // The child is gone: the file it was on gets the blame, the rest go back to the queue.
        const [culprit, ...rest] = outcome.left;
        if (culprit !== undefined)
          results[culprit] = outcome.reason === 'timeout' ? tooComplex() : crashed(outcome.reason);
        queue.unshift(...rest);
        child = busy(await this.#spawn());
      }
      this.#ready.push(Promise.resolve(idle(child)));
    };
    await Promise.all(taken.map(lane));
    return results;
  }

  #runBatch(
    child: ChildProcess,
    batch: number[],
    tasks: readonly Task[],
    results: FileSummary[],
  ): Promise<{ done: true } | { done: false; left: number[]; reason: string }> {
    return new Promise((resolve) => {
      const left = [...batch];
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: { done: true } | { done: false; left: number[]; reason: string }) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          child.off('exit', onExit);
          child.kill('SIGKILL');
          finish({ done: false, left, reason: 'timeout' });
        }, this.#budget);
      };
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'result') return;
        const at = left.indexOf(message.index);
        if (at === -1) return;
        results[message.index] = message.summary;
        left.splice(at, 1);
        if (left.length === 0) finish({ done: true });
        else arm();
      };
      const onExit = (code: number | null, signal: string | null) => {
        finish({ done: false, left, reason: signal ? `signal ${signal}` : `code ${String(code)}` });
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      const message: ChildBatch = batch.map((index) => ({ index, task: tasks[index] as Task }));
      child.send(message);
      arm();
    });
  }

  /** Stops every idle child. */
  async close(): Promise<void> {
    const ready = this.#ready.splice(0);
    await Promise.all(
      ready.map(async (pending) => {
        try {
          (await pending).disconnect();
        } catch {
          // It never started: nothing to stop.
        }
      }),
    );
  }
}

/** The children of this process, shared by every validation it runs. */
export const pool = new ChildPool();

/** How many children should read `count` files, out of `jobs`. */
function lanesFor(count: number, jobs: number): number {
  return count >= PARALLEL_THRESHOLD ? Math.max(1, jobs) : 1;
}

/** Summarises `tasks` in child processes; says how many read them. */
export async function summarizeAll(
  tasks: readonly Task[],
  jobs: number,
): Promise<{ summaries: FileSummary[]; processes: number }> {
  if (tasks.length === 0) return { summaries: [], processes: 0 };
  const lanes = lanesFor(tasks.length, jobs);
  return { summaries: await pool.run(tasks, lanes), processes: lanes };
}
