/** A worker thread that summarises batches of files for `pool.ts`. */
import { parentPort } from 'node:worker_threads';
import { useCompileCache } from './compile-cache.ts';
import type { Task, TaskResult } from './pool.ts';

useCompileCache();
const { summarizeFile } = await import('./summarize.ts');

parentPort?.on('message', (batch: Task[]) => {
  const results: TaskResult[] = batch.map((task) => ({
    index: task.index,
    summary: summarizeFile(task.kind, task.name, task.bytes),
  }));
  parentPort?.postMessage(results);
});
