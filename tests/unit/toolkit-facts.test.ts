import { describe, expect, it } from 'vitest';
import { toEntry } from '../../src/lib/catalogue.ts';
import { toolkitFacts } from '../../src/lib/toolkit-facts.ts';
import { toolkitSchema } from '../../src/schemas/toolkit.ts';

const data = toolkitSchema.parse({
  title: 'Atelier vélo',
  summary: 'Réparer les vélos du quartier à plusieurs et apprendre les gestes de base.',
  category: 'reparation-et-reemploi',
  difficulty: 2,
  duration: { preparation: '1 h', activity: 90 },
  groupSize: { min: 3, max: 12 },
  budget: { min: 0, max: 40 },
  economicMissions: ['Entretien des vélos d’une association'],
  commons: 'Les fiches de réparation sont partagées sous licence libre.',
  updated: '2026-11-26',
});

describe('the facts panel of a toolkit, shared by the site and the CMS preview', () => {
  it('lists category, difficulty, duration, group and budget in words', () => {
    const entry = toEntry({ slug: 'atelier-velo', file: 'x.mdx', data }, new Map(), []);
    expect(toolkitFacts(entry)).toEqual([
      {
        label: 'Catégorie',
        value: 'Réparation et réemploi',
        href: '/boites-a-outils/categorie/reparation-et-reemploi/',
      },
      { label: 'Difficulté', value: 'Facile (2/5)', dots: { filled: 2, empty: 3 } },
      { label: 'Durée', value: '1 h 30', detail: '+ 1 h de préparation' },
      { label: 'Groupe', value: '3 à 12 personnes' },
      { label: 'Budget indicatif', value: 'gratuit à 40 €', detail: 'matériel seulement' },
    ]);
  });

  it('adds the minimum age when there is one, and says a fixed group size and budget once', () => {
    const entry = toEntry(
      {
        slug: 'a',
        file: 'a.mdx',
        data: {
          ...data,
          minAge: 14,
          groupSize: { min: 4, max: 4 },
          budget: { min: 0, max: 0 },
          duration: { preparation: 0, activity: 45 },
        },
      },
      new Map(),
      [],
    );
    const facts = toolkitFacts(entry);
    expect(facts.find((f) => f.label === 'Âge minimum')).toEqual({ label: 'Âge minimum', value: '14 ans' });
    expect(facts.find((f) => f.label === 'Groupe')?.value).toBe('4 personnes');
    expect(facts.find((f) => f.label === 'Budget indicatif')?.value).toBe('gratuit');
    expect(facts.find((f) => f.label === 'Durée')).toEqual({ label: 'Durée', value: '45 min' });
  });
});
