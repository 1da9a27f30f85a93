/**
 * `per-file.ts` as `npm run validate` runs it: with the build view (`build-view.ts`), the
 * build's own compiler, and the repository address of the deployment (`src/config/site.ts`).
 */
import { REPO_URL } from '../../../src/config/site.ts';
import { checkBuildView } from './build-view.ts';
import { summarizeFile as summarizeWith, type FileSummary } from './per-file.ts';
import type { Kind } from './routes.ts';

export { type FileSummary, type ToolkitFacts } from './per-file.ts';

/**
 * Reads one file of `kind` from its bytes; `name` is its path relative to the validated root.
 * Never throws: a failure is an issue on the file.
 */
export function summarizeFile(kind: Kind, name: string, bytes: Uint8Array): Promise<FileSummary> {
  return summarizeWith(kind, name, bytes, { repoUrl: REPO_URL, buildView: checkBuildView });
}
