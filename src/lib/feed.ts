/**
 * Feeds for Kommune-Norge: documents → RSS 2.0 items and channels, and the XML writer.
 * Pure: rendering and image lookups happen before, in the endpoints; here every URL is
 * made absolute, items are chosen and ordered, and the XML is written well-formed, with
 * `content:encoded`, `dc:creator` and `atom:link rel="self"`.
 *
 * Why not `@astrojs/rss` (measured with 4.0.19, the same 50-item channels built from the
 * sample site's feed, 90 feeds as at 10,000 documents): it has no field for a category's
 * `domain`, `dc:creator`, `dc:language`, the channel's language, image, `lastBuildDate` or
 * `atom:link`, so all of those must go through `customData`, which it re-parses with
 * fast-xml-parser's defaults. That changes what editors wrote: an author or topic named
 * «1e3», «0x10», «1.10» or «007» came out as 1000, 16, 1.1 and 7, and surrounding spaces
 * were trimmed. It keeps control characters XML forbids (one in a title makes the whole
 * feed unreadable), and it took 8.3 ms a feed against 0.7 ms here (0.75 s against 0.06 s
 * for the 90 feeds, +10 MB heap against +1 MB). The writer below is some fifty lines, and
 * the feed tests read its output with two parsers (fast-xml-parser and rss-parser); see
 * docs/architecture.md.
 */
import type { ContentType, Language } from '../../content-schemas/constants.ts';
import { ROUTES, toAbsoluteUrl } from '../../content-schemas/routes.ts';
import { byId, sortNewestFirst } from './archive.ts';

/** The most items a feed carries; readers only need the latest. */
export const FEED_ITEM_LIMIT = 50;

/** A link to a topic, service area or author, as the loader resolved it. */
export interface FeedTerm {
  id: string;
  title: string;
  slug: string;
  /** Site-relative path of the term's own page. */
  href: string;
}

/** The main image as a file: where it is served and how big it is. */
export interface FeedEnclosure {
  /** Site-relative path or absolute URL. */
  url: string;
  /** Bytes of the file as served. */
  length: number;
  /** MIME type, e.g. `image/jpeg`. */
  type: string;
}

/** One published document, rendered, ready to become a feed item. */
export interface FeedSource {
  id: string;
  type: ContentType;
  title: string;
  /** Site-relative path of the document's page (its canonical URL once absolute). */
  href: string;
  excerpt?: string | undefined;
  publishedAt: string;
  updatedAt: string;
  language: Language;
  authors: readonly { title: string }[];
  topics: readonly FeedTerm[];
  serviceAreas: readonly FeedTerm[];
  /** The whole body as the page renders it; relative URLs are made absolute here. */
  html: string;
  /**
   * Problems met while rendering (a link shown as text, an image left out). The document is
   * in the feeds all the same, as its page shows it; the problems go to the build log.
   */
  problems: readonly string[];
  enclosure?: FeedEnclosure | undefined;
}

/** A category with the URL of its page as `domain`. */
export interface FeedCategory {
  name: string;
  domain: string;
}

/** An RSS item with every URL absolute. */
export interface FeedItem {
  title: string;
  link: string;
  /** The canonical URL: it never changes for a document, so readers never show it twice. */
  guid: string;
  pubDate: string;
  /** ISO date of the last change, for the channel's `lastBuildDate`. */
  updatedAt: string;
  description: string;
  contentHtml: string;
  creators: string[];
  categories: FeedCategory[];
  language: string;
  enclosure?: FeedEnclosure | undefined;
}

/** A channel's image (RSS `<image>`). */
export interface FeedImage {
  url: string;
  title: string;
  link: string;
}

/** A whole feed, ready to write. */
export interface FeedChannel {
  title: string;
  /** The HTML page the feed belongs to, absolute. */
  link: string;
  description: string;
  /** RFC 5646 language of the channel, e.g. `nb-NO`. */
  language: string;
  /** The feed's own absolute URL, for `atom:link rel="self"`. */
  selfUrl: string;
  image?: FeedImage | undefined;
  items: FeedItem[];
}

/** Which documents a feed carries. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'type'; type: ContentType }
  | { kind: 'topic' | 'serviceArea'; id: string };

/** A rendered document and the problems its rendering met. */
export type RenderedSource = Pick<FeedSource, 'id' | 'type' | 'problems'>;

const FEED_LANGUAGES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en' };

/** Returns the language tag a feed uses for a document language (`nb` → `nb-NO`). */
export function getFeedLanguage(language: Language): string {
  return FEED_LANGUAGES[language];
}

/** Formats a date as RFC 822 (with a four-digit year, as RSS readers expect). */
export function toRfc822(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`"${String(value)}" is not a date; a feed needs a real publication date.`);
  }
  return date.toUTCString();
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates and U+FFFE/F.
// eslint-disable-next-line no-control-regex -- the point is to remove control characters
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content or a double-quoted attribute, dropping characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Makes one URL absolute against the site; anchors, mailto: and tel: stay as they are. */
export function toAbsoluteHref(value: string, site: string | URL): string {
  const trimmed = value.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return new URL(trimmed, site).href;
}

/**
 * Rewrites every `href`, `src` and `srcset` attribute in rendered HTML to an absolute URL,
 * so links and images work inside a feed reader. Only real attributes match: quotes in
 * text are escaped by the renderer, so user text is never touched.
 */
export function absolutizeHtml(html: string, site: string | URL): string {
  return html
    .replace(/(\s(?:href|src))="([^"]*)"/g, (_match, name: string, value: string) => {
      const absolute = toAbsoluteHref(decodeAttribute(value), site);
      return `${name}="${escapeXml(absolute)}"`;
    })
    .replace(/(\ssrcset)="([^"]*)"/g, (_match, name: string, value: string) => {
      const candidates = decodeAttribute(value)
        .split(',')
        .map((candidate) => candidate.trim())
        .filter(Boolean)
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.split(/\s+/);
          return [toAbsoluteHref(url, site), ...descriptor].join(' ');
        });
      return `${name}="${escapeXml(candidates.join(', '))}"`;
    });
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Turns rendered HTML into plain text: tags dropped, entities decoded, whitespace folded. */
export function toPlainText(html: string): string {
  return decodeAttribute(
    html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption|aside)>/g, ' ').replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Whether a source belongs in a feed of the given scope. */
export function isInScope(
  source: Pick<FeedSource, 'type' | 'topics' | 'serviceAreas'>,
  scope: FeedScope,
): boolean {
  switch (scope.kind) {
    case 'site':
      return true;
    case 'type':
      return source.type === scope.type;
    case 'topic':
      return source.topics.some((topic) => topic.id === scope.id);
    case 'serviceArea':
      return source.serviceAreas.some((area) => area.id === scope.id);
  }
}

/** Formats what rendering a document for the feeds met, naming it, for the build log. */
export function formatRenderProblems(source: RenderedSource): string {
  return `feeds: ${source.type} "${source.id}" · body: ${source.problems.join('; ')} (shown as its page shows it)`;
}

/** What a feed needs to know of a document before rendering it. */
export type FeedCandidate = Pick<
  FeedSource,
  'id' | 'publishedAt' | 'type' | 'topics' | 'serviceAreas'
>;

/** How `selectFeedSources` turns candidates into sources, and which it takes. */
export interface FeedSelection<T extends FeedCandidate> {
  /** Renders a candidate (the caller may cache); called only as far down as needed. */
  render: (candidate: T) => FeedSource | Promise<FeedSource>;
  limit?: number;
  /** A further condition on a rendered source (e.g. that it has an enclosure). */
  accept?: (source: FeedSource) => boolean;
}

/**
 * The candidates newest first, sorted once per array: a build asks for each of its feeds
 * (and each feed's cache key) from the same array of every article, and sorting 10,000 of
 * them some ninety times took ~0.6 s of CPU.
 */
const newestFirst = new WeakMap<readonly FeedCandidate[], readonly FeedCandidate[]>();

function sortedOnce<T extends FeedCandidate>(candidates: readonly T[]): readonly T[] {
  let sorted = newestFirst.get(candidates) as readonly T[] | undefined;
  if (!sorted) {
    sorted = sortNewestFirst(candidates, byId);
    newestFirst.set(candidates, sorted);
  }
  return sorted;
}

/**
 * Picks a feed's documents: in scope, newest first (ties by
 * id, so the order never wobbles), at most
 * `limit`. Candidates are rendered in that order only until the feed is full, so a large
 * archive costs a feed no more than its newest documents. The order is kept for the
 * array given, so the array must not change between calls.
 */
export async function selectFeedSources<T extends FeedCandidate>(
  candidates: readonly T[],
  scope: FeedScope,
  { render, limit = FEED_ITEM_LIMIT, accept = () => true }: FeedSelection<T>,
): Promise<FeedSource[]> {
  const chosen: FeedSource[] = [];
  for (const candidate of sortedOnce(candidates)) {
    if (chosen.length >= limit) break;
    if (!isInScope(candidate, scope)) continue;
    const source = await render(candidate);
    // A document whose page renders is in the feeds too, whatever its render problems.
    if (accept(source)) chosen.push(source);
  }
  return chosen;
}

/** Turns a rendered document into an RSS item with every URL absolute. */
export function toFeedItem(source: FeedSource, site: string | URL): FeedItem {
  const link = toAbsoluteUrl(source.href, site);
  const contentHtml = absolutizeHtml(source.html, site);
  const description = source.excerpt?.trim() || truncateText(toPlainText(contentHtml), 300);
  const categories = [...source.topics, ...source.serviceAreas].map((term) => ({
    name: term.title,
    domain: toAbsoluteUrl(term.href, site),
  }));
  return {
    title: source.title,
    link,
    guid: link,
    pubDate: toRfc822(source.publishedAt),
    updatedAt: source.updatedAt,
    description,
    contentHtml,
    creators: source.authors.map((author) => author.title),
    categories,
    language: getFeedLanguage(source.language),
    ...(source.enclosure
      ? { enclosure: { ...source.enclosure, url: toAbsoluteHref(source.enclosure.url, site) } }
      : {}),
  };
}

/** The newest `updatedAt` among items (or their publication), or undefined for an empty feed. */
export function getLastBuildDate(items: readonly FeedItem[]): string | undefined {
  let newest: number | undefined;
  for (const item of items) {
    const updated = Date.parse(item.updatedAt);
    const published = Date.parse(item.pubDate);
    const time = Math.max(
      Number.isNaN(updated) ? -Infinity : updated,
      Number.isNaN(published) ? -Infinity : published,
    );
    if (Number.isFinite(time) && (newest === undefined || time > newest)) newest = time;
  }
  return newest === undefined ? undefined : toRfc822(new Date(newest));
}

function element(name: string, text: string, indent: string): string {
  return `${indent}<${name}>${escapeXml(text)}</${name}>\n`;
}

/**
 * Writes a channel as RSS 2.0. `lastBuildDate` is the newest item's update, not the clock,
 * so two builds of unchanged content write byte-identical feeds.
 */
export function writeRss(channel: FeedChannel): string {
  const lastBuildDate = getLastBuildDate(channel.items);
  let xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    // A browser shows the feed through this stylesheet; feed readers ignore it.
    `<?xml-stylesheet type="text/xsl" href="${ROUTES.feedStylesheet}"?>\n` +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" ' +
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
    '  <channel>\n';
  const c = '    ';
  xml += element('title', channel.title, c);
  xml += element('link', channel.link, c);
  xml += element('description', channel.description, c);
  xml += element('language', channel.language, c);
  if (lastBuildDate) xml += element('lastBuildDate', lastBuildDate, c);
  xml += `${c}<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>\n`;
  if (channel.image) {
    xml += `${c}<image>\n`;
    xml += element('url', channel.image.url, `${c}  `);
    xml += element('title', channel.image.title, `${c}  `);
    xml += element('link', channel.image.link, `${c}  `);
    xml += `${c}</image>\n`;
  }
  const i = '      ';
  for (const item of channel.items) {
    xml += `${c}<item>\n`;
    xml += element('title', item.title, i);
    xml += element('link', item.link, i);
    xml += `${i}<guid isPermaLink="true">${escapeXml(item.guid)}</guid>\n`;
    xml += element('pubDate', item.pubDate, i);
    xml += element('description', item.description, i);
    xml += element('content:encoded', item.contentHtml, i);
    for (const creator of item.creators) xml += element('dc:creator', creator, i);
    xml += element('dc:language', item.language, i);
    for (const category of item.categories) {
      xml += `${i}<category domain="${escapeXml(category.domain)}">${escapeXml(category.name)}</category>\n`;
    }
    if (item.enclosure) {
      xml +=
        `${i}<enclosure url="${escapeXml(item.enclosure.url)}" ` +
        `length="${Math.max(0, Math.round(item.enclosure.length))}" type="${escapeXml(item.enclosure.type)}"/>\n`;
    }
    xml += `${c}</item>\n`;
  }
  xml += '  </channel>\n</rss>\n';
  return xml;
}

/** Guesses an image's MIME type from its file name, for `enclosure type`. */
export function getImageMimeType(file: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(file)?.[1]?.toLowerCase();
  switch (extension) {
    case 'jpg':
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'gif':
      return 'image/gif';
    case 'webp':
      return 'image/webp';
    case 'avif':
      return 'image/avif';
    case 'svg':
      return 'image/svg+xml';
    default:
      return undefined;
  }
}
