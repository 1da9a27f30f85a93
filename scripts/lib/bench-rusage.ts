/**
 * Preloaded (`NODE_OPTIONS=--import …`) into a command a benchmark measures, and so into every
 * Node process it starts (`npm run validate` reads files in child processes): on exit, each
 * process writes its resource usage (peak memory of all its threads included) to a file of
 * its own in the folder named by `KPA_BENCH_RUSAGE`. The command itself stays unaware of the
 * benchmark.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.env['KPA_BENCH_RUSAGE'];
if (folder) {
  process.on('exit', () => {
    writeFileSync(join(folder, `${String(process.pid)}.json`), JSON.stringify(process.resourceUsage()));
  });
}
