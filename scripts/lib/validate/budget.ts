/**
 * How long checking one file may take, and what is said of a file that takes longer. A page
 * of the guide takes a few milliseconds; some inputs (lists nested hundreds deep, thousands of
 * images on a line) make a parser work for minutes. `pool.ts` kills a child process that goes
 * over the budget, the online editor its checking worker (`src/cms/entry-checks.ts`).
 */
import { START, localIssue, type LocalIssue } from './issues.ts';

/** Longest a file may take. */
export const FILE_BUDGET_MS = 2000;

export function tooComplexIssue(): LocalIssue {
  return localIssue(
    'file-too-complex',
    START,
    `fichier trop complexe : sa vérification dépasse ${String(FILE_BUDGET_MS / 1000)} s (imbrications très profondes, milliers de liens ou d’images sur une ligne ?) ; simplifiez-le ou découpez-le`,
  );
}
