/**
 * The Astro content-layer loader: the only door from Sanity into Astro. Every collection
 * shares one load of the site's content; each entry carries a digest so an unchanged
 * document is not parsed again on a warm build. When the source fingerprint (export bytes,
 * configuration, loader code) is the one the stored entries were loaded from, and no
 * scheduled document has fallen due, the loader keeps the store as it is without reading
 * the export at all; the warnings of that load are printed again, so none is lost.
 *
 * Otherwise the export is loaded incrementally (`incremental.ts`): a document unchanged since
 * the last load, with nothing it depends on changed, keeps its stored entry — provided this
 * collection's entries are the ones that load left (its id is kept in the sync state);
 * else this collection loads every document.
 *
 * The loader is where the pipeline meets Astro: it asks `source.ts` for the content (read →
 * query → check → normalise) and hands each collection to the store stage (`store/`).
 *
 * Portable Text fields are stored as references to files of blocks in Astro's cache
 * directory (`store/blocks-file.ts`); a load deletes the files of its collection that no stored
 * entry refers to any more, a skipped load deletes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { getSiteConfig, type SiteConfig } from '../config.ts';
import {
  isDocumentCollection,
  SETTINGS_COLLECTION,
  type CollectionName,
  type DocumentCollection,
} from './collections.ts';
import { formatProblem } from './problems.ts';
import { getSourceFingerprint } from './read/fingerprint.ts';
import {
  getSiteContent,
  isScheduledDue,
  releaseCollection,
  strictContentError,
  type LoadedSite,
} from './source.ts';
import { BLOCK_FIELDS, getBlocksFolder } from './store/blocks-file.ts';
import {
  keepAssetImports,
  storedBlocksPresent,
  storedEntriesPresent,
  storeEntries,
} from './store/store-entries.ts';
import {
  clearSyncState,
  readSyncState,
  writeSyncState,
  type SyncState,
} from './store/sync-state.ts';

export { SYNC_STATE_KEY, type SyncState } from './store/sync-state.ts';

/** The collection that also keeps and prints the load's summary line (a singleton, always there). */
const SUMMARY_COLLECTION: CollectionName = SETTINGS_COLLECTION;

/** The collection whose warnings a problem is: its document's, or the summary's for any other type. */
function getProblemCollection(type: string): CollectionName {
  return isDocumentCollection(type) ? type : SUMMARY_COLLECTION;
}

/** A collection's stored entries, as the loaded content lists them. */
function getItems(site: LoadedSite, collection: CollectionName): { id: string }[] {
  return collection === SETTINGS_COLLECTION ? [site.siteSettings] : site[collection];
}

/** What a loader depends on besides Astro's context; tests pass their own. */
export interface LoaderOptions {
  /** The build's configuration (default: read from the environment once). */
  getConfig?: () => SiteConfig;
  /** The clock that decides which scheduled documents are published. */
  now?: () => Date;
}

/** One run of one collection's loader: what every step reads. */
interface LoadRun {
  collection: CollectionName;
  /** The collection in the loaded content's lists; undefined for the settings singleton. */
  list: DocumentCollection | undefined;
  root: string;
  config: SiteConfig;
  now: Date;
  /** Undefined for the Content Lake, or an export that cannot be read (a full load says why). */
  fingerprint: string | undefined;
  state: SyncState | undefined;
  cacheDir: string;
  blockFields: readonly string[];
  blocksFolder: string;
}

/** Step 1: what this run reads — configuration, clock, fingerprint, last state, folders. */
async function startRun(
  context: LoaderContext,
  collection: CollectionName,
  options: Required<LoaderOptions>,
): Promise<LoadRun> {
  const root = path.resolve(decodeURIComponent(context.config.root.pathname));
  const config = options.getConfig();
  // Astro's default cacheDir, for a context without one.
  const cacheDir = context.config.cacheDir
    ? fileURLToPath(context.config.cacheDir)
    : path.join(root, 'node_modules', '.astro');
  return {
    collection,
    list: collection === SETTINGS_COLLECTION ? undefined : collection,
    root,
    config,
    now: options.now(),
    fingerprint: await getSourceFingerprint(config, root).catch(() => undefined),
    state: readSyncState(context.meta),
    cacheDir,
    blockFields: BLOCK_FIELDS[collection] ?? [],
    blocksFolder: getBlocksFolder(cacheDir, collection),
  };
}

/**
 * Step 2: keeps the store as it is when it was loaded from this very source and nothing
 * fell due, printing that load's warnings again. Returns whether it did.
 */
function keepStoreIfCurrent(run: LoadRun, context: LoaderContext): boolean {
  const { store, logger } = context;
  const { fingerprint, state } = run;
  if (
    fingerprint === undefined ||
    state?.fingerprint !== fingerprint ||
    state.entries !== store.keys().length ||
    isScheduledDue(state.expiresAt, run.now) ||
    // A stored entry whose blocks file went missing is loaded again.
    !storedBlocksPresent(store, run.blockFields)
  ) {
    return false;
  }
  for (const line of state.warnings) logger.warn(line);
  if (state.summary) {
    const line = `content unchanged since the last build (fingerprint ${fingerprint.slice(0, 12)}), stored entries kept: ${state.summary.line}`;
    if (state.summary.level === 'warn') logger.warn(line);
    else logger.info(line);
  }
  if (run.config.strictContent && state.problems > 0) throw strictContentError(state.problems);
  keepAssetImports(store);
  return true;
}

/**
 * Step 3: the content, and this collection's items to store and ids to keep. When the
 * stored entries are not the ones the last load left (a build stopped, a cache folder
 * removed), every document of this collection is loaded, validated as the rest were.
 */
async function loadItems(
  run: LoadRun,
  context: LoaderContext,
): Promise<{ site: LoadedSite; items: { id: string }[]; kept: readonly string[] }> {
  const { logger } = context;
  const site = await getSiteContent(run.config, {
    cwd: run.root,
    now: run.now,
    fingerprint: run.fingerprint,
    stateDir: run.cacheDir,
    collection: run.list,
    warn: (line) => logger.warn(line),
    info: (line) => logger.info(line),
  });
  const kept = (run.list && site.reused?.[run.list]) || [];
  const storeMatches =
    run.state?.loadId !== undefined &&
    run.state.loadId === site.basedOn &&
    storedEntriesPresent(context.store, kept, run.blockFields);
  if (kept.length === 0 || storeMatches) {
    return { site, items: getItems(site, run.collection), kept };
  }
  const full = await getSiteContent(run.config, {
    cwd: run.root,
    now: site.now,
    fingerprint: run.fingerprint,
    full: true,
    collection: run.list,
    warn: () => undefined,
    info: () => undefined,
  });
  const items = getItems(full, run.collection);
  if (run.list) releaseCollection(full, run.list);
  return { site, items, kept: [] };
}

/** Step 5: records what the stored entries came from, for the next build's step 2. */
function saveSyncState(run: LoadRun, context: LoaderContext, site: LoadedSite): void {
  if (run.fingerprint === undefined) return;
  writeSyncState(context.meta, {
    fingerprint: run.fingerprint,
    entries: context.store.keys().length,
    expiresAt: site.nextScheduledAt,
    problems: site.problems.length,
    warnings: site.problems
      .filter((problem) => getProblemCollection(problem.type) === run.collection)
      .map(formatProblem),
    summary:
      run.collection === SUMMARY_COLLECTION
        ? { level: site.problems.length > 0 ? 'warn' : 'info', line: site.summary }
        : undefined,
    loadId: site.loadId,
  });
}

/** Creates the loader of one collection. */
export function sanityLoader(collection: CollectionName, options: LoaderOptions = {}): Loader {
  const resolved: Required<LoaderOptions> = {
    getConfig: options.getConfig ?? getSiteConfig,
    now: options.now ?? (() => new Date()),
  };
  return {
    name: `sanity:${collection}`,
    async load(context) {
      const run = await startRun(context, collection, resolved);
      if (keepStoreIfCurrent(run, context)) return;
      clearSyncState(context.meta);
      const { site, items, kept } = await loadItems(run, context);
      // Step 4: the store stage.
      const filePath = site.dataFile ? path.relative(run.root, site.dataFile) : undefined;
      await storeEntries(context, items, kept, {
        filePath,
        blockFields: run.blockFields,
        blocksFolder: run.blocksFolder,
      });
      if (run.list) releaseCollection(site, run.list);
      saveSyncState(run, context, site);
    },
  };
}
