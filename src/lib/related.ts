/**
 * «Les også»: what to read after a post, project story or case. The editors' chosen related
 * documents when there are any; else the documents nearest to it by shared topics and
 * service areas, newest first among equals. Deterministic, so a build gives the same list
 * every time, and computed per set of terms rather than per pair of documents, so 50,000
 * documents with a few hundred term combinations stay cheap.
 */

/** What the choice reads of a document. */
export interface RelatableDocument {
  id: string;
  publishedAt: string;
  related: readonly { id: string }[];
  topics: readonly { id: string }[];
  serviceAreas: readonly { id: string }[];
}

/** How many nearest documents to show when the editors chose none. */
export const RELATED_LIMIT = 3;

/** Newest first; the id decides between documents published at the same moment. */
function compareNewestFirst(a: RelatableDocument, b: RelatableDocument): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A document's topics and service areas as one set of ids. */
function getTerms(doc: RelatableDocument): string[] {
  return [...new Set([...doc.topics, ...doc.serviceAreas].map((term) => term.id))].sort();
}

/**
 * Creates a function that picks the related documents of any document in `pool`: its chosen
 * `related` documents found in the pool (in the editors' order, without itself or repeats),
 * else up to `limit` others sharing the most topics and service areas with it.
 */
export function createRelatedFinder<T extends RelatableDocument>(
  pool: readonly T[],
  limit: number = RELATED_LIMIT,
): (doc: T) => T[] {
  const byId = new Map(pool.map((doc) => [doc.id, doc]));
  // Documents with the same set of terms are equally near to any other document.
  const groups = new Map<string, { terms: Set<string>; docs: T[] }>();
  for (const doc of pool) {
    const terms = getTerms(doc);
    if (terms.length === 0) continue;
    const key = terms.join('\n');
    const group = groups.get(key) ?? { terms: new Set(terms), docs: [] };
    group.docs.push(doc);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.docs.sort(compareNewestFirst);
  // The nearest documents of each set of terms, one more than needed so the document itself
  // can be left out of its own list.
  const nearestByTerms = new Map<string, { doc: T; score: number }[]>();

  const findNearest = (terms: string[]): { doc: T; score: number }[] => {
    const key = terms.join('\n');
    const cached = nearestByTerms.get(key);
    if (cached) return cached;
    const candidates: { doc: T; score: number }[] = [];
    for (const group of groups.values()) {
      const score = terms.filter((term) => group.terms.has(term)).length;
      if (score === 0) continue;
      for (const doc of group.docs.slice(0, limit + 1)) candidates.push({ doc, score });
    }
    candidates.sort((a, b) => b.score - a.score || compareNewestFirst(a.doc, b.doc));
    const nearest = candidates.slice(0, limit + 1);
    nearestByTerms.set(key, nearest);
    return nearest;
  };

  return (doc) => {
    const chosen: T[] = [];
    for (const link of doc.related) {
      const found = byId.get(link.id);
      if (found && found.id !== doc.id && !chosen.includes(found)) chosen.push(found);
    }
    if (chosen.length > 0) return chosen;
    const terms = getTerms(doc);
    if (terms.length === 0) return [];
    return findNearest(terms)
      .filter((candidate) => candidate.doc.id !== doc.id)
      .slice(0, limit)
      .map((candidate) => candidate.doc);
  };
}
