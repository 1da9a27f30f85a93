/**
 * The sidebar, organised by what a reader wants to do. Toolkits appear as the catalogue and
 * its categories, never one link per toolkit: a page's HTML must not grow with their number.
 */
import { CATEGORIES } from '../schemas/toolkit.ts';
import { TOOLKITS_PATH, categoryPath } from '../lib/catalogue.ts';
import { SEARCH_PATH } from './search.ts';

export const sidebar = [
  { label: 'Découvrir les KPA', items: [{ autogenerate: { directory: 'decouvrir' } }] },
  { label: 'Comment fonctionne un KPA', items: [{ autogenerate: { directory: 'fonctionnement' } }] },
  { label: 'Créer un KPA', items: [{ autogenerate: { directory: 'creer' } }] },
  {
    label: 'Boîtes à outils',
    items: [
      { label: 'Toutes les boîtes à outils', link: TOOLKITS_PATH },
      { label: 'Rechercher', link: SEARCH_PATH },
      ...CATEGORIES.map((c) => ({ label: c.label, link: categoryPath(c.id) })),
    ],
  },
  { label: 'Ressources', items: [{ autogenerate: { directory: 'ressources' } }] },
  { label: 'Contribuer', items: [{ autogenerate: { directory: 'contribuer' } }] },
];
