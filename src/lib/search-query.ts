/**
 * What the search does with a query before Pagefind sees it, and the « Vouliez-vous dire… ? »
 * suggestion. Pure functions over the query and the search lexicon (`/recherche/lexique.json`,
 * written at build time by `src/pages/recherche/lexique.json.ts`), shared by the search
 * modal, `/recherche/`, the search bench and the tests through `search-engine.ts`.
 */

/** The names search knows, generated at build time (see `lexique.json.ts`). */
export interface SearchLexicon {
  /** Titles of pages and toolkits, their aliases, glossary terms and their forms, as written. */
  names: string[];
  /** The acronyms the glossary defines (CAE, CAPE…): matched as whole words only. */
  acronyms: string[];
  /** Toolkit variants → their original, by address from the site's root. */
  variants: Record<string, string>;
}

/** "Rémunération" → "remuneration": how search compares words (case and accents aside). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * The words of a query as a reader separates them: spaces, and the apostrophe of an elided
 * word (« l’argent » is « l » and « argent »). Hyphenated words stay whole (« tiers-lieu »,
 * « a-t-il »); punctuation around words goes.
 */
export function queryWords(query: string): string[] {
  return query
    .split(/[\s'’‘`´]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

/**
 * French function words (articles, pronouns, prepositions, conjunctions, question words,
 * auxiliaries, and the verbs that only carry a question, such as « faut » or « peut »), as
 * `fold` writes them. Pagefind requires every word of a query: in a question, these shut out
 * the pages that answer it without using them.
 */
const FUNCTION_WORDS = new Set(
  (
    'a ai as au aux avec avez avoir avons c ca ce cela ces cest cet cette chez combien comme comment ' +
    'd dans de des doit dois donc dont du elle elles en est est-ce et etaient etait ete etre eu fait ' +
    'faire faut il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne ni nos notre nous ' +
    'on ont ou par pas peut peuvent peux pour pourquoi qu quand que quel quelle quelles quels qui quoi ' +
    's sa sans se ses si son sont sur t ta te tes toi ton tu un une vers vos votre vous y a-t-il ' +
    'a-t-on est-il est-on peut-on faut-il doit-on y-a-t-il'
  ).split(' '),
);

/** A query of this many words or more is a question: its function words may go. */
export const QUESTION_WORDS = 3;

/** An acronym as readers type one: 2 to 5 capital letters. */
const ACRONYM = /^\p{Lu}{2,5}$/u;

export interface QueryPlan {
  /** What Pagefind searches, words separated by spaces. */
  text: string;
  /** Acronyms of the glossary in the query: only pages with the whole word match. */
  exact: string[];
  /** The function words left out of a question. */
  dropped: string[];
}

/** Whether the whole query is a name search knows (a title, an alias, a term), case and accents aside. */
export function isKnownName(query: string, lexicon: SearchLexicon): boolean {
  const wanted = queryWords(fold(query)).join(' ');
  return lexicon.names.some((name) => queryWords(fold(name)).join(' ') === wanted);
}

/**
 * The search to run for a query. A question of three words or more loses its function words,
 * unless that would leave nothing or the query is a name search knows (« Qu’est-ce qu’un
 * KPA ? » is a title); an acronym of the glossary typed in capitals is matched whole, so that
 * « CAE » does not find « café ».
 */
export function planQuery(query: string, lexicon: SearchLexicon): QueryPlan {
  const words = queryWords(query);
  const acronyms = new Set(lexicon.acronyms);
  const exact = [...new Set(words.filter((w) => ACRONYM.test(w) && acronyms.has(w)))];
  if (words.length >= QUESTION_WORDS && !isKnownName(query, lexicon)) {
    const kept = words.filter((w) => !FUNCTION_WORDS.has(fold(w)));
    if (kept.length > 0 && kept.length < words.length) {
      return { text: kept.join(' '), exact, dropped: words.filter((w) => FUNCTION_WORDS.has(fold(w))) };
    }
  }
  // Nothing to leave out: Pagefind reads the query as typed, apostrophes included.
  return { text: query.trim(), exact, dropped: [] };
}

/**
 * Damerau–Levenshtein distance (adjacent swaps count as one edit), or `limit + 1` as soon as
 * it is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Edits forgiven in a word of this many letters: none below 4, one up to 6, then two. */
function editsAllowed(length: number): number {
  if (length < 4) return 0;
  return length <= 6 ? 1 : 2;
}

/** "Tiers-lieu" → "tierslieu", "Disco Soupe" → "discosoupe": a name as one string of letters. */
const compact = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** A word without the plural's final s or x, for comparing words. */
const singular = (word: string) => (word.length > 4 ? word.replace(/[sx]$/, '') : word);

interface Vocabulary {
  /** Folded singular → the word as names write it. */
  words: Map<string, string>;
  /** Each name as one string of letters → the name. */
  names: Map<string, string>;
}

const vocabularies = new WeakMap<SearchLexicon, Vocabulary>();

function vocabularyOf(lexicon: SearchLexicon): Vocabulary {
  let vocabulary = vocabularies.get(lexicon);
  if (!vocabulary) {
    vocabulary = { words: new Map(), names: new Map() };
    for (const name of lexicon.names) {
      if (!vocabulary.names.has(compact(name))) vocabulary.names.set(compact(name), name);
      // "tiers-lieu" counts as a word, and so do "tiers" and "lieu".
      for (const word of queryWords(name).flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]))) {
        const key = singular(fold(word));
        // Acronyms keep their capitals; other words are suggested in lower case.
        if (key.length >= 3 && !vocabulary.words.has(key))
          vocabulary.words.set(key, ACRONYM.test(word) ? word : word.toLocaleLowerCase('fr'));
      }
    }
    vocabularies.set(lexicon, vocabulary);
  }
  return vocabulary;
}

/** The closest key of `candidates` to `text`, within the edits its length allows. */
function closest(text: string, candidates: Iterable<string>): { key: string; distance: number } | undefined {
  const limit = editsAllowed(text.length);
  let best: { key: string; distance: number } | undefined;
  for (const key of candidates) {
    const distance = editDistance(text, key, best ? Math.min(limit, best.distance - 1) : limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance };
  }
  return best;
}

/**
 * « Vouliez-vous dire… ? », for a query with a word that no name uses: the name closest to the
 * whole query (« discosoupe » → « Disco Soupe »), or else the query with each unknown word
 * replaced by the closest word of a name
 * (« renumeration libre » → « rémunération libre »). `undefined` when nothing is close enough,
 * or when the suggestion only differs from the query by case, accents and punctuation.
 */
export function suggest(query: string, lexicon: SearchLexicon): string | undefined {
  const vocabulary = vocabularyOf(lexicon);
  const whole = compact(query);
  const known = (word: string) => vocabulary.words.has(singular(fold(word)));
  // Every word is one that names use: nothing to correct.
  if (whole.length === 0 || queryWords(query).every(known)) return undefined;
  let suggestion: string | undefined;
  const name = closest(whole, vocabulary.names.keys());
  if (name) suggestion = vocabulary.names.get(name.key);
  else {
    const typed = queryWords(query);
    const words = typed.map((word) => {
      if (known(word)) return word;
      const found = closest(singular(fold(word)), vocabulary.words.keys());
      return found ? (vocabulary.words.get(found.key) ?? word) : word;
    });
    if (words.some((word, i) => word !== typed[i])) suggestion = words.join(' ');
  }
  const same = (text: string) => queryWords(fold(text)).join(' ');
  return suggestion !== undefined && same(suggestion) !== same(query) ? suggestion : undefined;
}
