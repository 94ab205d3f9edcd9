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
 * Portable Text fields are stored as references to files of blocks in Astro's cache
 * directory (`blocks-file.ts`); a load deletes the files of its collection that no stored
 * entry refers to any more, a skipped load deletes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { getSiteConfig, type SiteConfig } from '../config.ts';
import {
  BLOCK_FIELDS,
  getBlocksFolder,
  hasBlocksFiles,
  prepareBlocks,
  pruneBlocksFiles,
  referencedFiles,
  writeBlocksFile,
} from './blocks-file.ts';
import { COLLECTION_NAMES, formatProblem, type CollectionName } from './content.ts';
import { getSourceFingerprint } from './fingerprint.ts';
import { parseForFile } from './schema-cache.ts';
import {
  getSiteContent,
  isScheduledDue,
  releaseCollection,
  strictContentError,
  type LoadedSite,
} from './source.ts';

/** The collections the loader fills, by the key they have in the loaded content. */
export type CollectionKey =
  | 'posts'
  | 'projectStories'
  | 'caseStudies'
  | 'people'
  | 'topics'
  | 'serviceAreas'
  | 'pages'
  | 'siteSettings';

/** The collection whose problems a document type's problems are, by `_type`. */
const COLLECTION_OF_TYPE: Readonly<Record<string, CollectionKey>> = {
  ...COLLECTION_NAMES,
  siteSettings: 'siteSettings',
};

/** The collection that also keeps and prints the load's summary line (a singleton, always there). */
const SUMMARY_COLLECTION: CollectionKey = 'siteSettings';

/** The key, in each collection's `meta`, of what the stored entries were loaded from. */
export const SYNC_STATE_KEY = 'sanity-sync-state';

/** What a collection's last complete load came from, kept in its `meta` between builds. */
export interface SyncState {
  fingerprint: string;
  /** How many entries that load left in the store. */
  entries: number;
  /** When the earliest scheduled document falls due (ISO); the state is stale from then. */
  expiresAt: string | undefined;
  /** Total content problems of that load, all collections together. */
  problems: number;
  /** This collection's warning lines, printed again when the load is skipped. */
  warnings: string[];
  /** The summary line and its level (kept by the summary collection only). */
  summary: { level: 'info' | 'warn'; line: string } | undefined;
  /** The incremental load the stored entries are from (see `incremental.ts`). */
  loadId: string | undefined;
}

function readSyncState(meta: LoaderContext['meta']): SyncState | undefined {
  const text = meta.get(SYNC_STATE_KEY);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SyncState> | null;
    if (
      typeof value?.fingerprint !== 'string' ||
      typeof value.entries !== 'number' ||
      typeof value.problems !== 'number' ||
      !Array.isArray(value.warnings)
    ) {
      return undefined;
    }
    return {
      fingerprint: value.fingerprint,
      entries: value.entries,
      expiresAt: typeof value.expiresAt === 'string' ? value.expiresAt : undefined,
      problems: value.problems,
      warnings: value.warnings.filter((line): line is string => typeof line === 'string'),
      summary: readSummary(value.summary),
      loadId: typeof value.loadId === 'string' ? value.loadId : undefined,
    };
  } catch {
    return undefined;
  }
}

function readSummary(value: unknown): SyncState['summary'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const { level, line } = value as Record<string, unknown>;
  if ((level !== 'info' && level !== 'warn') || typeof line !== 'string') return undefined;
  return { level, line };
}

/** Astro's store also takes asset imports at run time, though its public type leaves it out. */
type StoreWithAssets = LoaderContext['store'] & {
  addAssetImports?: (assets: string[], filePath: string | undefined) => void;
};

/**
 * Registers the images of the kept entries again. Astro rewrites `.astro/content-assets.mjs`
 * only when an asset import was added; without this, a build that sets no entry trusts
 * whatever file the last build in this project left there, which may be another
 * dataset's (a build with another cacheDir), and fails with ImageNotFound.
 */
function keepAssetImports(store: StoreWithAssets): void {
  if (typeof store.addAssetImports !== 'function') return;
  for (const entry of store.values()) {
    if (entry.assetImports?.length) store.addAssetImports(entry.assetImports, entry.filePath);
  }
}

/** Whether every stored entry's blocks files are there (a skipped load needs them). */
function storedBlocksPresent(store: LoaderContext['store'], fields: readonly string[]): boolean {
  return store.values().every((entry) => hasBlocksFiles(entry.data, fields));
}

/** The item with each Portable Text field replaced by its reference; the files written. */
function storeBlocks(
  item: { id: string },
  fields: readonly string[],
  folder: string,
): Record<string, unknown> {
  const data: Record<string, unknown> = { ...item };
  for (const field of fields) {
    const prepared = prepareBlocks(folder, item.id, field, data[field]);
    writeBlocksFile(prepared);
    data[field] = prepared.ref;
  }
  return data;
}

function entriesOf(site: LoadedSite, key: CollectionKey): { id: string }[] {
  const value = site[key];
  return Array.isArray(value) ? value : [value];
}

/** The collection's name in `SiteContent`, for the collections of many documents. */
const listName = (key: CollectionKey): CollectionName | undefined =>
  key === 'siteSettings' ? undefined : key;

/** What a loader depends on besides Astro's context; tests pass their own. */
export interface LoaderOptions {
  /** The build's configuration (default: read from the environment once). */
  getConfig?: () => SiteConfig;
  /** The clock that decides which scheduled documents are published. */
  now?: () => Date;
}

/** Creates the loader of one collection. */
export function sanityLoader(key: CollectionKey, options: LoaderOptions = {}): Loader {
  const getConfig = options.getConfig ?? getSiteConfig;
  const clock = options.now ?? (() => new Date());
  return {
    name: `sanity:${key}`,
    async load(context) {
      const { store, meta, logger } = context;
      const root = path.resolve(decodeURIComponent(context.config.root.pathname));
      const config = getConfig();
      const now = clock();
      // No fingerprint (the Content Lake, or an export that cannot be read) means a full
      // load, which reports the actual problem.
      const fingerprint = await getSourceFingerprint(config, root).catch(() => undefined);
      const state = readSyncState(meta);
      const blockFields = BLOCK_FIELDS[key] ?? [];
      // Astro's default cacheDir, for a context without one.
      const cacheDir = context.config.cacheDir
        ? fileURLToPath(context.config.cacheDir)
        : path.join(root, 'node_modules', '.astro');
      const blocksFolder = getBlocksFolder(cacheDir, key);
      if (
        fingerprint !== undefined &&
        state?.fingerprint === fingerprint &&
        state.entries === store.keys().length &&
        !isScheduledDue(state.expiresAt, now) &&
        // A stored entry whose blocks file went missing is loaded again below.
        storedBlocksPresent(store, blockFields)
      ) {
        for (const line of state.warnings) logger.warn(line);
        if (state.summary) {
          const line = `content unchanged since the last build (fingerprint ${fingerprint.slice(0, 12)}), stored entries kept: ${state.summary.line}`;
          if (state.summary.level === 'warn') logger.warn(line);
          else logger.info(line);
        }
        if (config.strictContent && state.problems > 0) throw strictContentError(state.problems);
        keepAssetImports(store);
        return;
      }

      // Forget the old state first: a build that stops half-way must not look complete.
      if (meta.has(SYNC_STATE_KEY)) meta.delete(SYNC_STATE_KEY);
      const name = listName(key);
      const site = await getSiteContent(config, {
        cwd: root,
        now,
        fingerprint,
        stateDir: cacheDir,
        collection: name,
        warn: (line) => logger.warn(line),
        info: (line) => logger.info(line),
      });
      // Local images resolve relative to the export's data.ndjson, given relative to the root.
      const filePath = site.dataFile ? path.relative(root, site.dataFile) : undefined;
      let items = entriesOf(site, key);
      let reused = (name && site.reused?.[name]) || [];
      const storeMatches =
        state?.loadId !== undefined &&
        state.loadId === site.basedOn &&
        reused.every((id) => {
          const stored = store.get(id);
          return stored !== undefined && hasBlocksFiles(stored.data, blockFields);
        });
      if (reused.length > 0 && !storeMatches) {
        // The stored entries are not the ones the last load left (a build stopped, a cache
        // folder removed): every document of this collection, validated as the rest were.
        const full = await getSiteContent(config, {
          cwd: root,
          now: site.now,
          fingerprint,
          full: true,
          collection: name,
          warn: () => undefined,
          info: () => undefined,
        });
        items = entriesOf(full, key);
        reused = [];
        if (name) releaseCollection(full, name);
      }
      const seen = new Set<string>(reused);
      for (const item of items) {
        seen.add(item.id);
        // The file path is part of the digest: images resolve relative to it.
        const digest = context.generateDigest({ filePath: filePath ?? null, data: item });
        const stored = store.get(item.id);
        if (stored?.digest === digest && hasBlocksFiles(stored.data, blockFields)) continue;
        const data = await parseForFile(filePath ?? '', () =>
          context.parseData({
            id: item.id,
            data: blockFields.length > 0 ? storeBlocks(item, blockFields, blocksFolder) : item,
            ...(filePath ? { filePath } : {}),
          }),
        );
        store.set({ id: item.id, data, digest, ...(filePath ? { filePath } : {}) });
      }
      if (name) releaseCollection(site, name);
      for (const id of store.keys()) {
        if (!seen.has(id)) store.delete(id);
      }
      if (blockFields.length > 0) {
        const referenced = new Set<string>();
        for (const entry of store.values()) {
          for (const file of referencedFiles(entry.data, blockFields)) referenced.add(file);
        }
        await pruneBlocksFiles(blocksFolder, referenced);
      }
      keepAssetImports(store);
      if (fingerprint === undefined) return;
      const loaded: SyncState = {
        fingerprint,
        entries: store.keys().length,
        expiresAt: site.nextScheduledAt,
        problems: site.problems.length,
        warnings: site.problems
          .filter((problem) => (COLLECTION_OF_TYPE[problem.type] ?? SUMMARY_COLLECTION) === key)
          .map(formatProblem),
        summary:
          key === SUMMARY_COLLECTION
            ? { level: site.problems.length > 0 ? 'warn' : 'info', line: site.summary }
            : undefined,
        loadId: site.loadId,
      };
      meta.set(SYNC_STATE_KEY, JSON.stringify(loaded));
    },
  };
}
