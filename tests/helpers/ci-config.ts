/** Reads the CI and hosting files (GitHub workflows, `.gitlab-ci.yml`) as data for tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './site.ts';

export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  'working-directory'?: string;
  'continue-on-error'?: boolean | string;
}

export interface WorkflowJob {
  needs?: string | string[];
  if?: string;
  permissions?: unknown;
  'continue-on-error'?: boolean | string;
  steps: WorkflowStep[];
}

export interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, WorkflowJob>;
}

export const WORKFLOWS = join(ROOT, '.github/workflows');

export function readWorkflow(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(WORKFLOWS, file), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}

export function needsOf(job: WorkflowJob): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** The jobs that `name` waits for, directly or through other jobs. */
export function allNeeds(jobs: Record<string, WorkflowJob>, name: string, seen = new Set<string>()): Set<string> {
  const job = jobs[name];
  if (!job) return seen;
  for (const need of needsOf(job)) {
    if (seen.has(need)) continue;
    seen.add(need);
    allNeeds(jobs, need, seen);
  }
  return seen;
}

export interface GitlabJob {
  stage?: string;
  needs?: (string | { job: string })[];
  rules?: { if?: string; when?: string }[];
  script?: string[];
  allow_failure?: boolean;
  artifacts?: { paths?: string[] };
}

export function readGitlabCi(): Record<string, unknown> & { stages: string[] } {
  return parse(readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & { stages: string[] };
}
