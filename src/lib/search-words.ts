/**
 * Keeps Pagefind's compound-word fallback honest. When no word of the index starts with a
 * search word, Pagefind matches the longest word of the index that the search word starts
 * with: «spillklubb» finds «spill», which is right, but «abcdefghijklmno» finds «a» and
 * «kvantedatamaskin» finds nynorsk «kva». Here a search word counts only when the index
 * matches it as it is or in another form, or when it splits entirely into words of the
 * index (with a linking «s» or «e» between them, as Norwegian compounds have). The search
 * page leaves out the words that fail before it searches; a search with no word left finds
 * nothing. See docs/architecture.md, «Search».
 */

/**
 * What the index matched for one word: the words (as they stand in a top result's text) at
 * the matched places, or `undefined` when the word found nothing at all. An empty list means
 * results without a place in their text, which cannot show that the word is there.
 */
export type WordProbe = (term: string) => Promise<readonly string[] | undefined>;

/** How many times a word is split before it is given up on (a real compound has few parts). */
const MAX_PARTS = 4;

/** The fewest letters a part of a compound has («AI» is no compound of «a» and «i»). */
const MIN_PART_LETTERS = 2;

/** Letters that join the parts of a Norwegian compound: «ungdom-s-klubb», «barn-e-hage». */
const LINKING_LETTERS = ['s', 'e'];

/** Letters that do not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
};

/** A search word as it is searched for: lower case, without punctuation. */
export function toSearchWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A word as Pagefind compares it: a search word with its letters folded to their base
 * letters (the index finds «blant» for «blå» and «å» for «a»).
 */
export function foldWord(word: string): string {
  return toSearchWord(word)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæßđł]/g, (letter) => FOLDED_LETTERS[letter] ?? letter);
}

/** The search words of a query, without empties and repeats. */
export function splitQueryTerms(query: string): string[] {
  return [...new Set(query.split(/\s+/).map(toSearchWord).filter(Boolean))];
}

/** The words of a result's text at the given places (Pagefind counts words between spaces). */
export function pickWordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.split(/[\r\n\s]+/g);
  return locations.map((location) => toSearchWord(words[location] ?? '')).filter(Boolean);
}

/**
 * Endings (letters folded) by which a search word may differ from a matched word while the
 * match still counts as the same word in another form, since Pagefind matches stems:
 * bokmål and nynorsk («sensoren» → «sensorer», «omsorgsboligene», «aktivitetar») and
 * English («learning» → «learned», «communities» → «community»).
 */
const ENDINGS: ReadonlySet<string> = new Set([
  ...['', 'a', 'e', 'n', 'r', 's', 't', 'd', 'y'],
  ...['en', 'er', 'et', 'ar', 'ne', 're', 'es', 'ed', 'ly', 'ns', 'rs', 'ts'],
  ...['ene', 'ane', 'ing', 'ies', 'ied', 'ers', 'ens', 'ets', 'ert', 'est', 'ede', 'ste'],
  ...['inga', 'ings', 'ende', 'ande', 'erne', 'arne', 'enes', 'ingen', 'ingar'],
]);

/** The length of the start two words share. */
function countSharedStart(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/**
 * The start of `term` the index fell back to: when every matched word shares only a start
 * of it whose remaining ending is no inflection, the longest such start; undefined when a
 * matched word is the word itself, a longer or an inflected form of it. An empty string
 * when the matched words share nothing with it.
 */
export function findFallbackPrefix(term: string, matched: readonly string[]): string | undefined {
  const folded = foldWord(term);
  let longest = 0;
  for (const word of matched) {
    const shared = countSharedStart(foldWord(word), folded);
    // Half the word at least, so that «spillene» is «spill» inflected but «se» is not «seg».
    if (shared * 2 >= folded.length && ENDINGS.has(folded.slice(shared))) return undefined;
    longest = Math.max(longest, shared);
  }
  // The same start in the word as typed («blå» for «bla»), whose letters may fold to more.
  for (let end = 0; end < term.length; end += 1) {
    if (foldWord(term.slice(0, end)).length >= longest) return term.slice(0, end);
  }
  return '';
}

/**
 * Whether `term` is a word of the index, or a compound made entirely of its words. A word
 * that finds nothing alone counts only as a whole word (Pagefind may still match it within
 * the query, so the query's own results decide), never as a part of a compound.
 */
export async function isIndexWord(term: string, probe: WordProbe, parts = 1): Promise<boolean> {
  const matched = await probe(term);
  if (matched === undefined) return parts === 1;
  if (matched.length === 0) return false;
  const prefix = findFallbackPrefix(term, matched);
  if (prefix === undefined) return true;
  if (prefix.length < MIN_PART_LETTERS || parts >= MAX_PARTS) return false;
  const rest = term.slice(prefix.length);
  if (rest.length < MIN_PART_LETTERS) return false;
  if (await isIndexWord(rest, probe, parts + 1)) return true;
  for (const letter of LINKING_LETTERS) {
    if (rest.length > 1 && rest.startsWith(letter)) {
      if (await isIndexWord(rest.slice(1), probe, parts + 1)) return true;
    }
  }
  return false;
}

/**
 * The query's words that are words of the index (see `isIndexWord`), joined by spaces;
 * empty when none is. `known` keeps each word's verdict for the next search.
 */
export async function keepIndexWords(
  query: string,
  probe: WordProbe,
  known: Map<string, Promise<boolean>> = new Map(),
): Promise<string> {
  const kept: string[] = [];
  for (const term of splitQueryTerms(query)) {
    let verdict = known.get(term);
    if (!verdict) {
      verdict = isIndexWord(term, probe);
      known.set(term, verdict);
    }
    if (await verdict) kept.push(term);
  }
  return kept.join(' ');
}
