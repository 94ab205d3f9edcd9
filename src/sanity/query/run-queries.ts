/**
 * The query stage: runs each collection's query once and hands the results on as the
 * checker reads them. Results are typed by Sanity TypeGen (`sanity.types.ts`, through
 * `QueryEngine.fetch`), loosened by `Unchecked`: TypeGen describes documents that pass the
 * Studio's validation, but the Content Lake stores whatever the API was given and an export
 * may hold anything, so any field may be missing or null until the checker has seen it.
 */
import type { ClientReturn } from '@sanity/client';
import type { DocumentCollection } from '../collections.ts';
import type { QueryEngine } from './engine.ts';
import {
  caseStudiesQuery,
  pagesQuery,
  peopleQuery,
  postsQuery,
  projectStoriesQuery,
  serviceAreasQuery,
  siteSettingsQuery,
  topicsQuery,
} from './queries.ts';

/** `T` as it may arrive before it is checked: every field, at any depth, may be missing or null. */
export type Unchecked<T> = T extends readonly (infer Item)[]
  ? readonly Unchecked<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]?: Unchecked<T[Key]> | null }
    : T | null;

/** What TypeGen says a query returns; `unknown` for a text it has not seen (stale output). */
type ResultOf<Q extends string> = ClientReturn<Q, unknown>;

/** What is read when TypeGen's output is stale: reading any field of it fails type checking. */
interface StaleTypeGen {
  readonly runTypegen: 'the query changed since `npm run typegen`; run it';
}

/** One result of a collection query, as it may arrive. */
type ItemOf<Q extends string> =
  ResultOf<Q> extends readonly (infer Item)[] ? Unchecked<Item> : StaleTypeGen;

/** Runs one query; its result type is TypeGen's for the query text. */
function runQuery<const Q extends string>(engine: QueryEngine, query: Q): Promise<ResultOf<Q>> {
  return engine.fetch(query);
}

/** The raw query results, one array per collection, in the order the export lists them. */
export interface RawCollections {
  post: ItemOf<typeof postsQuery>[];
  projectStory: ItemOf<typeof projectStoriesQuery>[];
  caseStudy: ItemOf<typeof caseStudiesQuery>[];
  person: ItemOf<typeof peopleQuery>[];
  topic: ItemOf<typeof topicsQuery>[];
  serviceArea: ItemOf<typeof serviceAreasQuery>[];
  page: ItemOf<typeof pagesQuery>[];
  siteSettings: Unchecked<NonNullable<ResultOf<typeof siteSettingsQuery>>> | undefined;
}

/** A raw document of one collection, as the query returned it. */
export type RawDocumentOf<C extends DocumentCollection> = RawCollections[C][number];

/** A raw document of any collection. */
export type AnyRawDocument = RawDocumentOf<DocumentCollection>;

/** Runs each collection's query once: the raw results, one array per collection. */
export async function queryRawCollections(engine: QueryEngine): Promise<RawCollections> {
  const [post, projectStory, caseStudy, person, topic, serviceArea, page, siteSettings] =
    await Promise.all([
      runQuery(engine, postsQuery),
      runQuery(engine, projectStoriesQuery),
      runQuery(engine, caseStudiesQuery),
      runQuery(engine, peopleQuery),
      runQuery(engine, topicsQuery),
      runQuery(engine, serviceAreasQuery),
      runQuery(engine, pagesQuery),
      runQuery(engine, siteSettingsQuery),
    ]);
  return {
    post: [...post],
    projectStory: [...projectStory],
    caseStudy: [...caseStudy],
    person: [...person],
    topic: [...topic],
    serviceArea: [...serviceArea],
    page: [...page],
    siteSettings: siteSettings ?? undefined,
  };
}
