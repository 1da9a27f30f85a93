/**
 * Toolkits as the site sees them: the `toolkits` collection, checked for references between
 * toolkits (which a per-file schema cannot see), and turned into the catalogue once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCatalogue, checkReferences, type Catalogue, type ToolkitSource } from './catalogue.ts';

export type ToolkitEntry = CollectionEntry<'toolkits'>;

let cached: Promise<{ entries: ToolkitEntry[]; catalogue: Catalogue }> | undefined;

function toSource(entry: ToolkitEntry): ToolkitSource {
  return { slug: entry.id, file: entry.filePath ?? `content/toolkits/${entry.id}.mdx`, data: entry.data };
}

async function load() {
  const all = await getCollection('toolkits');
  const problems = checkReferences(all.map(toSource));
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.file} — champ « ${p.field} » : ${p.message}`);
    throw new Error(`Boîtes à outils invalides :\n${lines.join('\n')}`);
  }
  const entries = all.filter((e) => !e.data.draft);
  return { entries, catalogue: buildCatalogue(entries.map(toSource)) };
}

/** Published toolkits and the catalogue built from them. */
export function getToolkits(): Promise<{ entries: ToolkitEntry[]; catalogue: Catalogue }> {
  cached ??= load();
  return cached;
}
