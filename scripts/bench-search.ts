/**
 * The search part of the benchmark: for a built site, how long Pagefind takes to index
 * it, how large the index is, and how many bytes a browser fetches to show the first
 * query's results on `/sok/` (page, script, Pagefind's code, wasm and index chunks).
 *
 *   node scripts/bench-search.ts --site dist                # after `npm run build`
 *   node scripts/bench-search.ts --site bench-out/10000/dist --query "sensor" --json
 *
 * `measureSearch()` is what the build benchmark calls for each document count.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROUTES } from '../content-schemas/routes.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

/** What a browser fetches to show a first query's results on `/sok/`. */
export interface FirstQueryMeasurement {
  /** The query measured and how many results it gave. */
  query: string;
  results: number;
  /** Bytes the browser received from opening `/sok/?q=…` until results were shown. */
  firstQueryBytes: number;
  /** The part of those bytes that came from `/pagefind/`. */
  firstQueryIndexBytes: number;
  firstQueryRequests: number;
  /** Milliseconds from navigation until the result count was announced. */
  firstQueryMs: number;
}

/** What the search costs for one built site. */
export interface SearchMeasurement extends FirstQueryMeasurement {
  /** Pages Pagefind indexed. */
  pages: number;
  /** Wall time of one indexing run through the Node API, in milliseconds. */
  indexMs: number;
  /** Bytes of the whole `/pagefind/` folder, and how many files it holds. */
  indexBytes: number;
  indexFiles: number;
}

async function sumFolder(folder: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await fs.readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** Indexes `siteDir` afresh and measures the index and a first query in Chromium. */
export async function measureSearch(
  siteDir: string,
  query = 'innovasjon',
): Promise<SearchMeasurement> {
  const site = await requireSearchPage(siteDir);
  const indexed = await writeSearchIndex({ siteDir: site });
  const size = await sumFolder(indexed.outputPath);
  return {
    pages: indexed.pageCount,
    indexMs: indexed.milliseconds,
    indexBytes: size.bytes,
    indexFiles: size.files,
    ...(await measureFirstQuery(site, query)),
  };
}

async function requireSearchPage(siteDir: string): Promise<string> {
  const site = path.resolve(siteDir);
  try {
    await fs.access(path.join(site, 'sok', 'index.html'));
  } catch {
    throw new Error(`${site} has no sok/index.html: build the site first (npm run build).`);
  }
  return site;
}

/**
 * Measures a first query in Chromium on the site as it is, with the search index the build
 * left (after a change, its overlay too).
 */
export async function measureFirstQuery(
  siteDir: string,
  query = 'innovasjon',
): Promise<FirstQueryMeasurement> {
  const site = await requireSearchPage(siteDir);
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let indexBytes = 0;
    let requests = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => {
            requests += 1;
            bytes += body.length;
            if (new URL(response.url()).pathname.startsWith(ROUTES.searchIndex)) {
              indexBytes += body.length;
            }
          })
          .catch(() => undefined),
      );
    });
    const started = performance.now();
    await page.goto(`${server.origin}${ROUTES.search}?q=${encodeURIComponent(query)}`);
    const status = page.getByRole('status').filter({ hasText: /\d+ treff/ });
    await status.waitFor({ timeout: 120_000 });
    const firstQueryMs = Math.round(performance.now() - started);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const results = Number(/(\d+) treff/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
    await context.close();
    return {
      query,
      results,
      firstQueryBytes: bytes,
      firstQueryIndexBytes: indexBytes,
      firstQueryRequests: requests,
      firstQueryMs,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Formats a measurement as one line a person can read. */
export function formatSearchMeasurement(result: SearchMeasurement): string {
  const kb = (value: number) => `${(value / 1024).toFixed(1)} KiB`;
  return [
    `${result.pages} pages indexed in ${result.indexMs} ms`,
    `index ${kb(result.indexBytes)} in ${result.indexFiles} files`,
    `first query «${result.query}» (${result.results} results): ${kb(result.firstQueryBytes)} in ${result.firstQueryRequests} requests, ${kb(result.firstQueryIndexBytes)} of it from ${ROUTES.searchIndex}, ${result.firstQueryMs} ms`,
  ].join('; ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      query: { type: 'string', default: 'innovasjon' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const result = await measureSearch(values.site, values.query);
  console.log(values.json ? JSON.stringify(result, null, 2) : formatSearchMeasurement(result));
}
