/**
 * The evaluation set of the search (tests/fixtures/search-queries.yaml), checked against
 * the content: it must cover every guide page and every toolkit, and name only pages and
 * glossary entries that exist. `npm run bench -- search-quality` measures the search with it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GLOSSARY_PATH } from '../../src/schemas/glossary.ts';
import { QUERY_KINDS, loadEvaluationSet } from '../../scripts/lib/search-quality.ts';
import { contentCatalogue } from '../helpers/catalogue.ts';
import { ROOT } from '../helpers/site.ts';

const queries = loadEvaluationSet();

/** Every guide page of `content/docs/` by its address, the 404 page aside. */
function guidePaths(): string[] {
  return readdirSync(join(ROOT, 'content/docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, ''))
    .filter((slug) => slug !== '404')
    .map((slug) => (slug === '' ? '/' : `/${slug}/`));
}

const glossaryIds = (parse(readFileSync(join(ROOT, 'content/glossaire.yaml'), 'utf8')) as { id: string }[]).map(
  (e) => e.id,
);
const pages = [...guidePaths(), ...contentCatalogue().toolkits.map((t) => t.url)];
const entries = glossaryIds.map((id) => `${GLOSSARY_PATH}#${id}`);

describe('the search evaluation set', () => {
  it('has at least 80 queries, each written once, of every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    const written = queries.map((q) => q.query.toLocaleLowerCase('fr'));
    expect(written.filter((q, i) => written.indexOf(q) !== i)).toEqual([]);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(QUERY_KINDS));
  });

  it('targets every guide page and every toolkit', () => {
    const targeted = new Set(queries.flatMap((q) => q.targets));
    expect(pages.filter((page) => !targeted.has(page))).toEqual([]);
  });

  it('names only pages and glossary entries that exist', () => {
    const known = new Set([...pages, ...entries]);
    const unknown = queries.flatMap((q) => q.targets.filter((t) => !known.has(t)).map((t) => `${q.query} → ${t}`));
    expect(unknown).toEqual([]);
  });
});
