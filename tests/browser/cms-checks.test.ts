/**
 * The editor runs the rules of `npm run validate` before it saves, and says what is wrong at
 * the top of the form and under each field. In Chromium, against decap-server on a copy of
 * the repository; `npm run validate` gives its verdict on a second copy, where the file the
 * editor would have written is put for that purpose only.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import type { Issue } from '../../scripts/lib/validate/issues.ts';
import { frontmatterToFile } from '../../src/cms/formats.ts';
import { FIELD_CONTAINER } from '../../src/cms/locale-fr.ts';
import { guideFields } from '../../src/cms/collections.ts';
import { guidePageSchemaOutsideAstro } from '../../src/schemas/guide-page.ts';
import { copyRepository, type RepoCopy } from '../helpers/repo-copy.ts';
import {
  RAW_EDITOR,
  bodyMode,
  field,
  fillToolkit,
  openAdmin,
  publish,
  publishAndWait,
  replaceText,
  startCmsStand,
  type CmsStand,
} from '../helpers/cms.ts';
import { guidePageCases } from '../helpers/editor-parity.ts';

let stand: CmsStand;
/** Where `npm run validate` judges the files the editor would write. */
let judge: RepoCopy;

beforeAll(async () => {
  stand = await startCmsStand();
  judge = copyRepository();
}, 240_000);

afterAll(async () => {
  await stand.close();
  judge.remove();
});

const SECTION = 'decouvrir';
const GUIDE_FIELDS = guideFields(guidePageSchemaOutsideAstro());

/** What `npm run validate` says of `text` written at `path` in the repository (the file is removed afterwards). */
async function validate(path: string, text: string): Promise<Issue[]> {
  const file = join(judge.root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  try {
    const { issues } = await validateContent({ root: judge.root, paths: [path], cacheDir: undefined, media: false });
    return issues;
  } finally {
    rmSync(file);
  }
}

const ruleIds = (issues: readonly { rule: string }[]) => issues.map((i) => i.rule).sort();

/** The problems at the top of the form: their rules, what they say, and the file they are about. */
async function banner(page: Page): Promise<{ rules: string[]; text: string; file: string; title: string }> {
  const top = page.locator('#kpa-checks');
  await top.waitFor();
  const rules = await top
    .locator('li[data-rule]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-rule') ?? ''));
  return {
    rules: rules.sort(),
    text: (await top.innerText()).replace(/\s+/g, ' '),
    file: (await top.locator('[data-file]').textContent()) ?? '',
    title: (await top.locator('h2').textContent()) ?? '',
  };
}

/** The note under the field named `name`: what it says. */
async function noteUnder(page: Page, name: string): Promise<string> {
  const container = page.locator(`${FIELD_CONTAINER}:has(> div > label[for^="${name}-field-"])`).first();
  return ((await container.locator('.kpa-check-marker').innerText()) || '').replace(/\s+/g, ' ');
}

/** Whether the top of the banner is in the window (it is brought into view when a save is refused). */
function inView(page: Page): Promise<boolean> {
  return page.locator('#kpa-checks').evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
}

/** Types a new page of the guide: title, description, then the text in one input event. */
async function typePage(page: Page, title: string, description: string, body: string): Promise<void> {
  await field(page, 'title').fill(title);
  await field(page, 'description').fill(description);
  if (body !== '') {
    // Typed as Markdown, character for character.
    await bodyMode(page, 'raw');
    await page.locator(RAW_EDITOR).click();
    await page.keyboard.insertText(body);
  }
}

/** The file of a new page titled `title` (made of ASCII letters, digits and spaces), as Decap names it. */
function pagePath(title: string): string {
  return `content/docs/${SECTION}/${title.toLowerCase().replace(/ +/g, '-')}.mdx`;
}

const DESCRIPTION = 'Une page écrite dans l’éditeur pour vérifier ce qu’il refuse avant d’enregistrer.';

describe('the checks of npm run validate, in the editor', () => {
  it('types a page as the editor writes it: the file holds exactly the typed text', async () => {
    const { page, problems } = await openAdmin(stand, `/collections/guide-${SECTION}/new`);
    const body = 'Une première ligne.\n\n## Une partie\n\n- un point ;\n- un autre.';
    await typePage(page, 'Essai saisie', DESCRIPTION, body);
    await publishAndWait(page, stand.proxy.url);
    const path = pagePath('Essai saisie');
    const written = readFileSync(join(stand.copy.root, path), 'utf8');
    expect(written).toBe(
      frontmatterToFile({ title: 'Essai saisie', description: DESCRIPTION, body }, { fields: GUIDE_FIELDS }),
    );
    expect(ruleIds(await validate(path, written))).toEqual([]);
    expect(await page.locator('#kpa-checks').count()).toBe(0);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('refuses each example of issue 13 with its rule, at the top of the form and under the text, and writes nothing', async () => {
    interface Example {
      title: string;
      body: string;
      rules: string[];
      says: string;
      /** Problems of the page that the example causes on purpose. */
      expected?: RegExp[];
    }
    const examples: Example[] = [
      {
        title: 'Essai lien',
        body: 'Voir [cette page](/decouvrir/foo/).',
        rules: ['link-broken'],
        says: '/decouvrir/foo/',
      },
      {
        title: 'Essai image',
        body: '![](/media/x.png)',
        rules: ['image-alt', 'image-missing'],
        says: '/media/x.png',
        // Decap's preview shows the image, which does not exist.
        expected: [/^HTTP 404: .*\/media\/x\.png$/, /^console: Failed to load resource: .* 404 /],
      },
      { title: 'Essai composant', body: '<Foo />', rules: ['mdx-component'], says: '<Foo>' },
      { title: 'Essai encadre', body: '<Aside>\n\nUn encadré jamais fermé.', rules: ['mdx-syntax'], says: '</Aside>' },
      {
        title: 'Essai clic',
        body: '<span onclick="alert(1)">Cliquez</span>',
        rules: ['html-event-handler'],
        says: 'onclick',
        // Decap's preview shows the typed HTML: the page's Content-Security-Policy refuses its handler.
        expected: [
          /^console: Executing inline event handler violates the following Content Security Policy directive /,
        ],
      },
    ];
    for (const example of examples) {
      const before = stand.saves.length;
      const { page, problems } = await openAdmin(stand, `/collections/guide-${SECTION}/new`);
      await typePage(page, example.title, DESCRIPTION, example.body);
      await publish(page);
      const shown = await banner(page);
      const path = pagePath(example.title);
      expect(shown.file).toBe(path);
      expect(shown.rules, example.title).toEqual(example.rules);
      expect(shown.title).toMatch(/^Rien n’a été enregistré : \d+ points? à corriger$/);
      expect(shown.text).toContain(example.says);
      expect(await inView(page)).toBe(true);
      const note = await noteUnder(page, 'body');
      expect(note).toContain('Ligne 1');
      expect(note).toContain(example.says);
      // The same rules from npm run validate, on the file the editor would have written.
      const text = frontmatterToFile(
        { title: example.title, description: DESCRIPTION, body: example.body },
        { fields: GUIDE_FIELDS },
      );
      expect(ruleIds(await validate(path, text))).toEqual(example.rules);
      expect(stand.saves.length).toBe(before);
      expect(existsSync(join(stand.copy.root, path))).toBe(false);
      // Decap logs each refused save (our error), then rejects a promise that nothing catches.
      const unexpected = problems().filter(
        (p) =>
          !p.startsWith('console: EntryError:') &&
          p !== 'exception: Object' &&
          !(example.expected ?? []).some((pattern) => pattern.test(p)),
      );
      expect(unexpected).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it('shows a summary over 160 characters at the top of the form, and writes nothing', async () => {
    const before = readdirSync(join(stand.copy.root, 'content/toolkits')).sort();
    const { page } = await openAdmin(stand, '/collections/toolkits/new');
    await fillToolkit(page, { groupMin: '3', groupMax: '12' });
    const summary =
      'Réparer les vélos du quartier à plusieurs, apprendre les gestes de base, remettre en selle celles et ceux qui n’osaient plus, et tenir un atelier ouvert toute l’année.';
    expect(summary.length).toBeGreaterThan(160);
    await replaceText(field(page, 'summary'), summary);
    await publish(page);
    const shown = await banner(page);
    expect(shown.title).toMatch(/^Rien n’a été enregistré/);
    expect(shown.text).toContain('Résumé');
    expect(await inView(page)).toBe(true);
    expect(readdirSync(join(stand.copy.root, 'content/toolkits')).sort()).toEqual(before);
    await page.close();
  });

  it('checks the home page and the glossary before saving them, and writes nothing when they would be refused', async () => {
    const home = 'content/docs/index.mdx';
    const homeBefore = readFileSync(join(stand.copy.root, home), 'utf8');
    const before = stand.saves.length;
    const { page } = await openAdmin(stand, '/collections/accueil/entries/accueil');
    await bodyMode(page, 'raw');
    await page.locator(RAW_EDITOR).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n\nVoir [la page disparue](/nulle-part/).');
    await publish(page);
    const shown = await banner(page);
    expect(shown.rules).toEqual(['link-broken']);
    expect(shown.file).toBe(home);
    await page.close();

    const glossary = 'content/glossaire.yaml';
    const glossaryBefore = readFileSync(join(stand.copy.root, glossary), 'utf8');
    const { page: terms } = await openAdmin(stand, '/collections/glossaire/entries/glossaire');
    const term = terms.getByText('Capacitation', { exact: true });
    await term.waitFor();
    await term.locator('xpath=..').locator('button').first().click();
    const definition = terms.getByRole('textbox', { name: 'Définition' });
    await definition.waitFor();
    await definition.fill(`${await definition.inputValue()} Voir <span onclick="alert(1)">ici</span>.`);
    await publish(terms);
    const refused = await banner(terms);
    expect(refused.file).toBe(glossary);
    expect(refused.rules.length).toBeGreaterThan(0);
    await terms.close();

    expect(stand.saves.length).toBe(before);
    expect(readFileSync(join(stand.copy.root, home), 'utf8')).toBe(homeBefore);
    expect(readFileSync(join(stand.copy.root, glossary), 'utf8')).toBe(glossaryBefore);
  });

  it('refuses a second toolkit titled « Disco Soupe » on the new entry, not on the original file', async () => {
    const original = readFileSync(join(stand.copy.root, 'content/toolkits/disco-soupe.mdx'), 'utf8');
    const before = stand.saves.length;
    const { page } = await openAdmin(stand, '/collections/toolkits/new');
    await fillToolkit(page, { groupMin: '3', groupMax: '12' });
    await replaceText(field(page, 'title'), 'Disco Soupe');
    await publish(page);
    const shown = await banner(page);
    expect(shown.rules).toEqual(['duplicate-title']);
    expect(shown.file).toBe('content/toolkits/disco-soupe-1.mdx');
    expect(shown.text).toContain('Titre : « Disco Soupe » est déjà le titre de la boîte à outils « disco-soupe ».');
    expect(await noteUnder(page, 'title')).toContain('Choisissez un autre titre');
    expect(stand.saves.length).toBe(before);
    expect(readFileSync(join(stand.copy.root, 'content/toolkits/disco-soupe.mdx'), 'utf8')).toBe(original);

    // Saved under another title, the same file given back the title « Disco Soupe »: npm run
    // validate refuses it with the same rule (on the original file, which comes later in its order).
    await replaceText(field(page, 'title'), 'Disco Soupe du marché');
    await expect.poll(() => page.locator('#kpa-checks').count()).toBe(0);
    await publishAndWait(page, stand.proxy.url);
    const saved = readFileSync(join(stand.copy.root, 'content/toolkits/disco-soupe-du-marche.mdx'), 'utf8');
    const again = saved.replace('title: Disco Soupe du marché', 'title: Disco Soupe');
    expect(again).not.toBe(saved);
    writeFileSync(join(judge.root, 'content/toolkits/disco-soupe-1.mdx'), again);
    try {
      const { issues: withCopy } = await validateContent({ root: judge.root, cacheDir: undefined, media: false });
      expect(withCopy.map((i) => [i.file, i.rule])).toEqual([['content/toolkits/disco-soupe.mdx', 'duplicate-title']]);
    } finally {
      rmSync(join(judge.root, 'content/toolkits/disco-soupe-1.mdx'));
    }
    await page.close();
  }, 120_000);
});

describe('every fixture page of the validator that a contributor can type', () => {
  const { cases, left } = guidePageCases();

  it('is the list of those the form can hold, the others left with their reason', () => {
    // Printed for the record: which fixtures cannot come from the editor, and why.
    console.log(left.map((l) => `${l.name} ${l.file}: ${l.why}`).join('\n'));
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [`${c.name} (${c.file})`, c] as const))(
    '« %s » typed into a new page gets the verdict of npm run validate, and is written only if it passes',
    async (_, fixture) => {
      const title = `Essai ${fixture.name.replace('/', ' ')} ${fixture.file.replace(/^.*\//, '').replace(/\.mdx$/, '')}`;
      const path = pagePath(title);
      const text = frontmatterToFile(
        { title, description: fixture.description, body: fixture.body },
        { fields: GUIDE_FIELDS },
      );
      const expected = await validate(path, text);
      const errors = expected.filter((i) => i.severity === 'error');
      const before = stand.saves.length;
      const { page } = await openAdmin(stand, `/collections/guide-${SECTION}/new`);
      await typePage(page, title, fixture.description, fixture.body);
      if (errors.length > 0) {
        await publish(page);
        const shown = await banner(page);
        expect(shown.file).toBe(path);
        expect(shown.rules).toEqual(ruleIds(expected));
        expect(stand.saves.length).toBe(before);
        expect(existsSync(join(stand.copy.root, path))).toBe(false);
      } else {
        await publishAndWait(page, stand.proxy.url);
        expect(readFileSync(join(stand.copy.root, path), 'utf8')).toBe(text);
        if (expected.length > 0) expect((await banner(page)).rules).toEqual(ruleIds(expected));
        else expect(await page.locator('#kpa-checks').count()).toBe(0);
      }
      await page.close();
    },
    60_000,
  );
});
