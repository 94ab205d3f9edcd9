/**
 * The check on Pagefind's fallback to a word's start (src/lib/search-words.ts), against an
 * index modelled as Pagefind's matching is: a word finds the index words that start with
 * it, or else the longest index word it starts with. The search page tests run it on the
 * real index in Chromium.
 */
import { describe, expect, it } from 'vitest';
import {
  findFallbackPrefix,
  foldWord,
  isIndexWord,
  keepIndexWords,
  pickWordsAt,
  splitQueryTerms,
  type WordProbe,
} from '../../src/lib/search-words.ts';

/** Pagefind's matching over a word list, answering with the words it matched. */
function probeOver(words: readonly string[]): WordProbe & { calls: string[] } {
  const calls: string[] = [];
  const probe = (term: string): Promise<string[] | undefined> => {
    calls.push(term);
    const key = foldWord(term);
    const extensions = words.filter((word) => foldWord(word).startsWith(key));
    if (extensions.length > 0) return Promise.resolve(extensions);
    const prefixes = words.filter((word) => key.startsWith(foldWord(word)));
    if (prefixes.length === 0) return Promise.resolve(undefined);
    return Promise.resolve([
      prefixes.reduce((a, b) => (foldWord(b).length > foldWord(a).length ? b : a)),
    ]);
  };
  return Object.assign(probe, { calls });
}

const SITE_WORDS = [
  'a',
  'å',
  'kva',
  'spill',
  'spillhuset',
  'klubb',
  'ungdom',
  'ungdomsklubb',
  'barn',
  'hage',
  'bærekraftige',
  'gamer',
  'gamere',
  'en',
  'er',
];

describe('isIndexWord', () => {
  it('accepts words of the index and what starts them', async () => {
    for (const word of ['spill', 'spillh', 'ungdomsklubb', 'bærekraft', 'BÆREKRAFT', 'gamer']) {
      await expect(isIndexWord(word.toLowerCase(), probeOver(SITE_WORDS)), word).resolves.toBe(
        true,
      );
    }
  });

  it('refuses a word whose only match is a shorter word it starts with', async () => {
    for (const word of ['abcdefghijklmno', 'kvantedatamaskin', 'spillkonsoll', 'spillzzz', 'ai']) {
      await expect(isIndexWord(word, probeOver(SITE_WORDS)), word).resolves.toBe(false);
    }
  });

  it('accepts a compound made entirely of index words, with or without a linking s or e', async () => {
    for (const word of ['spillklubb', 'barnehage', 'barnklubb', 'ungdomklubb', 'spillklubbhage']) {
      await expect(isIndexWord(word, probeOver(SITE_WORDS)), word).resolves.toBe(true);
    }
  });

  it('gives up on words of many short parts', async () => {
    const probe = probeOver(['a', 'b']);
    await expect(isIndexWord('abababababab', probe)).resolves.toBe(false);
    expect(probe.calls.length).toBeLessThanOrEqual(12);
  });

  it('leaves a word that finds nothing alone to the query, but never takes it as a part', async () => {
    await expect(isIndexWord('zzz', probeOver(SITE_WORDS))).resolves.toBe(true);
    await expect(isIndexWord('ungdomzzz', probeOver(SITE_WORDS))).resolves.toBe(false);
  });

  it('refuses a word whose results show no place where it stands', async () => {
    await expect(isIndexWord('bc', () => Promise.resolve([]))).resolves.toBe(false);
  });
});

describe('the parts', () => {
  it('folds letters as the index does, and keeps the typed form for searching', () => {
    expect(foldWord('Blåbær-Syltetøy!')).toBe('blabaersyltetoy');
    expect(splitQueryTerms('  Gaming,  gaming SYKEHUS «x» ')).toEqual(['gaming', 'sykehus', 'x']);
  });

  it('reads the matched words at their places, as Pagefind counts words', () => {
    expect(pickWordsAt('Ungdom driver\nklubben, og\tspiller.', [0, 2, 4, 9])).toEqual([
      'ungdom',
      'klubben',
      'spiller',
    ]);
  });

  it('finds the start the index fell back to, in the word as typed', () => {
    expect(findFallbackPrefix('blåbær', ['Blå'])).toBe('blå');
    expect(findFallbackPrefix('blåbær', ['bla'])).toBe('blå');
    expect(findFallbackPrefix('spillklubb', ['spill', 'Spill.'])).toBe('spill');
    expect(findFallbackPrefix('spill', ['spillhuset'])).toBeUndefined();
    expect(findFallbackPrefix('learning', ['learned'])).toBeUndefined();
    expect(findFallbackPrefix('sensoren', ['sensorer'])).toBeUndefined();
    expect(findFallbackPrefix('konsollfabrikk', ['konsoller'])).toBe('konsoll');
    expect(findFallbackPrefix('abcdefghijklmno', ['å'])).toBe('a');
    expect(findFallbackPrefix('xylofon', ['gaming'])).toBe('');
    expect(findFallbackPrefix('gamere', ['gamer', 'gamerne'])).toBeUndefined();
  });

  it('keeps the words of a query that the index has, and asks once per word', async () => {
    const probe = probeOver(SITE_WORDS);
    const known = new Map<string, Promise<boolean>>();
    await expect(keepIndexWords('Spill abcdefghijklmno ungdom', probe, known)).resolves.toBe(
      'spill ungdom',
    );
    const asked = probe.calls.length;
    await expect(keepIndexWords('ungdom spill', probe, known)).resolves.toBe('ungdom spill');
    expect(probe.calls.length).toBe(asked);
    await expect(keepIndexWords('abcdefghijklmno', probe)).resolves.toBe('');
  });
});
