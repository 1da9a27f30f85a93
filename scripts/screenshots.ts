/**
 * `npm run screenshots`: the pictures of CONTRIBUTING.md, taken in the online editor as it
 * runs with `npm run cms` (the local mode), so that they show what the code shows today.
 * Works on a temporary copy of the repository (built with the test-only
 * `CMS_LOCAL_BACKEND_URL`, like the browser tests) with Debian's Chromium; nothing is saved,
 * no file of the repository changes but the pictures.
 *
 *   npm run screenshots                    # writes docs/editeur/*.png
 *   npm run screenshots -- --out /tmp/x    # elsewhere
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { field, openAdmin, startCmsStand, type CmsStand } from '../tests/helpers/cms.ts';
import { stripedPng } from './lib/png.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where CONTRIBUTING.md finds the pictures. */
export const SCREENSHOTS_DIR = 'docs/editeur';

/** The pictures, in the order of CONTRIBUTING.md, with what each shows. */
export const SCREENSHOTS = [
  { file: '01-rubriques.png', shows: 'les rubriques, la liste des boîtes à outils et « Ajout rapide »' },
  {
    file: '02-nouvelle-fiche.png',
    shows: 'une nouvelle fiche : l’aide sous les champs, le compte des caractères, l’adresse',
  },
  { file: '03-illustration.png', shows: 'l’illustration choisie et son texte alternatif, avec l’aperçu' },
  { file: '04-publier.png', shows: 'le menu « Publier » du mode local' },
] as const;

/** Small pictures: a laptop's window, one pixel per pixel. */
const VIEWPORT = { width: 1100, height: 700 };

async function shoot(page: Page, out: string, file: string): Promise<void> {
  // Let transitions and the preview settle: the picture is of a still screen.
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            done();
          }),
        ),
      ),
  );
  await page.screenshot({ path: join(out, file), animations: 'disabled', caret: 'hide' });
}

/** Takes every picture of `SCREENSHOTS` into `out`, on the editor of `stand`. */
export async function takeScreenshots(stand: CmsStand, out: string): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const [list, form, image, menu] = SCREENSHOTS;
  const { page } = await openAdmin(stand, '/collections/toolkits');
  await page.setViewportSize(VIEWPORT);
  await page.getByRole('link', { name: 'Disco Soupe' }).waitFor();
  await page.getByRole('button', { name: 'Ajout rapide' }).click();
  await page.getByRole('menuitem', { name: 'un KPA', exact: true }).waitFor();
  await shoot(page, out, list.file);
  await page.keyboard.press('Escape');

  await page.goto(`${stand.site.url}/admin/#/collections/toolkits/new`);
  await field(page, 'title').fill('Atelier vélo : réparer ensemble');
  await field(page, 'summary').fill(
    'Réparer les vélos du quartier à plusieurs, apprendre les gestes de base et remettre en selle celles et ceux qui n’osaient plus.',
  );
  await field(page, 'title').click();
  await shoot(page, out, form.file);

  await page.locator('[id^="image-field-"]').getByRole('button', { name: 'Déplier' }).click();
  await page.getByRole('button', { name: 'Choisir une image' }).click();
  const picture = stripedPng(640, 400, [
    [230, 120, 40],
    [250, 210, 90],
    [60, 140, 90],
  ]);
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'Atelier vélo.png', mimeType: 'image/png', buffer: picture });
  await page.getByRole('button', { name: 'Choisir la sélection' }).click();
  await field(page, 'alt').fill('Trois bandes de couleur, orange, jaune et vert');
  await page.locator('iframe').first().contentFrame().locator('img.toolkit-image').waitFor();
  await field(page, 'alt').scrollIntoViewIfNeeded();
  await shoot(page, out, image.file);

  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').waitFor();
  await shoot(page, out, menu.file);
  // Leaving without saving: the picture was only a draft, nothing is written.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.close({ runBeforeUnload: false });
  return SCREENSHOTS.map((s) => join(out, s.file));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = resolve(ROOT, values.out ?? SCREENSHOTS_DIR);
  console.log('Construction d’une copie du site avec l’éditeur en mode local…');
  const stand = await startCmsStand();
  try {
    for (const file of await takeScreenshots(stand, out)) console.log(`écrit : ${file}`);
  } finally {
    await stand.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
