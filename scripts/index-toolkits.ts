/**
 * `npm run index`: prints the toolkit catalogue, the JSON index that the site serves at
 * `/boites-a-outils/index.json` (format in README.md), built by the same `buildCatalogue`
 * and `catalogueJson` as the site. Options: `--feed` for the Atom feed instead
 * (`/boites-a-outils/flux.xml`), `--out <fichier>` to write it to a file, `--root <dossier>`
 * for another content tree. Refuses to write inside `content/`; exit code 1 when a toolkit
 * is invalid (the problems are printed as `npm run validate` prints them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalogue } from '../src/lib/catalogue.ts';
import { catalogueFeed, catalogueJson } from '../src/lib/catalogue-output.ts';
import { BASE_PATH, SITE_URL } from '../src/config/site.ts';
import { loadToolkitSources } from './lib/toolkit-sources.ts';
import { formatReport } from './lib/validate/report.ts';

const USAGE = 'Usage : npm run index -- [--feed] [--out <fichier>] [--root <dossier>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      feed: { type: 'boolean', default: false },
      out: { type: 'string' },
      root: { type: 'string', default: '.' },
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
const root = resolve(values.root);
const out = values.out === undefined ? undefined : resolve(values.out);
if (out !== undefined) {
  const inContent = relative(resolve(root, 'content'), out);
  if (!inContent.startsWith('..') && !inContent.startsWith(sep) && inContent !== out) {
    fail(`refus d’écrire dans content/ : ${values.out ?? ''} (ce dossier ne contient que des contenus)`);
  }
}

const { sources, issues } = loadToolkitSources(root);
if (issues.length > 0) {
  const shown = issues.map((i) => ({
    ...i,
    file: relative(process.cwd(), resolve(root, i.file)).split(sep).join('/'),
  }));
  process.stderr.write(formatReport(shown, sources.length + new Set(issues.map((i) => i.file)).size, 'text'));
  process.stderr.write('Index non produit : corrigez ces boîtes à outils (npm run validate en dit plus).\n');
  process.exit(1);
}
const catalogue = buildCatalogue(sources);
const text = values.feed ? catalogueFeed(catalogue, SITE_URL) : catalogueJson(catalogue, BASE_PATH);
if (out === undefined) process.stdout.write(text);
else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stderr.write(
    `${String(catalogue.count)} boîtes à outils écrites dans ${relative(process.cwd(), out) || out}\n`,
  );
}
