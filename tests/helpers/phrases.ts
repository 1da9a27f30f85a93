/** Reading Decap's sets of phrases (`src/cms/locale-fr.ts`, `decap-cms-locales`) in the tests. */
import type { Phrases } from '../../src/cms/locale-fr.ts';

/** Every string of a set of phrases, by its dotted key. */
export function leaves(phrases: Phrases, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(phrases)) {
    if (typeof value === 'string') out.set(`${path}${key}`, value);
    else for (const [k, v] of leaves(value, `${path}${key}.`)) out.set(k, v);
  }
  return out;
}
