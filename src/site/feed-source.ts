/**
 * Reads the published documents once per build, newest first, and renders them as their
 * pages do for the feed endpoints: images through Astro's pipeline, case sections with
 * their headings, the main image as an enclosure with the size of the file served. A
 * document is rendered only when a feed reaches it (each feed shows at most 50), once per
 * build, so a large archive costs the feeds no more than its newest documents. The feed
 * logic itself lives in `src/lib/feed.ts`.
 */
import fs from 'node:fs/promises';
import { escapeHTML } from '@portabletext/to-html';
import type { ImageMetadata } from 'astro';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import {
  getDocumentPath,
  getFeedPath,
  getTypeListPath,
  ROUTES,
  toAbsoluteUrl,
} from '../../content-schemas/routes.ts';
import {
  formatRenderProblems,
  getImageMimeType,
  selectFeedSources,
  toFeedItem,
  writeRss,
  type FeedChannel,
  type FeedEnclosure,
  type FeedScope,
  type FeedSource,
} from '../lib/feed.ts';
import { buildPageCacheKey, type DigestedEntry } from '../lib/cache-key.ts';
import { t } from '../lib/i18n.ts';
import { DEFAULT_SITE_SETTINGS } from '../sanity/normalise/site-content.ts';
import type { SiteSettingsData, TermData } from '../sanity/normalise/schemas.ts';
import { renderCase } from './render-case.ts';
import { loadBlocks, renderText } from './render-text.ts';
import { getArticleDigests, getSettingsDigest, toDigestedEntry } from './site-data.ts';

type Article =
  | CollectionEntry<'post'>['data']
  | CollectionEntry<'projectStory'>['data']
  | CollectionEntry<'caseStudy'>['data'];
type MainImage = NonNullable<Article['mainImage']>;

/** Everything the feed endpoints need, loaded once. */
export interface FeedData {
  settings: SiteSettingsData;
  /** Every published post, project story and case, unrendered; each feed orders them. */
  articles: Article[];
  /** The document rendered for feeds, once per build; problems are reported on first use. */
  render: (doc: Article) => Promise<FeedSource>;
  topics: TermData[];
  serviceAreas: TermData[];
}

/** Renders a document's whole text as its page does; for cases every section with its heading. */
async function renderArticle(doc: Article): Promise<{ html: string; problems: string[] }> {
  if (doc.type !== 'caseStudy') {
    const body = await renderText(await loadBlocks(doc, 'body'));
    return { html: body.html, problems: body.problems.map((problem) => `body: ${problem}`) };
  }
  const { intro, sections, problems } = await renderCase(doc);
  return {
    html: [
      intro.html,
      ...sections.map(
        ({ section, html }) =>
          `<h2 id="${section.headingId}">${escapeHTML(section.heading)}</h2>${html}`,
      ),
    ].join(''),
    problems: problems.map(({ field, problem }) => `${field}: ${problem}`),
  };
}

/** The main image as the file a reader downloads: URL, bytes and type. */
async function getEnclosure(
  doc: Article,
  image: MainImage,
  warn: (line: string) => void,
): Promise<FeedEnclosure | undefined> {
  if (typeof image.src !== 'string') {
    const meta: ImageMetadata & { fsPath?: string } = image.src;
    const type = getImageMimeType(`.${meta.format}`);
    if (!meta.fsPath || !type) {
      warn(`feeds: ${doc.type} "${doc.id}" · mainImage: its file could not be found; no enclosure`);
      return undefined;
    }
    const { size } = await fs.stat(meta.fsPath);
    return { url: meta.src, length: size, type };
  }
  // A Content Lake image: ask the CDN for its size once, at build time.
  try {
    const response = await fetch(image.src, { method: 'HEAD' });
    const length = Number(response.headers.get('content-length'));
    const type = response.headers.get('content-type')?.split(';')[0] ?? getImageMimeType(image.src);
    if (response.ok && Number.isFinite(length) && length > 0 && type) {
      return { url: image.src, length, type };
    }
    warn(
      `feeds: ${doc.type} "${doc.id}" · mainImage: the CDN answered ${response.status}; no enclosure`,
    );
  } catch (error) {
    warn(`feeds: ${doc.type} "${doc.id}" · mainImage: ${String(error)}; no enclosure`);
  }
  return undefined;
}

async function toSource(doc: Article, warn: (line: string) => void): Promise<FeedSource> {
  const { html, problems } = await renderArticle(doc);
  return {
    id: doc.id,
    type: doc.type,
    title: doc.title,
    href: doc.href,
    excerpt: doc.excerpt,
    publishedAt: doc.publishedAt,
    updatedAt: doc.updatedAt,
    language: doc.language,
    authors: doc.authors,
    topics: doc.topics,
    serviceAreas: doc.serviceAreas,
    html,
    problems,
    enclosure: doc.mainImage ? await getEnclosure(doc, doc.mainImage, warn) : undefined,
  };
}

async function loadFeedData(): Promise<FeedData> {
  const warn = (line: string) => console.warn(line);
  const [posts, stories, cases, topics, serviceAreas, settings] = await Promise.all([
    getCollection('post'),
    getCollection('projectStory'),
    getCollection('caseStudy'),
    getCollection('topic'),
    getCollection('serviceArea'),
    getEntry('siteSettings', 'siteSettings'),
  ]);
  // selectFeedSources sorts this array newest first once, for every feed.
  const articles: Article[] = [...posts, ...stories, ...cases].map((entry) => entry.data);
  const rendered = new Map<string, Promise<FeedSource>>();
  const render = (doc: Article): Promise<FeedSource> => {
    let source = rendered.get(doc.id);
    if (!source) {
      source = toSource(doc, warn).then((done) => {
        if (done.problems.length > 0) warn(formatRenderProblems(done));
        return done;
      });
      rendered.set(doc.id, source);
    }
    return source;
  };
  const byTitle = (a: TermData, b: TermData) => a.title.localeCompare(b.title, 'nb');
  return {
    settings: settings?.data ?? DEFAULT_SITE_SETTINGS,
    articles,
    render,
    topics: topics.map((entry) => entry.data).sort(byTitle),
    serviceAreas: serviceAreas.map((entry) => entry.data).sort(byTitle),
  };
}

let loaded: Promise<FeedData> | undefined;

/** The feed data of this build, loaded and rendered on first use. */
export function getFeedData(): Promise<FeedData> {
  loaded ??= loadFeedData();
  return loaded;
}

/** A feed the site publishes: where it lives, what it is called, what it carries. */
export interface FeedDescriptor {
  scope: FeedScope;
  path: string;
  /** The HTML page it belongs to. */
  pagePath: string;
  title: string;
  description: string;
}

/** Lists every feed of the site: the whole site, each type, each topic and service area. */
export function listFeeds(data: FeedData): FeedDescriptor[] {
  const site = data.settings.title;
  const types = ['post', 'projectStory', 'caseStudy'] as const;
  return [
    {
      scope: { kind: 'site' },
      path: getFeedPath({ kind: 'site' }),
      pagePath: ROUTES.home,
      title: site,
      description: t.feeds.siteDescription(site),
    },
    ...types.map((type): FeedDescriptor => ({
      scope: { kind: 'type', type },
      path: getFeedPath({ kind: 'type', type }),
      pagePath: getTypeListPath(type),
      title: t.feeds.typeTitle(site, t.feeds.typeNames[type]),
      description: t.feeds.typeDescription(t.feeds.typeNames[type], site),
    })),
    ...data.topics.map((topic) =>
      toTermFeed('topic', topic, {
        title: t.feeds.topicTitle(site, topic.title),
        description: t.feeds.topicDescription(topic.title),
      }),
    ),
    ...data.serviceAreas.map((area) =>
      toTermFeed('serviceArea', area, {
        title: t.feeds.serviceAreaTitle(site, area.title),
        description: t.feeds.serviceAreaDescription(area.title),
      }),
    ),
  ];
}

/** The feed of one topic or service area; the term's own description goes before the default. */
function toTermFeed(
  kind: 'topic' | 'serviceArea',
  term: TermData,
  text: { title: string; description: string },
): FeedDescriptor {
  return {
    scope: { kind, id: term.id },
    path: getFeedPath({ kind, slug: term.slug }),
    pagePath: getDocumentPath(kind, term.slug),
    title: text.title,
    description: term.description ?? text.description,
  };
}

/** What a feed shows from the content: its items, and the source of its channel image. */
export interface FeedContents {
  items: FeedSource[];
  /** The newest source with a main image on the whole site (the site has no logo of its own). */
  imageSource: FeedSource | undefined;
}

/** Picks what one feed shows; the feed and its cache key both read it from here. */
export async function selectFeedContents(data: FeedData, scope: FeedScope): Promise<FeedContents> {
  const [items, [imageSource]] = await Promise.all([
    selectFeedSources(data.articles, scope, { render: data.render }),
    selectFeedSources(
      data.articles,
      { kind: 'site' },
      {
        render: data.render,
        limit: 1,
        accept: (source) => source.enclosure !== undefined,
      },
    ),
  ]);
  return { items, imageSource };
}

/**
 * Builds the `cacheKey` of a topic or service-area feed: the settings, the term, each item
 * and the channel image's source (id and digest, in order), and the enclosure sizes, which
 * come from the image files or the CDN rather than from the documents.
 */
export async function buildFeedCacheKey(
  data: FeedData,
  scope: FeedScope,
  keys: { settingsDigest: string; entry: DigestedEntry; digests: ReadonlyMap<string, string> },
): Promise<string> {
  const { items, imageSource } = await selectFeedContents(data, scope);
  return buildPageCacheKey({
    ...keys,
    lists: { items, image: imageSource ? [imageSource] : [] },
    values: {
      enclosures: [...items, ...(imageSource ? [imageSource] : [])].map(
        (source) => source.enclosure?.length ?? 0,
      ),
    },
  });
}

/**
 * The paths of the topic or service-area feeds, one per term, each keyed on what the feed
 * shows (see `buildFeedCacheKey`).
 */
export async function getTermFeedPaths(
  kind: 'topic' | 'serviceArea',
): Promise<{ params: { slug: string }; cacheKey: string }[]> {
  const [terms, data, digests, settingsDigest] = await Promise.all([
    getCollection(kind),
    getFeedData(),
    getArticleDigests(),
    getSettingsDigest(),
  ]);
  return Promise.all(
    terms.map(async (entry) => ({
      params: { slug: entry.data.slug },
      cacheKey: await buildFeedCacheKey(
        data,
        { kind, id: entry.data.id },
        { settingsDigest, entry: toDigestedEntry(entry), digests },
      ),
    })),
  );
}

/** Writes the feed of one topic or service area, by its slug. */
export function createTermFeedResponse(
  site: URL | undefined,
  kind: 'topic' | 'serviceArea',
  slug: string,
): Promise<Response> {
  const path = getFeedPath({ kind, slug });
  return createFeedResponse(site, (feeds) =>
    feeds.find((feed) => feed.scope.kind === kind && feed.path === path),
  );
}

/** Writes one feed as an RSS response. */
export async function createFeedResponse(
  site: URL | undefined,
  pick: (feeds: FeedDescriptor[]) => FeedDescriptor | undefined,
): Promise<Response> {
  if (!site) throw new Error('Feeds need absolute URLs: set SITE_URL (Astro `site`).');
  const data = await getFeedData();
  const feed = pick(listFeeds(data));
  if (!feed) return new Response('Ingen slik strøm.', { status: 404 });
  const link = toAbsoluteUrl(feed.pagePath, site);
  const { items, imageSource } = await selectFeedContents(data, feed.scope);
  const channel: FeedChannel = {
    title: feed.title,
    link,
    description: feed.description,
    language: 'nb-NO',
    selfUrl: toAbsoluteUrl(feed.path, site),
    image: imageSource?.enclosure
      ? { url: toAbsoluteUrl(imageSource.enclosure.url, site), title: feed.title, link }
      : undefined,
    items: items.map((source) => toFeedItem(source, site)),
  };
  return new Response(writeRss(channel), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}
