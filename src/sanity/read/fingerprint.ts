/**
 * The source fingerprint: one hash of everything that decides what the loader stores —
 * the export's bytes, the configuration and the code that turns documents into entries.
 * When it is unchanged since the last build, the stored entries are still right and the
 * export need not be read, queried or validated again.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../../config.ts';
import { findExportFile } from './dataset-file.ts';

/**
 * What shapes an entry besides the export, relative to the project root: the loader, the
 * queries, the validation, the schemas, the configuration, and the locked dependency
 * versions (groq-js, zod). Folders are read whole, so a new or renamed file counts too.
 */
export const CODE_INPUTS: readonly string[] = [
  'src/sanity',
  'content-schemas',
  'src/config.ts',
  'src/content.config.ts',
  'package-lock.json',
];

/** Bumped when the fingerprint itself is computed differently. */
const SCHEME = 'tanketanken-source-fingerprint/1';

interface Input {
  /** Relative to the project root for code, absolute for the export. */
  name: string;
  file: string;
  /** Size, times and inode: a cheap stand-in for the bytes, to reuse a hash within a process. */
  stamp: string;
}

async function listFiles(root: string, relative: string): Promise<string[]> {
  const absolute = path.join(root, relative);
  const stat = await fs.stat(absolute).catch(() => undefined);
  if (!stat) return [];
  if (!stat.isDirectory()) return [relative];
  const entries = await fs.readdir(absolute, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function describe(name: string, file: string): Promise<Input> {
  const stat = await fs.stat(file, { bigint: true });
  const stamp = [stat.size, stat.mtimeNs, stat.ctimeNs, stat.ino, stat.dev].join(':');
  return { name, file, stamp };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** The last fingerprint of each kind, while no input's size or times change. */
const memos = new Map<'source' | 'code', { key: string; promise: Promise<string> }>();

/**
 * Hashes the whole configuration, the Node version, the `leading` files (by their own
 * path) and every file in CODE_INPUTS; within one process the last result of each kind is
 * reused while no input's size or times change.
 */
async function fingerprintOf(
  kind: 'source' | 'code',
  config: SiteConfig,
  root: string,
  leading: readonly string[],
): Promise<string> {
  const codeFiles = (await Promise.all(CODE_INPUTS.map((input) => listFiles(root, input)))).flat();
  const inputs = await Promise.all([
    ...leading.map((file) => describe(file, file)),
    ...codeFiles.map((name) => describe(name, path.join(root, name))),
  ]);
  const settings = JSON.stringify({ scheme: SCHEME, node: process.version, config });
  const key = JSON.stringify([settings, inputs]);
  const known = memos.get(kind);
  if (known?.key === key) return known.promise;
  const promise = (async () => {
    const hash = createHash('sha256').update(settings);
    const digests = await Promise.all(inputs.map((input) => hashFile(input.file)));
    inputs.forEach((input, index) => hash.update(`\0${input.name}\0${digests[index] ?? ''}`));
    return hash.digest('hex');
  })();
  memos.set(kind, { key, promise });
  promise.catch(() => {
    if (memos.get(kind)?.promise === promise) memos.delete(kind);
  });
  return promise;
}

/**
 * The fingerprint of everything in the source fingerprint but the export: the whole
 * configuration, the Node version and every file in CODE_INPUTS. An incremental load keys
 * its state with it (`incremental.ts`), since its state must not outlive the code.
 */
export function getCodeFingerprint(config: SiteConfig, root: string): Promise<string> {
  return fingerprintOf('code', config, root, []);
}

/**
 * The fingerprint of the configured source as read from `root` (the project root), or
 * undefined for the Content Lake, which has no cheap one (it is then loaded every build).
 * A hash of the export file (a folder's data.ndjson, or the .tar.gz or .ndjson itself),
 * the whole configuration, the Node version and every file in CODE_INPUTS. Within one
 * process the 8 collections share one hash while no input's size or times change.
 * Throws what reading the export would throw (a DatasetError) if it is missing.
 */
export async function getSourceFingerprint(
  config: SiteConfig,
  root: string,
): Promise<string | undefined> {
  if (config.source.kind !== 'local') return undefined;
  const exportFile = await findExportFile(config.source.datasetPath);
  return fingerprintOf('source', config, root, [exportFile]);
}
