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
 * contents of its pages; a rebuild re-indexes only the parts whose pages changed and
 * copies the others.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { ROUTES } from '../../content-schemas/routes.ts';
import { PARTS_MANIFEST, type PartsManifest } from '../lib/search.ts';

/** Pages per part: about 0.8 GB of Pagefind memory on this site's pages. */
export const DEFAULT_PAGES_PER_PART = 2500;

/** Changes when the way parts are built changes, so older cached parts are not reused. */
const PART_FORMAT = 'tanketanken-search-part-1';

/** The attribute that marks the content Pagefind indexes; pages without it are skipped. */
const BODY_MARKER = 'data-pagefind-body';

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
  milliseconds: number;
  outputPath: string;
}

interface IndexablePage {
  /** Path relative to the site, with forward slashes: `innlegg/x/index.html`. */
  sourcePath: string;
  file: string;
  digest: string;
}

/** FNV-1a over the path: a stable, well-spread part number. */
function partOf(sourcePath: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sourcePath.length; index++) {
    hash ^= sourcePath.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % parts;
}

/** Lists the HTML pages that carry indexable content, with a digest of each. */
async function findIndexablePages(siteDir: string, outputPath: string): Promise<IndexablePage[]> {
  const pages: IndexablePage[] = [];
  const entries = await fs.readdir(siteDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.startsWith(outputPath + path.sep)) continue;
    const content = await fs.readFile(file);
    if (!content.includes(BODY_MARKER)) continue;
    pages.push({
      sourcePath: path.relative(siteDir, file).split(path.sep).join('/'),
      file,
      digest: createHash('sha256').update(content).digest('hex'),
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

function partKey(pages: readonly IndexablePage[], index: number, count: number, version: string) {
  const hash = createHash('sha256').update(`${PART_FORMAT}\0${version}\0${index}/${count}\n`);
  for (const page of pages) hash.update(`${page.sourcePath}\0${page.digest}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** Files a secondary part does not need: the search page takes code and Wasm from part 0. */
function isPartCode(name: string): boolean {
  return /^pagefind[\w-]*\.(js|css)$/.test(name) || name.startsWith('wasm.');
}

/**
 * Indexes one part: its pages are linked into a staging folder under their own paths, and
 * Pagefind reads that folder itself (much faster than sending each page over its pipe).
 */
async function indexPart(
  pages: readonly IndexablePage[],
  stage: string,
  outputPath: string,
): Promise<void> {
  await fs.rm(stage, { recursive: true, force: true });
  for (const page of pages) {
    const linked = path.join(stage, ...page.sourcePath.split('/'));
    await fs.mkdir(path.dirname(linked), { recursive: true });
    // A hard link costs nothing; across file systems, copy instead.
    await fs.link(page.file, linked).catch(() => fs.copyFile(page.file, linked));
  }
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

async function readLanguages(bundle: string): Promise<Record<string, { page_count: number }>> {
  const file = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(await fs.readFile(file, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages;
}

/** Indexes the built site in `siteDir` and writes the bundle where the search page loads it. */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const { siteDir, cacheDir, log = () => {} } = options;
  const pagesPerPart = options.pagesPerPart ?? DEFAULT_PAGES_PER_PART;
  if (!Number.isInteger(pagesPerPart) || pagesPerPart < 1) {
    throw new Error(`pagesPerPart must be a whole number of at least 1, not ${pagesPerPart}.`);
  }
  if (!(await exists(siteDir))) {
    throw new Error(
      `The site folder ${siteDir} does not exist: build the site first (astro build).`,
    );
  }
  const outputPath = path.join(siteDir, ...ROUTES.searchIndex.split('/').filter(Boolean));
  await fs.rm(outputPath, { recursive: true, force: true });

  const pages = await findIndexablePages(siteDir, outputPath);
  log(`${pages.length} pages to index, read in ${Math.round(performance.now() - started)} ms`);
  if (pages.length === 0) {
    throw new Error(
      `No page in ${siteDir} has ${BODY_MARKER}: build the site first (astro build).`,
    );
  }
  const count = Math.ceil(pages.length / pagesPerPart);
  const groups = Array.from({ length: count }, (): IndexablePage[] => []);
  for (const page of pages) groups[partOf(page.sourcePath, count)]?.push(page);

  const version = await pagefindVersion();
  if (cacheDir) await fs.mkdir(cacheDir, { recursive: true });
  const keys = new Set<string>();
  const manifest: PartsManifest = { parts: [], pageCount: 0 };
  let reusedParts = 0;
  try {
    for (const [index, group] of groups.entries()) {
      const target = index === 0 ? outputPath : path.join(outputPath, `part-${index}`);
      const key = partKey(group, index, count, version);
      keys.add(key);
      const cached = cacheDir ? path.join(cacheDir, key) : undefined;
      if (cached && (await exists(cached))) {
        reusedParts++;
      } else {
        const destination = cached ? `${cached}.tmp` : target;
        const partStarted = performance.now();
        await fs.rm(destination, { recursive: true, force: true });
        const stage = cacheDir
          ? path.join(cacheDir, `stage-${index}`)
          : await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-search-'));
        await indexPart(group, stage, destination);
        if (index > 0) await removePartCode(destination);
        if (cached) await fs.rename(destination, cached);
        log(
          `part ${index + 1}/${count}: indexed ${group.length} pages in ` +
            `${Math.round(performance.now() - partStarted)} ms`,
        );
      }
      if (cached) await linkTree(cached, target);
      const languages = await readLanguages(target);
      for (const language of Object.values(languages)) manifest.pageCount += language.page_count;
      if (index > 0) {
        manifest.parts.push({ path: `part-${index}/`, languages: Object.keys(languages).sort() });
      }
    }
  } finally {
    await close();
  }
  await fs.writeFile(path.join(outputPath, PARTS_MANIFEST), `${JSON.stringify(manifest)}\n`);
  if (cacheDir) await pruneCache(cacheDir, keys);
  return {
    pageCount: manifest.pageCount,
    parts: count,
    reusedParts,
    milliseconds: Math.round(performance.now() - started),
    outputPath,
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Puts a cached part into the site: hard links (cached parts never change), else copies. */
async function linkTree(from: string, to: string): Promise<void> {
  for (const entry of await fs.readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.link(source, target).catch(() => fs.copyFile(source, target));
  }
}

async function removePartCode(bundle: string): Promise<void> {
  for (const name of await fs.readdir(bundle)) {
    if (isPartCode(name)) await fs.rm(path.join(bundle, name), { recursive: true });
  }
}

/** Removes cached parts this build did not use, so the cache holds one site's worth. */
async function pruneCache(cacheDir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await fs.readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!keep.has(name)) await fs.rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}
