/**
 * The store stage: puts a collection's normalised documents into Astro's data store — each
 * entry parsed by the collection schema, its Portable Text fields written to blocks files
 * (`blocks-file.ts`), unchanged entries (same digest) left alone — and removes what no
 * longer belongs there: entries of documents gone, blocks files no entry refers to.
 */
import type { LoaderContext } from 'astro/loaders';
import {
  hasBlocksFiles,
  prepareBlocks,
  pruneBlocksFiles,
  referencedFiles,
  writeBlocksFile,
} from './blocks-file.ts';
import { parseForFile } from './schema-cache.ts';

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
export function keepAssetImports(store: StoreWithAssets): void {
  if (typeof store.addAssetImports !== 'function') return;
  for (const entry of store.values()) {
    if (entry.assetImports?.length) store.addAssetImports(entry.assetImports, entry.filePath);
  }
}

/** Whether every stored entry's blocks files are there (a skipped load needs them). */
export function storedBlocksPresent(
  store: LoaderContext['store'],
  fields: readonly string[],
): boolean {
  return store.values().every((entry) => hasBlocksFiles(entry.data, fields));
}

/** Whether each of `ids` is stored with its blocks files (entries an incremental load keeps). */
export function storedEntriesPresent(
  store: LoaderContext['store'],
  ids: readonly string[],
  fields: readonly string[],
): boolean {
  return ids.every((id) => {
    const stored = store.get(id);
    return stored !== undefined && hasBlocksFiles(stored.data, fields);
  });
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

/** Where a collection's entries go and how its Portable Text is kept. */
export interface StoreTarget {
  /** The export's `data.ndjson` relative to the project root (local images resolve against it). */
  filePath: string | undefined;
  /** The collection's Portable Text fields. */
  blockFields: readonly string[];
  /** The collection's folder of blocks files. */
  blocksFolder: string;
}

/**
 * Stores `items` (skipping any whose digest and blocks files are unchanged), then deletes
 * every entry not in `items` nor in `kept`, and the blocks files no entry refers to.
 */
export async function storeEntries(
  context: Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'>,
  items: readonly { id: string }[],
  kept: readonly string[],
  target: StoreTarget,
): Promise<void> {
  const { store } = context;
  const { filePath, blockFields, blocksFolder } = target;
  const seen = new Set<string>(kept);
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
}
