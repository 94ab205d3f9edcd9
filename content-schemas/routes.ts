/**
 * Every URL the site publishes is built here, and only here: pages, feeds, the sitemap
 * and the Studio's "Vis på nettstedet" link all call these functions.
 */

import type { ROUTABLE_TYPES } from './constants.ts';

/** The document types that have a page of their own. */
export type RoutableType = (typeof ROUTABLE_TYPES)[number];

/** The URL folder of each content type's list and detail pages. */
export const TYPE_SEGMENTS = {
  post: 'innlegg',
  projectStory: 'prosjekter',
  caseStudy: 'caser',
  topic: 'tema',
  serviceArea: 'tjenesteomrader',
  person: 'personer',
} as const;

/** Site-relative URL paths for fixed pages. */
export const ROUTES = {
  home: '/',
  search: '/sok/',
  /** Pagefind's bundle: the search index, written after the build. */
  searchIndex: '/pagefind/',
  subscribe: '/abonner/',
  /** The archive's overview of years. */
  archive: '/arkiv/',
  /** The innovation prize's overview of years. */
  prize: '/innovasjonsprisen/',
  feedsOpml: '/feeds.opml',
  siteFeed: '/rss.xml',
  /** The XSLT stylesheet every feed links, so a feed opened in a browser reads as a page. */
  feedStylesheet: '/rss.xsl',
  casesJson: '/data/caser.json',
  casesCsv: '/data/caser.csv',
  dataCatalogue: '/data/katalog.ttl',
  network: '/nettverket/',
  networkOpml: '/nettverket/feeds.opml',
} as const;

/** Returns the path of a document's own page, e.g. `/innlegg/my-slug/`; pages live at `/<slug>/`. */
export function getDocumentPath(type: RoutableType, slug: string): string {
  const safe = encodeURIComponent(slug);
  return type === 'page' ? `/${safe}/` : `/${TYPE_SEGMENTS[type]}/${safe}/`;
}

/** Returns the path of a list page; page 1 is the list itself, later pages are `<list>/side/<n>/`. */
export function getListPath(base: string, page = 1): string {
  return page <= 1 ? base : `${base}side/${page}/`;
}

/** Returns the list path of a content type, e.g. `/caser/`. */
export function getTypeListPath(type: 'post' | 'projectStory' | 'caseStudy', page = 1): string {
  return getListPath(`/${TYPE_SEGMENTS[type]}/`, page);
}

/** Returns the path of the overview of every topic, service area or person, e.g. `/tema/`. */
export function getOverviewPath(type: 'topic' | 'serviceArea' | 'person'): string {
  return `/${TYPE_SEGMENTS[type]}/`;
}

/** Returns the path of a year's archive, e.g. `/arkiv/2016/`. */
export function getArchivePath(year: number): string {
  return `${ROUTES.archive}${year}/`;
}

/** Returns the path of a year's innovation prize page, e.g. `/innovasjonsprisen/2016/`. */
export function getPrizePath(year: number): string {
  return `${ROUTES.prize}${year}/`;
}

/** The prize's nomination form, its receipt and its closed notice (answered by the service). */
export const NOMINATION_ROUTES = {
  form: '/innovasjonsprisen/meld-inn/',
  receipt: '/innovasjonsprisen/meld-inn/kvittering/',
  closed: '/innovasjonsprisen/meld-inn/stengt/',
} as const;

/** Returns the path of a feed: the whole site, one content type, or one topic or service area. */
export function getFeedPath(
  scope:
    | { kind: 'site' }
    | { kind: 'type'; type: 'post' | 'projectStory' | 'caseStudy' }
    | { kind: 'topic' | 'serviceArea'; slug: string },
): string {
  switch (scope.kind) {
    case 'site':
      return ROUTES.siteFeed;
    case 'type':
      return `/${TYPE_SEGMENTS[scope.type]}/rss.xml`;
    case 'topic':
    case 'serviceArea':
      return `${getDocumentPath(scope.kind, scope.slug)}rss.xml`;
  }
}

/** Returns an absolute URL for a site path, given the site's origin (e.g. `https://example.no`). */
export function toAbsoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}
