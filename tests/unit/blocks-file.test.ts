/**
 * Portable Text kept out of the data store: the writer splits a field into a reference
 * (image blocks by `_key`) and a content-addressed file, the reader puts them together
 * again, and pruning deletes only files no entry refers to.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BLOCK_FIELDS,
  BlocksFileError,
  getBlocksFolder,
  prepareBlocks,
  pruneBlocksFiles,
  readBlocks,
  writeBlocksFile,
} from '../../src/sanity/store/blocks-file.ts';
import {
  blockContentSchema,
  caseStudySchema,
  pageSchema,
  personSchema,
  postSchema,
  projectStorySchema,
  siteSettingsSchema,
  termSchema,
} from '../../src/sanity/normalise/schemas.ts';

const IMAGE = {
  _type: 'image',
  _key: 'img1',
  src: './images/a-1x1.png',
  kind: 'local',
  width: 1,
  height: 1,
  alt: 'Et bilde',
  caption: 'Bildetekst',
};

const BLOCKS = [
  {
    _type: 'block',
    _key: 'b1',
    style: 'h2',
    children: [{ _type: 'span', _key: 's1', text: 'Overskrift her', marks: [] }],
    markDefs: [],
  },
  IMAGE,
  {
    _type: 'block',
    _key: 'b2',
    style: 'normal',
    children: [{ _type: 'span', _key: 's2', text: 'Litt tekst med ', marks: ['l1'] }],
    markDefs: [{ _type: 'link', _key: 'l1', href: 'https://example.org/' }],
  },
  { _type: 'video', _key: 'v1', url: 'https://www.youtube.com/watch?v=abc' },
  { ...IMAGE, _key: 'img2', caption: undefined },
];

let tmp: string;
let folder: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-blocks-'));
  folder = getBlocksFolder(path.join(tmp, 'cache'), 'post');
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('blocks files', () => {
  test('round trip: the reader returns the blocks written, images from the reference', async () => {
    const prepared = prepareBlocks(folder, 'post-1', 'body', BLOCKS);
    const { ref } = prepared;
    expect(ref.file).toBe(
      path.join(tmp, 'cache', 'tanketanken-blocks', 'post', `${ref.sha256}.json`),
    );
    expect(ref.count).toBe(5);
    expect(Object.keys(ref.images)).toEqual(['img1', 'img2']);
    expect(ref.images['img1']).toBe(IMAGE);

    writeBlocksFile(prepared);
    const text = await fs.readFile(ref.file, 'utf8');
    // The file holds placeholders, not the image data.
    expect(text).not.toContain('a-1x1.png');
    expect((JSON.parse(text) as unknown[])[1]).toEqual({ _type: 'image', _key: 'img1' });
    expect(await fs.readdir(folder)).toEqual([`${ref.sha256}.json`]);

    const blocks = await readBlocks('post-1', 'body', ref);
    expect(blocks).toEqual(BLOCKS);
    expect(blocks[1]).toBe(ref.images['img1']);
  });

  test('the same blocks give the same file, written once', async () => {
    const first = prepareBlocks(folder, 'post-1', 'body', BLOCKS);
    writeBlocksFile(first);
    const { mtimeMs } = await fs.stat(first.ref.file);
    const second = prepareBlocks(folder, 'post-2', 'body', structuredClone(BLOCKS));
    expect(second.ref.file).toBe(first.ref.file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeBlocksFile(second);
    expect((await fs.stat(first.ref.file)).mtimeMs).toBe(mtimeMs);
    const changed = prepareBlocks(folder, 'post-1', 'body', BLOCKS.slice(0, 1));
    expect(changed.ref.sha256).not.toBe(first.ref.sha256);
  });

  test('image blocks without a key, or with a repeated one, still come back in place', async () => {
    const blocks = [
      { ...IMAGE, _key: 'same' },
      { ...IMAGE, _key: 'same', alt: 'Et annet bilde' },
      { ...IMAGE, _key: undefined, alt: 'Uten nøkkel' },
    ];
    const prepared = prepareBlocks(folder, 'post-1', 'body', blocks);
    expect(Object.keys(prepared.ref.images)).toHaveLength(3);
    writeBlocksFile(prepared);
    expect(await readBlocks('post-1', 'body', prepared.ref)).toEqual(blocks);
  });

  test('an invalid block fails the load, naming document, field and block', () => {
    expect(() => prepareBlocks(folder, 'post-1', 'body', [{ _key: 'x' }])).toThrow(
      /document "post-1", field "body\[0\]"/,
    );
  });

  test('a missing file fails with the document, field, file and fix', async () => {
    const prepared = prepareBlocks(folder, 'case-1', 'problem', BLOCKS);
    const error = await readBlocks('case-1', 'problem', prepared.ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlocksFileError);
    const message = (error as Error).message;
    expect(message).toContain('document "case-1"');
    expect(message).toContain('field "problem"');
    expect(message).toContain(prepared.ref.file);
    expect(message).toContain('is missing');
    expect(message).toContain(`delete the cache folder ${path.join(tmp, 'cache')} and build again`);
  });

  test('a corrupt file fails with the document, field, file and fix', async () => {
    const prepared = prepareBlocks(folder, 'case-1', 'results', BLOCKS);
    writeBlocksFile(prepared);
    await fs.writeFile(prepared.ref.file, '[{"_type":"block"');
    await expect(readBlocks('case-1', 'results', prepared.ref)).rejects.toThrow(
      /document "case-1", field "results": the Portable Text file .* is corrupt.*delete the cache folder/,
    );
  });

  test('pruning deletes unreferenced files and stale temporary files, and keeps the rest', async () => {
    const kept = prepareBlocks(folder, 'post-1', 'body', BLOCKS);
    const dropped = prepareBlocks(folder, 'post-2', 'body', BLOCKS.slice(0, 2));
    writeBlocksFile(kept);
    writeBlocksFile(dropped);
    const stale = path.join(folder, 'abc.json.1.ff.tmp');
    const fresh = path.join(folder, 'def.json.1.ff.tmp');
    await fs.writeFile(stale, '');
    await fs.writeFile(fresh, '');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fs.utimes(stale, old, old);

    expect(await pruneBlocksFiles(folder, new Set([kept.ref.file]))).toBe(2);
    expect((await fs.readdir(folder)).sort()).toEqual(
      [path.basename(kept.ref.file), path.basename(fresh)].sort(),
    );
    expect(await readBlocks('post-1', 'body', kept.ref)).toEqual(BLOCKS);
    // A folder that is not there yet prunes nothing.
    expect(await pruneBlocksFiles(path.join(tmp, 'none'), new Set())).toBe(0);
  });
});

test('every Portable Text field of the schemas is stored as a blocks file', () => {
  const blockFields = (schema: { shape: Record<string, unknown> }) =>
    Object.entries(schema.shape)
      .filter(([, value]) => value === blockContentSchema)
      .map(([key]) => key);
  expect(BLOCK_FIELDS).toEqual({
    post: blockFields(postSchema),
    projectStory: blockFields(projectStorySchema),
    caseStudy: blockFields(caseStudySchema),
    page: blockFields(pageSchema),
  });
  for (const schema of [personSchema, termSchema, siteSettingsSchema]) {
    expect(blockFields(schema)).toEqual([]);
  }
});
