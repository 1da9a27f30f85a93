/**
 * The editor's checks (`src/cms/site-checks.ts`) against `npm run validate` (`validateContent`):
 * the same rules from the same code, file by file, on every fixture of the validator's tests
 * and on the repository's own content. The browser test (`tests/browser/cms-checks.test.ts`)
 * then proves the path through the form.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../scripts/lib/validate/engine.ts';
import { discoverContent } from '../../scripts/lib/validate/discover.ts';
import { kindOfPath } from '../../scripts/lib/validate/routes.ts';
import { siteMapOf } from '../../scripts/lib/validate/site-map.ts';
import type { Issue } from '../../scripts/lib/validate/issues.ts';
import { SiteChecks } from '../../src/cms/site-checks.ts';
import { FIXTURES, VALID, removeTrees, treeFrom } from '../helpers/validate-fixtures.ts';
import { BUDGETED, CI_ONLY, filesUnder, typable } from '../helpers/editor-parity.ts';
import { ROOT } from '../helpers/site.ts';

afterAll(removeTrees);

const rules = (issues: readonly Issue[]) => issues.map((i) => i.rule).sort();

/** The valid tree with the case `set/name` laid over it. */
function treeOf(name: string): string {
  const [set, fixture] = name.split('/') as ['invalid' | 'attacks', string];
  return treeFrom(set, fixture);
}

describe('the editor’s checks give the rules of npm run validate', () => {
  const cases = (['invalid', 'attacks'] as const).flatMap((set) =>
    readdirSync(join(FIXTURES, set))
      .sort()
      .map((name) => `${set}/${name}`),
  );

  it.each(cases.filter((c) => !BUDGETED.has(c)))('on each content file of « %s », typed as the entry', async (name) => {
    const tree = treeOf(name);
    const cli = await validateContent({ root: tree, jobs: 1, cacheDir: undefined });
    const checks = new SiteChecks(JSON.parse(JSON.stringify(siteMapOf(tree, cli.files, ROOT))));
    const files = filesUnder(join(FIXTURES, name)).filter((f) => f.startsWith('content/'));
    for (const file of files) {
      const bytes = readFileSync(join(tree, file));
      if (!typable(file, bytes)) continue;
      // What the CLI says of this file, and of others because of it (gone when it is removed).
      let caused: Issue[] = [];
      const elsewhere = cli.issues.filter((i) => i.file !== file);
      if (elsewhere.length > 0) {
        rmSync(join(tree, file));
        const without = (await validateContent({ root: tree, jobs: 1, cacheDir: undefined })).issues;
        writeFileSync(join(tree, file), bytes);
        // As the editor tells them apart: by file, rule and place (a message may list the others).
        const known = new Set(without.map((i) => `${i.file} ${i.rule} ${String(i.line)}:${String(i.column)}`));
        caused = elsewhere.filter((i) => !known.has(`${i.file} ${i.rule} ${String(i.line)}:${String(i.column)}`));
      }
      const expected = [...rules(cli.issues.filter((i) => i.file === file)), ...rules(caused)];
      for (const rule of CI_ONLY[name]?.rules ?? []) expected.splice(expected.indexOf(rule), 1);
      const found = await checks.check({ path: file, text: bytes.toString('utf8') });
      expect([...rules(found.own), ...rules(found.others)].sort(), file).toEqual(expected.sort());
    }
  });

  it('leaves to CI only what the build’s compiler alone sees, and each such case still fails there', async () => {
    for (const [name, { rules: only }] of Object.entries(CI_ONLY)) {
      const { issues } = await validateContent({ root: treeOf(name), jobs: 1, cacheDir: undefined });
      for (const rule of only) expect(rules(issues), name).toContain(rule);
    }
  });

  it('finds nothing in the files already in the repository, as npm run validate finds nothing', async () => {
    const cli = await validateContent({ root: ROOT, jobs: 1, cacheDir: undefined, media: false });
    expect(cli.issues).toEqual([]);
    const checks = new SiteChecks(JSON.parse(JSON.stringify(siteMapOf(ROOT, cli.files, ROOT))));
    const problems: string[] = [];
    for (const { path } of cli.files) {
      const found = await checks.check({ path, text: readFileSync(join(ROOT, path), 'utf8') });
      problems.push(...[...found.own, ...found.others].map((i) => `${i.file}:${String(i.line)} ${i.rule}`));
    }
    expect(problems).toEqual([]);
  });

  it('knows each file’s collection by its path, as the collections’ globs do', () => {
    for (const root of [ROOT, VALID, ...cases.map(treeOf)]) {
      for (const { path, kind } of discoverContent(root).files) {
        if (!path.split('/').some((s) => s.startsWith('.'))) expect(kindOfPath(path), path).toBe(kind);
      }
    }
  });
});

describe('the editor’s checks across files', () => {
  it('report a heading renamed under a link from another page, on that page', async () => {
    const cli = await validateContent({ root: VALID, jobs: 1, cacheDir: undefined });
    const checks = new SiteChecks(JSON.parse(JSON.stringify(siteMapOf(VALID, cli.files, ROOT))));
    const path = 'content/toolkits/soupe.mdx';
    const text = readFileSync(join(VALID, path), 'utf8').replace('## Déroulé', '## Les étapes');
    const found = await checks.check({ path, text });
    expect(found.own).toEqual([]);
    expect(found.others.map((i) => [i.file, i.line, i.rule])).toEqual([
      ['content/toolkits/soupe-du-marche.mdx', 23, 'link-anchor'],
    ]);
  });

  it('report a second toolkit with a title already taken on the new one, and know the images uploaded since the build', async () => {
    const cli = await validateContent({ root: VALID, jobs: 1, cacheDir: undefined });
    const checks = new SiteChecks(JSON.parse(JSON.stringify(siteMapOf(VALID, cli.files, ROOT))));
    const copy = readFileSync(join(VALID, 'content/toolkits/soupe.mdx'), 'utf8').replace(
      'src: /media/soupe.svg',
      'src: /media/nouvelle.png',
    );
    const before = await checks.check({ path: 'content/toolkits/soupe-1.mdx', text: copy });
    expect(before.own.map((i) => [i.rule, i.field]).sort()).toEqual([
      ['duplicate-title', ['title']],
      ['image-missing', ['image', 'src']],
    ]);
    expect(before.others).toEqual([]);
    const after = await checks.check({
      path: 'content/toolkits/soupe-1.mdx',
      text: copy,
      newPublicFiles: ['/media/nouvelle.png'],
    });
    expect(after.own.map((i) => i.rule)).toEqual(['duplicate-title']);
  });

  it('without a site map, still run the checks of the file on its own', async () => {
    const checks = new SiteChecks(undefined);
    const found = await checks.check({
      path: 'content/docs/decouvrir/essai.mdx',
      text: '---\ntitle: Essai\ndescription: Une page pour voir ce que dit la vérification sans plan du site.\n---\n\n<Foo />\n\n[lien](/nulle-part/)\n',
    });
    expect(found.own.map((i) => [i.line, i.rule])).toEqual([[6, 'mdx-component']]);
    expect(found.bodyStart).toBe(6);
  });
});
