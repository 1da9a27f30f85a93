/**
 * Rule: a page shows only diagrams that exist. `<Diagram name="…" />` names a file of
 * `content/diagrams/` (without `.yaml`); the page cannot bring SVG or code of its own. A
 * diagram whose file is invalid is reported on that file, not again on the pages showing it.
 */
import { localIssue, type Issue } from '../issues.ts';
import { DIAGRAMS_DIR, entryId } from '../discover.ts';
import type { SummarizedFile } from '../site.ts';
import { suggestion } from './schema.ts';

export function checkDiagramReferences(files: readonly SummarizedFile[]): Issue[] {
  const known = files.filter((f) => f.kind === 'diagram').map((f) => entryId(f.path, DIAGRAMS_DIR));
  const issues: Issue[] = [];
  for (const file of files) {
    for (const ref of file.summary.diagrams ?? []) {
      if (known.includes(ref.name)) continue;
      const list = known.length > 0 ? known.join(', ') : 'aucun pour le moment';
      issues.push({
        file: file.path,
        ...localIssue(
          'unknown-diagram',
          ref,
          `dessin « ${ref.name} » introuvable${suggestion(ref.name, known)} : « name » nomme un fichier de ${DIAGRAMS_DIR} sans « .yaml » (dessins : ${list})`,
        ),
      });
    }
  }
  return issues;
}
