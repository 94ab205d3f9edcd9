/**
 * Builds the Pagefind search index from the HTML that Astro wrote, as the second step of
 * `npm run build`, in its own process: Astro's heap is gone by then, so the build's peak
 * memory is the larger of the two, not their sum.
 *
 * Pagefind holds a whole index in memory while it builds it (about a third of a megabyte
 * per page), so large sites are indexed in parts of at most `pagesPerPart` pages, one after
 * the other. Part 0 is the bundle at `/pagefind/` that the search page loads; parts 1…n-1
 * sit in `/pagefind/part-<n>/` and are listed in `/pagefind/parts.json`, which the search
 * page merges into the same search. Pages are assigned to parts by a hash of their path,
 * so a page stays in its part from build to build.
 *
 * With a `cacheDir`, each part's bundle is kept under a key made from the paths and
 * contents of its pages, with a record of each page's Pagefind id and filter values. A
 * rebuild does not re-index a part for a few changed pages: the part's cached bundle stays
 * as it was (its base), and the pages changed since then are indexed in a small overlay
 * bundle, `/pagefind/overlay/`. `parts.json` lists the base copies of changed pages as
 * hidden, and the search page drops them from results and from filter counts, so a search
 * shows each page once, as it is now; their fragments are not copied into the site. A part
 * that held a page the site no longer has is indexed anew, so that an unpublished page
 * leaves no text in the output, whatever the cache held (docs/architecture.md#search). The overlay also holds a fixed sample of
 * unchanged pages (hidden as well), so that its word statistics, which Pagefind ranks by,
 * resemble a part's. Once a part has more changes than the overlay may hold, that part is
 * indexed anew and becomes its own base again.
 *
 * `/pagefind/order.json` lists every shown page newest first: Pagefind orders a search
 * without words within each index it merges, so the search page orders one by that list.
 */
import { hash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { Parser } from 'htmlparser2';
import { close, createIndex } from 'pagefind';
import { ROUTES } from '../../content-schemas/routes.ts';
import {
  ORDER_FILE,
  PARTS_MANIFEST,
  encodeHiddenPages,
  encodeOrder,
  type DatedPage,
  type HiddenPage,
  type PartsManifest,
} from '../lib/search.ts';

/** Pages per part: about 0.8 GB of Pagefind memory on this site's pages. */
export const DEFAULT_PAGES_PER_PART = 2500;

/** Changes when the way parts are built changes, so older cached parts are not reused. */
const PART_FORMAT = 'tanketanken-search-part-3';

/** The attribute that marks the content Pagefind indexes; pages without it are skipped. */
const BODY_MARKER = 'data-pagefind-body';

/** The overlay bundle's folder in `/pagefind/`. */
const OVERLAY_PATH = 'overlay/';

/**
 * Put into each page indexed in the overlay, so that Pagefind gives the overlay's copy an
 * id other than the base copy's (ids are hashes of what Pagefind keeps of a page).
 */
const OVERLAY_MARK = '<span data-pagefind-meta="tanketanken-overlay:1" hidden></span>';

/**
 * Unchanged pages indexed with the overlay (at most a part's worth), so that a word's
 * share of pages there, by which Pagefind ranks, is close to its share in a part.
 */
const OVERLAY_BALLAST = 300;

/** How many files are read or linked at once. */
const CONCURRENCY = 32;

const gunzipAsync = promisify(gunzip);

export interface SearchIndexOptions {
  /** The built site (Astro's `outDir`). */
  siteDir: string;
  /** Where part bundles are kept between builds; without it every part is indexed anew. */
  cacheDir?: string | undefined;
  /** The most pages one Pagefind run indexes. */
  pagesPerPart?: number | undefined;
  /** Progress lines. */
  log?: ((line: string) => void) | undefined;
}

/** What one indexing run did. */
export interface SearchIndexResult {
  pageCount: number;
  parts: number;
  /** Parts copied from the cache instead of indexed. */
  reusedParts: number;
  /** Changed pages indexed in the overlay instead of in their parts. */
  overlayPages: number;
  milliseconds: number;
  outputPath: string;
}

export interface IndexablePage {
  /** Path relative to the site, with forward slashes: `innlegg/x/index.html`. */
  sourcePath: string;
  file: string;
  digest: string;
}

/** What the cache remembers of one page in a bundle. */
interface PageRecord {
  sourcePath: string;
  digest: string;
  /** Pagefind's id of the page in that bundle (its fragment's name). */
  id: string;
  filters: Record<string, string[]>;
  /** The date the page is sorted by (its `date` meta), if it has one. */
  date?: string;
  /** In the overlay: an unchanged page indexed only for the word statistics. */
  ballast?: true;
}

/** What the cache remembers of the last build: the base bundle of each part. */
interface CacheState {
  format: string;
  version: string;
  parts: string[];
}

/** FNV-1a over the path with a seed: a stable, well-spread number. */
function fnv(sourcePath: string, seed = 0x811c9dc5): number {
  let value = seed;
  for (let index = 0; index < sourcePath.length; index++) {
    value ^= sourcePath.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** The part a page belongs in. */
function partOf(sourcePath: string, parts: number): number {
  return fnv(sourcePath) % parts;
}

/** Runs `task` on every item, at most `limit` at a time, and returns the results in order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Lists the HTML pages that carry indexable content, with a digest of each. The files are
 * read one after the other, synchronously: for ten thousand small files that is about
 * twice as fast as reading them through libuv's thread pool, and nothing else runs yet.
 */
export function findIndexablePages(siteDir: string, outputPath: string): IndexablePage[] {
  const pages: IndexablePage[] = [];
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.startsWith(outputPath + path.sep)) continue;
    const content = readFileSync(file);
    // The bytes only rule pages out quickly; the markup decides, as it does for Pagefind.
    if (!content.includes(BODY_MARKER) || findBodyStart(content.toString('utf8')) === undefined) {
      continue;
    }
    pages.push({
      sourcePath: path.relative(siteDir, file).split(path.sep).join('/'),
      file,
      // A digest to notice changes, not a defence against forgery: SHA-1 is quick.
      digest: hash('sha1', content, 'hex'),
    });
  }
  return pages.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : 1));
}

/** The version of the Pagefind package (and so of its binary), part of every cache key. */
async function pagefindVersion(): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  for (;;) {
    const manifest = await fs.readFile(path.join(dir, 'package.json'), 'utf8').catch(() => '');
    if (manifest) {
      const { name, version } = JSON.parse(manifest) as { name?: string; version?: string };
      if (name === 'pagefind' && version) return version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the version of the pagefind package.');
    dir = parent;
  }
}

/** The cache key of a bundle: the part format, Pagefind's version, its kind and pages. */
function bundleKey(kind: string, pages: readonly IndexablePage[], version: string): string {
  const lines = [`${PART_FORMAT}\0${version}\0${kind}`];
  for (const page of pages) lines.push(`${page.sourcePath}\0${page.digest}`);
  return hash('sha256', lines.join('\n'), 'hex').slice(0, 32);
}

/** Files a secondary part does not need: the search page takes code and Wasm from part 0. */
function isPartCode(name: string): boolean {
  return /^pagefind[\w-]*\.(js|css)$/.test(name) || name.startsWith('wasm.');
}

/** Creates each folder once (and its parents), a few at a time. */
async function makeFolders(files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((file) => path.dirname(file)))];
  await mapLimit(folders, CONCURRENCY, (folder) => fs.mkdir(folder, { recursive: true }));
}

/** Hard-links `from` to `to` (nothing is copied); across file systems, copies. */
export async function linkFile(from: string, to: string): Promise<void> {
  await fs.link(from, to).catch(() => fs.copyFile(from, to));
}

/**
 * Where the content of the first element with `data-pagefind-body` starts: the index just
 * after its start tag, found by parsing the markup (htmlparser2, which reads `<title>`,
 * `<script>`, comments and attribute values as HTML does), or undefined when no element has
 * it. The words `data-pagefind-body` in a post's text or title are text, not an element.
 */
export function findBodyStart(html: string): number | undefined {
  let start: number | undefined;
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (start === undefined && Object.hasOwn(attributes, BODY_MARKER)) {
        start = parser.endIndex + 1;
        parser.pause();
      }
    },
  });
  parser.end(html);
  return start;
}

/** Inserts the overlay mark as the first child of the element Pagefind indexes. */
export function markForOverlay(html: string, sourcePath: string): string {
  const end = findBodyStart(html);
  if (end === undefined) {
    throw new Error(`${sourcePath}: no element with ${BODY_MARKER} to put the overlay mark in.`);
  }
  return `${html.slice(0, end)}${OVERLAY_MARK}${html.slice(end)}`;
}

/**
 * Indexes pages into a bundle at `outputPath`: the pages are linked (or, for the overlay,
 * written with its mark) into a staging folder under their own paths, and Pagefind reads
 * that folder itself (much faster than sending each page over its pipe).
 */
async function indexPages(
  pages: readonly IndexablePage[],
  stage: string,
  outputPath: string,
  overlay: boolean,
): Promise<void> {
  await fs.rm(stage, { recursive: true, force: true });
  const staged = pages.map((page) => path.join(stage, ...page.sourcePath.split('/')));
  await makeFolders(staged);
  await mapLimit(pages, CONCURRENCY, async (page) => {
    const target = path.join(stage, ...page.sourcePath.split('/'));
    if (!overlay) return linkFile(page.file, target);
    const html = await fs.readFile(page.file, 'utf8');
    return fs.writeFile(target, markForOverlay(html, page.sourcePath));
  });
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: stage });
    if (added.errors.length > 0) {
      throw new Error(`Pagefind could not index ${stage}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    }
  } finally {
    await index.deleteIndex();
    await fs.rm(stage, { recursive: true, force: true });
  }
}

/** The URL Pagefind gives a page: its path, without a final `index.html`. */
function pageUrl(sourcePath: string): string {
  return `/${sourcePath.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Reads each page's Pagefind id and filter values from the bundle's fragments. */
async function readPageRecords(
  bundle: string,
  pages: readonly IndexablePage[],
  ballast: ReadonlySet<string> = new Set(),
): Promise<PageRecord[]> {
  const byUrl = new Map(pages.map((page) => [pageUrl(page.sourcePath), page]));
  const folder = path.join(bundle, 'fragment');
  const names = await fs.readdir(folder);
  const records = await mapLimit(names, CONCURRENCY, async (name): Promise<PageRecord> => {
    const text = (await gunzipAsync(await fs.readFile(path.join(folder, name)))).toString('utf8');
    const fragment = JSON.parse(text.replace(/^pagefind_dcd/, '')) as {
      url: string;
      filters?: Record<string, string[]>;
      meta?: Record<string, string>;
    };
    const page = byUrl.get(decodeURI(fragment.url));
    if (!page) {
      throw new Error(
        `Pagefind indexed ${fragment.url} in ${bundle}, which is none of the pages given to it; ` +
          'delete the search cache and build again, and report it if it happens again.',
      );
    }
    return {
      sourcePath: page.sourcePath,
      digest: page.digest,
      id: name.replace(/\.pf_fragment$/, ''),
      filters: fragment.filters ?? {},
      // The meta key the pages are sorted by carries the same date (lib/search.ts).
      ...(fragment.meta?.['date'] === undefined ? {} : { date: fragment.meta['date'] }),
      ...(ballast.has(page.sourcePath) ? { ballast: true as const } : {}),
    };
  });
  if (records.length !== pages.length) {
    throw new Error(
      `Pagefind wrote ${records.length} pages to ${bundle} but was given ${pages.length}; ` +
        `does each page have one element with ${BODY_MARKER}?`,
    );
  }
  return records;
}

/** The pages per language of a bundle, from its entry file. */
async function readLanguages(bundle: string): Promise<Record<string, { page_count: number }>> {
  const file = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(await fs.readFile(file, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages;
}

/** A JSON file's content, or `undefined` when there is no such file. */
async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** A bundle in the cache: its folder and the record of its pages. */
interface CachedBundle {
  key: string;
  records: PageRecord[];
}

/**
 * Indexes `pages` into the cache under `key` (unless it is there) and returns the records
 * of its pages; without a cache, indexes straight into `target` (and reads them there).
 */
async function ensureBundle(options: {
  pages: readonly IndexablePage[];
  key: string;
  cacheDir: string | undefined;
  target: string;
  stageName: string;
  overlay: boolean;
  /** The bundle at `/pagefind/`, which keeps Pagefind's code and Wasm. */
  main: boolean;
  ballast?: ReadonlySet<string>;
  log: (line: string) => void;
  label: string;
}): Promise<{ records: PageRecord[]; reused: boolean }> {
  const { pages, key, cacheDir, target, overlay, log, label } = options;
  const cached = cacheDir ? path.join(cacheDir, key) : undefined;
  const recordFile = cached ? `${cached}.json` : undefined;
  if (cached && recordFile && (await exists(cached))) {
    const records = await readJson<PageRecord[]>(recordFile);
    if (records) return { records, reused: true };
  }
  const destination = cached ? `${cached}.tmp` : target;
  const started = performance.now();
  await fs.rm(destination, { recursive: true, force: true });
  const stage = cacheDir
    ? path.join(cacheDir, options.stageName)
    : await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-search-'));
  await indexPages(pages, stage, destination, overlay);
  // Every bundle but the main one leaves code and Wasm to the main bundle.
  if (!options.main) await removePartCode(destination);
  const records = await readPageRecords(destination, pages, options.ballast);
  if (cached && recordFile) {
    await fs.rm(cached, { recursive: true, force: true });
    await fs.rename(destination, cached);
    await fs.writeFile(recordFile, JSON.stringify(records));
  }
  log(`${label}: indexed ${pages.length} pages in ${Math.round(performance.now() - started)} ms`);
  return { records, reused: false };
}

/** Where this build's bundles go, and what each step of it needs to know. */
interface IndexRun {
  outputPath: string;
  cacheDir: string | undefined;
  /** The Pagefind version, part of every cache key. */
  version: string;
  /** How many parts the pages are split into. */
  count: number;
  log: (line: string) => void;
}

/** What the bundles of this build add up to, gathered bundle by bundle. */
interface IndexContents {
  manifest: PartsManifest;
  /** Pages the search leaves out: old copies of changed pages, and the overlay's ballast. */
  hidden: HiddenPage[];
  /** The pages a search shows, with their dates, for the newest-first order. */
  shown: DatedPage[];
  /** The cache keys of every bundle this build uses. */
  keys: Set<string>;
  /** The cache key of each part's base bundle, in part order, for the next build. */
  baseKeys: string[];
  /** Parts copied from the cache instead of indexed. */
  reusedParts: number;
}

/** Indexes the built site in `siteDir` and writes the bundle where the search page loads it. */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const { siteDir, cacheDir, log = () => {} } = options;
  const pagesPerPart = checkPagesPerPart(options.pagesPerPart ?? DEFAULT_PAGES_PER_PART);
  await requireSite(siteDir);
  const outputPath = path.join(siteDir, ...ROUTES.searchIndex.split('/').filter(Boolean));
  await fs.rm(outputPath, { recursive: true, force: true });

  const pages = findPagesToIndex(siteDir, outputPath, started, log);
  const groups = groupIntoParts(pages, pagesPerPart);
  const version = await pagefindVersion();
  const run: IndexRun = { outputPath, cacheDir, version, count: groups.length, log };
  const { stateFile, bases } = await openCache(run);
  const plan = planParts(groups, bases, Math.max(1, Math.floor(pagesPerPart / 5)));

  const contents = startContents();
  let overlayPages = 0;
  let clash: string | undefined;
  try {
    for (const [index, group] of groups.entries()) {
      await writePart(run, index, group, plan, contents);
    }
    if (cacheDir && plan.overlay.length > 0) {
      await writeOverlay(run, cacheDir, pages, plan.overlay, pagesPerPart, contents);
      overlayPages = plan.overlay.length;
    }
    clash = findIdClash(contents);
    if (stateFile && !clash) await saveCacheState(stateFile, version, contents.baseKeys);
  } finally {
    await close();
  }
  if (clash && stateFile) {
    log(`hidden page ${clash} shares its id with a shown one: indexing every part anew`);
    await fs.rm(stateFile, { force: true });
    return writeSearchIndex(options);
  }
  await writeManifestAndOrder(outputPath, contents);
  if (cacheDir) await pruneCache(cacheDir, contents.keys);
  return {
    pageCount: contents.manifest.pageCount,
    parts: groups.length,
    reusedParts: contents.reusedParts,
    overlayPages,
    milliseconds: Math.round(performance.now() - started),
    outputPath,
  };
}

/** The number of pages per part, if it is a whole number of at least 1. */
function checkPagesPerPart(pagesPerPart: number): number {
  if (!Number.isInteger(pagesPerPart) || pagesPerPart < 1) {
    throw new Error(`pagesPerPart must be a whole number of at least 1, not ${pagesPerPart}.`);
  }
  return pagesPerPart;
}

/** Fails, naming the fix, when the site has not been built. */
async function requireSite(siteDir: string): Promise<void> {
  if (!(await exists(siteDir))) {
    throw new Error(
      `The site folder ${siteDir} does not exist: build the site first (astro build).`,
    );
  }
}

/** The pages to index, logged; fails, naming the fix, when there are none. */
function findPagesToIndex(
  siteDir: string,
  outputPath: string,
  started: number,
  log: (line: string) => void,
): IndexablePage[] {
  const pages = findIndexablePages(siteDir, outputPath);
  log(`${pages.length} pages to index, read in ${Math.round(performance.now() - started)} ms`);
  if (pages.length === 0) {
    throw new Error(
      `No page in ${siteDir} has ${BODY_MARKER}: build the site first (astro build).`,
    );
  }
  return pages;
}

/** Splits the pages into as few parts as `pagesPerPart` allows, each page by its path's hash. */
function groupIntoParts(pages: readonly IndexablePage[], pagesPerPart: number): IndexablePage[][] {
  const count = Math.ceil(pages.length / pagesPerPart);
  const groups = Array.from({ length: count }, (): IndexablePage[] => []);
  for (const page of pages) groups[partOf(page.sourcePath, count)]?.push(page);
  return groups;
}

/** Opens the cache folder: its state file, and the base bundle of each part it still holds. */
async function openCache(
  run: IndexRun,
): Promise<{ stateFile: string | undefined; bases: (CachedBundle | undefined)[] }> {
  const { cacheDir, version, count } = run;
  if (cacheDir) await fs.mkdir(cacheDir, { recursive: true });
  const stateFile = cacheDir ? path.join(cacheDir, 'state.json') : undefined;
  const state = stateFile ? await readJson<CacheState>(stateFile) : undefined;
  return { stateFile, bases: await readBases(cacheDir, state, version, count) };
}

/** Nothing gathered yet. */
function startContents(): IndexContents {
  return {
    manifest: { parts: [], pageCount: 0, hidden: { values: [], pages: [] } },
    hidden: [],
    shown: [],
    keys: new Set(),
    baseKeys: [],
    reusedParts: 0,
  };
}

/**
 * Puts part `index` into the site: its base from the cache, the bundle cached for exactly
 * its pages, or a bundle indexed now; its changed pages' old copies are filed as hidden.
 */
async function writePart(
  run: IndexRun,
  index: number,
  group: readonly IndexablePage[],
  plan: PartPlan,
  contents: IndexContents,
): Promise<void> {
  const { outputPath, cacheDir, version, count, log } = run;
  const target = index === 0 ? outputPath : path.join(outputPath, `part-${index}`);
  let bundle: CachedBundle;
  const base = plan.kept[index];
  if (base) {
    bundle = base;
    contents.reusedParts++;
  } else {
    const key = bundleKey(`part ${index}/${count}`, group, version);
    const built = await ensureBundle({
      pages: group,
      key,
      cacheDir,
      target,
      stageName: `stage-${index}`,
      overlay: false,
      main: index === 0,
      log,
      label: `part ${index + 1}/${count}`,
    });
    if (built.reused) contents.reusedParts++;
    bundle = { key, records: built.records };
  }
  const stale = plan.hidden[index] ?? new Set<string>();
  if (cacheDir) {
    contents.keys.add(bundle.key);
    contents.baseKeys.push(bundle.key);
    // The old copies of changed pages stay in the base's word index (hidden), but their
    // fragments, the text a reader could download, are left behind in the cache.
    const omit = new Set(
      bundle.records
        .filter((record) => stale.has(record.sourcePath))
        .map((record) => path.join('fragment', `${record.id}.pf_fragment`)),
    );
    await linkTree(path.join(cacheDir, bundle.key), target, omit);
  }
  fileRecords(contents, bundle.records, (record) => stale.has(record.sourcePath));
  await addToManifest(contents, target, index > 0 ? `part-${index}/` : undefined);
}

/**
 * Puts the overlay into the site: the changed pages of the parts that kept their base,
 * with a fixed ballast of unchanged pages (hidden) for the word statistics.
 */
async function writeOverlay(
  run: IndexRun,
  cacheDir: string,
  pages: readonly IndexablePage[],
  changedPages: readonly IndexablePage[],
  pagesPerPart: number,
  contents: IndexContents,
): Promise<void> {
  const { outputPath, version, count, log } = run;
  const changed = new Set(changedPages.map((page) => page.sourcePath));
  const ballast = chooseBallast(pages, changed, Math.min(pagesPerPart, OVERLAY_BALLAST));
  const staged = [...changedPages, ...ballast];
  const key = bundleKey(`overlay ${count}`, staged, version);
  const target = path.join(outputPath, ...OVERLAY_PATH.split('/').filter(Boolean));
  const built = await ensureBundle({
    pages: staged,
    key,
    cacheDir,
    target,
    stageName: 'stage-overlay',
    overlay: true,
    main: false,
    ballast: new Set(ballast.map((page) => page.sourcePath)),
    log,
    label: `overlay (${changedPages.length} changed pages, ${ballast.length} for statistics)`,
  });
  contents.keys.add(key);
  await linkTree(path.join(cacheDir, key), target);
  fileRecords(contents, built.records, (record) => record.ballast === true);
  await addToManifest(contents, target, OVERLAY_PATH);
}

/** Files each of a bundle's pages among the hidden (an old copy, or ballast) or the shown ones. */
function fileRecords(
  contents: IndexContents,
  records: readonly PageRecord[],
  isHidden: (record: PageRecord) => boolean,
): void {
  for (const record of records) {
    if (isHidden(record)) contents.hidden.push({ id: record.id, filters: record.filters });
    else contents.shown.push({ id: record.id, date: record.date });
  }
}

/** Counts a bundle's pages and, unless it is the main bundle, lists it with its languages. */
async function addToManifest(
  contents: IndexContents,
  bundle: string,
  partPath: string | undefined,
): Promise<void> {
  const languages = await readLanguages(bundle);
  for (const language of Object.values(languages)) {
    contents.manifest.pageCount += language.page_count;
  }
  if (partPath !== undefined) {
    contents.manifest.parts.push({ path: partPath, languages: Object.keys(languages).sort() });
  }
}

/** A hidden page's id that a shown page has too (ids are short hashes), if there is one. */
function findIdClash(contents: IndexContents): string | undefined {
  const shownIds = new Set(contents.shown.map((page) => page.id));
  return contents.hidden.find((page) => shownIds.has(page.id))?.id;
}

/** Remembers each part's base bundle for the next build. */
async function saveCacheState(stateFile: string, version: string, parts: string[]): Promise<void> {
  const next: CacheState = { format: PART_FORMAT, version, parts };
  await fs.writeFile(stateFile, `${JSON.stringify(next)}\n`);
}

/** Writes `parts.json` (the parts, the page count, the hidden pages) and `order.json`. */
async function writeManifestAndOrder(outputPath: string, contents: IndexContents): Promise<void> {
  const { manifest, hidden, shown } = contents;
  manifest.pageCount -= hidden.length;
  manifest.hidden = encodeHiddenPages(hidden);
  await fs.writeFile(path.join(outputPath, PARTS_MANIFEST), `${JSON.stringify(manifest)}\n`);
  await fs.writeFile(path.join(outputPath, ORDER_FILE), `${JSON.stringify(encodeOrder(shown))}\n`);
}

/** The base bundle of each part from the last build, if the cache still holds it. */
async function readBases(
  cacheDir: string | undefined,
  state: CacheState | undefined,
  version: string,
  count: number,
): Promise<(CachedBundle | undefined)[]> {
  if (!cacheDir || !state) return [];
  if (state.format !== PART_FORMAT || state.version !== version) return [];
  if (state.parts.length !== count) return [];
  return Promise.all(
    state.parts.map(async (key) => {
      if (!(await exists(path.join(cacheDir, key)))) return undefined;
      const records = await readJson<PageRecord[]>(path.join(cacheDir, `${key}.json`));
      return records ? { key, records } : undefined;
    }),
  );
}

/** Which parts keep their base, which of their pages are hidden, what the overlay holds. */
interface PartPlan {
  /** Each part's base bundle, if it is kept. */
  kept: (CachedBundle | undefined)[];
  /** Each kept part's pages whose copies in the base are out of date. */
  hidden: Set<string>[];
  /** The pages indexed in the overlay: new or changed pages of the parts that kept their base. */
  overlay: IndexablePage[];
}

/** Plans which parts keep their base and what goes to the overlay (within `overlayLimit`). */
function planParts(
  groups: readonly IndexablePage[][],
  bases: readonly (CachedBundle | undefined)[],
  overlayLimit: number,
): PartPlan {
  const changes = groups.map((group, index) => {
    const base = bases[index];
    if (!base) return undefined;
    const now = new Map(group.map((page) => [page.sourcePath, page.digest]));
    const then = new Map(base.records.map((record) => [record.sourcePath, record.digest]));
    const stale = base.records
      .filter((record) => now.get(record.sourcePath) !== record.digest)
      .map((record) => record.sourcePath);
    const fresh = group.filter((page) => then.get(page.sourcePath) !== page.digest);
    // A page gone from the site (unpublished, or another site's) must leave no word of its
    // text in the output, so its part is indexed anew rather than kept with it hidden.
    const removed = base.records.some((record) => !now.has(record.sourcePath));
    return { base, stale: new Set(stale), fresh, removed };
  });
  // Parts with the most changes are indexed anew until the overlay is within its limit.
  const order = changes
    .map((change, index) => ({ index, size: change ? change.fresh.length + change.stale.size : 0 }))
    .filter(({ index }) => changes[index] !== undefined)
    .sort((a, b) => b.size - a.size || a.index - b.index);
  let total = order.reduce((sum, { index }) => sum + (changes[index]?.fresh.length ?? 0), 0);
  const dropped = new Set<number>();
  for (const { index } of order) {
    const change = changes[index];
    if (!change?.removed) continue;
    dropped.add(index);
    total -= change.fresh.length;
  }
  for (const { index } of order) {
    const change = changes[index];
    if (!change || dropped.has(index)) continue;
    const size = Math.max(change.fresh.length, change.stale.size);
    if (total <= overlayLimit && size <= overlayLimit) break;
    dropped.add(index);
    total -= change.fresh.length;
  }
  const kept = changes.map((change, index) =>
    change && !dropped.has(index) ? change.base : undefined,
  );
  return {
    kept,
    hidden: changes.map((change, index) => (kept[index] && change ? change.stale : new Set())),
    overlay: changes.flatMap((change, index) => (kept[index] && change ? change.fresh : [])),
  };
}

/** Unchanged pages indexed with the overlay: the same ones from build to build. */
function chooseBallast(
  pages: readonly IndexablePage[],
  changed: ReadonlySet<string>,
  size: number,
): IndexablePage[] {
  return pages
    .filter((page) => !changed.has(page.sourcePath))
    .map((page) => ({ page, rank: fnv(page.sourcePath, 0x9e3779b9) }))
    .sort((a, b) => a.rank - b.rank || (a.page.sourcePath < b.page.sourcePath ? -1 : 1))
    .slice(0, size)
    .map(({ page }) => page);
}

/** Whether a file or folder exists. */
async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Puts a cached bundle into the site: hard links (cached bundles never change), else copies;
 * `omit` names files (relative to the bundle) that stay behind.
 */
async function linkTree(
  from: string,
  to: string,
  omit: ReadonlySet<string> = new Set(),
): Promise<void> {
  const entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  const sources = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((source) => !omit.has(path.relative(from, source)));
  const targets = sources.map((source) => path.join(to, path.relative(from, source)));
  await makeFolders(targets);
  await mapLimit(sources.keys().toArray(), CONCURRENCY, (index) =>
    linkFile(sources[index] as string, targets[index] as string),
  );
}

/** Removes the code and Wasm a secondary bundle leaves to the main one. */
async function removePartCode(bundle: string): Promise<void> {
  for (const name of await fs.readdir(bundle)) {
    if (isPartCode(name)) await fs.rm(path.join(bundle, name), { recursive: true });
  }
}

/** Removes cached bundles this build did not use, so the cache holds one site's worth. */
async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await fs.readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name === 'state.json' || keep.has(name.replace(/\.json$/, ''))) continue;
    await fs.rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}
