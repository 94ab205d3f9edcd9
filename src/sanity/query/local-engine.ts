/**
 * The embedded engine: groq-js runs the site's GROQ over a dataset export in memory,
 * seeing only published documents, as the Content Lake's `published` perspective does.
 */
import type { ClientReturn } from '@sanity/client';
import { evaluate, parse } from 'groq-js';
import type { RawDocument } from '../read/dataset-file.ts';
import { isUnpublishedId, type QueryEngine, type QueryParams } from './engine.ts';

/** Object.prototype's own names and `prototype`: no field of the content model has one. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/**
 * Removes every key named like a property of `Object.prototype` (`__proto__`,
 * `hasOwnProperty`, `constructor`…) from the documents, at any depth, in place: groq-js
 * calls `object.hasOwnProperty(name)` on the objects it reads and copies keys by
 * assignment, so a document with such a key (JSON.parse keeps `"__proto__"` as one) stopped
 * the build. No field of the content model has such a name. Iterative, so a value nested
 * however deep costs time in proportion, not stack.
 */
function dropPrototypeKeys(documents: readonly object[]): void {
  const pending: object[] = [...documents];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (typeof item === 'object' && item !== null) pending.push(item);
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (PROTOTYPE_NAMES.has(key)) {
        delete record[key];
        continue;
      }
      const item = record[key];
      if (typeof item === 'object' && item !== null) pending.push(item);
    }
  }
}

/** Creates an engine over the published documents of `documents`. */
export function createLocalEngine(
  documents: readonly RawDocument[],
  description: string,
): QueryEngine {
  const published = documents.filter((document) => !isUnpublishedId(document._id));
  dropPrototypeKeys(published);
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
