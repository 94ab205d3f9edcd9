/**
 * Hidden pages in the search manifest (src/lib/search.ts): the compact form round-trips,
 * and a search without hidden pages reports the results and filter counts that an index
 * without those pages would.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeHiddenPages,
  encodeHiddenPages,
  hideFromSearch,
  hideFromTotals,
} from '../../src/lib/search.ts';

const hidden = decodeHiddenPages(
  encodeHiddenPages([
    { id: 'nb_b', filters: { type: ['Innlegg'], tema: ['Skole', 'Helse'] } },
    { id: 'nb_a', filters: { type: ['Prosjekt'], tema: ['Skole'] } },
  ]),
);

describe('hidden pages', () => {
  it('round-trip through the compact form, each value written once', () => {
    const encoded = encodeHiddenPages([
      { id: 'nb_b', filters: { type: ['Innlegg'], tema: ['Skole', 'Helse'] } },
      { id: 'nb_a', filters: { type: ['Prosjekt'], tema: ['Skole'] } },
    ]);
    expect(encoded.values).toHaveLength(4);
    expect(encoded.pages.map(([id]) => id)).toEqual(['nb_a', 'nb_b']);
    expect(decodeHiddenPages(encoded).get('nb_b')).toEqual([
      ['type', 'Innlegg'],
      ['tema', 'Skole'],
      ['tema', 'Helse'],
    ]);
  });

  it('names a page that refers to a value the manifest lacks', () => {
    expect(() => decodeHiddenPages({ values: [], pages: [['nb_x', 3]] })).toThrow(
      /hidden page nb_x refers to a filter value that is missing/,
    );
  });

  it('take their values out of the totals, and drop values only they had', () => {
    const totals = hideFromTotals(
      { type: { Innlegg: 4, Prosjekt: 1 }, tema: { Skole: 3, Helse: 2 } },
      hidden,
    );
    expect(totals).toEqual({ type: { Innlegg: 3 }, tema: { Skole: 1, Helse: 1 } });
  });

  it('leave a search with the shown results and exact counts', () => {
    const totals = { type: { Innlegg: 3 }, tema: { Skole: 1, Helse: 1 } };
    const results = [{ id: 'nb_c' }, { id: 'nb_b' }, { id: 'nb_d' }];
    const counts = { type: { Innlegg: 3, Prosjekt: 0 }, tema: { Skole: 2, Helse: 1 } };
    expect(hideFromSearch(results, counts, hidden, totals)).toEqual({
      results: [{ id: 'nb_c' }, { id: 'nb_d' }],
      counts: { type: { Innlegg: 2 }, tema: { Skole: 1, Helse: 0 } },
    });
  });
});
