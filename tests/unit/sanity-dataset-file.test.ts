import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DatasetError,
  parseNdjson,
  readDatasetExport,
} from '../../src/sanity/read/dataset-file.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/dataset');
const IMAGE = '63f28b379c14704359e00d45352e9327bb0c9d97-640x360.png';
let tmp: string;
let fixtureText: string;
let fixtureIds: string[];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sanity-dataset-file-'));
  fixtureText = await fs.readFile(path.join(FIXTURE, 'data.ndjson'), 'utf8');
  fixtureIds = parseNdjson(fixtureText, 'data.ndjson').map((doc) => doc._id);
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Lays out an export as `sanity dataset export` unpacks it: `<name>/data.ndjson` + images. */
async function writeNestedExport(parent: string, name: string): Promise<string> {
  const folder = path.join(parent, name);
  await fs.mkdir(path.join(folder, 'images'), { recursive: true });
  await fs.writeFile(path.join(folder, 'data.ndjson'), fixtureText);
  await fs.copyFile(path.join(FIXTURE, 'images', IMAGE), path.join(folder, 'images', IMAGE));
  return folder;
}

/** Returns the DatasetError `run` rejects with, failing when it resolves. */
async function datasetErrorOf(run: () => Promise<unknown>): Promise<DatasetError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

describe('parseNdjson', () => {
  test('reads one document per line and skips blank lines and CRLF endings', () => {
    const text = '{"_id":"a","_type":"post"}\r\n\n  \n{"_id":"b","_type":"topic","title":"T"}\n';
    expect(parseNdjson(text, 'x.ndjson')).toEqual([
      { _id: 'a', _type: 'post' },
      { _id: 'b', _type: 'topic', title: 'T' },
    ]);
  });

  test('a malformed line names the file and its line number', () => {
    const text = '{"_id":"a","_type":"post"}\n\n{"_id":"b","_type": post}\n';
    expect(() => parseNdjson(text, 'content/data.ndjson')).toThrow(
      /^content\/data\.ndjson:3: not valid JSON/,
    );
  });

  test.each([
    ['[1,2]', 'an array'],
    ['"text"', 'a string'],
    ['{"_type":"post"}', 'no _id'],
    ['{"_id":"a"}', 'no _type'],
    ['{"_id":7,"_type":"post"}', 'a numeric _id'],
  ])('%s (%s) is refused with file and line', (line) => {
    expect(() => parseNdjson(`{"_id":"ok","_type":"post"}\n${line}`, 'd.ndjson')).toThrow(
      'd.ndjson:2: each line must be one JSON object with string "_id" and "_type".',
    );
  });
});

describe('readDatasetExport', () => {
  test('a folder with data.ndjson', async () => {
    const result = await readDatasetExport(FIXTURE, { cacheDir: path.join(tmp, 'cache') });
    expect(result.documents.map((doc) => doc._id)).toEqual(fixtureIds);
    expect(result.assetDir).toBe(FIXTURE);
    expect(result.dataFile).toBe(path.join(FIXTURE, 'data.ndjson'));
  });

  test('a folder holding one nested export folder, as the export unpacks', async () => {
    const parent = path.join(tmp, 'nested');
    const folder = await writeNestedExport(parent, 'production-export-2025-03-01');
    const result = await readDatasetExport(parent, { cacheDir: path.join(tmp, 'cache') });
    expect(result.documents.map((doc) => doc._id)).toEqual(fixtureIds);
    expect(result.assetDir).toBe(folder);
  });

  test('a real .tar.gz laid out as `sanity dataset export` writes it', async () => {
    const staging = path.join(tmp, 'staging');
    await writeNestedExport(staging, 'production');
    const archive = path.join(tmp, 'production.tar.gz');
    await create({ gzip: true, file: archive, cwd: staging }, ['production']);
    const cacheDir = path.join(tmp, 'archive-cache');

    const result = await readDatasetExport(archive, { cacheDir });
    expect(result.documents.map((doc) => doc._id)).toEqual(fixtureIds);
    expect(result.assetDir.startsWith(cacheDir)).toBe(true);
    // The images beside data.ndjson are unpacked, so `_sanityAsset` paths resolve.
    const image = await fs.stat(path.join(result.assetDir, 'images', IMAGE));
    expect(image.size).toBeGreaterThan(0);

    // A second read reuses the unpacked copy.
    const again = await readDatasetExport(archive, { cacheDir });
    expect(again.assetDir).toBe(result.assetDir);
  });

  test('a bare .ndjson file: assets are relative to its folder', async () => {
    const file = path.join(FIXTURE, 'data.ndjson');
    const result = await readDatasetExport(file, { cacheDir: path.join(tmp, 'cache') });
    expect(result.documents.map((doc) => doc._id)).toEqual(fixtureIds);
    expect(result.assetDir).toBe(FIXTURE);
    expect(result.dataFile).toBe(file);
  });

  test('a malformed line in a file on disk names the file and line number', async () => {
    const file = path.join(tmp, 'broken.ndjson');
    await fs.writeFile(file, '{"_id":"a","_type":"post"}\n{"_id":"b","_type":"post"\n');
    const error = await datasetErrorOf(() =>
      readDatasetExport(file, { cacheDir: path.join(tmp, 'cache') }),
    );
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:2: not valid JSON`));
  });

  test('a missing path says what LOCAL_DATASET may point at', async () => {
    const missing = path.join(tmp, 'no-such-export');
    const error = await datasetErrorOf(() =>
      readDatasetExport(missing, { cacheDir: path.join(tmp, 'cache') }),
    );
    expect(error.message).toContain(missing);
    expect(error.message).toContain('LOCAL_DATASET');
  });

  test('a folder without data.ndjson, and a file of another kind, are refused', async () => {
    const empty = path.join(tmp, 'empty');
    await fs.mkdir(empty, { recursive: true });
    const other = path.join(tmp, 'data.json');
    await fs.writeFile(other, '[]');
    const cacheDir = path.join(tmp, 'cache');
    expect((await datasetErrorOf(() => readDatasetExport(empty, { cacheDir }))).message).toBe(
      `${empty}: no data.ndjson in this export.`,
    );
    expect((await datasetErrorOf(() => readDatasetExport(other, { cacheDir }))).message).toBe(
      `${other}: expected a folder, a .tar.gz export or an .ndjson file.`,
    );
  });

  test('an archive that is not a tar.gz names the archive', async () => {
    const archive = path.join(tmp, 'corrupt.tar.gz');
    await fs.writeFile(archive, 'this is not gzip');
    const error = await datasetErrorOf(() =>
      readDatasetExport(archive, { cacheDir: path.join(tmp, 'cache') }),
    );
    expect(error.message).toContain(archive);
  });
});
