/** The command line of `npm run validate` (see `scripts/validate.ts`). */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { validateContent } from './engine.ts';
import { DEFAULT_CACHE_DIR } from './cache.ts';
import { FORMATS, formatReport, type Format } from './report.ts';
import { MEDIA_DIR } from '../../../src/lib/media-types.ts';

const USAGE = `Usage : npm run validate -- [--format text|github|json] [--root <dossier>] [--no-cache] [--cache-dir <dossier>] [--jobs <n>] [--timings] [chemins…]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        root: { type: 'string', default: '.' },
        'no-cache': { type: 'boolean', default: false },
        'cache-dir': { type: 'string', default: DEFAULT_CACHE_DIR },
        jobs: { type: 'string' },
        help: { type: 'boolean', default: false },
        timings: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const format = values.format ?? (process.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'text');
  if (!isFormat(format)) fail(`format inconnu « ${format} » : text, github ou json`);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) fail('--jobs attend un nombre entier positif');
  const root = resolve(values.root);
  const paths = positionals.map((p) => {
    const absolute = resolve(p);
    const inRoot = relative(root, absolute).split(sep).join('/');
    if (!existsSync(absolute)) fail(`chemin introuvable : ${p}`);
    const checkedFolder = (folder: string) => inRoot === folder || inRoot.startsWith(`${folder}/`);
    if (isAbsolute(inRoot) || !(checkedFolder('content') || checkedFolder(MEDIA_DIR))) {
      fail(`chemin hors des dossiers content/ et ${MEDIA_DIR}/ : ${p}`);
    }
    return inRoot;
  });
  const result = await validateContent({
    root,
    paths,
    cacheDir: values['no-cache'] ? undefined : resolve(values['cache-dir']),
    ...(jobs === undefined ? {} : { jobs }),
  });
  // Paths as the person typing the command sees them.
  const issues = result.issues.map((i) => ({
    ...i,
    file: relative(process.cwd(), resolve(root, i.file)).split(sep).join('/'),
  }));
  process.stdout.write(formatReport(issues, result.checked, format));
  if (values.timings) {
    const phases = Object.entries(result.timings).map(([phase, ms]) => `${phase} ${String(ms)} ms`);
    const processes = result.processes > 1 ? ` par ${String(result.processes)} processus` : '';
    process.stderr.write(`${String(result.parsed)} fichiers lus à nouveau${processes} ; ${phases.join(', ')}\n`);
  }
  process.exitCode = issues.some((i) => i.severity === 'error') ? 1 : 0;
}
