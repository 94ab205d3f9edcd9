/**
 * Search, as pure logic: what Pagefind should know about a document (filters, meta, sort
 * key), how the search page's state is written to and read from the URL, and how a
 * Pagefind excerpt becomes safe text with highlights. No Astro and no DOM here, so the
 * search page's script, the pages and the tests share one definition.
 */
import { CONTENT_TYPE_LABELS, STATUSES, getStatusTitle } from '../../content-schemas/constants.ts';
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
        `Document "${document.id}" · status: unknown value "${document.status}"; expected one of the contract's statuses.`,
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

/** Sorts filter values for display: types and statuses in contract order, years newest first, the rest alphabetically. */
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

/** A case's sections, by the field they come from. */
export type CaseSectionField =
  'problem' | 'targetGroup' | 'solution' | 'results' | 'lessonsLearned' | 'reuse' | 'costs';

/**
 * Pagefind weights of a case's sections (body text is 1, the title 7): the problem and
 * the results decide whether a case is the one a reader looks for, so they count most.
 */
const CASE_SECTION_WEIGHTS: Record<CaseSectionField, number> = {
  problem: 4,
  results: 4,
  solution: 2,
  lessonsLearned: 1.5,
  targetGroup: 1,
  reuse: 1,
  costs: 1,
};

/** Returns the `data-pagefind-weight` for a case section. */
export function getCaseSectionWeight(field: CaseSectionField): number {
  return CASE_SECTION_WEIGHTS[field];
}

/** The file, in the main search bundle, that lists the index's other parts. */
export const PARTS_MANIFEST = 'parts.json';

/** What the search page reads from `parts.json` (written by src/build/search-index.ts). */
export interface PartsManifest {
  /** Every part but the main bundle, relative to it, with the languages its index holds. */
  parts: { path: string; languages: string[] }[];
  /** Pages indexed over all parts. */
  pageCount: number;
}
