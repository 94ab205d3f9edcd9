/**
 * Reads a Sanity dataset export from disk: a folder with `data.ndjson` (as
 * `sanity dataset export` unpacks it), the `.tar.gz` it writes, or a bare `.ndjson` file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { extract } from 'tar';

/** A raw document as stored in Sanity: only the system fields are known. */
export interface RawDocument {
  _id: string;
  _type: string;
  [field: string]: unknown;
}

/** What an export holds: its documents, and the folder its `images/` and `files/` are in. */
export interface DatasetExport {
  documents: RawDocument[];
  /** Absolute folder that `file://./images/...` asset paths are relative to. */
  assetDir: string;
  /** Absolute path of the `data.ndjson` that was read. */
  dataFile: string;
}

/** A dataset that cannot be read; the message names the file (and line) to fix. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Parses NDJSON text; a malformed line throws a DatasetError naming file and line number. */
export function parseNdjson(text: string, fileName: string): RawDocument[] {
  const documents: RawDocument[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const document = parseLine(line, fileName, index + 1);
    if (document) documents.push(document);
  });
  return documents;
}

function parseLine(line: string, fileName: string, lineNumber: number): RawDocument | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetError(`${fileName}:${lineNumber}: not valid JSON (${reason}).`);
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    typeof (value as { _id?: unknown })._id !== 'string' ||
    typeof (value as { _type?: unknown })._type !== 'string'
  ) {
    throw new DatasetError(
      `${fileName}:${lineNumber}: each line must be one JSON object with string "_id" and "_type".`,
    );
  }
  return value as RawDocument;
}

async function readNdjsonFile(file: string): Promise<RawDocument[]> {
  const documents: RawDocument[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    const document = parseLine(line, file, lineNumber);
    if (document) documents.push(document);
  }
  return documents;
}

async function statOrUndefined(target: string) {
  try {
    return await fs.stat(target);
  } catch {
    return undefined;
  }
}

async function findDataFile(dir: string): Promise<string | undefined> {
  const direct = path.join(dir, 'data.ndjson');
  if (await statOrUndefined(direct)) return direct;
  // `sanity dataset export` wraps everything in one folder named after the export.
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const nested = path.join(dir, entry.name, 'data.ndjson');
      if (await statOrUndefined(nested)) return nested;
    }
  }
  return undefined;
}

/** Unpacks a `.tar.gz` export once into `cacheDir`, keyed by the archive's content hash. */
async function unpackArchive(archive: string, cacheDir: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(archive)) hash.update(chunk as Buffer);
  const target = path.join(cacheDir, hash.digest('hex'));
  if (await statOrUndefined(path.join(target, '.complete'))) return target;
  await fs.rm(target, { recursive: true, force: true });
  await fs.mkdir(target, { recursive: true });
  try {
    await extract({ file: archive, cwd: target, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetError(`${archive}: cannot unpack the export (${reason}).`);
  }
  await fs.writeFile(path.join(target, '.complete'), '');
  return target;
}

/**
 * The one file whose bytes define the export at `datasetPath`: a folder's `data.ndjson`,
 * the `.tar.gz`/`.tgz` archive itself, or the bare `.ndjson`. Hashing it tells cheaply
 * whether the export changed; throws the same DatasetError that reading it would.
 */
export async function findExportFile(datasetPath: string): Promise<string> {
  const found = await locateExport(datasetPath);
  return found.kind === 'folder' ? found.dataFile : datasetPath;
}

type ExportLocation = { kind: 'folder'; dataFile: string } | { kind: 'archive' | 'ndjson' };

async function locateExport(datasetPath: string): Promise<ExportLocation> {
  const stat = await statOrUndefined(datasetPath);
  if (!stat) {
    throw new DatasetError(
      `${datasetPath}: no dataset here. Set LOCAL_DATASET to an export folder, a .tar.gz from "sanity dataset export" or an .ndjson file.`,
    );
  }
  if (stat.isDirectory()) {
    const dataFile = await findDataFile(datasetPath);
    if (!dataFile) throw new DatasetError(`${datasetPath}: no data.ndjson in this export.`);
    return { kind: 'folder', dataFile };
  }
  if (/\.(tar\.gz|tgz)$/i.test(datasetPath)) return { kind: 'archive' };
  if (/\.ndjson$/i.test(datasetPath)) return { kind: 'ndjson' };
  throw new DatasetError(`${datasetPath}: expected a folder, a .tar.gz export or an .ndjson file.`);
}

/**
 * Reads the export at `datasetPath` (folder, `.tar.gz`/`.tgz` or `.ndjson`). Archives are
 * unpacked under `cacheDir` so their images can be read like a folder's.
 */
export async function readDatasetExport(
  datasetPath: string,
  options: { cacheDir: string },
): Promise<DatasetExport> {
  const found = await locateExport(datasetPath);
  if (found.kind === 'ndjson') {
    return {
      documents: await readNdjsonFile(datasetPath),
      assetDir: path.dirname(datasetPath),
      dataFile: datasetPath,
    };
  }
  let dataFile: string | undefined;
  if (found.kind === 'folder') {
    dataFile = found.dataFile;
  } else {
    dataFile = await findDataFile(await unpackArchive(datasetPath, options.cacheDir));
    if (!dataFile) throw new DatasetError(`${datasetPath}: no data.ndjson in this export.`);
  }
  return { documents: await readNdjsonFile(dataFile), assetDir: path.dirname(dataFile), dataFile };
}
