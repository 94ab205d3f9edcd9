/**
 * The embedded engine: groq-js runs the site's GROQ over a dataset export in memory,
 * seeing only published documents, as the Content Lake's `published` perspective does.
 */
import type { ClientReturn } from '@sanity/client';
import { evaluate, parse } from 'groq-js';
import type { RawDocument } from '../read/dataset-file.ts';
import { isUnpublishedId, type QueryEngine, type QueryParams } from './engine.ts';

/** Creates an engine over the published documents of `documents`. */
export function createLocalEngine(
  documents: readonly RawDocument[],
  description: string,
): QueryEngine {
  const published = documents.filter((document) => !isUnpublishedId(document._id));
  const byId = new Map(published.map((document) => [document._id, document]));
  const parsed = new Map<string, ReturnType<typeof parse>>();
  return {
    description,
    async fetch<const Q extends string>(query: Q, params: QueryParams = {}) {
      let tree = parsed.get(query);
      if (!tree) {
        tree = parse(query, { params });
        parsed.set(query, tree);
      }
      const result = await evaluate(tree, {
        dataset: published,
        params,
        // One Map lookup per `->`, instead of a scan over the dataset.
        dereference: ({ _ref }) => byId.get(_ref),
      });
      return (await result.get()) as ClientReturn<Q, unknown>;
    },
  };
}
