/**
 * The online editor in Chromium, for the browser tests: a copy of the repository, a
 * `decap-server` writing into it, the copy built with `CMS_LOCAL_BACKEND_URL` (the
 * test-only build flag) and served on 127.0.0.1, and the gestures a contributor makes.
 * Shared by every browser test of the editor.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { DECAP_PROP_TYPES_WARNING, launchBrowser, watchPage, type RunningBrowser } from './browser.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';
import { buildCopy, copyRepository, type RepoCopy } from './repo-copy.ts';
import { startCmsProxy, type CmsProxy } from '../../scripts/lib/cms-proxy.ts';

/** Everything a test of the editor needs, and a way to stop it all. */
export interface CmsStand {
  copy: RepoCopy;
  proxy: CmsProxy;
  site: StaticServer;
  browser: RunningBrowser;
  /** Every `persistEntry` call the admin sent to decap-server. */
  saves: string[];
  close: () => Promise<void>;
}

/** Copies the repository, lets `prepare` add or change files in the copy, then builds and serves it. */
export async function startCmsStand(prepare: (root: string) => void = () => undefined): Promise<CmsStand> {
  const copy = copyRepository();
  prepare(copy.root);
  const proxy = await startCmsProxy({ root: copy.root, port: 0 });
  buildCopy(copy.root, { CMS_LOCAL_BACKEND_URL: proxy.url });
  const site = await serveDirectory(join(copy.root, 'dist'));
  const browser = await launchBrowser();
  const saves: string[] = [];
  browser.context.on('request', (request) => {
    const body = request.postData() ?? '';
    if (request.url() === proxy.url && body.includes('"persistEntry"')) saves.push(body);
  });
  return {
    copy,
    proxy,
    site,
    browser,
    saves,
    close: async () => {
      await browser.close();
      await site.close();
      await proxy.close();
      copy.remove();
    },
  };
}

/** Builds the copy again, with the same flag, so that its /admin/ keeps writing there. */
export function rebuildCopy(stand: CmsStand): void {
  buildCopy(stand.copy.root, { CMS_LOCAL_BACKEND_URL: stand.proxy.url });
}

/**
 * Opens the admin of the copy and logs in to the local backend. `prepare` runs on the new
 * page before anything is loaded (an init script, a listener).
 */
export async function openAdmin(
  stand: Pick<CmsStand, 'browser' | 'site'>,
  path: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; problems: () => string[] }> {
  const page = await stand.browser.context.newPage();
  await prepare?.(page);
  const watched = watchPage(page);
  const problems = () => watched.problems.filter((p) => !DECAP_PROP_TYPES_WARNING.test(p));
  await page.goto(`${stand.site.url}/admin/`, { waitUntil: 'networkidle' });
  // The session is kept in the browser profile: only the first page sees the login.
  const login = page.getByRole('button', { name: 'Se connecter', exact: true });
  const collections = page.getByRole('link', { name: 'Boîtes à outils' });
  await login.or(collections).first().waitFor();
  if (await login.isVisible()) await login.click();
  await collections.waitFor();
  await page.goto(`${stand.site.url}/admin/#${path}`);
  return { page, problems };
}

/** A form field by its name: Decap gives each input the id `<name>-field-<n>`. */
export const field = (scope: Page | Locator, name: string) => scope.locator(`[id^="${name}-field-"]`).first();

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
  const response = await written;
  if (response.status() !== 200) throw new Error(`decap-server a répondu ${response.status()}`);
}

/** The body's editor: raw Markdown, or rich text (Decap's two modes). */
export const RAW_EDITOR = '.cms-editor-raw [contenteditable="true"]';
export const RICH_TEXT_EDITOR = '.cms-editor-visual [contenteditable="true"]';

/**
 * Shows the body in `mode`, with Decap's switch above it if needed. Decap remembers the last
 * mode chosen in the browser and opens the next pages in it when they allow it.
 */
export async function bodyMode(page: Page, mode: 'raw' | 'rich'): Promise<void> {
  const raw = page.locator('.cms-editor-raw');
  const rich = page.locator('.cms-editor-visual');
  await raw.or(rich).first().waitFor();
  const shown = (await rich.count()) > 0 ? 'rich' : 'raw';
  if (shown !== mode) await (shown === 'rich' ? rich : raw).getByRole('switch').click();
  await page
    .locator(mode === 'rich' ? RICH_TEXT_EDITOR : RAW_EDITOR)
    .first()
    .waitFor();
}

/**
 * Selects `text` inside the body editor. Replace it with `keyboard.insertText`: one input
 * event, which the editor applies to the selection it carries, whatever its own bookkeeping
 * of the caret is doing at that moment.
 */
export async function selectInEditor(page: Page, text: string, editor = RAW_EDITOR): Promise<void> {
  await page
    .locator(editor)
    .first()
    .evaluate((root, wanted) => {
      root.focus();
      // Text of the editor itself, not of a component's form drawn inside it.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, (node) =>
        node.parentElement?.closest('[contenteditable]') === root ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
      );
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

/**
 * Where the rich-text editor's own selection is: the text selected in its text leaf, and the
 * text before it there. Read from the editor (Slate) itself, found through React's tree from
 * its element: Slate follows the browser's selection only 100 ms after it moves, so a test
 * that selects text, then clicks a toolbar button or presses Enter, first waits until the
 * editor has caught up, as a person's pace always lets it.
 */
export async function editorSelection(page: Page): Promise<{ before: string; selected: string } | null> {
  return page
    .locator(RICH_TEXT_EDITOR)
    .first()
    .evaluate((root) => {
      interface SlateLike {
        children: unknown[];
        selection: { anchor: { path: number[]; offset: number }; focus: { path: number[]; offset: number } } | null;
      }
      interface Fiber {
        return: Fiber | null;
        memoizedProps?: { editor?: SlateLike };
      }
      const key = Object.keys(root).find((k) => k.startsWith('__reactFiber$'));
      let fiber = key ? ((root as unknown as Record<string, Fiber | undefined>)[key] ?? null) : null;
      while (fiber && !fiber.memoizedProps?.editor?.children) fiber = fiber.return;
      const selection = fiber?.memoizedProps?.editor?.selection;
      if (!fiber?.memoizedProps?.editor || !selection) return null;
      const { anchor, focus } = selection;
      if (anchor.path.join('.') !== focus.path.join('.')) return null;
      let node: unknown = fiber.memoizedProps.editor;
      for (const i of anchor.path) node = (node as { children: unknown[] }).children[i];
      const text = (node as { text?: string }).text ?? '';
      const [start, end] = [Math.min(anchor.offset, focus.offset), Math.max(anchor.offset, focus.offset)];
      return { before: text.slice(0, start), selected: text.slice(start, end) };
    });
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
  // This contributor writes Markdown.
  await bodyMode(page, 'raw');
  await page.locator(RAW_EDITOR).click();
  await page.keyboard.type(
    'Un atelier ouvert à toutes et tous.\n\n## Déroulé\n\n1. Accueillir les vélos.\n2. Diagnostiquer.\n3. Réparer ensemble.',
  );
}

/** The files uploaded to `public/media/` of the copy at `root` (its folders, such as `diagrammes/`, left out). */
export function mediaFiles(root: string): string[] {
  const media = join(root, 'public/media');
  if (!existsSync(media)) return [];
  return readdirSync(media, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

/** The YAML header of an MDX file, parsed. */
export function frontmatter(text: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('pas d’en-tête');
  return parse(match[1] ?? '');
}
