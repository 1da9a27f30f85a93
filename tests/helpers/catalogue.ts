/**
 * The toolkit catalogue computed straight from `content/toolkits/`, through the schema and
 * `buildCatalogue`, as the site does: what tests expect the built site to show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';
import { buildCatalogue, type Catalogue } from '../../src/lib/catalogue.ts';
import { ROOT } from './site.ts';

export function contentCatalogue(dir = join(ROOT, 'content/toolkits')): Catalogue {
  const sources = readdirSync(dir)
    .filter((name) => /^[^_].*\.mdx$/.test(name))
    .map((name) => {
      const file = join(dir, name);
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      return { slug: name.replace(/\.mdx$/, ''), file, data: toolkitSchema.parse(parse(frontmatter)) };
    });
  return buildCatalogue(sources);
}
