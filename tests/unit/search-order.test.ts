/**
 * The newest-first order of a search without words (src/lib/search.ts): written over every
 * index at build time, read back by the search page, and applied to Pagefind's results.
 */
import { describe, expect, it } from 'vitest';
import { decodeOrder, encodeOrder, sortByOrder } from '../../src/lib/search.ts';

describe('the newest-first order', () => {
  it('lists pages newest first across languages, the same moment by id, undated last', () => {
    const order = encodeOrder([
      { id: 'nb_old', date: '2016-06-01T09:00:00.000Z' },
      { id: 'en_new', date: '2019-10-14T09:00:00.000Z' },
      { id: 'nn_mid', date: '2019-03-25T09:00:00Z' },
      { id: 'nb_none', date: undefined },
      { id: 'nb_bad', date: 'i fjor' },
      { id: 'nb_same', date: '2019-10-14T09:00:00Z' },
    ]);
    expect(order.ids).toEqual(['en_new', 'nb_same', 'nn_mid', 'nb_old', 'nb_bad', 'nb_none']);
  });

  it('round-trips, and puts results in its order, unlisted ones last as they came', () => {
    const places = decodeOrder(
      JSON.parse(
        JSON.stringify(
          encodeOrder([
            { id: 'a', date: '2020-01-01T00:00:00Z' },
            { id: 'b', date: '2024-01-01T00:00:00Z' },
            { id: 'c', date: '2022-01-01T00:00:00Z' },
          ]),
        ),
      ),
    );
    expect([...places]).toEqual([
      ['b', 0],
      ['c', 1],
      ['a', 2],
    ]);
    const results = ['x', 'a', 'c', 'y', 'b'].map((id) => ({ id }));
    expect(sortByOrder(results, places).map((result) => result.id)).toEqual([
      'b',
      'c',
      'a',
      'x',
      'y',
    ]);
    // The input stays as it was.
    expect(results.map((result) => result.id)).toEqual(['x', 'a', 'c', 'y', 'b']);
  });

  it('names the file when what it holds is not a list of ids', () => {
    for (const bad of [null, {}, { ids: 'nb_a' }, { ids: ['nb_a', 3] }, []]) {
      expect(() => decodeOrder(bad)).toThrow(/order\.json holds no list of page ids/);
    }
  });
});
