/**
 * Deterministic, realistic synthetic toolkits for benchmarks: full frontmatter, steps, a
 * table and links, like the real ones. The same seed and count always give the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, VENUE_NEEDS } from '../../src/schemas/toolkit.ts';

/** mulberry32: a tiny seeded generator, good enough to vary test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = ['Atelier', 'Chantier', 'Fabrication', 'Animation', 'Collecte', 'Préparation', 'Réparation', 'Fête'];
const OBJECTS = [
  'de jardinières',
  'de confitures',
  'de vélos',
  'de nichoirs',
  'de tabourets',
  'de compost',
  'de soupe',
  'de sérigraphie',
  'de couture',
  'de pain',
  'd’affiches',
  'de jeux en bois',
];
const PLACES = [
  'au pied des immeubles',
  'dans la cour',
  'au tiers-lieu',
  'sur le marché',
  'à la médiathèque',
  'au parc',
];
const MATERIALS = [
  'Planches de récupération',
  'Vis à bois',
  'Terreau',
  'Graines de saison',
  'Sacs de farine',
  'Bocaux en verre',
  'Tissus de récupération',
  'Peinture à l’eau',
  'Papier kraft',
  'Gants de jardinage',
  'Ficelle',
  'Étiquettes',
];
const TOOLS = ['Perceuse-visseuse', 'Scie égoïne', 'Ponceuse', 'Marmite', 'Plan de travail', 'Arrosoir', 'Agrafeuse'];
const GUIDE_LINKS = [
  '/fonctionnement/remuneration-libre/',
  '/fonctionnement/gouvernance-stigmergique/',
  '/fonctionnement/communs-et-missions-economiques/',
  '/creer/creer-un-kpa/',
];

export interface SyntheticToolkit {
  slug: string;
  source: string;
}

export function generateToolkits(count: number, seed = 42): SyntheticToolkit[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const slugs = Array.from({ length: count }, (_, i) => `synthetique-${String(i + 1).padStart(5, '0')}`);
  return slugs.map((slug, i) => {
    const title = `${pick(ACTIONS)} ${pick(OBJECTS)} ${pick(PLACES)} n° ${i + 1}`;
    const category = pick(CATEGORIES).id;
    const groupMin = int(1, 8);
    const budgetMin = int(0, 50);
    const related =
      i > 2 ? [slugs[int(0, i - 1)], slugs[int(0, i - 1)]].filter((s, k, all) => all.indexOf(s) === k) : [];
    const variantOf = i > 10 && random() < 0.15 ? slugs[int(0, i - 1)] : undefined;
    const materials = Array.from(
      { length: int(3, 7) },
      () => `  - name: ${pick(MATERIALS)}\n    quantity: ${int(1, 20)} unités`,
    );
    const venue = [...new Set(Array.from({ length: int(1, 3) }, () => pick(VENUE_NEEDS).id))];
    const frontmatter = [
      '---',
      `title: ${title}`,
      `summary: Une activité à mener en groupe pour apprendre ensemble, proposer un service au quartier et partager ce qu’on a appris.`,
      `category: ${category}`,
      `tags: [${pick(['quartier', 'réemploi', 'cuisine', 'bois'])}, ${pick(['jeunesse', 'convivialité', 'nature'])}]`,
      `difficulty: ${int(1, 5)}`,
      'duration:',
      `  preparation: ${int(0, 4)} h`,
      `  activity: ${int(1, 8) * 30}`,
      'groupSize:',
      `  min: ${groupMin}`,
      `  max: ${groupMin + int(0, 15)}`,
      'budget:',
      `  min: ${budgetMin}`,
      `  max: ${budgetMin + int(0, 300)}`,
      'materials:',
      ...materials,
      'tools:',
      ...Array.from({ length: int(1, 4) }, () => `  - ${pick(TOOLS)}`),
      `venue: [${venue.join(', ')}]`,
      'economicMissions:',
      '  - Animer cette activité pour une association du quartier',
      '  - Proposer la production à la vente lors d’un événement',
      'commons: >-',
      '  Publier la fiche et les photos sous licence libre, prêter le matériel aux autres collectifs',
      '  et former les nouvelles personnes pour que l’activité continue.',
      'authors: [Banc d’essai du guide KPA-Cité]',
      ...(related.length > 0 ? [`related: [${related.join(', ')}]`] : []),
      ...(variantOf ? [`variantOf: ${variantOf}`] : []),
      `updated: 2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      '---',
    ].join('\n');
    const steps = Array.from(
      { length: int(5, 8) },
      (_, k) =>
        `${k + 1}. **Étape ${k + 1}.** Répartissez les rôles, préparez ${pick(MATERIALS).toLowerCase()} et vérifiez que chaque personne sait ce qu’elle fait. Prenez le temps d’expliquer aux nouvelles personnes.`,
    ).join('\n');
    const body = `
Cette activité se prépare en petit groupe et se mène ${pick(PLACES)}. Elle permet d’apprendre en faisant et peut devenir une mission rémunérée : voir [la rémunération libre](${pick(GUIDE_LINKS)}).

## Avant de commencer

Faites la liste du matériel, réservez le lieu et prévenez les voisin·es. Relisez aussi [une fiche proche](/boites-a-outils/${related[0] ?? slug}/).

| Rôle | Qui | Quand |
| --- | --- | --- |
| Personne soucieuse du matériel | une personne volontaire | la veille |
| Accueil du public | deux personnes | pendant l’activité |
| Rangement | tout le monde | à la fin |

## Déroulé

<Steps>

${steps}

</Steps>

## Pièges à éviter

- Commencer sans avoir vérifié le matériel.
- Oublier de prévoir une pause et de l’eau.
- Laisser toujours les mêmes personnes ranger.
`;
    return { slug, source: `${frontmatter}\n${body}` };
  });
}

/** Writes `count` synthetic toolkits into `dir` (created if needed). */
export function writeToolkits(dir: string, count: number, seed = 42): string[] {
  mkdirSync(dir, { recursive: true });
  return generateToolkits(count, seed).map(({ slug, source }) => {
    const file = join(dir, `${slug}.mdx`);
    writeFileSync(file, source);
    return file;
  });
}
