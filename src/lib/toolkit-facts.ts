/**
 * The "En bref" facts of a toolkit, as text. The site's facts panel (`ToolkitFacts.astro`)
 * and the CMS preview (`src/cms/preview.ts`) both render this list, so they cannot differ.
 */
import { categoryPath, type CatalogueEntry } from './catalogue.ts';
import { formatDuration } from '../schemas/toolkit.ts';

export interface ToolkitFact {
  /** Short name of the fact, e.g. « Durée ». */
  label: string;
  /** The fact itself, e.g. « 4 h ». */
  value: string;
  /** A second, lighter line, e.g. « + 4 h de préparation ». */
  detail?: string;
  /** A link for the value (the category page). */
  href?: string;
  /** Filled and empty dots drawn before the difficulty, hidden from screen readers. */
  dots?: { filled: number; empty: number };
}

function euros(n: number): string {
  return n === 0 ? 'gratuit' : `${n} €`;
}

export function budgetText(budget: { min: number; max: number }): string {
  return budget.min === budget.max ? euros(budget.max) : `${euros(budget.min)} à ${euros(budget.max)}`;
}

export function groupText(size: { min: number; max: number }): string {
  return size.min === size.max ? `${size.min} personnes` : `${size.min} à ${size.max} personnes`;
}

/** The facts panel of a toolkit, in display order. */
export function toolkitFacts(entry: CatalogueEntry): ToolkitFact[] {
  const { duration, difficulty } = entry;
  const facts: ToolkitFact[] = [
    { label: 'Catégorie', value: entry.category.label, href: categoryPath(entry.category.id) },
    {
      label: 'Difficulté',
      value: `${difficulty.label} (${difficulty.level}/5)`,
      dots: { filled: difficulty.level, empty: 5 - difficulty.level },
    },
    {
      label: 'Durée',
      value: formatDuration(duration.activity),
      ...(duration.preparation > 0 && { detail: `+ ${formatDuration(duration.preparation)} de préparation` }),
    },
    { label: 'Groupe', value: groupText(entry.groupSize) },
    { label: 'Budget indicatif', value: budgetText(entry.budget), detail: 'matériel seulement' },
  ];
  if (entry.minAge !== undefined) facts.push({ label: 'Âge minimum', value: `${entry.minAge} ans` });
  return facts;
}
