/**
 * `npm run links`: after `npm run build`, prints the report of the links to other sites in
 * `dist/` (Markdown: each address with the pages that use it, those over plain `http:`
 * flagged), without any request. Options: `--json` for machines, `--out <fichier>` to write
 * it to a file, `--dist <dossier>` for another built site.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_URL } from '../src/config/site.ts';
import { htmlFiles } from './lib/built-site.ts';
import { pathOfFile } from './lib/built-links.ts';
import { externalLinks, externalLinksReport } from './lib/external-links.ts';

const USAGE = 'Usage : npm run links -- [--json] [--out <fichier>] [--dist <dossier>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      dist: { type: 'string', default: 'dist' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const dist = resolve(values.dist);
if (!existsSync(join(dist, 'index.html'))) {
  fail(`aucun site construit dans ${values.dist} : lancez d’abord npm run build`);
}

const links = externalLinks(dist, { siteUrl: SITE_URL });
const text = values.json
  ? `${JSON.stringify(links, null, 2)}\n`
  : externalLinksReport(links, htmlFiles(dist).map(pathOfFile));
if (values.out === undefined) {
  process.stdout.write(text);
} else {
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const insecure = links.filter((l) => l.insecure).length;
  process.stdout.write(
    `${String(links.length)} lien(s) externe(s), dont ${String(insecure)} en http: → ${values.out}\n`,
  );
}
