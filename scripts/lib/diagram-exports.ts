/** What `npm run diagrams` writes: every diagram of `content/diagrams/` as a file of its own. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { diagramSchema } from '../../src/schemas/diagram.ts';
import { EXPORT_DIR, standaloneSvg } from '../../src/lib/diagrams/standalone.ts';
import { DIAGRAMS_GLOB } from '../../src/config/collections.ts';

/** The folder and, by file name, the text each file should have. Throws on an invalid diagram. */
export function diagramExports(root: string): { dir: string; files: Map<string, string> } {
  const source = join(root, DIAGRAMS_GLOB.base);
  const stylesheet = readFileSync(join(root, 'src/styles/diagrams.css'), 'utf8');
  const files = new Map<string, string>();
  for (const file of readdirSync(source)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const name = file.slice(0, -'.yaml'.length);
    const result = diagramSchema.safeParse(load(readFileSync(join(source, file), 'utf8')));
    if (!result.success) {
      throw new Error(`${DIAGRAMS_GLOB.base}/${file} est invalide : lancez « npm run validate » pour le détail`);
    }
    files.set(`${name}.svg`, standaloneSvg(result.data, name, stylesheet));
  }
  return { dir: join(root, 'public', EXPORT_DIR), files };
}
