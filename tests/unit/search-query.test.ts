import { describe, expect, it } from 'vitest';
import { editDistance, planQuery, queryWords, suggest, type SearchLexicon } from '../../src/lib/search-query.ts';
import { buildLexicon } from '../../src/lib/search-lexicon.ts';

const lexicon: SearchLexicon = buildLexicon({
  pages: [
    { title: 'Qu’est-ce qu’un KPA ?', aliases: [] },
    { title: 'La rémunération libre', aliases: ['salaire'] },
    { title: 'Le tiers-lieu', aliases: [] },
  ],
  toolkits: [
    { slug: 'disco-soupe', title: 'Disco Soupe', aliases: [] },
    { slug: 'soupe-pour-un-evenement', title: 'Soupe pour un événement', aliases: [], variantOf: 'disco-soupe' },
    { slug: 'kanban-mural', title: 'Kanban mural', aliases: ['tableau des tâches'] },
  ],
  glossary: [
    { term: 'CAE', forms: ['CAE', 'coopérative d’activités et d’emploi'] },
    { term: 'Capacitation', forms: ['capacitation'] },
  ],
});

describe('the words of a query', () => {
  it('splits elided words at their apostrophe and keeps hyphenated words whole', () => {
    expect(queryWords('comment partager l’argent ?')).toEqual(['comment', 'partager', 'l', 'argent']);
    expect(queryWords('y a-t-il un tiers-lieu')).toEqual(['y', 'a-t-il', 'un', 'tiers-lieu']);
  });
});

describe('the search planned for a query', () => {
  it('leaves the function words out of a question of three words or more', () => {
    expect(planQuery('comment on prend les décisions', lexicon)).toEqual({
      text: 'prend décisions',
      exact: [],
      dropped: ['comment', 'on', 'les'],
    });
    expect(planQuery('À partir de quel âge ?', lexicon).text).toBe('partir âge');
  });

  it('keeps short queries, questions made only of function words, and known names as typed', () => {
    expect(planQuery('le kanban', lexicon).text).toBe('le kanban');
    expect(planQuery('où est-ce que', lexicon).text).toBe('où est-ce que');
    expect(planQuery('Qu’est-ce qu’un KPA ?', lexicon)).toEqual({
      text: 'Qu’est-ce qu’un KPA ?',
      exact: [],
      dropped: [],
    });
    expect(planQuery("QU'EST-CE QU'UN KPA", lexicon).dropped).toEqual([]);
  });

  it('matches whole words only for the glossary’s acronyms typed in capitals', () => {
    expect(planQuery('CAE', lexicon).exact).toEqual(['CAE']);
    expect(planQuery('c’est quoi une CAE', lexicon)).toMatchObject({ text: 'CAE', exact: ['CAE'] });
    expect(planQuery('cae', lexicon).exact).toEqual([]);
    // In capitals, but not an acronym of the glossary.
    expect(planQuery('KPA', lexicon).exact).toEqual([]);
  });
});

describe('the edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('kanban', 'kanban', 2)).toBe(0);
    expect(editDistance('kamban', 'kanban', 2)).toBe(1);
    expect(editDistance('palete', 'palette', 2)).toBe(1);
    expect(editDistance('remunreation', 'remuneration', 2)).toBe(1);
    expect(editDistance('renumeration', 'remuneration', 2)).toBe(2);
  });

  it('stops beyond its limit', () => {
    expect(editDistance('soupe', 'kanban', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('« Vouliez-vous dire… ? »', () => {
  it('offers the closest title, alias or term for the whole query', () => {
    expect(suggest('discosoupe', lexicon)).toBe('Disco Soupe');
    expect(suggest('tableau des taches', lexicon)).toBeUndefined(); // the alias itself, accents aside
    expect(suggest('Tiers lieu', lexicon)).toBeUndefined(); // the title itself, punctuation aside
    expect(suggest('capacitasion', lexicon)).toBe('Capacitation');
  });

  it('corrects each unknown word with the closest word of a name, keeping the others', () => {
    expect(suggest('renumeration libre', lexicon)).toBe('rémunération libre');
    expect(suggest('kamban', lexicon)).toBe('kanban');
    expect(suggest('kanban murale', lexicon)).toBe('Kanban mural');
  });

  it('offers nothing for known words, for words too short to correct, or too far from any name', () => {
    expect(suggest('soupe', lexicon)).toBeUndefined();
    expect(suggest('sup', lexicon)).toBeUndefined();
    expect(suggest('boulogne', lexicon)).toBeUndefined();
    expect(suggest('   ', lexicon)).toBeUndefined();
  });
});

describe('the search lexicon', () => {
  it('lists titles, aliases, terms and forms once, the acronyms, and each published variant’s original', () => {
    expect(lexicon.names).toContain('Disco Soupe');
    expect(lexicon.names).toContain('tableau des tâches');
    expect(lexicon.names).toContain('coopérative d’activités et d’emploi');
    expect(lexicon.names.filter((n) => n === 'CAE')).toHaveLength(1);
    expect(lexicon.acronyms).toEqual(['CAE']);
    expect(lexicon.variants).toEqual({ '/boites-a-outils/soupe-pour-un-evenement/': '/boites-a-outils/disco-soupe/' });
  });

  it('leaves out a variant whose original is not published', () => {
    const alone = buildLexicon({
      pages: [],
      toolkits: [{ slug: 'soupe-pour-un-evenement', title: 'Soupe', aliases: [], variantOf: 'disco-soupe' }],
      glossary: [],
    });
    expect(alone.variants).toEqual({});
  });
});
