/**
 * The search lexicon (`/recherche/lexique.json`, see `search-query.ts`): the names of the
 * pages search lists, their aliases, the glossary's terms and acronyms, and which toolkit
 * adapts which. Built from the collections at build time; small enough to load with the first
 * search.
 */
import { toolkitPath } from './catalogue.ts';
import type { SearchLexicon } from './search-query.ts';

export interface LexiconSources {
  /** Guide pages that search lists. */
  pages: readonly { title: string; aliases: readonly string[] }[];
  /** Published toolkits. */
  toolkits: readonly { slug: string; title: string; aliases: readonly string[]; variantOf?: string | undefined }[];
  glossary: readonly { term: string; forms: readonly string[] }[];
}

/** An acronym of the glossary: 2 to 5 capital letters, as readers would type it. */
const ACRONYM = /^\p{Lu}{2,5}$/u;

export function buildLexicon({ pages, toolkits, glossary }: LexiconSources): SearchLexicon {
  const names = new Set<string>();
  for (const { title, aliases } of [...pages, ...toolkits]) for (const name of [title, ...aliases]) names.add(name);
  for (const { term, forms } of glossary) for (const name of [term, ...forms]) names.add(name);
  const published = new Set(toolkits.map((t) => t.slug));
  const variants: Record<string, string> = {};
  for (const { slug, variantOf } of toolkits) {
    if (variantOf !== undefined && published.has(variantOf)) variants[toolkitPath(slug)] = toolkitPath(variantOf);
  }
  const acronyms = glossary.flatMap(({ term, forms }) => [term, ...forms]).filter((name) => ACRONYM.test(name));
  return { names: [...names], acronyms: [...new Set(acronyms)].sort(), variants };
}
