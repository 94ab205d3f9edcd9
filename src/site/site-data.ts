/**
 * What pages read from the content layer, loaded once per build: the settings, the three
 * content types sorted newest first, and helpers that tie an entry to Astro (cache keys,
 * absolute image URLs, build-time warnings for Portable Text problems).
 */
import path from 'node:path';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { getImage } from 'astro:assets';
import { CASE_BLOCKS_FIELDS, type CaseBlocksField } from '../../content-schemas/case-sections.ts';
import {
  getFeedPath,
  getTypeListPath,
  toAbsoluteUrl,
  TYPE_SEGMENTS,
} from '../../content-schemas/routes.ts';
import type { FeedLink } from '../layouts/BaseLayout.astro';
import { groupByYear, sortNewestFirst } from '../lib/archive.ts';
import { buildPageCacheKey, type DigestedEntry } from '../lib/cache-key.ts';
import { groupByKeys } from '../lib/group.ts';
import { t } from '../lib/i18n.ts';
import { paginate, type ListPage } from '../lib/pagination.ts';
import { getPrizeYears, groupPrize } from '../lib/prize.ts';
import {
  buildOpenDataSetFromRecords,
  toOpenDataCase,
  type OpenDataCase,
  type OpenDataSet,
} from '../lib/open-data.ts';
import { createRelatedFinder } from '../lib/related.ts';
import { buildArticle, buildOrganization, type JsonLd } from '../lib/seo.ts';
import { DEFAULT_SITE_SETTINGS } from '../sanity/normalise/site-content.ts';
import { loadBlocks } from './render-text.ts';
import { loadNetworkFeeds, type NetworkSiteFeed } from './network.ts';
import type { SiteSettingsData, TermData } from '../sanity/normalise/schemas.ts';

/** A post, project story or case as the content layer stores it (images through the pipeline). */
export type Article =
  | CollectionEntry<'post'>['data']
  | CollectionEntry<'projectStory'>['data']
  | CollectionEntry<'caseStudy'>['data'];

/** A person as the content layer stores it (the portrait through the image pipeline). */
export type Person = CollectionEntry<'person'>['data'];

/** An image as the content layer stores it. */
export type PipelineImage = NonNullable<Article['mainImage']>;

/**
 * Computes `compute` once per build (once per `keyOf` its arguments give): a static
 * build's content cannot change while it runs, and every list, term and archive route asks
 * for the same sorted articles (at 10,000 documents each getCollection resolves the images
 * of every entry anew). In dev the content can change between requests, so it is computed
 * each time.
 */
function oncePerBuild<A extends unknown[], T>(
  compute: (...args: A) => Promise<T>,
  keyOf: (...args: A) => string = () => '',
): (...args: A) => Promise<T> {
  if (import.meta.env.DEV) return compute;
  const values = new Map<string, Promise<T>>();
  return (...args) => {
    const key = keyOf(...args);
    let value = values.get(key);
    if (!value) {
      value = compute(...args);
      values.set(key, value);
    }
    return value;
  };
}

/**
 * The network's latest items for `/nettverket/` (`src/site/network.ts`), read once per build;
 * each skipped site is named in the build log.
 */
export const getNetworkFeeds: () => Promise<NetworkSiteFeed[]> = oncePerBuild(async () => {
  const { network } = await getSettings();
  return loadNetworkFeeds(network, {
    cacheDir: path.join(process.cwd(), 'node_modules', '.cache', 'tanketanken', 'network'),
    log: (line) => console.warn(`[tanketanken] ${line}`),
  });
});

/** Returns the site settings, or the defaults when the dataset has none. */
export async function getSettings(): Promise<SiteSettingsData> {
  return (await getEntry('siteSettings', 'siteSettings'))?.data ?? DEFAULT_SITE_SETTINGS;
}

/**
 * Slugs the site's own routes use: a generic page with one of them would be shadowed, so it
 * is neither built nor linked.
 */
const ROUTE_SLUGS: ReadonlySet<string> = new Set([
  ...Object.values(TYPE_SEGMENTS),
  'arkiv',
  'innovasjonsprisen',
  'sok',
  'abonner',
  'data',
  '404',
]);

/** Whether a generic page may have `slug` (`/<slug>/`), or a site route takes it. */
export function isPageSlugFree(slug: string): boolean {
  return !ROUTE_SLUGS.has(slug);
}

/** A generic page as the footer links it. */
export interface SitePageLink {
  id: string;
  title: string;
  href: string;
  language: string;
}

/** The generic pages the footer links (about, accessibility statement…), by title. */
export const getSitePages: () => Promise<readonly SitePageLink[]> = oncePerBuild(async () => {
  const pages = await getCollection('page');
  return pages
    .filter((entry) => isPageSlugFree(entry.data.slug))
    .map(({ data }) => ({
      id: data.id,
      title: data.title,
      href: data.href,
      language: data.language,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'nb') || (a.id < b.id ? -1 : 1));
});

/**
 * Returns a digest of what every page's frame shows: the settings and the generic pages the
 * footer links. A change to either re-renders every cached page.
 */
export async function getSettingsDigest(): Promise<string> {
  const [entry, pages] = await Promise.all([
    getEntry('siteSettings', 'siteSettings'),
    getSitePages(),
  ]);
  const settings = String(entry?.digest ?? entry?.data.id ?? 'defaults');
  return buildPageCacheKey({
    settingsDigest: settings,
    values: { footerPages: pages.flatMap((page) => [page.href, page.title, page.language]) },
  });
}

/** An entry's id and content-layer digest, as cache keys take it (its revision if it has no digest). */
export function toDigestedEntry(entry: {
  id: string;
  digest?: string | number | undefined;
  data: { rev: string };
}): DigestedEntry {
  return { id: entry.id, digest: String(entry.digest ?? entry.data.rev) };
}

/** Builds a detail page's `cacheKey` from its entry and the settings digest. */
export function toCacheKey(
  entry: { id: string; digest?: string | number | undefined; data: { rev: string } },
  settingsDigest: string,
): string {
  return buildPageCacheKey({ settingsDigest, entry: toDigestedEntry(entry) });
}

/** What a detail page shows besides its own entry: «Les også» and the contact person. */
// A type, not an interface: Astro's page props need an index signature.
export type DetailExtras = {
  /** The chosen related documents, else the nearest by shared terms (`src/lib/related.ts`). */
  related: Article[];
  /** The contact person in full (role, unit, e-mail, phone), for projects and cases. */
  contact: Person | undefined;
};

/** The people by id with their digests, loaded once per build. */
const getPeople: () => Promise<ReadonlyMap<string, { data: Person; digest: string }>> =
  oncePerBuild(async () => {
    const people = await getCollection('person');
    return new Map(
      people.map((entry) => [
        entry.data.id,
        { data: entry.data, digest: toDigestedEntry(entry).digest },
      ]),
    );
  });

/** Finds an article's «Les også» among every published article, set up once per build. */
const getRelatedFinder: () => Promise<(item: Article) => Article[]> = oncePerBuild(async () =>
  createRelatedFinder(await getAllArticles()),
);

/**
 * The paths of a post, project story or case detail page, one per entry, each keyed on the
 * entry, the settings, the related documents and the contact person it shows; the page gets
 * the entry's data as `data`, with `related` and `contact`.
 */
export async function getDetailPaths<C extends 'post' | 'projectStory' | 'caseStudy'>(
  collection: C,
): Promise<
  {
    params: { slug: string };
    props: { data: CollectionEntry<C>['data'] } & DetailExtras;
    cacheKey: string;
  }[]
> {
  const [settingsDigest, entries, findRelated, digests, people] = await Promise.all([
    getSettingsDigest(),
    getCollection(collection),
    getRelatedFinder(),
    getArticleDigests(),
    getPeople(),
  ]);
  return entries.map((entry) => {
    const related = findRelated(entry.data);
    const contactId = 'contact' in entry.data ? entry.data.contact?.id : undefined;
    const contact = contactId === undefined ? undefined : people.get(contactId);
    return {
      params: { slug: entry.data.slug },
      props: { data: entry.data, related, contact: contact?.data },
      cacheKey: buildPageCacheKey({
        settingsDigest,
        entry: toDigestedEntry(entry),
        lists: { related },
        digests,
        values: { contact: contact ? [contact.data.id, contact.digest] : undefined },
      }),
    };
  });
}

/**
 * The paths of the topic and service-area pages (`tema/<slug>/`, `tjenesteomrader/<slug>/`),
 * one per term, each with the articles it lists and keyed on them, the term and the settings.
 */
export async function getTermPagePaths(): Promise<
  {
    params: { terms: string; slug: string };
    props: { term: TermData; items: Article[] };
    cacheKey: string;
  }[]
> {
  const [topics, serviceAreas, articles, digests, settingsDigest] = await Promise.all([
    getCollection('topic'),
    getCollection('serviceArea'),
    getAllArticles(),
    getArticleDigests(),
    getSettingsDigest(),
  ]);
  const toPaths = (
    kind: 'topic' | 'serviceArea',
    terms: readonly { id: string; digest?: string | number | undefined; data: TermData }[],
  ) => {
    const byTerm = groupByKeys(articles, (item) =>
      (kind === 'topic' ? item.topics : item.serviceAreas).map((link) => link.id),
    );
    return terms.map((entry) => {
      const items = byTerm.get(entry.data.id) ?? [];
      return {
        params: { terms: TYPE_SEGMENTS[kind], slug: entry.data.slug },
        props: { term: entry.data, items },
        cacheKey: buildPageCacheKey({
          settingsDigest,
          entry: toDigestedEntry(entry),
          lists: { items },
          digests,
        }),
      };
    });
  };
  return [...toPaths('topic', topics), ...toPaths('serviceArea', serviceAreas)];
}

/** Returns the digest of every post, project story and case by id, for list pages' cache keys. */
export const getArticleDigests: () => Promise<ReadonlyMap<string, string>> = oncePerBuild(
  async () => {
    const [posts, projects, cases] = await Promise.all([
      getCollection('post'),
      getCollection('projectStory'),
      getCollection('caseStudy'),
    ]);
    return new Map(
      [...posts, ...projects, ...cases].map((entry) => {
        const { id, digest } = toDigestedEntry(entry);
        return [id, digest];
      }),
    );
  },
);

/** The pages of one content type's list, newest first; page 1 is always there. */
export async function getListPages(
  type: Article['type'],
): Promise<[ListPage<Article>, ...ListPage<Article>[]]> {
  const articles = await getArticles();
  const items: readonly Article[] =
    type === 'post' ? articles.posts : type === 'projectStory' ? articles.projects : articles.cases;
  return paginate(items, getTypeListPath(type));
}

/**
 * The paths of the post, project and case lists from page 2 on (`<list>/side/<n>/`; page 1
 * is the list root), each keyed on the entries it lists, its number and the page count, so
 * it is reused while they hold.
 */
export async function getListPagePaths(): Promise<
  {
    params: { list: string; page: string };
    props: { type: Article['type']; page: ListPage<Article> };
    cacheKey: string;
  }[]
> {
  const [digests, settingsDigest] = await Promise.all([getArticleDigests(), getSettingsDigest()]);
  const types = ['post', 'projectStory', 'caseStudy'] as const;
  const pages = await Promise.all(
    types.map(async (type) => ({ type, pages: await getListPages(type) })),
  );
  return pages.flatMap(({ type, pages: list }) =>
    list.slice(1).map((page) => ({
      params: { list: TYPE_SEGMENTS[type], page: String(page.page) },
      props: { type, page },
      cacheKey: buildPageCacheKey({
        settingsDigest,
        lists: { items: page.items },
        digests,
        values: { page: page.page, pageCount: page.pageCount },
      }),
    })),
  );
}

/** Posts, project stories and cases, each list newest first; shared, so never changed in place. */
export const getArticles: () => Promise<{
  posts: readonly CollectionEntry<'post'>['data'][];
  projects: readonly CollectionEntry<'projectStory'>['data'][];
  cases: readonly CollectionEntry<'caseStudy'>['data'][];
}> = oncePerBuild(async () => {
  const [posts, projects, cases] = await Promise.all([
    getCollection('post'),
    getCollection('projectStory'),
    getCollection('caseStudy'),
  ]);
  return {
    posts: sortNewestFirst(posts.map((entry) => entry.data)),
    projects: sortNewestFirst(projects.map((entry) => entry.data)),
    cases: sortNewestFirst(cases.map((entry) => entry.data)),
  };
});

/** All three content types in one list, newest first; shared, so never changed in place. */
export const getAllArticles: () => Promise<readonly Article[]> = oncePerBuild(async () => {
  const { posts, projects, cases } = await getArticles();
  return sortNewestFirst<Article>([...posts, ...projects, ...cases]);
});

/** Returns a link-preview image (1200 px wide at most) as a site path or absolute URL. */
export async function getPreviewImage(
  image: PipelineImage | undefined,
): Promise<{ src: string; alt: string } | undefined> {
  if (!image) return undefined;
  if (typeof image.src === 'string') {
    return { src: `${image.src}?w=1200&auto=format&fit=max`, alt: image.alt };
  }
  const result = await getImage({
    src: image.src,
    width: Math.min(1200, image.src.width),
    format: 'jpg',
  });
  return { src: result.src, alt: image.alt };
}

/**
 * The open data set of every published case, built once per build for the JSON and the
 * CSV. Each case's texts are read from their blocks files and turned into plain text before
 * the next case is read, so only one case's blocks are in memory at a time.
 */
export const getCaseOpenData: (site: URL) => Promise<OpenDataSet> = oncePerBuild(
  buildCaseOpenData,
  (site) => site.href,
);

async function buildCaseOpenData(site: URL): Promise<OpenDataSet> {
  const cases = await getCollection('caseStudy');
  const settings = await getSettings();
  const records: OpenDataCase[] = [];
  for (const { data: doc } of cases) {
    const sections = Object.fromEntries<readonly unknown[]>(
      await Promise.all(
        CASE_BLOCKS_FIELDS.map(async (field) => [field, await loadBlocks(doc, field)] as const),
      ),
    ) as Record<CaseBlocksField, readonly unknown[]>;
    records.push(
      toOpenDataCase({ ...doc, ...sections, body: await loadBlocks(doc, 'body') }, site),
    );
  }
  return buildOpenDataSetFromRecords(records, {
    site,
    title: `${t.feeds.typeNames.caseStudy} – ${settings.title}`,
    description: t.subscribe.openDataText,
    publisher: settings.organization,
    license: settings.license,
  });
}

/** Logs each Portable Text problem as one build-time warning naming the document and field. */
export function warnProblems(documentId: string, field: string, problems: readonly string[]): void {
  for (const problem of problems) {
    console.warn(`[tanketanken] document "${documentId}", field "${field}": ${problem}`);
  }
}

/** Builds a document's `BlogPosting`/`Article` JSON-LD with absolute URLs. */
export function toArticleJsonLd(
  item: Article,
  settings: SiteSettingsData,
  site: URL,
  image: { src: string } | undefined,
): JsonLd {
  return buildArticle({
    type: item.type,
    title: item.title,
    description: item.excerpt,
    url: toAbsoluteUrl(item.href, site),
    imageUrl: image ? toAbsoluteUrl(image.src, site) : undefined,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    language: item.language,
    authors: item.authors.map((author) => ({
      title: author.title,
      url: toAbsoluteUrl(author.href, site),
    })),
    organization: buildOrganization(settings.organization, toAbsoluteUrl('/', site)),
  });
}

/** The feeds a content page announces besides the site feed: its type, topics and service areas. */
export function getArticleFeeds(item: Article, siteTitle: string): FeedLink[] {
  return [
    {
      href: getFeedPath({ kind: 'type', type: item.type }),
      title: t.feeds.typeTitle(siteTitle, t.feeds.typeNames[item.type]),
    },
    ...item.topics.map((topic) => ({
      href: getFeedPath({ kind: 'topic', slug: topic.slug }),
      title: t.feeds.topicTitle(siteTitle, topic.title),
    })),
    ...item.serviceAreas.map((area) => ({
      href: getFeedPath({ kind: 'serviceArea', slug: area.slug }),
      title: t.feeds.serviceAreaTitle(siteTitle, area.title),
    })),
  ];
}

/** A topic or service area with how many articles it has, for its overview page. */
export interface CountedTerm {
  term: TermData;
  count: number;
}

/** Every topic or service area A–Å, each with its number of articles. */
export async function getTermOverview(kind: 'topic' | 'serviceArea'): Promise<CountedTerm[]> {
  const [terms, articles] = await Promise.all([getCollection(kind), getAllArticles()]);
  const byTerm = groupByKeys(articles, (item) =>
    (kind === 'topic' ? item.topics : item.serviceAreas).map((link) => link.id),
  );
  return terms
    .map((entry) => ({ term: entry.data, count: byTerm.get(entry.data.id)?.length ?? 0 }))
    .sort((a, b) => a.term.title.localeCompare(b.term.title, 'nb'));
}

/** A person with how much they wrote and how many projects and cases they are contact for. */
export interface CountedPerson {
  person: Person;
  written: number;
  contactFor: number;
}

/** Every person A–Å by name, with what they wrote and are contact for. */
export async function getPeopleOverview(): Promise<CountedPerson[]> {
  const [people, articles] = await Promise.all([getCollection('person'), getAllArticles()]);
  const writtenBy = groupByKeys(articles, (item) => item.authors.map((author) => author.id));
  const contactOf = groupByKeys(articles, (item) => [
    'contact' in item ? item.contact?.id : undefined,
  ]);
  return people
    .map(({ data }) => ({
      person: data,
      written: writtenBy.get(data.id)?.length ?? 0,
      contactFor: contactOf.get(data.id)?.length ?? 0,
    }))
    .sort((a, b) => a.person.title.localeCompare(b.person.title, 'nb'));
}

/** Every year anything was published, newest first, with how much. */
export async function getArchiveOverview(): Promise<{ year: number; count: number }[]> {
  const years = groupByYear(await getAllArticles());
  return [...years.entries()].map(([year, items]) => ({ year, count: items.length }));
}

/** Every prize year, newest first, with its number of winners and nominees. */
export async function getPrizeOverview(): Promise<
  { year: number; winners: number; nominees: number }[]
> {
  const { cases } = await getArticles();
  return getPrizeYears(cases).map((year) => {
    const categories = groupPrize(cases, year);
    return {
      year,
      winners: categories.reduce((sum, category) => sum + category.winners.length, 0),
      nominees: categories.reduce((sum, category) => sum + category.nominees.length, 0),
    };
  });
}
