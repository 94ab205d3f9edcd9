/**
 * Builds the Pagefind search index from `dist/` once Astro has written it, through
 * Pagefind's Node API, so `npm run build` yields a site with search in one step. Only
 * elements marked `data-pagefind-body` (the main content of posts, projects, cases and
 * pages) are indexed; Pagefind skips every page without one. It writes one index per
 * `<html lang>`, which the search page merges into one search.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { ROUTES } from '../../content-schemas/routes.ts';

/** What one indexing run did. */
export interface SearchIndexResult {
  pageCount: number;
  milliseconds: number;
  outputPath: string;
}

/** Indexes the built site in `siteDir` and writes the bundle where the search page loads it. */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const outputPath = path.join(siteDir, ...ROUTES.searchIndex.split('/').filter(Boolean));
  const started = performance.now();
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) {
      throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    }
    // `page_count` counts every HTML file read; the entry file counts the pages indexed.
    const entry = JSON.parse(
      await fs.readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    return {
      pageCount: Object.values(entry.languages).reduce((sum, item) => sum + item.page_count, 0),
      milliseconds: Math.round(performance.now() - started),
      outputPath,
    };
  } finally {
    await close();
  }
}

/** The Astro integration that writes `/pagefind/`. */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'tanketanken:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const result = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${result.pageCount} pages in ${result.milliseconds} ms`);
      },
    },
  };
}
