/**
 * The content pipeline from a query engine to the site's content, front to back:
 * query (`query/`) → check (`check/`) → normalise (`normalise/`). Each stage hands its
 * result to the next; none calls back into one before it. `source.ts` picks the engine and
 * caches the result, `incremental.ts` runs the same stages over part of an export, and
 * `loader.ts` stores the result in Astro's content layer (`store/`); docs/architecture.md
 * walks through the whole load.
 */
import { checkDocuments } from './check/check-documents.ts';
import type { CdnTarget } from './normalise/images.ts';
import {
  normaliseSiteContent,
  type IncrementalOptions,
  type SiteContent,
} from './normalise/site-content.ts';
import type { QueryEngine } from './query/engine.ts';
import { queryRawCollections, type RawCollections } from './query/run-queries.ts';

/** What loading needs besides the engine; the clock is a parameter so tests set it. */
export interface LoadOptions {
  now: Date;
  /** Project and dataset that Content Lake image references resolve to. */
  cdn: CdnTarget | undefined;
}

/** Loads, checks and normalises all content with one query per collection. */
export async function loadSiteContent(
  engine: QueryEngine,
  options: LoadOptions,
): Promise<SiteContent> {
  return buildSiteContent(await queryRawCollections(engine), options);
}

/** The pure core of `loadSiteContent`: checks and normalises raw query results. */
export function buildSiteContent(
  raw: RawCollections,
  options: LoadOptions,
  incremental: IncrementalOptions = {},
): SiteContent {
  const checked = checkDocuments(raw, { now: options.now, outcomes: incremental.outcomes });
  return normaliseSiteContent(checked, raw.siteSettings, options.cdn, incremental);
}
