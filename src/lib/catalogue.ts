/**
 * The toolkit catalogue, built from validated toolkit data. Pure functions with no Astro
 * import: the site (catalogue page, `/boites-a-outils/index.json`, the feed) and
 * `scripts/index-toolkits.ts` share this one code path.
 */
import {
  CATEGORIES,
  DURATION_RANGES,
  DIFFICULTIES,
  categoryLabel,
  difficultyLabel,
  durationRange,
  formatDuration,
  type CategoryId,
  type ToolkitData,
} from '../schemas/toolkit.ts';

export const TOOLKITS_PATH = '/boites-a-outils/';
export const INDEX_FORMAT_VERSION = 1;

export function categoryPath(id: string): string {
  return `${TOOLKITS_PATH}categorie/${id}/`;
}

export function toolkitPath(slug: string): string {
  return `${TOOLKITS_PATH}${slug}/`;
}

export interface ToolkitSource {
  /** File name without extension, e.g. `disco-soupe`. */
  slug: string;
  /** Path of the file, for error messages. */
  file: string;
  data: ToolkitData;
}

/** Budget buckets (materials only) used by filters. */
export const BUDGET_RANGES = [
  { id: 'gratuit', label: 'Gratuit', max: 0 },
  { id: 'moins-de-50', label: 'Moins de 50 €', max: 50 },
  { id: 'moins-de-200', label: 'De 50 à 200 €', max: 200 },
  { id: 'plus-de-200', label: 'Plus de 200 €', max: Number.POSITIVE_INFINITY },
] as const;

/** Group size buckets, matched against a toolkit's `[min, max]` range. */
export const GROUP_RANGES = [
  { id: 'petit-groupe', label: 'Jusqu’à 5 personnes', min: 1, max: 5 },
  { id: 'groupe-moyen', label: 'De 6 à 12 personnes', min: 6, max: 12 },
  { id: 'grand-groupe', label: 'Plus de 12 personnes', min: 13, max: Number.POSITIVE_INFINITY },
] as const;

export function budgetRange(maxEuros: number): (typeof BUDGET_RANGES)[number] {
  // The last range has no upper bound, so `find` always succeeds.
  return BUDGET_RANGES.find((r) => maxEuros <= r.max) ?? BUDGET_RANGES[3];
}

/** Every group bucket that overlaps the toolkit's range. */
export function groupRanges(size: { min: number; max: number }): (typeof GROUP_RANGES)[number][] {
  return GROUP_RANGES.filter((r) => size.min <= r.max && size.max >= r.min);
}

export interface CatalogueEntry {
  slug: string;
  url: string;
  title: string;
  summary: string;
  category: { id: CategoryId; label: string };
  tags: string[];
  difficulty: { level: number; label: string };
  /** Minutes. */
  duration: { preparation: number; activity: number; total: number; label: string; range: string };
  groupSize: { min: number; max: number; ranges: string[] };
  budget: { min: number; max: number; range: string };
  minAge?: number;
  image?: { src: string; alt: string };
  economicMissions: string[];
  license: string;
  updated: string;
  variantOf?: string;
  variants: string[];
  related: string[];
  /** Chain of `variantOf` from this toolkit up to its original, this one excluded. */
  lineage: string[];
}

export interface Facet {
  id: string;
  label: string;
  count: number;
}

export interface Catalogue {
  version: number;
  generated: string;
  count: number;
  toolkits: CatalogueEntry[];
  facets: {
    category: Facet[];
    difficulty: Facet[];
    duration: Facet[];
    budget: Facet[];
    groupSize: Facet[];
  };
}

/** What `checkReferences` needs of a toolkit: its name, file and the fields that cite others. */
export interface ReferenceSource {
  slug: string;
  file: string;
  data: Pick<ToolkitData, 'title' | 'variantOf' | 'related'>;
}

/** A broken reference between toolkits, reported with its file and field. */
export interface ReferenceIssue {
  file: string;
  slug: string;
  field: 'variantOf' | 'related' | 'title';
  /** For `related`: the position of the faulty slug in the list. */
  index?: number;
  rule: 'unknown-toolkit' | 'variant-cycle' | 'self-reference' | 'duplicate-title';
  message: string;
}

/** Checks `variantOf` and `related` against the known slugs, and `variantOf` cycles. */
export function checkReferences(sources: readonly ReferenceSource[]): ReferenceIssue[] {
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const issues: ReferenceIssue[] = [];
  const titles = new Map<string, string>();
  for (const { slug, file, data } of sources) {
    // French lower-cases like the default locale; the locale-aware call is 20 times slower.
    const title = data.title.toLowerCase().trim();
    const first = titles.get(title);
    if (first) {
      issues.push({
        file,
        slug,
        field: 'title',
        rule: 'duplicate-title',
        message: `« ${data.title} » est déjà le titre de la boîte à outils « ${first} »`,
      });
    } else titles.set(title, slug);
    if (data.variantOf !== undefined) {
      if (data.variantOf === slug) {
        issues.push({
          file,
          slug,
          field: 'variantOf',
          rule: 'self-reference',
          message: 'une boîte à outils ne peut pas être sa propre variante',
        });
      } else if (!bySlug.has(data.variantOf)) {
        issues.push({
          file,
          slug,
          field: 'variantOf',
          rule: 'unknown-toolkit',
          message: `« ${data.variantOf} » ne correspond à aucune boîte à outils`,
        });
      }
    }
    for (const [index, other] of data.related.entries()) {
      if (other === slug) {
        issues.push({
          file,
          slug,
          field: 'related',
          index,
          rule: 'self-reference',
          message: 'une boîte à outils ne peut pas se citer elle-même',
        });
      } else if (!bySlug.has(other)) {
        issues.push({
          file,
          slug,
          field: 'related',
          index,
          rule: 'unknown-toolkit',
          message: `« ${other} » ne correspond à aucune boîte à outils`,
        });
      }
    }
  }
  // A variantOf cycle: follow each chain; report once per cycle, on its smallest slug.
  const reported = new Set<string>();
  for (const { slug } of sources) {
    const seen: string[] = [];
    let current: string | undefined = slug;
    while (current !== undefined && bySlug.has(current) && !seen.includes(current)) {
      seen.push(current);
      current = bySlug.get(current)?.data.variantOf;
    }
    if (current === undefined || !seen.includes(current)) continue;
    const cycle = seen.slice(seen.indexOf(current));
    const key = [...cycle].sort()[0];
    const source = bySlug.get(slug);
    if (!source || cycle.length < 2 || cycle[0] !== slug || key !== slug || reported.has(key)) continue;
    reported.add(key);
    issues.push({
      file: source.file,
      slug,
      field: 'variantOf',
      rule: 'variant-cycle',
      message: `cycle de variantes : ${[...cycle, slug].join(' → ')}`,
    });
  }
  return issues;
}

/** Follows `variantOf` upwards, stopping at a missing toolkit or a cycle. */
function lineageOf(slug: string, bySlug: Map<string, ToolkitSource>): string[] {
  const chain: string[] = [];
  let current = bySlug.get(slug)?.data.variantOf;
  while (current !== undefined && current !== slug && bySlug.has(current) && !chain.includes(current)) {
    chain.push(current);
    current = bySlug.get(current)?.data.variantOf;
  }
  return chain;
}

export function toEntry(source: ToolkitSource, bySlug: Map<string, ToolkitSource>, variants: string[]): CatalogueEntry {
  const { slug, data } = source;
  const total = data.duration.preparation + data.duration.activity;
  const entry: CatalogueEntry = {
    slug,
    url: toolkitPath(slug),
    title: data.title,
    summary: data.summary,
    category: { id: data.category, label: categoryLabel(data.category) },
    tags: data.tags,
    difficulty: { level: data.difficulty, label: difficultyLabel(data.difficulty) },
    duration: {
      preparation: data.duration.preparation,
      activity: data.duration.activity,
      total,
      label: formatDuration(data.duration.activity),
      range: durationRange(data.duration.activity).id,
    },
    groupSize: {
      min: data.groupSize.min,
      max: data.groupSize.max,
      ranges: groupRanges(data.groupSize).map((r) => r.id),
    },
    budget: { min: data.budget.min, max: data.budget.max, range: budgetRange(data.budget.max).id },
    economicMissions: data.economicMissions,
    license: data.license,
    updated: data.updated.toISOString().slice(0, 10),
    variants,
    related: data.related.filter((r) => bySlug.has(r)),
    lineage: lineageOf(slug, bySlug),
  };
  if (data.minAge !== undefined) entry.minAge = data.minAge;
  if (data.image) entry.image = data.image;
  if (data.variantOf !== undefined && bySlug.has(data.variantOf)) entry.variantOf = data.variantOf;
  return entry;
}

function countFacet(defs: readonly { id: string; label: string }[], values: string[]): Facet[] {
  return defs.map((d) => ({ id: d.id, label: d.label, count: values.filter((v) => v === d.id).length }));
}

/** Builds the catalogue: published toolkits sorted by category order then title, with facets. */
export function buildCatalogue(sources: readonly ToolkitSource[], generated = new Date()): Catalogue {
  const published = sources.filter((s) => !s.data.draft);
  const bySlug = new Map(published.map((s) => [s.slug, s]));
  const variants = new Map<string, string[]>();
  for (const s of published) {
    if (s.data.variantOf === undefined) continue;
    variants.set(s.data.variantOf, [...(variants.get(s.data.variantOf) ?? []), s.slug]);
  }
  const order = new Map(CATEGORIES.map((c, i) => [c.id as string, i]));
  const toolkits = published
    .map((s) => toEntry(s, bySlug, (variants.get(s.slug) ?? []).sort()))
    .sort(
      (a, b) =>
        (order.get(a.category.id) ?? 0) - (order.get(b.category.id) ?? 0) || a.title.localeCompare(b.title, 'fr'),
    );
  return {
    version: INDEX_FORMAT_VERSION,
    generated: generated.toISOString(),
    count: toolkits.length,
    toolkits,
    facets: {
      category: countFacet(
        CATEGORIES,
        toolkits.map((t) => t.category.id),
      ),
      difficulty: DIFFICULTIES.map((d) => ({
        id: String(d.level),
        label: d.label,
        count: toolkits.filter((t) => t.difficulty.level === d.level).length,
      })),
      duration: countFacet(
        DURATION_RANGES,
        toolkits.map((t) => t.duration.range),
      ),
      budget: countFacet(
        BUDGET_RANGES,
        toolkits.map((t) => t.budget.range),
      ),
      groupSize: GROUP_RANGES.map((r) => ({
        id: r.id,
        label: r.label,
        count: toolkits.filter((t) => t.groupSize.ranges.includes(r.id)).length,
      })),
    },
  };
}
