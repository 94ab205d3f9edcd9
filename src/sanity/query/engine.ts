/**
 * The one interface both query engines implement: GROQ in, JSON out. Result types come
 * from Sanity TypeGen through `ClientReturn`, so a query's type follows its text.
 */
import type { ClientReturn } from '@sanity/client';

/** Parameters passed to a GROQ query as `$name`. */
export type QueryParams = Record<string, unknown>;

/** Runs GROQ queries against one content source. */
export interface QueryEngine {
  /** A short description for logs, e.g. "embedded dataset content/" (never a token). */
  readonly description: string;
  fetch<const Q extends string>(query: Q, params?: QueryParams): Promise<ClientReturn<Q, unknown>>;
}

/** Whether an id belongs to an unpublished document (a draft or a release version). */
export function isUnpublishedId(id: string): boolean {
  return id.startsWith('drafts.') || id.startsWith('versions.');
}
