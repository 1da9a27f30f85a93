import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/scripts.ts';
import { removeTrees, treeWith } from '../helpers/validate-fixtures.ts';

afterAll(removeTrees);

const validate = (cwd: string, ...args: string[]) => runScript('validate.ts', ['--no-cache', ...args], { cwd });

describe('the npm run validate command', () => {
  it('prints one line per issue, then a count, and exits with 1 on an error', () => {
    const run = validate(treeWith('link-broken', 'file-bom'));
    expect(run.stdout).toBe(
      [
        'content/docs/bom.mdx:1:1  avertissement  file-bom  le fichier commence par un BOM : enregistrez-le en « UTF-8 sans BOM »',
        'content/docs/liens.mdx:6:6  erreur  link-broken  ce lien mène à une page qui n’existe pas : « /nulle-part/ » ; corrigez l’adresse',
        'content/docs/liens.mdx:6:36  erreur  link-broken  ce lien mène à une page qui n’existe pas : « /boites-a-outils/soupe-froide/ » ; corrigez l’adresse',
        '✖ 2 erreurs et 1 avertissement dans 2 fichiers (13 fichiers vérifiés).',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
  });

  it('says all is well and exits with 0 on a valid tree', () => {
    const run = validate(treeWith());
    expect(run.stdout).toBe('✔ 11 fichiers vérifiés : aucun problème.\n');
    expect(run.status).toBe(0);
  });

  it('exits with 0 when there are only warnings', () => {
    const run = validate(treeWith('file-line-endings'));
    expect(run.stdout).toMatch(/^content\/docs\/crlf\.mdx:1:4 {2}avertissement {2}file-line-endings {2}/);
    expect(run.stdout).toContain('⚠ 1 avertissement dans 1 fichier (12 fichiers vérifiés).');
    expect(run.status).toBe(0);
  });

  it('prints GitHub annotations with --format github, and by default on GitHub Actions', () => {
    const root = treeWith('link-broken', 'file-bom');
    const expected = [
      '::warning file=content/docs/bom.mdx,line=1,col=1,title=file-bom::le fichier commence par un BOM : enregistrez-le en « UTF-8 sans BOM »',
      '::error file=content/docs/liens.mdx,line=6,col=6,title=link-broken::ce lien mène à une page qui n’existe pas : « /nulle-part/ » ; corrigez l’adresse',
      '::error file=content/docs/liens.mdx,line=6,col=36,title=link-broken::ce lien mène à une page qui n’existe pas : « /boites-a-outils/soupe-froide/ » ; corrigez l’adresse',
      '✖ 2 erreurs et 1 avertissement dans 2 fichiers (13 fichiers vérifiés).',
      '',
    ].join('\n');
    const explicit = validate(root, '--format', 'github');
    expect(explicit.stdout).toBe(expected);
    expect(explicit.status).toBe(1);
    const onActions = runScript('validate.ts', ['--no-cache'], { cwd: root, env: { GITHUB_ACTIONS: 'true' } });
    expect(onActions.stdout).toBe(expected);
  });

  it('prints a JSON report with --format json', () => {
    const run = validate(treeWith('image-alt'), '--format', 'json');
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      checked: 12,
      errors: 2,
      warnings: 0,
      issues: [
        {
          file: 'content/docs/sans-alt.mdx',
          line: 6,
          column: 1,
          severity: 'error',
          rule: 'image-alt',
          message:
            'image « /media/schema.svg » sans texte alternatif : décrivez ce qu’elle montre, ![description](…) ou alt="…"',
        },
        {
          file: 'content/docs/sans-alt.mdx',
          line: 8,
          column: 1,
          severity: 'error',
          rule: 'image-alt',
          message:
            'image « /media/schema.svg » sans texte alternatif : décrivez ce qu’elle montre, ![description](…) ou alt="…"',
        },
      ],
    });
    expect(run.status).toBe(1);
  });

  it('reports only the paths it is given, relative to the current folder', () => {
    const root = treeWith('link-broken', 'mdx-component');
    const run = validate(root, 'content/docs/onglets.mdx');
    expect(run.stdout.split('\n').map((l) => l.split('  ')[0])).toEqual([
      'content/docs/onglets.mdx:6:1',
      'content/docs/onglets.mdx:7:3',
      '✖ 2 erreurs dans 1 fichier (1 fichier vérifié).',
      '',
    ]);
  });

  it('checks a media file given by its path, and only that file', () => {
    const root = treeWith('media-svg-unsafe');
    const run = validate(root, 'public/media/script.svg');
    expect(run.stdout).toBe(
      [
        'public/media/script.svg:3:3  erreur  media-svg-unsafe  élément <script> : un SVG du site ne contient pas de code, retirez-le',
        '✖ 1 erreur dans 1 fichier (1 fichier vérifié).',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
  });

  it('refuses an unknown format, a path outside content/ and public/media/, and a missing path with exit code 2', () => {
    const root = treeWith();
    const badFormat = validate(root, '--format', 'xml');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('format inconnu « xml » : text, github ou json');
    expect(validate(root, 'public').stderr).toContain('chemin hors des dossiers content/ et public/media/ : public');
    expect(validate(root, 'content/absent.mdx').stderr).toContain('chemin introuvable : content/absent.mdx');
    expect(validate(root, 'public').status).toBe(2);
  });
});
