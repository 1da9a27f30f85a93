/**
 * `npm run booklet`: prints, from the site built in `dist/`, the booklet
 * (`livret-kpa-cite.pdf`) and one PDF sheet per toolkit, into `dist/` beside the pages.
 * Needs Chromium (Debian's `chromium`, or CHROME_PATH); the site's build never does.
 *
 *   npm run booklet                     # the booklet and the sheets
 *   npm run booklet -- --livret         # the booklet only
 *   npm run booklet -- --fiches         # the sheets only
 *   npm run booklet -- --dist autre/    # another built folder
 *   npm run booklet -- --si-possible    # without Chromium, say so and stop without error
 *
 * The sub-path and the public address are read like the build reads them (BASE_PATH,
 * SITE_URL): give the same variables to both commands.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BASE_PATH, SITE_URL } from '../src/config/site.ts';
import { BookletError, chromeOrExplain, printPdfs } from './lib/booklet/print.ts';
import { writeHeadersFile } from '../src/integrations/security-headers.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    livret: { type: 'boolean', default: false },
    fiches: { type: 'boolean', default: false },
    'si-possible': { type: 'boolean', default: false },
  },
});

const dist = resolve(values.dist);
const kb = (bytes: number) => `${String(Math.round(bytes / 1024))} Ko`;

try {
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new BookletError(`Aucun site construit dans ${dist} : lancez d’abord « npm run build ».`);
  }
  if (values['si-possible']) {
    try {
      chromeOrExplain();
    } catch (error) {
      console.warn(`${(error as Error).message}\nLes pages du site gardent leurs liens vers les PDF, qui manqueront.`);
      process.exit(0);
    }
  }
  const both = values.livret === values.fiches;
  const report = await printPdfs({
    dist,
    base: BASE_PATH,
    siteUrl: SITE_URL,
    booklet: both || values.livret,
    sheets: both || values.fiches,
  });
  if (report.booklet) {
    const b = report.booklet;
    console.log(
      `Livret : ${b.file} — ${String(b.pages)} pages, ${String(b.chapters)} chapitres, ${kb(b.bytes)}, ${b.seconds.toFixed(1)} s`,
    );
  }
  if (report.sheets) {
    const s = report.sheets;
    console.log(`Fiches PDF : ${String(s.count)} fiches, ${kb(s.bytes)} en tout, ${s.seconds.toFixed(1)} s`);
  }
  // The booklet is a new entry at the root: it gets the site's headers too.
  if (existsSync(resolve(dist, '_headers'))) writeHeadersFile(dist);
} catch (error) {
  if (error instanceof BookletError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
