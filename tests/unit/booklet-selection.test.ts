import { describe, expect, it } from 'vitest';
import { selectToolkits, type IndexedToolkit } from '../../scripts/lib/booklet/selection.ts';

const toolkit = (slug: string, category: string, updated: string): IndexedToolkit => ({
  slug,
  title: slug,
  category: { id: category, label: category },
  updated,
});

describe('the booklet’s toolkits', () => {
  it('takes every toolkit while they fit, without a note', () => {
    const all = [toolkit('a', 'x', '2026-01-01'), toolkit('b', 'y', '2026-02-01')];
    expect(selectToolkits(all, 2)).toEqual({ selected: all });
  });

  it('past the limit, takes each category’s most recent in turn, and says so', () => {
    const all = [
      toolkit('x-old', 'x', '2025-01-01'),
      toolkit('x-new', 'x', '2026-03-01'),
      toolkit('x-mid', 'x', '2025-06-01'),
      toolkit('y-old', 'y', '2025-02-01'),
      toolkit('z-new', 'z', '2026-01-01'),
    ];
    const { selected, note } = selectToolkits(all, 4);
    expect(selected.map((t) => t.slug)).toEqual(['x-new', 'y-old', 'z-new', 'x-mid']);
    expect(note).toBe(
      'Ce livret reprend 4 des 5 boîtes à outils du guide : dans chaque catégorie, les plus récemment mises à jour. ' +
        'Toutes sont sur le site, chacune avec sa fiche PDF à imprimer.',
    );
  });
});
