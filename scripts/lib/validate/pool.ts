/**
 * Summarises files, in worker threads when there are enough of them to repay the start of
 * a worker (each loads the parsers, about a quarter of a second); otherwise in this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Kind } from './content-files.ts';
import type { FileSummary } from './summarize.ts';

export interface Task {
  index: number;
  kind: Kind;
  name: string;
  bytes: Uint8Array;
}

export interface TaskResult {
  index: number;
  summary: FileSummary;
}

/** Below this many files to read, workers cost more than they save. */
export const PARALLEL_THRESHOLD = 150;
const BATCH = 16;

export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export async function summarizeAll(
  tasks: readonly Omit<Task, 'index'>[],
  jobs = defaultJobs(),
): Promise<FileSummary[]> {
  const results: FileSummary[] = new Array<FileSummary>(tasks.length);
  if (tasks.length === 0) return results;
  if (tasks.length < PARALLEL_THRESHOLD || jobs <= 1) {
    const { summarizeFile } = await import('./summarize.ts');
    tasks.forEach((task, i) => {
      results[i] = summarizeFile(task.kind, task.name, task.bytes);
    });
    return results;
  }
  const batches: Task[][] = [];
  for (let i = 0; i < tasks.length; i += BATCH)
    batches.push(tasks.slice(i, i + BATCH).map((t, k) => ({ ...t, index: i + k })));
  let next = 0;
  const workers = Array.from(
    { length: Math.min(jobs, batches.length) },
    () => new Worker(new URL('./worker.ts', import.meta.url)),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const feed = () => {
              // Two batches in flight, so a worker never waits for the next one.
              while (inFlight < 2 && next < batches.length) {
                worker.postMessage(batches[next++]);
                inFlight++;
              }
              if (inFlight === 0) resolve();
            };
            worker.on('message', (batch: TaskResult[]) => {
              for (const { index, summary } of batch) results[index] = summary;
              inFlight--;
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (inFlight > 0) reject(new Error(`un processus de validation s’est arrêté (code ${String(code)})`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
