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

async function findDataFileIn(dir: string): Promise<string | undefined> {
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
    const dataFile = await findDataFileIn(datasetPath);
    if (!dataFile) throw new DatasetError(`${datasetPath}: no data.ndjson in this export.`);
    return { kind: 'folder', dataFile };
  }
  if (/\.(tar\.gz|tgz)$/i.test(datasetPath)) return { kind: 'archive' };
  if (/\.ndjson$/i.test(datasetPath)) return { kind: 'ndjson' };
  throw new DatasetError(`${datasetPath}: expected a folder, a .tar.gz export or an .ndjson file.`);
}

/**
 * The `data.ndjson` (or bare `.ndjson`) of the export at `datasetPath`; archives are
 * unpacked under `cacheDir` so their images can be read like a folder's.
 */
export async function findDataFile(
  datasetPath: string,
  options: { cacheDir: string },
): Promise<string> {
  const found = await locateExport(datasetPath);
  if (found.kind === 'ndjson') return datasetPath;
  if (found.kind === 'folder') return found.dataFile;
  const dataFile = await findDataFileIn(await unpackArchive(datasetPath, options.cacheDir));
  if (!dataFile) throw new DatasetError(`${datasetPath}: no data.ndjson in this export.`);
  return dataFile;
}

/**
 * Reads the export at `datasetPath` (folder, `.tar.gz`/`.tgz` or `.ndjson`). Archives are
 * unpacked under `cacheDir` so their images can be read like a folder's.
 */
export async function readDatasetExport(
  datasetPath: string,
  options: { cacheDir: string },
): Promise<DatasetExport> {
  const dataFile = await findDataFile(datasetPath, options);
  return { documents: await readNdjsonFile(dataFile), assetDir: path.dirname(dataFile), dataFile };
}

/** One line of an NDJSON file as bytes, without its line break. */
export interface RawLine {
  bytes: Buffer;
  /** Where the line starts in the file, in bytes. */
  offset: number;
  /** Its 1-based line number, as `parseNdjson` and readline count them. */
  lineNumber: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Calls `onLine` with each line of `file` as bytes, so that a caller can tell an unchanged
 * line by its hash without decoding or parsing it. Lines end at "\n" (a "\r" before it is
 * dropped); a line that still holds a "\r" is given with `lineNumber` as readline would
 * number its first part (`parseLines` splits it the same way).
 */
export async function forEachLine(file: string, onLine: (line: RawLine) => void): Promise<void> {
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let position = 0;
  let lineNumber = 1;
  const emit = (bytes: Buffer, offset: number) => {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? -1 : undefined;
    const line = end === undefined ? bytes : bytes.subarray(0, end);
    onLine({ bytes: line, offset, lineNumber });
    lineNumber += 1;
    // readline also breaks at a lone "\r": count the extra lines it would see.
    for (
      let at = line.indexOf(CARRIAGE_RETURN);
      at !== -1;
      at = line.indexOf(CARRIAGE_RETURN, at + 1)
    ) {
      lineNumber += 1;
    }
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
      const piece = buffer.subarray(start, end);
      if (pending.length > 0) {
        pending.push(piece);
        emit(Buffer.concat(pending), pendingStart);
        pending = [];
      } else {
        emit(piece, position + start);
      }
      start = end + 1;
    }
    if (start < buffer.length) {
      if (pending.length === 0) pendingStart = position + start;
      // Copied: the stream may reuse its chunk's memory.
      pending.push(Buffer.from(buffer.subarray(start)));
    }
    position += buffer.length;
  }
  if (pending.length > 0) emit(Buffer.concat(pending), pendingStart);
}

/**
 * The documents of one line from `forEachLine`: none for a blank line, one as a rule, more
 * when the line holds a lone "\r" (readline, and so `readDatasetExport`, breaks there too).
 * A malformed line throws a DatasetError naming file and line number.
 */
export function parseLines(line: RawLine, fileName: string): RawDocument[] {
  const parts = line.bytes.toString('utf8').split('\r');
  const documents: RawDocument[] = [];
  parts.forEach((part, index) => {
    const document = parseLine(part, fileName, line.lineNumber + index);
    if (document) documents.push(document);
  });
  return documents;
}
