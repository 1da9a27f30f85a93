/**
 * The online editor as a contributor meets it, in Chromium, against decap-server on a copy
 * of the repository: pictures, the address bar, the help under the fields, the French of
 * every screen, the home page and the glossary, `npm run cms`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import { watchPage } from '../helpers/browser.ts';
import { inheritedEnv } from '../helpers/repo-copy.ts';
import {
  choose,
  field,
  fillToolkit,
  frontmatter,
  mediaFiles as listMedia,
  openAdmin as openCmsAdmin,
  publish,
  publishAndWait as publishToProxy,
  rebuildCopy,
  startCmsStand,
  type CmsStand,
} from '../helpers/cms.ts';
import { stripedPng } from '../../scripts/lib/png.ts';
import { SCREENSHOTS, takeScreenshots } from '../../scripts/screenshots.ts';
import { DIFFICULTIES, toolkitSchema } from '../../src/schemas/toolkit.ts';
import { FRENCH, type Phrases } from '../../src/cms/locale-fr.ts';
import { leaves } from '../helpers/phrases.ts';

let stand: CmsStand;

beforeAll(async () => {
  stand = await startCmsStand();
}, 180_000);

afterAll(async () => {
  await stand.close();
});

const openAdmin = (path: string, prepare?: (page: Page) => Promise<unknown>) => openCmsAdmin(stand, path, prepare);
const publishAndWait = (page: Page) => publishToProxy(page, stand.proxy.url);
const inCopy = (path: string) => join(stand.copy.root, path);
const read = (path: string) => readFileSync(inCopy(path), 'utf8');
const mediaFiles = () => listMedia(stand.copy.root);

/**
 * A change of address from one entry to another loads the page again: what the page was
 * still fetching (its icon) is cancelled, which is no fault of the page.
 */
const CANCELLED_BY_RELOAD = /^échec de requête: .* \(net::ERR_ABORTED\)$/;

/** The value of the first `name` field, once it is `expected` (the form may be loading). */
async function waitForValue(page: Page, name: string, expected: string): Promise<void> {
  await expect
    .poll(
      async () =>
        field(page, name)
          .inputValue({ timeout: 1_000 })
          .catch(() => undefined),
      { timeout: 30_000 },
    )
    .toBe(expected);
}

/** The lines that differ between two texts of the same length in lines. */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const now = after.split('\n');
  expect(now.length).toBe(old.length);
  return now.filter((line, i) => line !== old[i]);
}

describe('pictures in the online editor', () => {
  const picture = stripedPng(320, 200, [
    [200, 60, 40],
    [250, 200, 60],
    [40, 120, 200],
  ]);
  const stored = `atelier-velo-photo-${createHash('sha256').update(picture).digest('hex').slice(0, 8)}.png`;
  const slug = 'atelier-velo-reparer-ensemble';
  const alt = 'Trois bandes de couleur : rouge, jaune et bleu';

  it('creates a toolkit with an illustration: previewed before saving, alt text required, stored under a safe unique name, valid and rendered on a rebuild', async () => {
    const { page, problems } = await openAdmin('/collections/toolkits/new');
    await fillToolkit(page, { groupMin: '3', groupMax: '12' });
    await page.locator('[id^="image-field-"]').getByRole('button', { name: 'Déplier' }).click();
    await page.getByRole('button', { name: 'Choisir une image' }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'Atelier vélo (photo).PNG', mimeType: 'image/png', buffer: picture });
    await page.getByText(stored, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Choisir la sélection' }).click();

    // Before saving: shown in the preview, from the browser's memory; nothing written yet.
    const preview = page.locator('iframe').first().contentFrame();
    const shown = preview.locator('img.toolkit-image');
    await shown.waitFor();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    expect(mediaFiles()).toEqual([]);

    // An image without its text is refused, in French, before anything is written.
    await publish(page);
    await page.getByText('Le champ Texte alternatif est requis.').waitFor();
    expect(stand.saves).toEqual([]);
    expect(existsSync(inCopy(`content/toolkits/${slug}.mdx`))).toBe(false);

    await field(page, 'alt').fill(alt);
    await page.getByText(`${alt.length} caractères (au moins 5).`).waitFor();
    await publishAndWait(page);
    // Decap stops the refused save by rejecting a promise with no reason, which nothing catches.
    expect(problems().filter((p) => p !== 'exception: undefined')).toEqual([]);
    await page.close();

    const text = read(`content/toolkits/${slug}.mdx`);
    const data = toolkitSchema.parse(frontmatter(text));
    expect(data.image).toEqual({ src: `/media/${stored}`, alt });
    expect(mediaFiles()).toEqual([stored]);
    expect(readFileSync(inCopy(`public/media/${stored}`)).equals(picture)).toBe(true);

    const validate = spawnSync(
      'npm',
      ['run', '--silent', 'validate', '--', `content/toolkits/${slug}.mdx`, `public/media/${stored}`],
      { cwd: stand.copy.root, encoding: 'utf8' },
    );
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);

    rebuildCopy(stand);
    const built = await stand.browser.context.newPage();
    const watched = watchPage(built);
    await built.goto(`${stand.site.url}/boites-a-outils/${slug}/`, { waitUntil: 'networkidle' });
    const image = built.locator('img.toolkit-image');
    expect(await image.getAttribute('src')).toBe(`/media/${stored}`);
    expect(await image.getAttribute('alt')).toBe(alt);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    expect(watched.problems).toEqual([]);
    await built.close();
  }, 240_000);
});

describe('the address bar and the form', () => {
  it('loads the entry of a new address and saves it to its own file, leaving the first one byte for byte', async () => {
    const first = 'content/docs/fonctionnement/tiers-lieu.mdx';
    const second = 'content/docs/fonctionnement/apprendre-en-faisant.mdx';
    const before = { first: read(first), second: read(second) };
    const { page, problems } = await openAdmin('/collections/guide-fonctionnement/entries/tiers-lieu');
    await waitForValue(page, 'title', 'Le tiers-lieu');

    await page.goto(`${stand.site.url}/admin/#/collections/guide-fonctionnement/entries/apprendre-en-faisant`);
    await waitForValue(page, 'title', 'Apprendre en faisant');
    await page.waitForLoadState('networkidle');
    const description = (frontmatter(before.second) as { description: string }).description;
    await field(page, 'description').fill(`${description} Un mot de plus.`);
    await publishAndWait(page);

    expect(read(first)).toBe(before.first);
    expect(changedLines(before.second, read(second))).toHaveLength(1);
    expect(frontmatter(read(second))).toMatchObject({ description: `${description} Un mot de plus.` });
    expect(stand.saves.at(-1)).toContain('apprendre-en-faisant.mdx');
    expect(stand.saves.at(-1)).not.toContain('tiers-lieu');
    expect(problems().filter((p) => !CANCELLED_BY_RELOAD.test(p))).toEqual([]);
    await page.close();
  });

  it('goes from a toolkit to a guide page without carrying the toolkit’s form, nor touching its file', async () => {
    const toolkit = 'content/toolkits/disco-soupe.mdx';
    const page2 = 'content/docs/decouvrir/les-kpa.mdx';
    const before = { toolkit: read(toolkit), page: read(page2) };
    const { page, problems } = await openAdmin('/collections/toolkits/entries/disco-soupe');
    await waitForValue(page, 'title', 'Disco Soupe');

    await page.goto(`${stand.site.url}/admin/#/collections/guide-decouvrir/entries/les-kpa`);
    const title = (frontmatter(before.page) as { title: string }).title;
    await waitForValue(page, 'title', title);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[id^="preparation-field-"]').count()).toBe(0);
    await field(page, 'title').fill(`${title} !`);
    await publishAndWait(page);

    expect(read(toolkit)).toBe(before.toolkit);
    expect(changedLines(before.page, read(page2))).toHaveLength(1);
    expect(frontmatter(read(page2))).toMatchObject({ title: `${title} !` });
    expect(problems().filter((p) => !CANCELLED_BY_RELOAD.test(p))).toEqual([]);
    await page.close();
  });

  it('asks before leaving unsaved changes for another address, and keeps the form and its address when the person stays', async () => {
    const { page, problems } = await openAdmin('/collections/guide-fonctionnement/entries/tiers-lieu');
    await waitForValue(page, 'title', 'Le tiers-lieu');
    await field(page, 'title').fill('Le tiers-lieu, modifié');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${stand.site.url}/admin/#/collections/guide-fonctionnement/entries/apprendre-en-faisant`);
    await expect.poll(() => asked).toEqual(['Quitter cette page ? Les modifications non enregistrées seront perdues.']);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/collections/guide-fonctionnement/entries/tiers-lieu');
    expect(await field(page, 'title').inputValue()).toBe('Le tiers-lieu, modifié');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.goto(`${stand.site.url}/admin/#/collections/guide-fonctionnement/entries/apprendre-en-faisant`);
    await waitForValue(page, 'title', 'Apprendre en faisant');
    expect(problems().filter((p) => !CANCELLED_BY_RELOAD.test(p))).toEqual([]);
    await page.close();
  });
});

describe('the help under the fields', () => {
  it('explains each field of a new toolkit, counts the summary as it is typed and shows the address the page will get', async () => {
    const { page, problems } = await openAdmin('/collections/toolkits/new');
    const summary = toolkitSchema.shape.summary;
    const described = (await import('astro/zod')).z.globalRegistry.get(summary)?.description ?? '';
    expect(described).not.toBe('');
    await page.getByText(described, { exact: false }).first().waitFor();
    await page.getByText('L’adresse de la page viendra du titre.').waitFor();

    await field(page, 'title').fill('Atelier vélo : réparer ensemble');
    await page
      .getByText(
        'Adresse de la page : /boites-a-outils/atelier-velo-reparer-ensemble/ (elle ne changera plus ensuite).',
      )
      .waitFor();
    await field(page, 'summary').fill('x'.repeat(170));
    await page.getByText('170 caractères : 10 de trop (160 au plus).').waitFor();
    await field(page, 'summary').fill('Réparer les vélos du quartier à plusieurs.');
    await page.getByText('42 caractères sur 160 au plus.').waitFor();

    await choose(page, 'difficulty', '3 — Intermédiaire');
    const level = DIFFICULTIES[2];
    await page.getByText(`Votre choix : 3 — ${level.label} : ${level.description}`).waitFor();
    expect(problems()).toEqual([]);
    await page.close();
  });
});

/**
 * Decap's English strings that would betray an untranslated screen: the fixed words of each
 * (around `%{…}`), when they differ from the French and are long enough not to be a name.
 */
function englishMarks(): string[] {
  const french = leaves(FRENCH);
  const marks = new Set<string>();
  for (const [key, text] of leaves(en as Phrases)) {
    if (french.get(key) === text) continue;
    for (const part of text.split(/%\{\w+\}|\|\|\|\|/)) {
      const words = part.trim();
      if (words.length >= 6) marks.add(words);
    }
  }
  return [...marks];
}

describe('the French of the online editor', () => {
  it('shows no English string of Decap’s and no glyph of a rare font, from the first screen to the media library', async () => {
    // Every text the page shows, from its first frame, including what stays only an instant.
    const recordTexts = (page: Page) =>
      page.addInitScript(() => {
        const seen = new Set<string>();
        (window as unknown as { seenTexts: Set<string> }).seenTexts = seen;
        const record = (node: Node) => {
          const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            // The configuration's JSON and the styles are not shown.
            if (text.parentElement?.closest('script, style')) continue;
            const value = text.textContent?.trim();
            if (value) seen.add(value);
          }
          if (node instanceof Element) {
            for (const element of [node, ...node.querySelectorAll('[aria-label], [title], [placeholder]')]) {
              for (const name of ['aria-label', 'title', 'placeholder']) {
                const value = element.getAttribute(name);
                if (value) seen.add(value);
              }
            }
          }
        };
        new MutationObserver((changes) => {
          for (const change of changes) {
            if (change.type === 'characterData') record(change.target);
            for (const node of change.addedNodes) record(node);
          }
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
    const { page, problems } = await openAdmin('/collections/toolkits', recordTexts);
    await page.getByRole('link', { name: 'Disco Soupe' }).waitFor();
    await page.getByText('Ajouter une boîte à outils', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Ajout rapide' }).click();
    expect(await page.getByRole('menuitem').allTextContents()).toEqual([
      'une boîte à outils',
      'une page « Découvrir les KPA »',
      'une page « Comment fonctionne un KPA »',
      'une page « Créer un KPA »',
      'une page « Ressources »',
      'une page « Contribuer »',
      'un KPA',
    ]);
    const widest = await page
      .getByRole('menuitem')
      .evaluateAll((items) => items.map((item) => item.scrollWidth - item.clientWidth));
    expect(widest.every((overflow) => overflow <= 0)).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Images et fichiers', exact: true }).click();
    await page.getByText('Envoyer une image ou un fichier').waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${stand.site.url}/admin/#/collections/toolkits/entries/disco-soupe`);
    await waitForValue(page, 'title', 'Disco Soupe');
    // Nothing changed yet: the button says the entry is on the site.
    await page.getByText('Publiée', { exact: true }).waitFor();

    const seen = await page.evaluate(() => [...(window as unknown as { seenTexts: Set<string> }).seenTexts]);
    expect(seen.length).toBeGreaterThan(50);
    const english = englishMarks();
    expect(english.length).toBeGreaterThan(100);
    const found = seen.filter((text) => english.some((mark) => text.includes(mark)));
    expect(found).toEqual([]);
    expect(seen.filter((text) => text.includes('＋'))).toEqual([]);
    expect(problems()).toEqual([]);
    await page.close();
  });
});

describe('the home page and the glossary in the online editor', () => {
  it('edits one term of the glossary, as a list of terms, rewriting only that term', async () => {
    const path = 'content/glossaire.yaml';
    const before = read(path);
    const { page, problems } = await openAdmin('/collections/glossaire/entries/glossaire');
    const term = page.getByText('Capacitation', { exact: true });
    await term.waitFor();
    await term.locator('xpath=..').locator('button').first().click();
    const definition = page.getByRole('textbox', { name: 'Définition' });
    await definition.waitFor();
    await definition.fill(`${await definition.inputValue()} Le mot vient de l’anglais « empowerment ».`);
    await publishAndWait(page);

    const after = read(path);
    const items = (text: string) => text.split('\n\n- id: ');
    const differ = items(after).filter((item, i) => item !== items(before)[i]);
    expect(items(after).length).toBe(items(before).length);
    expect(differ).toHaveLength(1);
    expect(differ[0]).toMatch(
      /^capacitation\n {2}term: Capacitation\n {2}forms: \[capacitation\]\n {2}definition: >-\n/,
    );
    expect(differ[0]?.replace(/\s+/g, ' ')).toContain('Le mot vient de l’anglais « empowerment ».');
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('edits the home page’s sentence, changing only that line', async () => {
    const path = 'content/docs/index.mdx';
    const before = read(path);
    const { page, problems } = await openAdmin('/collections/accueil/entries/accueil');
    await waitForValue(page, 'title', 'KPA-Cité');
    await field(page, 'tagline').fill('Un guide libre pour lancer un KPA, à plusieurs.');
    await publishAndWait(page);
    expect(changedLines(before, read(path))).toEqual(['  tagline: Un guide libre pour lancer un KPA, à plusieurs.']);
    expect(problems()).toEqual([]);
    await page.close();
  });
});

/** A port nothing listens on now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) =>
    server.close(() => {
      done();
    }),
  );
  return port;
}

/** The `src` of every script of an HTML page (parsed, never matched with a pattern). */
function scriptSources(html: string): string[] {
  const sources: string[] = [];
  visit(fromHtml(html), 'element', (element) => {
    const src = element.properties['src'];
    if (element.tagName === 'script' && typeof src === 'string') sources.push(src);
  });
  return sources;
}

describe('npm run cms', () => {
  it('serves the editor with its local backend and without Astro’s dev toolbar over the form', async () => {
    // A port of our own: another dev server of this machine may hold Astro's usual one.
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/cms.ts', '--port', String(port)], {
      cwd: stand.copy.root,
      // Without Vitest's variables (`NODE_ENV=test`, `BASE_URL`…), which would change Astro's server.
      env: { ...inheritedEnv(), CMS_PORT: '0' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const site = `http://127.0.0.1:${port}/`;
      await expect.poll(() => output.includes(site), { timeout: 90_000 }).toBe(true);
      const proxy = /decap-server écoute sur (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output)?.[1] ?? '';
      expect(proxy).not.toBe('');
      // Astro says where it listens a moment before its pages answer.
      let html = '';
      await expect
        .poll(
          async () => {
            const response = await fetch(`${site}admin/`).catch(() => undefined);
            html = response?.ok ? await response.text() : '';
            return html.includes('id="cms-config"');
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe(true);
      expect(html).toContain(`"local_backend":{"url":"${proxy}"`);
      const scripts = scriptSources(html);
      expect(scripts.some((src) => src.includes('/src/pages/admin/'))).toBe(true);
      expect(scripts.filter((src) => src.includes('dev-toolbar'))).toEqual([]);
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  }, 120_000);
});

describe('npm run screenshots', () => {
  it('takes the pictures of CONTRIBUTING.md in the editor, as small PNGs of a laptop’s window, writing nothing else', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kpa-screenshots-'));
    const listing = () => [...readdirSync(inCopy('content/toolkits')), ...mediaFiles()].sort();
    const before = listing();
    try {
      const files = await takeScreenshots(stand, out);
      expect(files.map((f) => basename(f))).toEqual(SCREENSHOTS.map((s) => s.file));
      for (const file of files) {
        const png = readFileSync(file);
        expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1100, 700]);
        expect(png.length).toBeLessThan(300 * 1024);
      }
      expect(listing()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
