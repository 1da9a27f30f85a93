/**
 * The search evaluation set (`tests/fixtures/search-queries.yaml`) and its measures:
 * success@1, success@3 and the mean reciprocal rank of the first acceptable result among the
 * first ten. Shared by `npm run bench -- search-quality` and the tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'astro/zod';

export const QUERIES_FILE = fileURLToPath(new URL('../../tests/fixtures/search-queries.yaml', import.meta.url));

export const QUERY_KINDS = [
  'keywords',
  'question',
  'typo',
  'no-accents',
  'acronym',
  'synonym',
  'toolkit-name',
] as const;

const evaluationQuerySchema = z.strictObject({
  query: z.string().trim().min(1),
  kind: z.enum(QUERY_KINDS),
  /** Site addresses from the root: `/creer/creer-un-kpa/`, `/ressources/glossaire/#cae`. */
  targets: z.array(z.string().regex(/^\/(?:[a-z0-9-]+\/)*(?:#[a-z0-9-]+)?$/)).min(1),
});

export type EvaluationQuery = z.output<typeof evaluationQuerySchema>;

export function loadEvaluationSet(file = QUERIES_FILE): EvaluationQuery[] {
  return z.array(evaluationQuerySchema).parse(parse(readFileSync(file, 'utf8')));
}

/** Results looked at for the reciprocal rank: what a reader scrolls through. */
export const RANK_DEPTH = 10;

export interface QueryOutcome {
  query: EvaluationQuery;
  /** 1-based rank of the first acceptable result within `RANK_DEPTH`, or `undefined`. */
  rank: number | undefined;
  /** The first three results, for the report of misses. */
  top: string[];
}

export interface Measures {
  successAt1: number;
  successAt3: number;
  mrr: number;
}

/** The measures of a list of outcomes (of the whole set, or of one kind of query). */
export function measure(outcomes: readonly QueryOutcome[]): Measures {
  const share = (ok: (o: QueryOutcome) => boolean) => outcomes.filter(ok).length / outcomes.length;
  return {
    successAt1: share((o) => o.rank === 1),
    successAt3: share((o) => o.rank !== undefined && o.rank <= 3),
    mrr: outcomes.reduce((sum, o) => sum + (o.rank === undefined ? 0 : 1 / o.rank), 0) / outcomes.length,
  };
}

/** Runs every query through `search` (result addresses, best first) and finds the ranks. */
export async function evaluate(
  queries: readonly EvaluationQuery[],
  search: (query: string) => Promise<string[]>,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const urls = await search(query.query);
    const index = urls.slice(0, RANK_DEPTH).findIndex((url) => query.targets.includes(url));
    outcomes.push({ query, rank: index === -1 ? undefined : index + 1, top: urls.slice(0, 3) });
  }
  return outcomes;
}
