/**
 * Which toolkits go into the booklet. All of them while they fit in a booklet one can print
 * and carry (`BOOKLET_MAX_TOOLKITS`); past that, a selection: each category in turn gives its
 * most recently updated toolkit not yet taken, until the limit is reached. Every category is
 * represented, the freshest sheets come first, and the choice is the same for the same
 * content. Every toolkit keeps its own PDF sheet on the site.
 */

/** What the selection reads of a toolkit in the built index (`boites-a-outils/index.json`). */
export interface IndexedToolkit {
  slug: string;
  title: string;
  category: { id: string; label: string };
  /** `YYYY-MM-DD`. */
  updated: string;
}

export interface Selection<T> {
  selected: T[];
  /** A French sentence saying what was left out, printed in the booklet; none when all fit. */
  note?: string;
}

export function selectToolkits<T extends IndexedToolkit>(toolkits: readonly T[], max: number): Selection<T> {
  if (toolkits.length <= max) return { selected: [...toolkits] };
  const byCategory = new Map<string, T[]>();
  for (const toolkit of toolkits) {
    const list = byCategory.get(toolkit.category.id) ?? [];
    list.push(toolkit);
    byCategory.set(toolkit.category.id, list);
  }
  const queues = [...byCategory.keys()]
    .sort()
    .map((id) =>
      (byCategory.get(id) ?? []).sort(
        (a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title, 'fr'),
      ),
    );
  const selected: T[] = [];
  for (let round = 0; selected.length < max; round++) {
    for (const queue of queues) {
      const next = queue[round];
      if (next && selected.length < max) selected.push(next);
    }
  }
  const count = new Intl.NumberFormat('fr-FR').format(toolkits.length);
  return {
    selected,
    note:
      `Ce livret reprend ${String(max)} des ${count} boîtes à outils du guide : dans chaque catégorie, ` +
      'les plus récemment mises à jour. Toutes sont sur le site, chacune avec sa fiche PDF à imprimer.',
  };
}
