/**
 * A child process that summarises batches of files for `pool.ts`, one file after the other,
 * answering after each (the parent measures each file's time from those answers).
 */
import { useCompileCache } from './compile-cache.ts';
import type { ChildBatch, ChildMessage } from './pool.ts';

useCompileCache();
const { summarizeFile } = await import('./summarize.ts');
const { loadCompiler } = await import('./build-view.ts');
// Loaded before `ready`, so that no file's time budget pays for it.
await loadCompiler();

const send = (message: ChildMessage) =>
  new Promise<void>((resolve, reject) => {
    process.send?.(message, undefined, {}, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });

let work = Promise.resolve();
process.on('message', (batch: ChildBatch) => {
  work = work.then(async () => {
    for (const { index, task } of batch) {
      const summary = await summarizeFile(task.kind, task.name, task.bytes);
      await send({ type: 'result', index, summary });
    }
  });
});
// The parent disconnects when it has no more work.
process.on('disconnect', () => {
  void work.then(() => process.exit(0));
});
await send({ type: 'ready' });
