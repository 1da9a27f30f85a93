/**
 * Preloaded (`node --import`) into a command a benchmark measures: on exit, writes the
 * process's resource usage (peak memory of all its threads included) to the file named by
 * `KPA_BENCH_RUSAGE`. The command itself stays unaware of the benchmark.
 */
import { writeFileSync } from 'node:fs';

const out = process.env['KPA_BENCH_RUSAGE'];
if (out) {
  process.on('exit', () => {
    writeFileSync(out, JSON.stringify(process.resourceUsage()));
  });
}
