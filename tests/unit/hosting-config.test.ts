import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { readGitlabCi, type GitlabJob } from '../helpers/ci-config.ts';
import { ROOT } from '../helpers/site.ts';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('.gitlab-ci.yml', () => {
  const ci = readGitlabCi();
  const job = (name: string) => ci[name] as GitlabJob;
  const needs = (name: string) => (job(name).needs ?? []).map((n) => (typeof n === 'string' ? n : n.job));

  it('validates first, then builds and tests, then publishes with pages', () => {
    expect(ci.stages).toEqual(['validate', 'test', 'deploy']);
    expect(job('validate').stage).toBe('validate');
    expect(job('test').stage).toBe('test');
    expect(job('pages').stage).toBe('deploy');
    expect(needs('test')).toEqual(['validate']);
    expect(needs('pages')).toEqual(['validate', 'test']);
    const test = job('test').script ?? [];
    expect(test.indexOf('npm run build')).toBeGreaterThan(test.indexOf('npm ci'));
    expect(test.at(-1)).toBe('KPA_REUSE_BUILD=1 npm test');
  });

  it('judges a merge request with the target branch’s validator, and a branch with its own', () => {
    const script = (job('validate').script ?? []).join('\n');
    expect(script).toContain('git worktree add --detach base "$CI_MERGE_REQUEST_DIFF_BASE_SHA"');
    expect(script).toContain('(cd base && npm ci)');
    expect(script).toContain(
      'base/node_modules/.bin/node --no-parallel-scavenge base/scripts/validate.ts --root . --no-cache',
    );
    expect(script).toContain('npm run validate -- --no-cache');
  });

  it('publishes only the default branch, with dist/ as the public/ artifact GitLab Pages serves', () => {
    const pages = job('pages');
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.artifacts?.paths).toEqual(['public']);
    const script = pages.script ?? [];
    expect(script.slice(-2)).toEqual(['rm -rf public', 'mv dist public']);
    expect(script.join('\n')).toContain('npm run build');
  });

  it('prints the booklet and the toolkit sheets after the build, with Chromium installed by the shared script', () => {
    const script = job('pages').script ?? [];
    expect(script[0]).toBe('bash .ci/install-chromium');
    const build = script.join('\n');
    expect(build.indexOf('npm run booklet')).toBeGreaterThan(build.indexOf('npm run build'));
    expect(build.indexOf('npm run booklet')).toBeLessThan(build.indexOf('mv dist public'));
  });

  it('installs Chromium with the shared script, and flags code changes of merge requests without blocking them', () => {
    expect(job('test').script?.[0]).toBe('bash .ci/install-chromium');
    expect((ci['default'] as { image: string }).image).toMatch(/^node:\d+-bookworm$/);
    expect(job('scope').allow_failure).toBe(true);
    expect(job('scope').rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
  });
});

describe('netlify.toml', () => {
  const netlify = parseToml(read('netlify.toml')) as {
    build: { command: string; publish: string; environment: Record<string, string> };
    context: Record<string, { command?: string }>;
    headers?: unknown;
  };
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  it('builds with npm run build, which validates the content first, in every deploy context', () => {
    expect(pkg.scripts['build']).toMatch(/^npm run validate && /);
    const commands = [netlify.build.command, ...Object.values(netlify.context).map((c) => c.command)];
    expect(commands).toHaveLength(3);
    for (const command of commands) expect(command).toMatch(/ npm run build$/);
  });

  it('leaves out the links to the PDFs, which Netlify cannot print without Chromium', () => {
    expect(netlify.build.environment['PDF_LINKS']).toBe('non');
    for (const command of [netlify.build.command, ...Object.values(netlify.context).map((c) => c.command)]) {
      expect(command).not.toContain('booklet');
    }
  });

  it('publishes dist/ with the Node version of .nvmrc', () => {
    expect(netlify.build.publish).toBe('dist');
    expect(netlify.build.environment['NODE_VERSION']).toBe(read('.nvmrc').trim());
  });

  it('sets no headers of its own: the security headers come from the dist/_headers each build writes', () => {
    expect(netlify.headers).toBeUndefined();
  });

  it('builds deploy previews for their own address unless SITE_URL is set', () => {
    expect(netlify.context['deploy-preview']?.command).toBe('SITE_URL="${SITE_URL:-$DEPLOY_PRIME_URL}" npm run build');
    expect(netlify.context['production']?.command).toBe('SITE_URL="${SITE_URL:-$URL}" npm run build');
  });
});

describe('.ci/run', () => {
  it('installs Chromium through the same script as the hosted CIs, then runs npm ci and npm test', () => {
    const lines = read('.ci/run')
      .split('\n')
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    expect(lines).toEqual(['bash .ci/install-chromium', 'npm ci', 'npm test']);
  });
});
