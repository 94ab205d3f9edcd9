/** The address of a document on the site, built with the same route module the site uses. */
import { getDocumentPath, ROUTES, type RoutableType } from '../content-schemas/routes.ts';

const ROUTABLE_TYPES: readonly string[] = [
  'post',
  'projectStory',
  'caseStudy',
  'page',
  'topic',
  'serviceArea',
  'person',
] satisfies RoutableType[];

function isRoutableType(type: string): type is RoutableType {
  return ROUTABLE_TYPES.includes(type);
}

/** What the URL needs to know about a document. */
export interface UrlSource {
  _type: string;
  slug?: { current?: string } | undefined;
}

/**
 * Returns the absolute URL of a document's page, or undefined when it has none (no slug yet,
 * or a type without a page). The site settings open the front page.
 */
export function getSiteUrlForDocument(document: UrlSource, siteUrl: string): string | undefined {
  if (document._type === 'siteSettings') return new URL(ROUTES.home, siteUrl).href;
  const slug = document.slug?.current;
  if (slug === undefined || slug === '' || !isRoutableType(document._type)) return undefined;
  return new URL(getDocumentPath(document._type, slug), siteUrl).href;
}
