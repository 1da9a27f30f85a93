/**
 * The online editor in Chromium, against decap-server on a copy of the repository: the copy
 * is built with `CMS_LOCAL_BACKEND_URL` (the test-only build flag) so that its /admin/ writes
 * there. Shared by the browser tests of the editor.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DECAP_PROP_TYPES_WARNING, launchBrowser, watchPage, type RunningBrowser } from './browser.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';
import { buildCopy, copyRepository, type RepoCopy } from './repo-copy.ts';
import { startCmsProxy, type CmsProxy } from '../../scripts/lib/cms-proxy.ts';

export interface CmsStand {
  copy: RepoCopy;
  proxy: CmsProxy;
  site: StaticServer;
  browser: RunningBrowser;
  /** Every `persistEntry` call the admin sent to decap-server. */
  saves: string[];
  /** Opens the admin of the copy at `#<path>`, logged in to the local backend. */
  openAdmin: (path: string) => Promise<{ page: Page; problems: () => string[] }>;
  /** Builds the copy again (after a change to its content), with the same flag. */
  rebuild: () => void;
  close: () => Promise<void>;
}

/** A copy of the repository, built for decap-server, served, and a browser. */
export async function startCmsStand(): Promise<CmsStand> {
  const copy = copyRepository();
  const proxy = await startCmsProxy({ root: copy.root, port: 0 });
  buildCopy(copy.root, { CMS_LOCAL_BACKEND_URL: proxy.url });
  const site = await serveDirectory(join(copy.root, 'dist'));
  const browser = await launchBrowser();
  const saves: string[] = [];
  browser.context.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.url() === proxy.url && body.includes('"persistEntry"')) saves.push(body);
  });
  const openAdmin = async (path: string) => {
    const page = await browser.context.newPage();
    const watched = watchPage(page);
    const problems = () => watched.problems.filter((p) => !DECAP_PROP_TYPES_WARNING.test(p));
    await page.goto(`${site.url}/admin/`, { waitUntil: 'networkidle' });
    // The session is kept in the browser profile: only the first page sees the login.
    const login = page.getByRole('button', { name: 'Se connecter', exact: true });
    const collections = page.getByRole('link', { name: 'Boîtes à outils' });
    await login.or(collections).first().waitFor();
    if (await login.isVisible()) await login.click();
    await collections.waitFor();
    await page.goto(`${site.url}/admin/#${path}`);
    return { page, problems };
  };
  return {
    copy,
    proxy,
    site,
    browser,
    saves,
    openAdmin,
    rebuild: () => {
      buildCopy(copy.root, { CMS_LOCAL_BACKEND_URL: proxy.url });
    },
    close: async () => {
      await browser.close();
      await site.close();
      await proxy.close();
      copy.remove();
    },
  };
}

/** A form field by its name: Decap gives each input the id `<name>-field-<n>`. */
export const field = (scope: Page | Locator, name: string): Locator => scope.locator(`[id^="${name}-field-"]`).first();

/**
 * Replaces the text of a field. Decap's text inputs put the caret back where it was when they
 * get the focus, so a plain `fill` of a field already filled would add to its text.
 */
export async function replaceText(target: Locator, text: string): Promise<void> {
  await target.fill('');
  await target.fill(text);
}

export async function choose(page: Page, name: string, option: string): Promise<void> {
  await field(page, name).click();
  await page.getByText(option, { exact: false }).first().click();
}

/** Asks for a save (in simple mode, the local backend's: « Publier », then « Publier maintenant »). */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant').click();
}

/** Publishes and waits for decap-server to answer that the file is written. */
export async function publishAndWait(page: Page, proxyUrl: string): Promise<void> {
  const written = page.waitForResponse(
    (response) => response.url() === proxyUrl && (response.request().postData() ?? '').includes('"persistEntry"'),
    { timeout: 15_000 },
  );
  await publish(page);
  if ((await written).status() !== 200) throw new Error('decap-server n’a pas écrit le fichier');
}

/** The raw text editor of the body. */
export const bodyEditor = (page: Page): Locator => page.locator('.cms-editor-raw [contenteditable="true"]');

/**
 * Selects `text` inside the body editor. Replace it with `keyboard.insertText`: one input
 * event, which the editor applies to the selection it carries, whatever its own bookkeeping
 * of the caret is doing at that moment.
 */
export async function selectInEditor(page: Page, text: string): Promise<void> {
  await bodyEditor(page).evaluate((root, wanted) => {
    root.focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`« ${wanted} » absent de l’éditeur`);
  }, text);
}

/** Fills the toolkit form: title, summary, category, difficulty, numbers, materials, a mission, steps. */
export async function fillToolkit(page: Page, group: { groupMin: string; groupMax: string }): Promise<void> {
  await field(page, 'title').fill('Atelier vélo : réparer ensemble');
  await field(page, 'summary').fill(
    'Réparer les vélos du quartier à plusieurs, apprendre les gestes de base et remettre en selle celles et ceux qui n’osaient plus.',
  );
  await choose(page, 'category', 'Réparation et réemploi —');
  await choose(page, 'difficulty', '2 — Facile');
  await field(page, 'preparation').fill('60');
  await field(page, 'activity').fill('180');
  // Group size comes before the budget in the form: the first min/max pair is the group.
  await page.locator('[id^="min-field-"]').nth(0).fill(group.groupMin);
  await page.locator('[id^="max-field-"]').nth(0).fill(group.groupMax);
  await page.locator('[id^="min-field-"]').nth(1).fill('0');
  await page.locator('[id^="max-field-"]').nth(1).fill('40');
  await page.getByRole('button', { name: 'Ajouter élément' }).click();
  await field(page, 'name').fill('Chambres à air de rechange');
  await field(page, 'quantity').fill('5 de chaque taille');
  await page.getByRole('button', { name: 'Ajouter mission' }).click();
  await field(page, 'economicMission').fill('Entretien de la flotte de vélos d’une association ou d’une entreprise');
  await field(page, 'commons').fill(
    'Les fiches de réparation et la liste des pièces récupérées sont partagées sous licence libre.',
  );
  await bodyEditor(page).click();
  await page.keyboard.type(
    'Un atelier ouvert à toutes et tous.\n\n## Déroulé\n\n1. Accueillir les vélos.\n2. Diagnostiquer.\n3. Réparer ensemble.',
  );
}
