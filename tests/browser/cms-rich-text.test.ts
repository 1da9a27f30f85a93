/**
 * Writing without Markdown, in Chromium, against decap-server on a copy of the repository:
 * the body opens in rich text with a French toolbar, an untouched body is saved byte for
 * byte, an edit changes only the edited words, a component is inserted from the toolbar's
 * menu through its form, and a text the rich-text editor would rewrite stays in raw mode
 * with a notice that says why.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  RAW_EDITOR,
  RICH_TEXT_EDITOR,
  editorSelection,
  field,
  openAdmin,
  publishAndWait,
  selectInEditor,
  startCmsStand,
  type CmsStand,
} from '../helpers/cms.ts';
import { frontmatterFromFile, frontmatterToFile } from '../../src/cms/formats.ts';

let cms: CmsStand;

/** A guide page written by hand with a loose list, which the rich-text editor would write tight. */
const HAND_WRITTEN = 'content/docs/ressources/notes-de-terrain.mdx';
const HAND_WRITTEN_TEXT = `---
title: Notes de terrain
description: Une page écrite à la main, avec une liste aérée que l’éditeur visuel écrirait autrement.
---

Des notes prises pendant une journée à l’atelier.

- Le matin, on range l’atelier.

- L’après-midi, on reçoit le quartier.
`;

beforeAll(async () => {
  cms = await startCmsStand((root) => {
    mkdirSync(dirname(join(root, HAND_WRITTEN)), { recursive: true });
    writeFileSync(join(root, HAND_WRITTEN), HAND_WRITTEN_TEXT);
  });
}, 240_000);

afterAll(async () => {
  await cms.close();
});

const file = (path: string) => join(cms.copy.root, path);
const open = (path: string) => openAdmin(cms, path);

/** Waits until the body is shown in rich text, its components drawn. */
async function richText(page: Page): Promise<void> {
  await page.locator(RICH_TEXT_EDITOR).first().waitFor();
}

function validate(path: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '--silent', 'validate', '--', path], {
    cwd: cms.copy.root,
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the body of a page in rich text', () => {
  it('shows the toolbar in French, every button usable, and the guide’s components in its menu', async () => {
    const { page, problems } = await open('/collections/guide-fonctionnement/entries/remuneration-libre');
    await richText(page);
    const toolbar = page.locator('.cms-editor-visual');
    const labels = [
      'Gras',
      'Italique',
      'Barré',
      'Code',
      'Lien',
      'Intertitres',
      'Citation',
      'Liste à puces',
      'Liste numérotée',
      'Ajouter un composant',
    ];
    for (const label of labels) {
      const button = toolbar.getByRole('button', { name: label, exact: true });
      await expect(button.isEnabled(), label).resolves.toBe(true);
    }
    await toolbar.getByRole('button', { name: 'Ajouter un composant', exact: true }).click();
    for (const item of [
      'Encadré (note, astuce, attention)',
      'Étapes numérotées',
      'Carte',
      'Carte-lien vers une page',
      'Grille de cartes',
      'Frise chronologique',
      'Badge (étiquette dans le texte)',
      'Liste des KPA (annuaire)',
      'Glossaire complet',
      'Schéma',
      'Emporter le guide (livret PDF, lecture hors ligne)',
    ]) {
      await expect(page.getByRole('menu').getByText(item, { exact: true }).isVisible(), item).resolves.toBe(true);
    }
    await expect(page.getByText('Strikethrough').count()).resolves.toBe(0);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('leaves the body byte for byte as it was when only another field is changed', async () => {
    const path = 'content/docs/fonctionnement/apprendre-en-faisant.mdx';
    const before = readFileSync(file(path), 'utf8');
    const { page, problems } = await open('/collections/guide-fonctionnement/entries/apprendre-en-faisant');
    await richText(page);
    // The asides and the card grid are there, as forms.
    await expect(
      page.locator('.cms-editor-visual').getByText('Encadré (note, astuce, attention)').count(),
    ).resolves.toBe(2);
    // Clicking and moving in the body changes nothing: the entry still counts as unchanged.
    await page.locator(RICH_TEXT_EDITOR).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: 'Publier', exact: true }).count()).resolves.toBe(0);
    const description = field(page, 'description');
    const edited = `${await description.inputValue()} Avec des exemples.`;
    await description.fill(edited);
    await publishAndWait(page, cms.proxy.url);
    // The header as the file format writes a changed description, and the body as it was.
    const expected = frontmatterToFile({ ...frontmatterFromFile(before), description: edited });
    expect(expected).not.toBe(before);
    expect(readFileSync(file(path), 'utf8')).toBe(expected);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('changes only the edited words, and makes a word bold with the toolbar', async () => {
    const path = 'content/toolkits/achat-groupe.mdx';
    const before = readFileSync(file(path), 'utf8');
    const { page, problems } = await open('/collections/toolkits/entries/achat-groupe');
    await richText(page);
    await selectInEditor(page, 'Oublier les frais', RICH_TEXT_EDITOR);
    await page.keyboard.insertText('Négliger les frais');
    await selectInEditor(page, 'balance', RICH_TEXT_EDITOR);
    await expect.poll(() => editorSelection(page)).toMatchObject({ selected: 'balance' });
    await page.locator('.cms-editor-visual').getByRole('button', { name: 'Gras', exact: true }).click();
    await publishAndWait(page, cms.proxy.url);
    expect(readFileSync(file(path), 'utf8')).toBe(
      before
        .replace('- Oublier les frais de livraison', '- Négliger les frais de livraison')
        .replace('sans balance, les disputes', 'sans **balance**, les disputes'),
    );
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('inserts an aside from the menu, filled in its form, as MDX that npm run validate accepts', async () => {
    const path = 'content/docs/fonctionnement/remuneration-libre.mdx';
    const before = readFileSync(file(path), 'utf8');
    const after =
      "Ce n'est pas pour autant « chacun se sert comme il veut ». La décision est individuelle, mais elle s'appuie sur des repères que le groupe a fixés ensemble.";
    expect(before).toContain(`${after}\n\n`);
    const { page, problems } = await open('/collections/guide-fonctionnement/entries/remuneration-libre');
    await richText(page);
    // A new empty paragraph after that one, where the aside goes.
    await selectInEditor(page, 'fixés ensemble.', RICH_TEXT_EDITOR);
    await expect.poll(() => editorSelection(page)).toMatchObject({ selected: 'fixés ensemble.' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => editorSelection(page)).toMatchObject({ before: after, selected: '' });
    await page.keyboard.press('Enter');
    const editor = page.locator('.cms-editor-visual');
    await editor.getByRole('button', { name: 'Ajouter un composant', exact: true }).click();
    await page.getByRole('menu').getByText('Encadré (note, astuce, attention)', { exact: true }).click();
    await field(editor, 'type').click();
    await page.getByRole('option', { name: 'Astuce', exact: true }).click();
    await field(editor, 'title').fill('Des repères « écrits »');
    await field(editor, 'content').fill('Affichez les critères à côté du **tableau**.');
    await publishAndWait(page, cms.proxy.url);
    const aside =
      '<Aside type="tip" title="Des repères « écrits »">\n\nAffichez les critères à côté du **tableau**.\n\n</Aside>';
    expect(readFileSync(file(path), 'utf8')).toBe(before.replace(`${after}\n\n`, `${after}\n\n${aside}\n\n`));
    const result = validate(path);
    expect(result.status, result.output).toBe(0);
    expect(problems()).toEqual([]);
    await page.close();
  });
  it('turns selected words into a badge, filled in its own French form, that npm run validate accepts', async () => {
    const path = 'content/docs/decouvrir/qu-est-ce-qu-un-kpa.mdx';
    const before = readFileSync(file(path), 'utf8');
    const { page, problems } = await open('/collections/guide-decouvrir/entries/qu-est-ce-qu-un-kpa');
    await richText(page);
    await selectInEditor(page, 'sérigraphie', RICH_TEXT_EDITOR);
    await expect.poll(() => editorSelection(page)).toMatchObject({ selected: 'sérigraphie' });
    const editor = page.locator('.cms-editor-visual');
    await editor.getByRole('button', { name: 'Ajouter un composant', exact: true }).click();
    await page.getByRole('menu').getByText('Badge (étiquette dans le texte)', { exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Badge' });
    await expect(dialog.getByLabel('Texte').inputValue()).resolves.toBe('sérigraphie');
    await dialog.getByLabel('Couleur').selectOption({ label: 'Astuce' });
    await dialog.getByRole('button', { name: 'Insérer' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    await publishAndWait(page, cms.proxy.url);
    expect(readFileSync(file(path), 'utf8')).toBe(
      before.replace('faire de la sérigraphie.', 'faire de la <Badge text="sérigraphie" variant="tip" />.'),
    );
    const result = validate(path);
    expect(result.status, result.output).toBe(0);
    expect(problems()).toEqual([]);
    await page.close();
  });
});

describe('a body the rich-text editor would rewrite', () => {
  it('stays in raw mode with a French notice saying why, and an edit there changes only the edited words', async () => {
    const { page, problems } = await open('/collections/guide-ressources/entries/notes-de-terrain');
    const notice = page.getByRole('note');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Ce texte s’écrit en Markdown, sans la barre de mise en forme : l’éditeur visuel réécrirait une partie ' +
        'que vous n’avez pas modifiée. Ligne 4 du texte, une liste aérée (une ligne vide entre ses éléments) : ' +
        'la ligne vide avant « - L’après-midi, on reçoit le quartier. » disparaîtrait. Ici, seul ce que vous ' +
        'changez change dans le fichier. Rappel : « ## » en début de ligne pour un titre, « - » pour une liste, ' +
        '**deux étoiles** autour d’un mot pour le gras.',
    );
    await page.locator(RAW_EDITOR).waitFor();
    await expect(page.locator('.cms-editor-visual').count()).resolves.toBe(0);
    // No switch to rich text.
    await expect(page.locator('.cms-editor-raw').getByRole('switch').count()).resolves.toBe(0);
    await selectInEditor(page, 'on range', RAW_EDITOR);
    await page.keyboard.insertText('on nettoie');
    await publishAndWait(page, cms.proxy.url);
    expect(readFileSync(file(HAND_WRITTEN), 'utf8')).toBe(HAND_WRITTEN_TEXT.replace('on range', 'on nettoie'));
    expect(problems()).toEqual([]);
    await page.close();
  });
});
