/**
 * `npm run bench [section…]`: runs the benchmark sections of `scripts/bench/` in file-name
 * order, or only the named ones (`npm run bench -- content-scripts`). Each section is a
 * module exporting `run(): Promise<void>` that prints its own report. Benchmarks measure
 * and report; they never fail on a target, and they work in temporary folders.
 */
import { readdirSync } from 'node:fs';

const DIR = new URL('./bench/', import.meta.url);
const sections = readdirSync(DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !sections.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`Section inconnue : ${unknown.join(', ')}. Sections : ${sections.join(', ')}\n`);
  process.exit(2);
}

for (const name of wanted.length > 0 ? wanted : sections) {
  const section = (await import(new URL(`${name}.ts`, DIR).href)) as { run?: () => Promise<void> };
  if (typeof section.run !== 'function') {
    process.stderr.write(`scripts/bench/${name}.ts n’exporte pas de fonction run()\n`);
    process.exitCode = 2;
    continue;
  }
  await section.run();
  console.log('');
}
