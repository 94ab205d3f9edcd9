import { describe, expect, test } from 'vitest';
import { createRelatedFinder, type RelatableDocument } from '../../src/lib/related.ts';

const ref = (id: string) => ({ id });
const doc = (
  id: string,
  publishedAt: string,
  terms: { topics?: string[]; areas?: string[]; related?: string[] } = {},
): RelatableDocument => ({
  id,
  publishedAt,
  topics: (terms.topics ?? []).map(ref),
  serviceAreas: (terms.areas ?? []).map(ref),
  related: (terms.related ?? []).map(ref),
});

const ids = (docs: readonly RelatableDocument[]) => docs.map((item) => item.id);

describe('createRelatedFinder', () => {
  const a = doc('a', '2024-01-01T00:00:00Z', { topics: ['t1', 't2'], areas: ['s1'] });
  const b = doc('b', '2023-01-01T00:00:00Z', { topics: ['t1', 't2'], areas: ['s1'] });
  const c = doc('c', '2025-01-01T00:00:00Z', { topics: ['t1'] });
  const d = doc('d', '2022-01-01T00:00:00Z', { areas: ['s1'] });
  const e = doc('e', '2026-01-01T00:00:00Z', { topics: ['t9'] });
  const f = doc('f', '2021-01-01T00:00:00Z', {
    topics: ['t1'],
    related: ['e', 'missing', 'f', 'e'],
  });
  const bare = doc('bare', '2020-01-01T00:00:00Z');
  const pool = [a, b, c, d, e, f, bare];

  test('the chosen related documents come first and alone, in the editors’ order', () => {
    // Unknown ids (unpublished), the document itself and repeats are left out.
    expect(ids(createRelatedFinder(pool)(f))).toEqual(['e']);
  });

  test('without a choice, the documents sharing most terms come first, newest among equals', () => {
    const find = createRelatedFinder(pool);
    // b shares three terms; c, d and f one each: c and d are newer than f.
    expect(ids(find(a))).toEqual(['b', 'c', 'd']);
    expect(ids(find(b))).toEqual(['a', 'c', 'd']);
  });

  test('a document never lists itself, and nothing is shared with a document without terms', () => {
    const find = createRelatedFinder(pool);
    for (const item of pool) expect(ids(find(item))).not.toContain(item.id);
    expect(find(bare)).toEqual([]);
    expect(find(e)).toEqual([]);
  });

  test('the limit holds, and the order does not depend on the order of the pool', () => {
    const forward = createRelatedFinder(pool, 2);
    const backward = createRelatedFinder([...pool].reverse(), 2);
    for (const item of pool) {
      expect(forward(item).length).toBeLessThanOrEqual(2);
      expect(ids(backward(item))).toEqual(ids(forward(item)));
    }
  });

  test('documents published at the same moment are ordered by id', () => {
    const x = doc('x', '2024-01-01T00:00:00Z', { topics: ['t'] });
    const y = doc('y', '2024-01-01T00:00:00Z', { topics: ['t'] });
    const z = doc('z', '2024-01-01T00:00:00Z', { topics: ['t'] });
    expect(ids(createRelatedFinder([z, y, x])(z))).toEqual(['x', 'y']);
  });
});
