/**
 * Fetches the feeds of the network's sites for «Fra nettverket» (`/nettverket/`) at build
 * time: each with a time limit and a size limit, all at once. A site that is down, slow,
 * too large or sends something that is not a feed is skipped with a note naming it and why;
 * its items from the last build that read it are kept (a small file per site in the cache
 * folder), so one bad day elsewhere never empties the page. See docs/architecture.md,
 * «The network».
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { NetworkFeedError, parseNetworkFeed, type NetworkItem } from '../lib/network-feed.ts';

/** A site in the network, as the settings name it. */
export interface NetworkSite {
  name: string;
  url: string;
}

/** What the page shows for one site. */
export interface NetworkSiteFeed {
  site: NetworkSite;
  feedUrl: string;
  items: NetworkItem[];
  /** Why this build could not read the feed; undefined when it could. */
  skipped: string | undefined;
  /** When the items were read (ISO 8601), or undefined when never. */
  readAt: string | undefined;
}

/** Limits and places for one run. */
export interface NetworkOptions {
  /** Where the last good items of each site are kept between builds. */
  cacheDir: string;
  /** Per site, for the whole request. */
  timeoutMs?: number;
  /** Per site: a feed larger than this is not read. */
  maxBytes?: number;
  now?: Date;
  /** Receives one line per skipped site, for the build log. */
  log?: (line: string) => void;
}

/** The defaults: a feed of 50 items with full text is some hundreds of kilobytes. */
export const NETWORK_DEFAULTS = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 } as const;

/** The address of a site's feed of everything: `/rss.xml` at its root. */
export function toFeedUrl(siteUrl: string): URL {
  const base = new URL(siteUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL('rss.xml', base);
}

/** Reads a response body as UTF-8, refusing it once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new NetworkFeedError(`the feed is larger than ${maxBytes} bytes (${declared})`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new NetworkFeedError(`the feed is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Fetches and parses one site's feed; throws with a reason a reader of the log understands. */
async function readSite(
  feedUrl: URL,
  siteUrl: URL,
  timeoutMs: number,
  maxBytes: number,
): Promise<NetworkItem[]> {
  let response: Response;
  try {
    response = await fetch(feedUrl, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8' },
      redirect: 'follow',
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `could not connect (${error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)})`;
    throw new NetworkFeedError(reason);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new NetworkFeedError(`the feed answered HTTP ${response.status}`);
  }
  try {
    return parseNetworkFeed(await readCapped(response, maxBytes), siteUrl);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new NetworkFeedError(`no answer within ${timeoutMs} ms`);
    }
    throw error;
  }
}

/** The cache file of a site: named by its address, so a renamed site keeps its items. */
function cacheFile(cacheDir: string, feedUrl: URL): string {
  const hash = createHash('sha256').update(feedUrl.href).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${hash}.json`);
}

/** The last good items of a site, or undefined when there are none (or the file is unreadable). */
async function readCache(
  file: string,
): Promise<{ readAt: string; items: NetworkItem[] } | undefined> {
  try {
    const cached = JSON.parse(await fs.readFile(file, 'utf8')) as {
      readAt?: unknown;
      items?: unknown;
    };
    if (typeof cached.readAt !== 'string' || !Array.isArray(cached.items)) return undefined;
    // Written by an earlier build, but a file on disk is still input: keep only sound items.
    const items = (cached.items as unknown[]).filter(
      (item): item is NetworkItem =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as NetworkItem).title === 'string' &&
        typeof (item as NetworkItem).summary === 'string' &&
        /^https?:\/\//.test(String((item as NetworkItem).link)),
    );
    return { readAt: cached.readAt, items };
  } catch {
    return undefined;
  }
}

/** Reads every site's feed (see the module comment); never throws for a site's fault. */
export async function loadNetworkFeeds(
  sites: readonly NetworkSite[],
  options: NetworkOptions,
): Promise<NetworkSiteFeed[]> {
  const timeoutMs = options.timeoutMs ?? NETWORK_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? NETWORK_DEFAULTS.maxBytes;
  const now = options.now ?? new Date();
  await fs.mkdir(options.cacheDir, { recursive: true });
  return Promise.all(
    sites.map(async (site): Promise<NetworkSiteFeed> => {
      const siteUrl = new URL(site.url);
      const feedUrl = toFeedUrl(site.url);
      const file = cacheFile(options.cacheDir, feedUrl);
      try {
        const items = await readSite(feedUrl, siteUrl, timeoutMs, maxBytes);
        const readAt = now.toISOString();
        await fs.writeFile(file, JSON.stringify({ readAt, items }));
        return { site, feedUrl: feedUrl.href, items, skipped: undefined, readAt };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const cached = await readCache(file);
        options.log?.(
          `network: ${site.name} (${feedUrl.href}) skipped: ${reason}; ` +
            (cached
              ? `showing its ${cached.items.length} item(s) read ${cached.readAt}`
              : 'nothing earlier to show'),
        );
        return {
          site,
          feedUrl: feedUrl.href,
          items: cached?.items ?? [],
          skipped: reason,
          readAt: cached?.readAt,
        };
      }
    }),
  );
}
