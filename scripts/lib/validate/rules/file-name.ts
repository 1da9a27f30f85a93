/**
 * Rule: a toolkit's file name is its address (`/boites-a-outils/<nom>/`), so it is an
 * identifier in lower case, without accents or spaces, words joined by hyphens.
 */
import { SLUG_PATTERN } from '../../../../src/schemas/toolkit.ts';
import { START, localIssue, type Issue } from '../issues.ts';
import { toolkitFileName } from '../discover.ts';

export function checkToolkitFileName(path: string): Issue[] {
  const name = toolkitFileName(path);
  if (SLUG_PATTERN.test(name)) return [];
  return [
    {
      file: path,
      ...localIssue(
        'file-name',
        START,
        `nom de fichier « ${name}.mdx » : il devient l’adresse de la fiche, écrivez-le en minuscules sans accents ni espaces, mots séparés par des tirets (ex. « disco-soupe.mdx »)`,
      ),
    },
  ];
}

/** A diagram is named by its file name in `<Diagram name="…" />` and in `public/media/diagrammes/`. */
export function checkDiagramFileName(path: string): Issue[] {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
  if (SLUG_PATTERN.test(name)) return [];
  return [
    {
      file: path,
      ...localIssue(
        'file-name',
        START,
        `nom de fichier « ${name}.yaml » : c’est le nom du dessin dans <Diagram name="…" />, écrivez-le en minuscules sans accents ni espaces, mots séparés par des tirets (ex. « kanban-mural.yaml »)`,
      ),
    },
  ];
}
