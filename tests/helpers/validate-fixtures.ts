/** Content trees for the validation tests: the valid fixture, alone or with one invalid case laid over it. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
export const VALID = join(FIXTURES, 'valid');

const trees: string[] = [];

/** A temporary copy of the valid tree, with the files of `<set>/<name>/` laid over it. */
export function treeFrom(set: 'invalid' | 'attacks', ...cases: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpa-validate-'));
  trees.push(dir);
  cpSync(VALID, dir, { recursive: true });
  for (const name of cases) cpSync(join(FIXTURES, set, name), dir, { recursive: true });
  return dir;
}

/** The valid tree with invalid cases (`invalid/<name>/`) laid over it. */
export function treeWith(...cases: string[]): string {
  return treeFrom('invalid', ...cases);
}

/** Deletes the trees made by `treeWith`. */
export function removeTrees(): void {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
}
