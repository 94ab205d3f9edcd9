/**
 * What search engines and link previews read: JSON-LD (`BlogPosting`, `Article`,
 * `Organization`, `WebSite`) and Open Graph values. Pure; the layout writes the tags.
 */

/** A JSON-LD object. */
export type JsonLd = Record<string, unknown>;

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">`: `<`, `>`, `&` and the
 * line separators are escaped, so no user text can close the element or start markup.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The organisation behind the site, as schema.org `Organization`. */
export function buildOrganization(name: string, url: string): JsonLd {
  return { '@type': 'Organization', name, url };
}

/** The site itself, as schema.org `WebSite`. */
export function buildWebSite(name: string, url: string, description: string): JsonLd {
  return { '@type': 'WebSite', name, url, description, inLanguage: 'nb' };
}

/** What a content document gives its JSON-LD. */
export interface ArticleMeta {
  type: 'post' | 'projectStory' | 'caseStudy';
  title: string;
  description: string | undefined;
  url: string;
  imageUrl: string | undefined;
  publishedAt: string;
  updatedAt: string;
  language: string;
  authors: readonly { title: string; url: string }[];
  organization: JsonLd;
}

/** A post as `BlogPosting`, a project or case as `Article`, published by the organisation. */
export function buildArticle(meta: ArticleMeta): JsonLd {
  const authors = meta.authors.map((author) => ({
    '@type': 'Person',
    name: author.title,
    url: author.url,
  }));
  return {
    '@context': 'https://schema.org',
    '@type': meta.type === 'post' ? 'BlogPosting' : 'Article',
    headline: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    url: meta.url,
    mainEntityOfPage: meta.url,
    ...(meta.imageUrl ? { image: meta.imageUrl } : {}),
    datePublished: meta.publishedAt,
    dateModified: meta.updatedAt,
    inLanguage: meta.language,
    author: authors.length > 0 ? authors : meta.organization,
    publisher: meta.organization,
  };
}

/** Maps a document language to an Open Graph locale. */
export function toOgLocale(language: string): string {
  switch (language) {
    case 'nn':
      return 'nn_NO';
    case 'en':
      return 'en_GB';
    default:
      return 'nb_NO';
  }
}
