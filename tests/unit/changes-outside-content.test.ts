import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

const SCRIPT = join(ROOT, '.ci/changes-outside-content');
let repo = '';

function git(...args: string[]): void {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync('bash', [SCRIPT, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined, ...env },
  });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'kpa-scope-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  write({ 'content/docs/a.mdx': 'a\n', 'public/favicon.svg': '<svg/>\n', 'scripts/x.ts': 'x\n' });
  git('add', '.');
  git('commit', '-qm', 'base');
  git('tag', 'base');
  // A content-only proposal.
  write({ 'content/docs/a.mdx': 'b\n', 'public/media/photo.jpg': 'jpg\n' });
  git('commit', '-qam', 'content');
  git('add', '.');
  git('commit', '-qm', 'media');
  git('tag', 'content-only');
  // Then code, a file moved out of content/ and a name GitHub commands must escape.
  write({ 'scripts/x.ts': 'y\n', 'public/favicon.svg': '<svg></svg>\n', 'notes,v1:todo.md': 'n\n' });
  mkdirSync(join(repo, 'src'));
  git('mv', 'content/docs/a.mdx', 'src/a.mdx');
  git('add', '.');
  git('commit', '-qm', 'code');
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('.ci/changes-outside-content', () => {
  it('passes a proposal that only changes content/ and public/media/', () => {
    const result = run(['base', 'content-only']);
    expect(result.stdout).toBe('Aucun fichier modifié hors de content/ et public/media/.\n');
    expect(result.status).toBe(0);
  });

  it('lists every file changed elsewhere, a moved file at its new place, and fails', () => {
    const result = run(['base', 'HEAD']);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'notes,v1:todo.md',
      'public/favicon.svg',
      'scripts/x.ts',
      'src/a.mdx',
    ]);
    expect(result.stderr).toContain('4 fichier(s) modifié(s) hors de content/ et public/media/');
    expect(result.status).toBe(1);
  });

  it('on GitHub Actions, annotates each file and fills the job summary; --severity warning passes', () => {
    const summary = `${repo}-summary.md`;
    const result = run(['--severity', 'warning', 'base', 'HEAD'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::warning file=notes%2Cv1%3Atodo\.md,title=Relecture d’un mainteneur nécessaire::Modifié hors de content\/ et public\/media\//,
    );
    const table = readFileSync(summary, 'utf8');
    rmSync(summary);
    expect(table).toContain('### Relecture d’un mainteneur nécessaire');
    expect(table).toContain('| `scripts/x.ts` |');
  });

  it('refuses to be misused', () => {
    expect(run(['base']).status).toBe(2);
    expect(run(['--severity', 'notice', 'base', 'HEAD']).status).toBe(2);
  });
});
