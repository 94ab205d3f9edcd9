/** The archive: what was published in each year, and which items to feature on the home page. */
import { getYear } from './dates.ts';

/** What the archive needs from an item. */
export interface Dated {
  publishedAt: string;
}

/**
 * Sorts items newest first by `publishedAt` (a copy; the input stays as it was); items
 * published at the same time go by `tieBreak`, then keep their order, and items whose date
 * does not parse come last. Each date is parsed once, not at every comparison: at 10,000
 * documents that is the difference between 10,000 and ~280,000 parses.
 */
export function sortNewestFirst<T extends Dated>(
  items: readonly T[],
  tieBreak?: (a: T, b: T) => number,
): T[] {
  return items
    .map((item, index) => {
      const time = Date.parse(item.publishedAt);
      return { item, index, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time };
    })
    .sort((a, b) => b.time - a.time || (tieBreak?.(a.item, b.item) ?? 0) || a.index - b.index)
    .map(({ item }) => item);
}

/** Orders by id (code units), so an order with ties never wobbles between builds. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Groups items by the year (in Norway) they were published, years newest first. */
export function groupByYear<T extends Dated>(items: readonly T[]): Map<number, T[]> {
  const years = new Map<number, T[]>();
  for (const item of sortNewestFirst(items)) {
    const year = getYear(item.publishedAt);
    const list = years.get(year);
    if (list) list.push(item);
    else years.set(year, [item]);
  }
  return new Map([...years.entries()].sort(([a], [b]) => b - a));
}

/** Picks cases to feature: winners of the prize first (newest award first), then the newest cases. */
export function selectFeaturedCases<
  T extends Dated & { id: string; awards: readonly { year: number; result: string }[] },
>(cases: readonly T[], count: number): T[] {
  const bestWin = (item: T) =>
    Math.max(-Infinity, ...item.awards.filter((a) => a.result === 'winner').map((a) => a.year));
  const winners = cases
    .filter((item) => Number.isFinite(bestWin(item)))
    .sort(
      (a, b) => bestWin(b) - bestWin(a) || Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
    );
  const chosen = winners.slice(0, count);
  for (const item of sortNewestFirst(cases)) {
    if (chosen.length >= count) break;
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen;
}
