/**
 * Where a page sits in the site: the breadcrumb trail from the front page to it, the same
 * trail as schema.org `BreadcrumbList`, and which menu link marks the reader's section.
 * Pure, so the layout only lays it out.
 */
import type { JsonLd } from './seo.ts';

/** One step of a breadcrumb trail: a page's name and its site path. */
export interface Crumb {
  label: string;
  href: string;
  /** The label's language when it is not the interface's (a document title in English). */
  lang?: string | undefined;
}

/**
 * Builds the trail to a page from the front page: home, then each ancestor, then the page
 * itself. Throws when a step's path is not a site path, since a trail must stay on the site.
 */
export function buildBreadcrumbs(home: Crumb, steps: readonly Crumb[]): Crumb[] {
  const trail = [home, ...steps];
  for (const crumb of trail) {
    if (!crumb.href.startsWith('/') || crumb.href.startsWith('//')) {
      throw new Error(
        `breadcrumbs: "${crumb.label}" has the path "${crumb.href}"; give a site path starting with one "/"`,
      );
    }
  }
  return trail;
}

/** Builds schema.org `BreadcrumbList` JSON-LD for a trail, with absolute URLs on `site`. */
export function buildBreadcrumbList(trail: readonly Crumb[], site: string | URL): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.label,
      item: new URL(crumb.href, site).href,
    })),
  };
}

/**
 * How a menu link relates to the page at `pathname`: `page` when it is that page, `true`
 * when the page lies in the link's section (`/caser/` for `/caser/x/`), else undefined.
 * The front page is a section of its own, not the parent of every page.
 */
export function getCurrentState(pathname: string, href: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href === '/' || !href.endsWith('/')) return undefined;
  return pathname.startsWith(href) ? 'true' : undefined;
}
