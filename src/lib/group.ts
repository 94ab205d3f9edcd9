/**
 * Groups items under every key they have, in one pass, keeping the items' order within each
 * group; an item is listed once under a key even if it names that key twice. Pages that
 * list "the articles of each person" or "of each topic" use it instead of filtering every
 * article once per person or topic, which at 10,000 articles and 250 people is 2.5 million
 * checks.
 */
export function groupByKeys<T>(
  items: readonly T[],
  keysOf: (item: T) => Iterable<string | undefined>,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      if (key === undefined) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
