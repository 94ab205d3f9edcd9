/**
 * The search page's script: loads Pagefind, merges every language's index into one
 * search, keeps the query and filters in the URL (pushState/popstate) and renders
 * results with text nodes only. The page's markup and wording come from the server.
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
  type SearchState,
} from '../lib/search.ts';

/** The parts of the Pagefind JS API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
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

function requireElement<T extends Element>(
  root: ParentNode,
  selector: string,
  type: new () => T,
): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`Search page: missing element ${selector}.`);
  return element;
}

/** Pagefind with every index merged, and what the search must leave out of it. */
interface SearchIndex {
  api: PagefindApi;
  /** Every shown page's place, newest first, loaded on the first search without words. */
  order: () => Promise<Map<string, number>>;
  /** Old copies of changed pages that the indexes still hold, by Pagefind id. */
  hidden: Map<string, [string, string][]>;
  /** Filter counts over every shown page. */
  totals: FilterCounts;
}

/** Loads Pagefind with the page's language first and merges the other languages' and parts' indexes. */
async function loadPagefind(base: string): Promise<SearchIndex> {
  const bundle = new URL(base, window.location.href).href;
  const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
  await api.options({ basePath: base, excerptLength: 24 });
  await api.init();
  const response = await fetch(`${bundle}pagefind-entry.json`);
  if (!response.ok)
    throw new Error(`Search index missing: ${bundle}pagefind-entry.json (${response.status})`);
  const entry = (await response.json()) as PagefindEntry;
  const primary = document.documentElement.lang.toLowerCase();
  // The merged bundle's URL must differ in form from the primary's, or Pagefind skips it;
  // the absolute URL points at the same files, loaded once per language.
  for (const language of Object.keys(entry.languages)) {
    if (language !== primary) await api.mergeIndex(bundle, { language });
  }
  // Large sites are indexed in parts (see src/build/search-index.ts); merge each one's languages.
  const parts = await fetch(`${bundle}${PARTS_MANIFEST}`);
  if (!parts.ok)
    throw new Error(`Search index missing: ${bundle}${PARTS_MANIFEST} (${parts.status})`);
  const manifest = (await parts.json()) as PartsManifest;
  for (const part of manifest.parts) {
    for (const language of part.languages) {
      await api.mergeIndex(new URL(part.path, bundle).href, { language });
    }
  }
  const hidden = decodeHiddenPages(manifest.hidden);
  // Loads every index's filter chunks; without them a search reports no filter counts.
  const totals = hideFromTotals(await api.filters(), hidden);
  let order: Promise<Map<string, number>> | undefined;
  const loadOrder = async (): Promise<Map<string, number>> => {
    const file = await fetch(`${bundle}${ORDER_FILE}`);
    if (!file.ok) throw new Error(`Search index missing: ${bundle}${ORDER_FILE} (${file.status})`);
    return decodeOrder(await file.json());
  };
  return { api, hidden, totals, order: () => (order ??= loadOrder()) };
}

/** Starts the search page. */
export function startSearchPage(root: HTMLElement): void {
  const base = root.dataset['pagefindBase'];
  if (base === undefined) throw new Error('Search page: data-pagefind-base is missing.');
  const form = requireElement(root, '#search-form', HTMLFormElement);
  const input = requireElement(root, '#search-input', HTMLInputElement);
  const groups = requireElement(root, '#search-filter-groups', HTMLElement);
  const clear = requireElement(root, '#search-clear', HTMLButtonElement);
  const status = requireElement(root, '#search-status', HTMLElement);
  const empty = requireElement(root, '#search-empty', HTMLElement);
  const list = requireElement(root, '#search-results', HTMLOListElement);
  const more = requireElement(root, '#search-more', HTMLButtonElement);
  const failure = requireElement(root, '#search-failure', HTMLElement);

  let state = parseSearchState(new URLSearchParams(window.location.search));
  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;
  let pagefind: Promise<SearchIndex> | undefined;

  // The server-rendered notice says search needs JavaScript; now it runs, swap it for the app.
  document.getElementById('search-noscript')?.setAttribute('hidden', '');
  root.hidden = false;
  input.value = state.query;

  const getPagefind = (): Promise<SearchIndex> => (pagefind ??= loadPagefind(base));

  const renderFilters = (counts: FilterCounts): void => {
    // The controls are rebuilt with new counts; keyboard focus stays on the same checkbox.
    const active = document.activeElement;
    const focused =
      active instanceof HTMLInputElement && groups.contains(active)
        ? { name: active.name, value: active.value }
        : undefined;
    groups.replaceChildren();
    let restoreFocus: HTMLInputElement | undefined;
    for (const key of SEARCH_FILTER_KEYS) {
      const values = counts[key] ?? {};
      const chosen = state.filters[key] ?? [];
      const names = sortFilterValues(key, [...new Set([...Object.keys(values), ...chosen])]);
      if (names.length === 0) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = t.searchPage.filterLegends[key];
      fieldset.append(legend);
      for (const [index, name] of names.entries()) {
        const id = `filter-${SEARCH_FILTER_KEYS.indexOf(key)}-${index}`;
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = key;
        box.value = name;
        box.checked = chosen.includes(name);
        if (focused?.name === key && focused.value === name) restoreFocus = box;
        const label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = `${name} (${values[name] ?? 0})`;
        const row = document.createElement('div');
        row.className = 'search-filter';
        row.append(box, label);
        fieldset.append(row);
      }
      groups.append(fieldset);
    }
    restoreFocus?.focus();
    clear.hidden = Object.keys(state.filters).length === 0;
  };

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const item = document.createElement('li');
    item.className = 'search-result';
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta['title'] ?? data.url;
    const language = data.meta['language'];
    if (language !== undefined) link.hreflang = language;
    heading.append(link);
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
    const excerpt = document.createElement('p');
    if (language !== undefined) excerpt.lang = language;
    for (const part of toExcerptParts(data.excerpt)) {
      if (part.highlighted) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else {
        excerpt.append(part.text);
      }
    }
    item.append(heading, meta, excerpt);
    return item;
  };

  const showMore = async (thisRun: number): Promise<void> => {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (thisRun !== run) return;
    list.append(...data.map(renderResult));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const describe = (count: number): string => {
    const filterCount = Object.values(state.filters).reduce(
      (sum, values) => sum + values.length,
      0,
    );
    const base = t.searchPage.resultCount(count, state.query);
    if (filterCount === 0) return `${base}.`;
    return `${base}, ${t.searchPage.filteredHint(filterCount)}.`;
  };

  const runSearch = async (): Promise<void> => {
    const thisRun = ++run;
    failure.hidden = true;
    status.textContent = t.searchPage.loading;
    try {
      const { api, hidden, totals, order } = await getPagefind();
      if (thisRun !== run) return;
      if (isEmptySearch(state)) {
        renderFilters(totals);
        results = [];
        shown = 0;
        list.replaceChildren();
        more.hidden = true;
        empty.hidden = true;
        status.textContent = t.searchPage.startHint;
        return;
      }
      const search = await api.search(state.query === '' ? null : state.query, {
        filters: toPagefindFilters(state),
        ...(state.query === '' ? { sort: { [SEARCH_SORT_KEY]: 'desc' } } : {}),
      });
      if (thisRun !== run) return;
      const visible = hideFromSearch(search.results, search.filters, hidden, totals);
      // Without words the results go newest first, over every language and part at once.
      const ordered =
        state.query === '' ? sortByOrder(visible.results, await order()) : visible.results;
      if (thisRun !== run) return;
      renderFilters(visible.counts);
      results = ordered;
      shown = 0;
      list.replaceChildren();
      empty.hidden = results.length > 0;
      await showMore(thisRun);
      if (thisRun !== run) return;
      status.textContent = describe(results.length);
    } catch (error) {
      if (thisRun !== run) return;
      status.textContent = '';
      failure.hidden = false;
      console.error(error);
    }
  };

  const go = (next: SearchState, history: 'push' | 'replace' | 'none'): void => {
    state = next;
    const query = toSearchParams(state).toString();
    const url = `${window.location.pathname}${query === '' ? '' : `?${query}`}`;
    if (history === 'push' && url !== `${window.location.pathname}${window.location.search}`) {
      window.history.pushState(null, '', url);
    } else if (history === 'replace') {
      window.history.replaceState(null, '', url);
    }
    void runSearch();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...state, query: input.value.trim() }, 'push');
  });

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => go({ ...state, query: input.value.trim() }, 'replace'), 300);
  });

  groups.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const key = SEARCH_FILTER_KEYS.find((candidate) => candidate === box.name);
    if (key === undefined) return;
    const values = new Set(state.filters[key] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const filters = { ...state.filters };
    if (values.size > 0) filters[key] = [...values];
    else delete filters[key];
    go({ query: input.value.trim(), filters }, 'push');
  });

  clear.addEventListener('click', () => {
    go({ query: input.value.trim(), filters: {} }, 'push');
    input.focus();
  });

  more.addEventListener('click', () => {
    const first = shown;
    void showMore(run).then(() => {
      const link = list.children[first]?.querySelector('a');
      if (link) link.focus();
    });
  });

  window.addEventListener('popstate', () => {
    state = parseSearchState(new URLSearchParams(window.location.search));
    input.value = state.query;
    void runSearch();
  });

  void runSearch();
}

const root = document.getElementById('search-app');
if (root) startSearchPage(root);
