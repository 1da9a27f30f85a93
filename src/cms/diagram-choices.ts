/**
 * The diagrams of `content/diagrams/`, as the choices of the editor's « Schéma » component:
 * their file name (what `<Diagram name>` takes) and their title. Read when the editor's
 * bundle is built (Vite's `import.meta.glob`), so a new diagram appears in the menu with the
 * next build, as it appears on the site.
 */
import { parse } from 'yaml';

const SOURCES = import.meta.glob<string>('../../content/diagrams/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface DiagramChoice {
  /** File name without `.yaml`. */
  value: string;
  /** The diagram's title, then its file name in parentheses. */
  label: string;
}

export const DIAGRAM_CHOICES: readonly DiagramChoice[] = Object.entries(SOURCES)
  .map(([path, source]) => {
    const value = path.slice(path.lastIndexOf('/') + 1, -'.yaml'.length);
    const data: unknown = parse(source);
    const title = typeof data === 'object' && data !== null ? (data as { title?: unknown }).title : undefined;
    return { value, label: typeof title === 'string' ? `${title} (${value})` : value };
  })
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
