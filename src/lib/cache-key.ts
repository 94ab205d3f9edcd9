/**
 * Cache keys for Astro's incremental build: a page is reused from the last build only while
 * its key is unchanged, so the key must change exactly when something the page shows does.
 * A key digests the settings (the layout shows them on every page), the route's own entry,
 * every entry the page lists or links (id and content-layer digest, in order) and whatever
 * else it renders from data (page numbers, year lists, counts).
 */
import { createHash } from 'node:crypto';

/** An entry as a key sees it: its id and the digest the content layer stored for it. */
export interface DigestedEntry {
  id: string;
  digest: string;
}

/** A value a page renders from data besides entries: a page number, a list of years… */
export type KeyValue = string | number | boolean | null | readonly (string | number)[];

/** Everything a page's output depends on besides its code. */
export interface PageKeyParts {
  /** Digest of the site settings. */
  settingsDigest: string;
  /** The route's own entry (a post, a topic, a person), if it has one. */
  entry?: DigestedEntry | undefined;
  /** Each list the page shows, by name, with its entries in the order shown. */
  lists?: Readonly<Record<string, readonly { id: string }[]>>;
  /** The digest of every entry a list may name, by id. Needed when `lists` is given. */
  digests?: ReadonlyMap<string, string>;
  /** Anything else the page renders from data, by name. */
  values?: Readonly<Record<string, KeyValue | undefined>>;
}

/** Length in hex digits of a key: 128 bits, so two different inputs never meet in practice. */
const KEY_LENGTH = 32;

/**
 * Builds a page's `cacheKey`. Throws when a listed entry has no digest, since a key that
 * leaves an entry out would keep a stale page.
 */
export function buildPageCacheKey(parts: PageKeyParts): string {
  const lists = Object.entries(parts.lists ?? {}).map(([name, items]) => [
    name,
    items.map((item) => {
      const digest = parts.digests?.get(item.id);
      if (digest === undefined) {
        throw new Error(
          `cache key: list "${name}" names entry "${item.id}", but no digest was given for it; ` +
            'pass the digests of every collection the page lists',
        );
      }
      return [item.id, digest];
    }),
  ]);
  const values = Object.entries(parts.values ?? {}).filter(([, value]) => value !== undefined);
  // JSON keeps each part apart: no two different inputs serialise to the same text.
  const text = JSON.stringify([
    parts.settingsDigest,
    parts.entry ? [parts.entry.id, parts.entry.digest] : null,
    lists,
    values,
  ]);
  return createHash('sha256').update(text).digest('hex').slice(0, KEY_LENGTH);
}
