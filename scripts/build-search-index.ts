/**
 * The second step of `npm run build`: writes the Pagefind index for the site Astro built.
 *
 *   node scripts/build-search-index.ts                       # dist/, cache in node_modules/.cache
 *   node scripts/build-search-index.ts --site out --cache /tmp/search-cache
 *   node scripts/build-search-index.ts --no-cache --pages-per-part 1000
 *
 * It runs after `astro build` has exited, so Astro's memory and Pagefind's are never held
 * at the same time. Unchanged parts of the index are copied from the cache; pages changed
 * since a part was indexed go to a small overlay bundle (see src/build/search-index.ts).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PAGES_PER_PART, writeSearchIndex } from '../src/build/search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Where part bundles are kept between builds unless `--cache` says otherwise. */
export const DEFAULT_CACHE = path.join(
  ROOT,
  'node_modules',
  '.cache',
  'tanketanken',
  'search-index',
);

/** Reads the command line; throws a message naming the bad option. */
export function parseSearchIndexArgs(args: readonly string[]): {
  siteDir: string;
  cacheDir: string | undefined;
  pagesPerPart: number;
} {
  const { values } = parseArgs({
    args: [...args],
    options: {
      site: { type: 'string', default: 'dist' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'pages-per-part': { type: 'string', default: String(DEFAULT_PAGES_PER_PART) },
    },
    strict: true,
    allowPositionals: false,
  });
  const pagesPerPart = Number(values['pages-per-part']);
  if (!Number.isInteger(pagesPerPart) || pagesPerPart < 1) {
    throw new Error(
      `--pages-per-part must be a whole number of at least 1, not "${values['pages-per-part']}".`,
    );
  }
  if (values['no-cache'] && values.cache !== undefined) {
    throw new Error('Give either --cache or --no-cache, not both.');
  }
  return {
    siteDir: path.resolve(values.site),
    cacheDir: values['no-cache'] ? undefined : path.resolve(values.cache ?? DEFAULT_CACHE),
    pagesPerPart,
  };
}

async function main(): Promise<void> {
  const options = parseSearchIndexArgs(process.argv.slice(2));
  const result = await writeSearchIndex({
    ...options,
    log: (line) => console.log(`[search] ${line}`),
  });
  console.log(
    `[search] indexed ${result.pageCount} pages in ${result.milliseconds} ms ` +
      `(${result.parts} part(s), ${result.reusedParts} from the cache)` +
      (result.overlayPages > 0 ? `, ${result.overlayPages} changed pages in the overlay` : '') +
      ' → ' +
      path.relative(process.cwd(), result.outputPath),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
