/**
 * Search, as pure logic: what Pagefind should know about a document (filters, meta, sort
 * key), how the search page's state is written to and read from the URL, and how a
 * Pagefind excerpt becomes safe text with highlights. No Astro and no DOM here, so the
 * search page's script, the pages and the tests share one definition.
 */
import { CONTENT_TYPE_LABELS, STATUSES, getStatusTitle } from '../../content-schemas/constants.ts';
import { byId, sortNewestFirst } from './archive.ts';
import { getYear } from './dates.ts';

/** Filter keys in the order the search page shows them; each is also a URL parameter. */
export const SEARCH_FILTER_KEYS = ['type', 'tema', 'tjenesteområde', 'status', 'år'] as const;

/** One of the search filter keys. */
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

/** The URL parameter that holds the query words. */
export const SEARCH_QUERY_PARAM = 'q';

/** The Pagefind sort key that orders documents by date. */
export const SEARCH_SORT_KEY = 'date';

/** What a document must offer to be described to Pagefind (any collection entry's data fits). */
export interface SearchableDocument {
  id: string;
  type: keyof typeof CONTENT_TYPE_LABELS;
  title: string;
  updatedAt: string;
  publishedAt?: string;
  language?: string;
  topics?: readonly { title: string }[];
  serviceAreas?: readonly { title: string }[];
  status?: string;
}

/** Pagefind attributes for one document: filter values, meta fields and sort keys. */
export interface SearchAttributes {
  filters: { key: SearchFilterKey; value: string }[];
  meta: Record<string, string>;
  sort: Record<string, string>;
}

/** Returns the filters, meta and sort keys Pagefind should index for a document. */
export function getSearchAttributes(document: SearchableDocument): SearchAttributes {
  const typeLabel = CONTENT_TYPE_LABELS[document.type];
  const filters: SearchAttributes['filters'] = [{ key: 'type', value: typeLabel }];
  for (const topic of document.topics ?? []) filters.push({ key: 'tema', value: topic.title });
  for (const area of document.serviceAreas ?? []) {
    filters.push({ key: 'tjenesteområde', value: area.title });
  }
  if (document.status !== undefined) {
    const title = getStatusTitle(document.status);
    if (title === undefined) {
      throw new Error(
        `Document "${document.id}" · status: unknown value "${document.status}"; expected one of ${STATUSES.map((status) => status.value).join(', ')}.`,
      );
    }
    filters.push({ key: 'status', value: title });
  }
  const date = document.publishedAt ?? document.updatedAt;
  if (Number.isNaN(Date.parse(date))) {
    throw new Error(
      `Document "${document.id}" · ${document.publishedAt === undefined ? 'updatedAt' : 'publishedAt'}: "${date}" is not a date.`,
    );
  }
  if (document.publishedAt !== undefined) {
    filters.push({ key: 'år', value: String(getYear(document.publishedAt)) });
  }
  const meta: Record<string, string> = { title: document.title, type: typeLabel, date };
  if (document.language !== undefined) meta['language'] = document.language;
  return { filters, meta, sort: { [SEARCH_SORT_KEY]: new Date(date).toISOString() } };
}

/** The search page's state: the query words and the chosen values of each filter. */
export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilterKey, string[]>>;
}

/** Reads the search state from a URL's parameters; unknown parameters are ignored. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((value) => value.trim()))].filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  return { query: (params.get(SEARCH_QUERY_PARAM) ?? '').trim(), filters };
}

/** Writes the search state as URL parameters: `q`, then one parameter per chosen value. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim() !== '') params.set(SEARCH_QUERY_PARAM, state.query.trim());
  for (const key of SEARCH_FILTER_KEYS) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  return params;
}

/** True when the state asks for nothing: no words and no filters. */
export function isEmptySearch(state: SearchState): boolean {
  return state.query === '' && Object.keys(state.filters).length === 0;
}

/**
 * Pagefind's filter argument for a state: any of the chosen values within one filter,
 * all of the filters together.
 */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = state.filters[key];
    if (values && values.length > 0) filters[key] = { any: values };
  }
  return filters;
}

/** A piece of an excerpt: plain text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  highlighted: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the HTML entities Pagefind writes into excerpts. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around hits) into text parts, so
 * the page can render it with text nodes only: any other markup stays visible text.
 */
export function toExcerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) {
      parts.push({ text: decodeEntities(excerpt.slice(last, match.index)), highlighted: false });
    }
    parts.push({ text: decodeEntities(match[1] ?? ''), highlighted: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) {
    parts.push({ text: decodeEntities(excerpt.slice(last)), highlighted: false });
  }
  return parts.filter((part) => part.text !== '');
}

/** Sorts filter values for display: types and statuses in the content model's order (docs/content-model.md), years newest first, the rest alphabetically. */
export function sortFilterValues(key: SearchFilterKey, values: string[]): string[] {
  const sorted = [...values];
  if (key === 'år') return sorted.sort((a, b) => Number(b) - Number(a));
  const order: readonly string[] | undefined =
    key === 'type'
      ? Object.values(CONTENT_TYPE_LABELS)
      : key === 'status'
        ? STATUSES.map((status) => status.title)
        : undefined;
  if (order) return sorted.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return sorted.sort((a, b) => a.localeCompare(b, 'nb'));
}

/** The file, in the main search bundle, that lists the index's other parts. */
export const PARTS_MANIFEST = 'parts.json';

/** What the search page reads from `parts.json` (written by src/build/search-index.ts). */
export interface PartsManifest {
  /** Every part but the main bundle, relative to it, with the languages its index holds. */
  parts: { path: string; languages: string[] }[];
  /** Pages a search shows, over all parts. */
  pageCount: number;
  /** Pages the indexes hold but a search must not show (old copies of changed pages). */
  hidden: HiddenPages;
}

/**
 * Hidden pages, compactly: each filter value once, as `[key, value]`, and each page as its
 * Pagefind id followed by the positions of its filter values in `values`.
 */
export interface HiddenPages {
  values: [string, string][];
  pages: [string, ...number[]][];
}

/** A hidden page: its Pagefind id and its filter values, by filter key. */
export interface HiddenPage {
  id: string;
  filters: Record<string, string[]>;
}

/** The file, in the main search bundle, that lists every shown page newest first. */
export const ORDER_FILE = 'order.json';

/** What the search page reads from `order.json` (written by src/build/search-index.ts). */
export interface SearchOrder {
  /** The Pagefind ids of the shown pages, newest first (ties by id). */
  ids: string[];
}

/** A shown page: its Pagefind id and the date it is sorted by, if it has one. */
export interface DatedPage {
  id: string;
  date: string | undefined;
}

/**
 * The newest-first order of every shown page, over every index. Pagefind sorts a search
 * without words inside each index it merges (by a page's place in that index's own list),
 * so with several languages or parts the merged results are not in date order; the search
 * page puts them in this order instead. Pages without a date come last, by id.
 */
export function encodeOrder(pages: readonly DatedPage[]): SearchOrder {
  const dated = pages.map((page) => ({ id: page.id, publishedAt: page.date ?? '' }));
  return { ids: sortNewestFirst(dated, byId).map((page) => page.id) };
}

/** Reads `order.json`: each id's place, newest first; names the file when it is not one. */
export function decodeOrder(order: unknown): Map<string, number> {
  const ids = (order as Partial<SearchOrder> | null)?.ids;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new Error(`Search index: ${ORDER_FILE} holds no list of page ids.`);
  }
  return new Map(ids.map((id: string, place) => [id, place]));
}

/** Puts results in the order of `order`; results it does not list keep their order, last. */
export function sortByOrder<T extends { id: string }>(
  results: readonly T[],
  order: ReadonlyMap<string, number>,
): T[] {
  return results
    .map((result, index) => ({ result, index, place: order.get(result.id) ?? Infinity }))
    .sort((a, b) => a.place - b.place || a.index - b.index)
    .map(({ result }) => result);
}

/** Filter counts as Pagefind reports them: value counts by filter key. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Writes hidden pages in the manifest's compact form. */
export function encodeHiddenPages(pages: readonly HiddenPage[]): HiddenPages {
  const values: [string, string][] = [];
  const positions = new Map<string, number>();
  const encoded = [...pages].sort(byId).map((page): [string, ...number[]] => {
    const refs: number[] = [];
    for (const [key, list] of Object.entries(page.filters)) {
      for (const value of list) {
        const name = JSON.stringify([key, value]);
        let position = positions.get(name);
        if (position === undefined) {
          position = values.push([key, value]) - 1;
          positions.set(name, position);
        }
        refs.push(position);
      }
    }
    return [page.id, ...refs];
  });
  return { values, pages: encoded };
}

/** Reads the manifest's hidden pages: the filter values of each, by Pagefind id. */
export function decodeHiddenPages(hidden: HiddenPages): Map<string, [string, string][]> {
  const pages = new Map<string, [string, string][]>();
  for (const [id, ...refs] of hidden.pages) {
    const values = refs.map((ref) => hidden.values[ref]);
    if (values.some((value) => value === undefined)) {
      throw new Error(`Search index: hidden page ${id} refers to a filter value that is missing.`);
    }
    pages.set(id, values as [string, string][]);
  }
  return pages;
}

/** Subtracts the filter values of `pages` from `counts` (a copy is returned). */
function subtractValues(counts: FilterCounts, pages: Iterable<[string, string][]>): FilterCounts {
  const result: FilterCounts = {};
  for (const [key, values] of Object.entries(counts)) result[key] = { ...values };
  for (const values of pages) {
    for (const [key, value] of values) {
      const current = result[key]?.[value];
      if (current !== undefined) (result[key] as Record<string, number>)[value] = current - 1;
    }
  }
  return result;
}

/** Keeps only the filter values that some shown page has, as one index would list them. */
function keepPresent(counts: FilterCounts, totals: FilterCounts): FilterCounts {
  const result: FilterCounts = {};
  for (const [key, values] of Object.entries(counts)) {
    result[key] = Object.fromEntries(
      Object.entries(values).filter(([value]) => (totals[key]?.[value] ?? 0) > 0),
    );
  }
  return result;
}

/** The counts of the whole index without its hidden pages (from Pagefind's `filters()`). */
export function hideFromTotals(
  totals: FilterCounts,
  hidden: ReadonlyMap<string, [string, string][]>,
): FilterCounts {
  const corrected = subtractValues(totals, hidden.values());
  return keepPresent(corrected, corrected);
}

/**
 * A search's results and filter counts without hidden pages: Pagefind counts each value
 * over the results, so taking a hidden result's values away leaves the exact counts.
 * `totals` are the corrected counts of the whole index (from `hideFromTotals`).
 */
export function hideFromSearch<T extends { id: string }>(
  results: readonly T[],
  counts: FilterCounts,
  hidden: ReadonlyMap<string, [string, string][]>,
  totals: FilterCounts,
): { results: T[]; counts: FilterCounts } {
  const removed: [string, string][][] = [];
  const shown = results.filter((result) => {
    const values = hidden.get(result.id);
    if (values) removed.push(values);
    return values === undefined;
  });
  return { results: shown, counts: keepPresent(subtractValues(counts, removed), totals) };
}
