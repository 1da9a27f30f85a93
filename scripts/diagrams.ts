/**
 * `npm run diagrams`: writes each diagram of `content/diagrams/` as a file of its own in
 * `public/media/diagrammes/` (see `src/lib/diagrams/standalone.ts`), and removes the files
 * whose source is gone. Pages draw diagrams at build time and need none of this; the files
 * serve as a toolkit's `image`. `tests/unit/diagrams.test.ts` fails when one is out of date.
 *
 * `--check` writes nothing and exits with 1 when a file differs from what it would write.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { diagramExports } from './lib/diagram-exports.ts';
import { PROJECT_ROOT } from './lib/validate/paths.ts';

const check = process.argv.includes('--check');
const { dir, files } = diagramExports(PROJECT_ROOT);
const stale: string[] = [];
for (const [name, text] of files) {
  const path = join(dir, name);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  stale.push(name);
  if (!check) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
  }
}
const orphans = existsSync(dir) ? readdirSync(dir).filter((name) => !files.has(name)) : [];
for (const name of orphans) {
  stale.push(name);
  if (!check) rmSync(join(dir, name));
}
if (check && stale.length > 0) {
  console.error(`✖ Dessins à régénérer avec « npm run diagrams » : ${stale.join(', ')}`);
  process.exitCode = 1;
} else if (!check) {
  console.log(
    `✔ ${String(files.size)} dessins dans ${dir.slice(PROJECT_ROOT.length)} (${String(stale.length)} mis à jour).`,
  );
} else console.log('✔ Les dessins de public/media/diagrammes/ sont à jour.');
