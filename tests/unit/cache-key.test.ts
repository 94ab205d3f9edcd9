import { describe, expect, it } from 'vitest';
import { buildPageCacheKey, type PageKeyParts } from '../../src/lib/cache-key.ts';

const digests = new Map([
  ['post-a', 'digest-a'],
  ['post-b', 'digest-b'],
  ['case-c', 'digest-c'],
]);

/** A topic page listing two posts, with the settings and the topic's own digest. */
function topicPage(overrides: Partial<PageKeyParts> = {}): PageKeyParts {
  return {
    settingsDigest: 'settings-1',
    entry: { id: 'topic-1', digest: 'topic-digest-1' },
    lists: { items: [{ id: 'post-a' }, { id: 'post-b' }] },
    digests,
    values: { page: 2, pageCount: 3 },
    ...overrides,
  };
}

describe('buildPageCacheKey', () => {
  it('gives the same inputs the same short hex key', () => {
    const key = buildPageCacheKey(topicPage());
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(buildPageCacheKey(topicPage())).toBe(key);
    // Only ids and digests count, not other fields of the listed items.
    expect(
      buildPageCacheKey(
        topicPage({
          lists: { items: [{ id: 'post-a' }, { id: 'post-b' }] },
          digests: new Map(digests),
        }),
      ),
    ).toBe(key);
  });

  it('changes when a listed entry changes its digest', () => {
    const changed = new Map(digests).set('post-b', 'digest-b2');
    expect(buildPageCacheKey(topicPage({ digests: changed }))).not.toBe(
      buildPageCacheKey(topicPage()),
    );
  });

  it('does not change when an entry the page does not list changes', () => {
    const changed = new Map(digests).set('case-c', 'digest-c2');
    expect(buildPageCacheKey(topicPage({ digests: changed }))).toBe(buildPageCacheKey(topicPage()));
  });

  it('changes with the order of a list, an entry added or left out', () => {
    const base = buildPageCacheKey(topicPage());
    const keys = [
      [{ id: 'post-b' }, { id: 'post-a' }],
      [{ id: 'post-a' }],
      [{ id: 'post-a' }, { id: 'post-b' }, { id: 'case-c' }],
    ].map((items) => buildPageCacheKey(topicPage({ lists: { items } })));
    for (const key of keys) expect(key).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps two lists apart: an entry moving from one to the other changes the key', () => {
    const person = (contactFor: { id: string }[], written: { id: string }[]) =>
      buildPageCacheKey(topicPage({ lists: { contactFor, written } }));
    expect(person([{ id: 'post-a' }], [{ id: 'post-b' }])).not.toBe(
      person([{ id: 'post-a' }, { id: 'post-b' }], []),
    );
  });

  it('changes with the settings, the route’s own entry and its other values', () => {
    const base = buildPageCacheKey(topicPage());
    expect(buildPageCacheKey(topicPage({ settingsDigest: 'settings-2' }))).not.toBe(base);
    expect(
      buildPageCacheKey(topicPage({ entry: { id: 'topic-1', digest: 'topic-digest-2' } })),
    ).not.toBe(base);
    expect(
      buildPageCacheKey(topicPage({ entry: { id: 'topic-2', digest: 'topic-digest-1' } })),
    ).not.toBe(base);
    expect(buildPageCacheKey(topicPage({ entry: undefined }))).not.toBe(base);
    expect(buildPageCacheKey(topicPage({ values: { page: 2, pageCount: 4 } }))).not.toBe(base);
    expect(buildPageCacheKey(topicPage({ values: { years: [2024, 2023] } }))).not.toBe(
      buildPageCacheKey(topicPage({ values: { years: [2024, 2022] } })),
    );
  });

  it('cannot be fooled by digests that run into each other', () => {
    expect(buildPageCacheKey({ settingsDigest: 'ab', entry: { id: 'c', digest: 'd' } })).not.toBe(
      buildPageCacheKey({ settingsDigest: 'a', entry: { id: 'bc', digest: 'd' } }),
    );
  });

  it('refuses a listed entry without a digest, naming it and the list', () => {
    expect(() =>
      buildPageCacheKey(topicPage({ lists: { written: [{ id: 'person-x' }] } })),
    ).toThrow(/list "written" names entry "person-x"/);
  });
});
