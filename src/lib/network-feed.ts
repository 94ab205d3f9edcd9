/**
 * «Fra nettverket»: reads another municipality's RSS feed into items that are safe to show.
 * Only a title, a date, a summary as plain text and an http(s) link survive; markup,
 * scripts and every other field are dropped. Pure: `src/site/network.ts` fetches the feeds.
 * See docs/architecture.md, «The network».
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser as HtmlParser } from 'htmlparser2';

/** One item from a network site, ready to render as text. */
export interface NetworkItem {
  title: string;
  /** Absolute http(s) URL of the item on the other site. */
  link: string;
  /** ISO 8601, or undefined when the feed gave no date that parses. */
  date: string | undefined;
  summary: string;
  /** `nb`, `nn` or `en` when the feed says so; else undefined. */
  language: string | undefined;
}

/** How much of each text survives. */
export const NETWORK_LIMITS = { title: 200, summary: 300, items: 5 } as const;

/** Why a feed could not be read; the message names what is wrong. */
export class NetworkFeedError extends Error {
  override name = 'NetworkFeedError';
}

// Characters XML and HTML must not carry, and invisible direction controls.
// eslint-disable-next-line no-control-regex -- the point is to remove control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

// Tags that end a line of text, so that the words around them stay apart.
const BLOCK_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'blockquote',
  'figure',
  'figcaption',
]);

/** Plain text of a string that may hold HTML: text nodes only, whitespace collapsed. */
export function toPlainText(value: string): string {
  let text = '';
  let skipped = 0;
  const parser = new HtmlParser(
    {
      onopentagname(name) {
        if (name === 'script' || name === 'style') skipped += 1;
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style') && skipped > 0) skipped -= 1;
        else if (BLOCK_TAGS.has(name)) text += ' ';
      },
      ontext(chunk) {
        if (skipped === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(value);
  parser.end();
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis when cut. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** An http(s) URL, absolute against the site; undefined for any other scheme or no URL. */
function toSafeLink(value: unknown, base: URL): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The language of a feed or item as the site knows it (`nb-NO` → `nb`). */
function toLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toLowerCase().split(/[-_]/)[0];
  if (code === 'no') return 'nb';
  return code === 'nb' || code === 'nn' || code === 'en' ? code : undefined;
}

/** A text field of the parsed XML: a string, or the text of an element with attributes. */
function readText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) {
    return readText(value['#text']);
  }
  return '';
}

/**
 * Reads an RSS 2.0 feed into at most `NETWORK_LIMITS.items` items, newest first. Throws a
 * `NetworkFeedError` naming the problem when the text is not well-formed XML, declares a
 * DOCTYPE (entities are never expanded), or is not RSS 2.0.
 */
export function parseNetworkFeed(xml: string, siteUrl: URL): NetworkItem[] {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new NetworkFeedError('the feed declares a DOCTYPE, which is never read');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new NetworkFeedError(
      `the feed is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const parsed: unknown = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    processEntities: true,
    htmlEntities: true,
    trimValues: true,
    isArray: (_name, path) => path === 'rss.channel.item',
  }).parse(xml);
  const channel =
    typeof parsed === 'object' && parsed !== null && 'rss' in parsed
      ? (parsed as { rss: { channel?: unknown } }).rss.channel
      : undefined;
  if (typeof channel !== 'object' || channel === null) {
    throw new NetworkFeedError('the feed is not RSS 2.0 (no <rss><channel>)');
  }
  const { item, language: channelLanguage } = channel as { item?: unknown; language?: unknown };
  const items: NetworkItem[] = [];
  for (const raw of Array.isArray(item) ? item : []) {
    if (typeof raw !== 'object' || raw === null) continue;
    const fields = raw as Record<string, unknown>;
    const link = toSafeLink(readText(fields['link']) || readText(fields['guid']), siteUrl);
    const title = truncate(toPlainText(readText(fields['title'])), NETWORK_LIMITS.title);
    if (!link || !title) continue;
    const time = Date.parse(readText(fields['pubDate']));
    items.push({
      title,
      link,
      date: Number.isNaN(time) ? undefined : new Date(time).toISOString(),
      summary: truncate(toPlainText(readText(fields['description'])), NETWORK_LIMITS.summary),
      language: toLanguage(readText(fields['dc:language'])) ?? toLanguage(channelLanguage),
    });
  }
  return items
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .slice(0, NETWORK_LIMITS.items);
}
