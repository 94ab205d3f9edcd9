import { describe, expect, it } from 'vitest';
import { groupByKeys } from '../../src/lib/group.ts';

describe('groupByKeys', () => {
  const items = [
    { id: 'a', authors: ['kari', 'ola'] },
    { id: 'b', authors: ['ola', 'ola'] },
    { id: 'c', authors: [] },
    { id: 'd', authors: ['kari'] },
  ];

  it('lists each item under every key it has, once, in the items’ order', () => {
    const groups = groupByKeys(items, (item) => item.authors);
    expect([...groups.keys()]).toEqual(['kari', 'ola']);
    expect(groups.get('kari')?.map((item) => item.id)).toEqual(['a', 'd']);
    expect(groups.get('ola')?.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('gives the same lists as filtering the items once per key', () => {
    const groups = groupByKeys(items, (item) => item.authors);
    for (const key of ['kari', 'ola', 'nobody']) {
      expect(groups.get(key) ?? []).toEqual(items.filter((item) => item.authors.includes(key)));
    }
  });

  it('skips missing keys', () => {
    const groups = groupByKeys(items, (item) => [item.authors[0]]);
    expect([...groups.keys()]).toEqual(['kari', 'ola']);
  });
});
