/**
 * The search page's script: loads Pagefind, merges every language's index into one
 * search, keeps the query and filters in the URL (pushState/popstate) and renders
 * results with text nodes only. The page's markup and wording come from the server.
 *
 * Read top to bottom: loading the index, then the page's elements and state, a search
 * run, the rendering of filters and results, the URL, and the listeners that start runs.
 */
import { formatDate } from '../lib/dates.ts';
import { t } from '../lib/i18n.ts';
import {
  ORDER_FILE,
  PARTS_MANIFEST,
  SEARCH_FILTER_KEYS,
  SEARCH_SORT_KEY,
  decodeHiddenPages,
  decodeOrder,
  hideFromSearch,
  hideFromTotals,
  isEmptySearch,
  parseSearchState,
  sortByOrder,
  sortFilterValues,
  toExcerptParts,
  toPagefindFilters,
  toSearchParams,
  type FilterCounts,
  type PartsManifest,
  type SearchFilterKey,
  type SearchState,
} from '../lib/search.ts';
import {
  keepIndexWords as keepIndexWordsOf,
  pickWordsAt,
  type WordProbe,
} from '../lib/search-words.ts';

/** The parts of the Pagefind JS API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's text and the places (word numbers) where the search words matched. */
  content: string;
  locations: number[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options: Record<string, unknown>) => Promise<PagefindSearch>;
  filters: () => Promise<FilterCounts>;
}
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** How many results are shown at first and added by each «show more». */
const PAGE_SIZE = 10;

/** Pagefind with every index merged, and what the search must leave out of it. */
interface SearchIndex {
  api: PagefindApi;
  /** Every shown page's place, newest first, loaded on the first search without words. */
  order: () => Promise<Map<string, number>>;
  /** Old copies of changed pages that the indexes still hold, by Pagefind id. */
  hidden: Map<string, [string, string][]>;
  /** Filter counts over every shown page. */
  totals: FilterCounts;
  /** Whether a search word is a word of the index, by word (see src/lib/search-words.ts). */
  words: Map<string, Promise<boolean>>;
}

/** Fetches one of the index's JSON files; a missing file names itself and the status. */
async function fetchIndexFile(bundle: string, name: string): Promise<unknown> {
  const response = await fetch(`${bundle}${name}`);
  if (!response.ok) {
    throw new Error(`Search index missing: ${bundle}${name} (${response.status})`);
  }
  return response.json();
}

/** Loads Pagefind with the page's language first and merges the other languages' and parts' indexes. */
async function loadPagefind(base: string): Promise<SearchIndex> {
  const bundle = new URL(base, window.location.href).href;
  const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
  await api.options({ basePath: base, excerptLength: 24 });
  await api.init();
  await mergeOtherLanguages(api, bundle);
  const manifest = await mergeParts(api, bundle);
  const hidden = decodeHiddenPages(manifest.hidden);
  // Loads every index's filter chunks; without them a search reports no filter counts.
  const totals = hideFromTotals(await api.filters(), hidden);
  let order: Promise<Map<string, number>> | undefined;
  const loadOrder = async (): Promise<Map<string, number>> =>
    decodeOrder(await fetchIndexFile(bundle, ORDER_FILE));
  return { api, hidden, totals, order: () => (order ??= loadOrder()), words: new Map() };
}

/** Merges the main bundle's indexes of every language but the page's own. */
async function mergeOtherLanguages(api: PagefindApi, bundle: string): Promise<void> {
  const entry = (await fetchIndexFile(bundle, 'pagefind-entry.json')) as PagefindEntry;
  const primary = document.documentElement.lang.toLowerCase();
  // The merged bundle's URL must differ in form from the primary's, or Pagefind skips it;
  // the absolute URL points at the same files, loaded once per language.
  for (const language of Object.keys(entry.languages)) {
    if (language !== primary) await api.mergeIndex(bundle, { language });
  }
}

/** Merges each part's languages (large sites are indexed in parts, see src/build/search-index.ts). */
async function mergeParts(api: PagefindApi, bundle: string): Promise<PartsManifest> {
  const manifest = (await fetchIndexFile(bundle, PARTS_MANIFEST)) as PartsManifest;
  for (const part of manifest.parts) {
    for (const language of part.languages) {
      await api.mergeIndex(new URL(part.path, bundle).href, { language });
    }
  }
  return manifest;
}

/** The elements of the page's search app, which the server rendered. */
interface SearchElements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  groups: HTMLElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
  empty: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  failure: HTMLElement;
}

/** The search page as it stands: its elements, the search in the URL and its results. */
interface SearchPage {
  elements: SearchElements;
  state: SearchState;
  results: PagefindResult[];
  /** How many of the results are in the list. */
  shown: number;
  /** The number of the latest search; an older run stops where it finds it changed. */
  run: number;
  /** The index, loaded on the first search. */
  getIndex: () => Promise<SearchIndex>;
}

/** The element `selector` finds in `root`, of the given type, or an error naming it. */
function requireElement<T extends Element>(
  root: ParentNode,
  selector: string,
  type: new () => T,
): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`Search page: missing element ${selector}.`);
  return element;
}

/** Finds every element of the search app. */
function findElements(root: HTMLElement): SearchElements {
  return {
    root,
    form: requireElement(root, '#search-form', HTMLFormElement),
    input: requireElement(root, '#search-input', HTMLInputElement),
    groups: requireElement(root, '#search-filter-groups', HTMLElement),
    clear: requireElement(root, '#search-clear', HTMLButtonElement),
    status: requireElement(root, '#search-status', HTMLElement),
    empty: requireElement(root, '#search-empty', HTMLElement),
    list: requireElement(root, '#search-results', HTMLOListElement),
    more: requireElement(root, '#search-more', HTMLButtonElement),
    failure: requireElement(root, '#search-failure', HTMLElement),
  };
}

/** Starts the search page. */
export function startSearchPage(root: HTMLElement): void {
  const base = root.dataset['pagefindBase'];
  if (base === undefined) throw new Error('Search page: data-pagefind-base is missing.');
  const elements = findElements(root);
  let index: Promise<SearchIndex> | undefined;
  const page: SearchPage = {
    elements,
    state: readStateFromUrl(),
    results: [],
    shown: 0,
    run: 0,
    getIndex: () => (index ??= loadPagefind(base)),
  };
  showApp(page);
  listenToForm(page);
  listenToFilters(page);
  listenToMore(page);
  listenToHistory(page);
  void runSearch(page);
}

/** The search the page's URL holds. */
function readStateFromUrl(): SearchState {
  return parseSearchState(new URLSearchParams(window.location.search));
}

/** Swaps the server-rendered notice (search needs JavaScript) for the app, now that it runs. */
function showApp(page: SearchPage): void {
  document.getElementById('search-noscript')?.setAttribute('hidden', '');
  page.elements.root.hidden = false;
  page.elements.input.value = page.state.query;
}

/** Runs the search the page's state holds and shows its results, unless a newer run started. */
async function runSearch(page: SearchPage): Promise<void> {
  const thisRun = ++page.run;
  const isCurrent = (): boolean => thisRun === page.run;
  const { status, failure } = page.elements;
  failure.hidden = true;
  status.textContent = t.searchPage.loading;
  try {
    const index = await page.getIndex();
    if (!isCurrent()) return;
    if (isEmptySearch(page.state)) {
      showStartHint(page, index.totals);
      return;
    }
    const found = await findResults(index, page.state, isCurrent);
    if (found === undefined) return;
    renderFilters(page, found.counts);
    page.results = found.results;
    page.shown = 0;
    page.elements.list.replaceChildren();
    page.elements.empty.hidden = page.results.length > 0;
    await showMore(page, thisRun);
    if (!isCurrent()) return;
    status.textContent = describeResults(page.state, page.results.length);
  } catch (error) {
    if (!isCurrent()) return;
    status.textContent = '';
    failure.hidden = false;
    console.error(error);
  }
}

/** Shows every filter with its total and no results, with a hint to start searching. */
function showStartHint(page: SearchPage, totals: FilterCounts): void {
  const { list, more, empty, status } = page.elements;
  renderFilters(page, totals);
  page.results = [];
  page.shown = 0;
  list.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
  status.textContent = t.searchPage.startHint;
}

/**
 * Searches for the state's words and filters and leaves out the hidden pages; without words,
 * orders the results newest first. `undefined` when a newer run started meanwhile.
 */
async function findResults(
  index: SearchIndex,
  state: SearchState,
  isCurrent: () => boolean,
): Promise<{ results: PagefindResult[]; counts: FilterCounts } | undefined> {
  const words = state.query === '' ? '' : await keepIndexWords(index, state.query);
  if (state.query !== '' && words === '') {
    return isCurrent() ? { results: [], counts: toZeroCounts(index.totals) } : undefined;
  }
  const search = await index.api.search(state.query === '' ? null : words, {
    filters: toPagefindFilters(state),
    ...(state.query === '' ? { sort: { [SEARCH_SORT_KEY]: 'desc' } } : {}),
  });
  if (!isCurrent()) return undefined;
  const visible = hideFromSearch(search.results, search.filters, index.hidden, index.totals);
  // Without words the results go newest first, over every language and part at once.
  const ordered =
    state.query === '' ? sortByOrder(visible.results, await index.order()) : visible.results;
  if (!isCurrent()) return undefined;
  return { results: ordered, counts: visible.counts };
}

/**
 * The query without the words that are neither words of the index nor compounds of its
 * words (src/lib/search-words.ts): Pagefind would match those by a start they share with
 * some word, and find pages for a word the site lacks. Empty when no word is left.
 */
async function keepIndexWords(index: SearchIndex, query: string): Promise<string> {
  const probe: WordProbe = async (term) => {
    const { results } = await index.api.search(term, {});
    const shown = results.filter((result) => !index.hidden.has(result.id));
    if (shown.length === 0) return undefined;
    // The first of the top three with places in its text (usually the first).
    for (const result of shown.slice(0, 3)) {
      const data = await result.data();
      const words = pickWordsAt(data.content, data.locations);
      if (words.length > 0) return words;
    }
    return [];
  };
  return keepIndexWordsOf(query, probe, index.words);
}

/** Every filter value with a count of 0: what a search that finds nothing offers. */
function toZeroCounts(totals: FilterCounts): FilterCounts {
  return Object.fromEntries(
    Object.entries(totals).map(([key, values]) => [
      key,
      Object.fromEntries(Object.keys(values).map((value) => [value, 0])),
    ]),
  );
}

/** Adds the next page of results to the list, unless run `thisRun` is no longer the latest. */
async function showMore(page: SearchPage, thisRun: number): Promise<void> {
  const { list, more } = page.elements;
  const next = page.results.slice(page.shown, page.shown + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (thisRun !== page.run) return;
  list.append(...data.map(renderResult));
  page.shown += next.length;
  more.hidden = page.shown >= page.results.length;
}

/** The status line: how many results, for which words, and how many filters narrow them. */
function describeResults(state: SearchState, count: number): string {
  const filterCount = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  const base = t.searchPage.resultCount(count, state.query);
  if (filterCount === 0) return `${base}.`;
  return `${base}, ${t.searchPage.filteredHint(filterCount)}.`;
}

/** A checkbox named by its filter key and value. */
interface FilterChoice {
  name: string;
  value: string;
}

/**
 * Rebuilds the filter controls with new counts; keyboard focus stays on the same checkbox,
 * and the clear button shows only while a filter is chosen.
 */
function renderFilters(page: SearchPage, counts: FilterCounts): void {
  const { groups, clear } = page.elements;
  const focused = findFocusedFilter(groups);
  groups.replaceChildren();
  let restoreFocus: HTMLInputElement | undefined;
  for (const key of SEARCH_FILTER_KEYS) {
    const group = renderFilterGroup(key, counts[key] ?? {}, page.state.filters[key] ?? [], focused);
    if (group === undefined) continue;
    groups.append(group.fieldset);
    restoreFocus = group.focus ?? restoreFocus;
  }
  restoreFocus?.focus();
  clear.hidden = Object.keys(page.state.filters).length === 0;
}

/** The filter checkbox that has keyboard focus, if one has. */
function findFocusedFilter(groups: HTMLElement): FilterChoice | undefined {
  const active = document.activeElement;
  return active instanceof HTMLInputElement && groups.contains(active)
    ? { name: active.name, value: active.value }
    : undefined;
}

/**
 * One filter's fieldset: a checkbox per value found or chosen, with its count; `undefined`
 * when there is none. Returns too the checkbox that had focus before the rebuild.
 */
function renderFilterGroup(
  key: SearchFilterKey,
  values: Record<string, number>,
  chosen: readonly string[],
  focused: FilterChoice | undefined,
): { fieldset: HTMLFieldSetElement; focus: HTMLInputElement | undefined } | undefined {
  const names = sortFilterValues(key, [...new Set([...Object.keys(values), ...chosen])]);
  if (names.length === 0) return undefined;
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = t.searchPage.filterLegends[key];
  fieldset.append(legend);
  let focus: HTMLInputElement | undefined;
  for (const [index, name] of names.entries()) {
    const id = `filter-${SEARCH_FILTER_KEYS.indexOf(key)}-${index}`;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.name = key;
    box.value = name;
    box.checked = chosen.includes(name);
    if (focused?.name === key && focused.value === name) focus = box;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = `${name} (${values[name] ?? 0})`;
    const row = document.createElement('div');
    row.className = 'search-filter';
    row.append(box, label);
    fieldset.append(row);
  }
  return { fieldset, focus };
}

/** One result: its title as a link, its type and date, and the excerpt with the matches marked. */
function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  const language = data.meta['language'];
  if (language !== undefined) link.hreflang = language;
  heading.append(link);
  item.append(heading, renderResultMeta(data), renderExcerpt(data.excerpt, language));
  return item;
}

/** The line under a result's title: its type and, if it has a valid one, its date. */
function renderResultMeta(data: PagefindResultData): HTMLParagraphElement {
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.append(data.meta['type'] ?? '');
  const date = data.meta['date'];
  if (date !== undefined && !Number.isNaN(Date.parse(date))) {
    const time = document.createElement('time');
    time.dateTime = date;
    time.textContent = formatDate(date);
    meta.append(' · ', time);
  }
  return meta;
}

/** A result's excerpt as text nodes, with Pagefind's matches in `<mark>`. */
function renderExcerpt(excerpt: string, language: string | undefined): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  if (language !== undefined) paragraph.lang = language;
  for (const part of toExcerptParts(excerpt)) {
    if (part.highlighted) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      paragraph.append(mark);
    } else {
      paragraph.append(part.text);
    }
  }
  return paragraph;
}

/** Makes `next` the page's search: puts it in the URL as `history` says, then runs it. */
function goTo(page: SearchPage, next: SearchState, history: 'push' | 'replace' | 'none'): void {
  page.state = next;
  const query = toSearchParams(next).toString();
  const url = `${window.location.pathname}${query === '' ? '' : `?${query}`}`;
  if (history === 'push' && url !== `${window.location.pathname}${window.location.search}`) {
    window.history.pushState(null, '', url);
  } else if (history === 'replace') {
    window.history.replaceState(null, '', url);
  }
  void runSearch(page);
}

/** Searches on submit (a new history entry) and while typing (replacing the entry). */
function listenToForm(page: SearchPage): void {
  const { form, input } = page.elements;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    goTo(page, { ...page.state, query: input.value.trim() }, 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(
      () => goTo(page, { ...page.state, query: input.value.trim() }, 'replace'),
      300,
    );
  });
}

/** Searches again when a filter is checked or unchecked, or all are cleared. */
function listenToFilters(page: SearchPage): void {
  const { groups, clear, input } = page.elements;
  groups.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const key = SEARCH_FILTER_KEYS.find((candidate) => candidate === box.name);
    if (key === undefined) return;
    const values = new Set(page.state.filters[key] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const filters = { ...page.state.filters };
    if (values.size > 0) filters[key] = [...values];
    else delete filters[key];
    goTo(page, { query: input.value.trim(), filters }, 'push');
  });
  clear.addEventListener('click', () => {
    goTo(page, { query: input.value.trim(), filters: {} }, 'push');
    input.focus();
  });
}

/** Shows the next results on «show more» and moves focus to the first of them. */
function listenToMore(page: SearchPage): void {
  const { more, list } = page.elements;
  more.addEventListener('click', () => {
    const first = page.shown;
    void showMore(page, page.run).then(() => {
      const link = list.children[first]?.querySelector('a');
      if (link) link.focus();
    });
  });
}

/** Runs the search of the URL the browser's back and forward buttons go to. */
function listenToHistory(page: SearchPage): void {
  window.addEventListener('popstate', () => {
    page.state = readStateFromUrl();
    page.elements.input.value = page.state.query;
    void runSearch(page);
  });
}

const root = document.getElementById('search-app');
if (root) startSearchPage(root);
