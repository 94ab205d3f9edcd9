/**
 * The one vocabulary of the pipeline: a collection is named by the Sanity `_type` of the
 * documents it holds, from the query that fetches them to the Astro collection that
 * stores them (`getCollection('post')`). No stage has a name of its own for them.
 */
import { ROUTABLE_TYPES } from '../../content-schemas/constants.ts';

/** The collections of many documents, one per routable document type, in load order. */
export const DOCUMENT_COLLECTIONS = ROUTABLE_TYPES;

/** A collection of many documents: a routable document type. */
export type DocumentCollection = (typeof DOCUMENT_COLLECTIONS)[number];

/** The site settings singleton's collection, and its document's `_id`. */
export const SETTINGS_COLLECTION = 'siteSettings';

/** Every collection the loader fills. */
export type CollectionName = DocumentCollection | typeof SETTINGS_COLLECTION;

/** Every collection the loader fills, the settings last. */
export const COLLECTIONS: readonly CollectionName[] = [
  ...DOCUMENT_COLLECTIONS,
  SETTINGS_COLLECTION,
];

/** The three collections of dated articles (posts, project stories, cases). */
export const ARTICLE_COLLECTIONS = ['post', 'projectStory', 'caseStudy'] as const;

/** A collection of dated articles. */
export type ArticleCollection = (typeof ARTICLE_COLLECTIONS)[number];

/** Whether a collection holds dated articles. */
export function isArticleCollection(name: string): name is ArticleCollection {
  return (ARTICLE_COLLECTIONS as readonly string[]).includes(name);
}

/** Whether a `_type` names a collection of many documents. */
export function isDocumentCollection(name: string): name is DocumentCollection {
  return (DOCUMENT_COLLECTIONS as readonly string[]).includes(name);
}
