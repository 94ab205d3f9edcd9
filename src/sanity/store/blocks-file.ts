/**
 * Portable Text kept out of Astro's content-layer data store. Astro serialises the whole
 * store into one string (a V8 string holds at most ~512 MB) and compiles it into the render
 * bundle, and Portable Text is about nine tenths of it. So the loader stores, for each
 * Portable Text field, a small reference (`BlocksRef`), and writes the blocks to a
 * content-addressed file `<cacheDir>/tanketanken-blocks/<collection>/<sha256>.json`.
 *
 * Image blocks stay in the reference, keyed by their `_key`, because they must pass through
 * Astro's image pipeline (`image()` in the collection schema); the file holds a placeholder
 * `{ "_type": "image", "_key": … }` in their place, which `readBlocks` fills in again. Pages
 * get exactly the blocks they would have got from the store.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CASE_BLOCKS_FIELDS } from '../../../content-schemas/case-sections.ts';
import type { CollectionName } from '../collections.ts';
import { blockSchema, type Block } from '../normalise/schemas.ts';

/** The folder, inside Astro's `cacheDir`, that holds one folder of blocks files per collection. */
export const BLOCKS_DIR = 'tanketanken-blocks';

/** The Portable Text fields of each collection that has any; a case's from `CASE_SECTIONS`. */
export const BLOCK_FIELDS: Readonly<Partial<Record<CollectionName, readonly string[]>>> = {
  post: ['body'],
  projectStory: ['body'],
  caseStudy: ['body', ...CASE_BLOCKS_FIELDS],
  page: ['body'],
};

/** What the store keeps of one Portable Text field instead of its blocks. */
export interface BlocksRef<Image = Record<string, unknown>> {
  /** The blocks file (absolute path): `<cacheDir>/tanketanken-blocks/<collection>/<sha256>.json`. */
  file: string;
  /** The SHA-256 of the file's text, also its name. */
  sha256: string;
  /** How many blocks the field has, image blocks included (an empty field needs no reading). */
  count: number;
  /** The image blocks, by the `_key` their placeholder in the file carries. */
  images: Record<string, Image>;
}

/** A missing or corrupt blocks file: names the document, the field, the file and the fix. */
export class BlocksFileError extends Error {
  constructor(documentId: string, field: string, file: string, problem: string) {
    const cacheDir = path.dirname(path.dirname(path.dirname(file)));
    super(
      `[tanketanken] document "${documentId}", field "${field}": the Portable Text file ${file} ${problem}. ` +
        `The content cache is out of step with the stored entries: delete the cache folder ${cacheDir} and build again.`,
    );
    this.name = 'BlocksFileError';
  }
}

/** The folder of one collection's blocks files. */
export function getBlocksFolder(cacheDir: string, collection: CollectionName): string {
  return path.join(cacheDir, BLOCKS_DIR, collection);
}

/** Whether a value is a `BlocksRef` (as the loader stores it). */
export function isBlocksRef(value: unknown): value is BlocksRef<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ref = value as Record<string, unknown>;
  return typeof ref['file'] === 'string' && typeof ref['sha256'] === 'string';
}

/** A field's blocks split into what the store keeps and the text of the file. */
export interface PreparedBlocks {
  ref: BlocksRef<unknown>;
  text: string;
}

/**
 * Splits one field's blocks: image blocks (raw, still to go through the image pipeline) into
 * the reference, every other block, validated as the collection schema validates it, into
 * the file's text. Throws naming the document, field and block when a block is invalid.
 */
export function prepareBlocks(
  folder: string,
  documentId: string,
  field: string,
  blocks: unknown,
): PreparedBlocks {
  if (!Array.isArray(blocks)) {
    throw new Error(`[tanketanken] document "${documentId}", field "${field}": not a block array`);
  }
  const images: Record<string, unknown> = {};
  const stored: unknown[] = [];
  blocks.forEach((block: unknown, index) => {
    const record = typeof block === 'object' && block !== null ? (block as Block) : undefined;
    if (record?._type === 'image') {
      // Keyed by `_key`; a missing or repeated key gets one of its own that no block has.
      let key = typeof record._key === 'string' ? record._key : `@${index}`;
      while (Object.hasOwn(images, key)) key = `${key}@${index}`;
      images[key] = block;
      stored.push({ _type: 'image', _key: key });
      return;
    }
    const parsed = blockSchema.safeParse(block);
    if (!parsed.success) {
      throw new Error(
        `[tanketanken] document "${documentId}", field "${field}[${index}]": ${parsed.error.message}`,
      );
    }
    stored.push(parsed.data);
  });
  const text = JSON.stringify(stored);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return {
    ref: {
      file: path.join(folder, `${sha256}.json`),
      sha256,
      count: blocks.length,
      images,
    },
    text,
  };
}

/** Folders made in this process: one `mkdir` per folder, not per file. */
const madeFolders = new Set<string>();

/**
 * Writes a blocks file unless it is there already: to a temporary file, then renamed.
 * Synchronous on purpose: creating the ~20,000 small files of 10,000 documents took 4.6 s
 * awaited one by one, 4.5 s sixteen at a time and 3.2 s synchronously (the loader is
 * CPU-bound, so nothing else waits on the event loop meanwhile).
 */
export function writeBlocksFile(prepared: PreparedBlocks): void {
  const { file } = prepared.ref;
  if (existsSync(file)) return;
  const folder = path.dirname(file);
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    try {
      writeFileSync(temporary, prepared.text);
    } catch (error) {
      // The folder went away since it was made (a cache folder deleted meanwhile).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(folder, { recursive: true });
      writeFileSync(temporary, prepared.text);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The blocks files a stored entry's data refers to. */
export function referencedFiles(
  data: Record<string, unknown>,
  fields: readonly string[],
): string[] {
  const files: string[] = [];
  for (const field of fields) {
    const value = data[field];
    if (isBlocksRef(value)) files.push(value.file);
  }
  return files;
}

/** Whether every blocks file the entry refers to is there (false for a field not stored as a reference). */
export function hasBlocksFiles(data: Record<string, unknown>, fields: readonly string[]): boolean {
  const files = referencedFiles(data, fields);
  return files.length === fields.length && files.every((file) => existsSync(file));
}

/** Temporary files older than this are left over from a build that stopped; they go too. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/**
 * Deletes the blocks files in `folder` that no stored entry refers to (by absolute path),
 * and temporary files left by a build that stopped half-way. Returns how many went.
 */
export async function pruneBlocksFiles(
  folder: string,
  referenced: ReadonlySet<string>,
  now = Date.now(),
): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(folder, name);
    if (name.endsWith('.tmp')) {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat || now - stat.mtimeMs < STALE_TEMPORARY_MS) continue;
    } else if (!name.endsWith('.json') || referenced.has(file)) {
      continue;
    }
    await fs.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Reads one field's blocks back: the file's blocks with each image placeholder replaced
 * by the reference's image block (as the image pipeline made it). Nothing is cached.
 * Rejects with a `BlocksFileError` when the file is missing or does not match the reference.
 */
export function readBlocks<Image>(
  documentId: string,
  field: string,
  ref: BlocksRef<Image>,
): Promise<(Image | Block)[]> {
  return new Promise((resolve) => resolve(readBlocksSync(documentId, field, ref)));
}

/**
 * `readBlocks`, synchronously. A page reads a few small files; read synchronously they cost
 * microseconds, while asynchronous reads probably queue behind page writes in libuv's
 * thread pool. Measured at 10,000 documents, the post pages took 18.5 s with
 * `fs.promises`, 10.8 s this way (9.6 s when the blocks were in the data store).
 */
export function readBlocksSync<Image>(
  documentId: string,
  field: string,
  ref: BlocksRef<Image>,
): (Image | Block)[] {
  const fail = (problem: string) => new BlocksFileError(documentId, field, ref.file, problem);
  let text: string;
  try {
    text = readFileSync(ref.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'is missing' : `cannot be read (${String(error)})`);
  }
  if (createHash('sha256').update(text).digest('hex') !== ref.sha256) {
    throw fail('is corrupt (its SHA-256 does not match the stored reference)');
  }
  let blocks: unknown;
  try {
    blocks = JSON.parse(text);
  } catch {
    throw fail('is corrupt (not JSON)');
  }
  if (!Array.isArray(blocks) || blocks.length !== ref.count) {
    throw fail('is corrupt (not the stored number of blocks)');
  }
  return blocks.map((block: Block): Image | Block => {
    if (block._type !== 'image') return block;
    const key = block._key;
    if (typeof key !== 'string' || !Object.hasOwn(ref.images, key)) {
      throw fail(`is corrupt (image placeholder "${String(key)}" has no stored image)`);
    }
    return ref.images[key] as Image;
  });
}
