import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  generateDataset,
  planTypes,
  toSlug,
  type ExportDocument,
} from '../../scripts/dataset/documents.ts';
import { encodePng } from '../../scripts/dataset/images.ts';
import { createRandom } from '../../scripts/dataset/random.ts';
import { countWords } from '../../scripts/dataset/text.ts';
import { writeDataset } from '../../scripts/dataset/write.ts';
import { parseGeneratorArgs } from '../../scripts/generate-dataset.ts';

const dataset = generateDataset({ docs: 200, seed: 'test' });
const content = dataset.documents.filter((doc) =>
  ['post', 'projectStory', 'caseStudy'].includes(doc._type),
);
const byId = new Map(dataset.documents.map((doc) => [doc._id, doc]));

/** Every `_ref` anywhere in a value. */
function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, out);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record['_ref'] === 'string') out.push(record['_ref']);
    for (const item of Object.values(record)) collectRefs(item, out);
  }
  return out;
}

/** Plain text of a Portable Text array. */
function textOf(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return blocks
    .flatMap((block: { children?: { text?: string }[] }) => block.children ?? [])
    .map((span) => span.text ?? '')
    .join(' ');
}

const blocksOf = (doc: ExportDocument, field: string): Record<string, unknown>[] => {
  const value = doc[field];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
};

const tmp: string[] = [];
afterAll(async () => {
  for (const dir of tmp) await fs.rm(dir, { recursive: true, force: true });
});

describe('generateDataset', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateDataset({ docs: 200, seed: 'test' });
    expect(JSON.stringify(again.documents)).toBe(JSON.stringify(dataset.documents));
    expect(again.images.map((image) => image.fileName)).toEqual(
      dataset.images.map((image) => image.fileName),
    );
    const other = generateDataset({ docs: 200, seed: 'other' });
    expect(JSON.stringify(other.documents)).not.toBe(JSON.stringify(dataset.documents));
  });

  it('follows the benchmark mix: 60 % posts, 15 % projects, 25 % cases, plus the rest', () => {
    expect(dataset.counts).toMatchObject({ post: 120, projectStory: 30, caseStudy: 50 });
    expect(content).toHaveLength(200);
    for (const type of ['person', 'topic', 'serviceArea', 'page', 'siteSettings']) {
      expect(dataset.documents.some((doc) => doc._type === type)).toBe(true);
    }
    expect(byId.get('siteSettings')?._type).toBe('siteSettings');
  });

  it('interleaves the types so any prefix has the same mix', () => {
    const first = planTypes(1000).slice(0, 100);
    expect(first.filter((type) => type === 'post')).toHaveLength(60);
    expect(first.filter((type) => type === 'projectStory')).toHaveLength(15);
    expect(first.filter((type) => type === 'caseStudy')).toHaveLength(25);
  });

  it('has about 1 % drafts and 1 % scheduled documents, and counts them', () => {
    const drafts = content.filter((doc) => doc._id.startsWith('drafts.'));
    const scheduled = content.filter(
      (doc) => Date.parse(String(doc['publishedAt'])) > Date.parse('2090-01-01'),
    );
    expect(drafts).toHaveLength(2);
    expect(scheduled).toHaveLength(2);
    expect(dataset.counts.published).toBe(196);
    const many = generateDataset({ docs: 1000, seed: 'count' }).counts;
    expect([many.drafts, many.scheduled, many.published]).toEqual([10, 10, 980]);
  });

  it('gives every document the system fields, and unique ids and slugs per type', () => {
    const ids = new Set<string>();
    const slugs = new Set<string>();
    for (const doc of dataset.documents) {
      for (const field of ['_createdAt', '_updatedAt', '_rev']) {
        expect(doc[field], `${doc._id}.${field}`).toEqual(expect.any(String));
      }
      expect(ids.has(doc._id), doc._id).toBe(false);
      ids.add(doc._id);
      const slug = (doc['slug'] as { current?: string } | undefined)?.current;
      if (slug !== undefined) {
        expect(slug).toMatch(/^[a-z0-9-]+$/);
        expect(slugs.has(`${doc._type}/${slug}`), `${doc._id} slug ${slug}`).toBe(false);
        slugs.add(`${doc._type}/${slug}`);
      }
    }
  });

  it('only refers to documents that exist and are published', () => {
    for (const doc of dataset.documents) {
      for (const ref of collectRefs(doc)) {
        const target = byId.get(ref);
        expect(target, `${doc._id} → ${ref}`).toBeDefined();
        expect(ref.startsWith('drafts.'), `${doc._id} → ${ref}`).toBe(false);
        const at = target?.['publishedAt'];
        if (typeof at === 'string') expect(Date.parse(at)).toBeLessThan(Date.now());
      }
    }
  });

  it('writes posts of about 800 words and fills every case section', () => {
    const posts = content.filter((doc) => doc._type === 'post');
    const words = posts.map((doc) => countWords(textOf(doc['body'])));
    const mean = words.reduce((sum, count) => sum + count, 0) / words.length;
    expect(mean).toBeGreaterThan(700);
    expect(mean).toBeLessThan(950);
    for (const doc of content.filter((candidate) => candidate._type === 'caseStudy')) {
      for (const field of ['problem', 'solution', 'results', 'lessonsLearned']) {
        expect(countWords(textOf(doc[field])), `${doc._id}.${field}`).toBeGreaterThan(50);
      }
      for (const field of ['targetGroup', 'reuse', 'costs', 'status', 'municipality']) {
        expect(doc[field], `${doc._id}.${field}`).toEqual(expect.any(String));
      }
    }
  });

  it('uses every block type and mark of the content model', () => {
    const blocks = content.flatMap((doc) =>
      ['body', 'problem', 'solution', 'results', 'lessonsLearned'].flatMap((field) =>
        blocksOf(doc, field),
      ),
    );
    const types = new Set(blocks.map((block) => block['_type']));
    for (const type of ['block', 'image', 'callout', 'factBox', 'pullQuote', 'videoEmbed']) {
      expect(types.has(type), type).toBe(true);
    }
    const styles = new Set(blocks.map((block) => block['style']));
    for (const style of ['normal', 'h2', 'h3', 'blockquote']) expect(styles.has(style)).toBe(true);
    const lists = new Set(blocks.map((block) => block['listItem']));
    expect(lists.has('bullet') && lists.has('number')).toBe(true);
    const defs = new Set(
      blocks.flatMap((block) =>
        ((block['markDefs'] as { _type: string }[] | undefined) ?? []).map((def) => def._type),
      ),
    );
    expect([...defs].sort()).toEqual(['internalLink', 'link']);
  });

  it('writes bokmål, nynorsk and English', () => {
    const languages = new Set(content.map((doc) => doc['language']));
    expect([...languages].sort()).toEqual(['en', 'nb', 'nn']);
  });

  it('reuses a handful of images, referenced in export form', () => {
    expect(dataset.images).toHaveLength(6);
    const names = new Set(dataset.images.map((image) => image.fileName));
    const used = JSON.stringify(dataset.documents).match(/image@file:\/\/\.\/images\/[^"]+/g) ?? [];
    expect(used.length).toBeGreaterThan(50);
    for (const asset of used)
      expect(names.has(asset.replace('image@file://./images/', ''))).toBe(true);
  });

  it('rejects a size that is not a positive whole number', () => {
    expect(() => generateDataset({ docs: 0, seed: 'x' })).toThrow(/--docs/);
    expect(() => generateDataset({ docs: 2.5, seed: 'x' })).toThrow(/--docs/);
  });
});

describe('writeDataset', () => {
  it('writes data.ndjson and images named by their SHA-1 and size', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'generate-'));
    tmp.push(dir);
    const small = generateDataset({ docs: 20, seed: 'write' });
    const dataFile = await writeDataset(small, path.join(dir, 'out'));
    const lines = (await fs.readFile(dataFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(small.documents.length);
    expect(JSON.parse(lines[0] ?? '')).toEqual(small.documents[0]);
    for (const image of small.images) {
      const bytes = await fs.readFile(path.join(dir, 'out', 'images', image.fileName));
      const sha1 = createHash('sha1').update(bytes).digest('hex');
      expect(image.fileName).toBe(`${sha1}-${image.width}x${image.height}.png`);
      // A real PNG: signature, then an IHDR chunk holding the size in the name.
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(image.width);
      expect(bytes.readUInt32BE(20)).toBe(image.height);
    }
  });
});

describe('helpers', () => {
  it('makes ASCII slugs from Norwegian titles', () => {
    expect(toSlug('Blåbær på Ørje – Æres!')).toBe('blabaer-pa-orje-aeres');
  });

  it('refuses pixels of the wrong length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(5))).toThrow(/expected 12 bytes/);
  });

  it('repeats a seeded sequence', () => {
    const a = createRandom('s');
    const b = createRandom('s');
    expect([a.next(), a.int(1, 6), a.hex(8)]).toEqual([b.next(), b.int(1, 6), b.hex(8)]);
  });

  it('parses the command line and explains mistakes', () => {
    expect(parseGeneratorArgs(['--docs', '10', '--out', 'x'])).toEqual({
      docs: 10,
      out: 'x',
      seed: 'tanketanken',
    });
    expect(() => parseGeneratorArgs(['--out', 'x'])).toThrow(/--docs must be/);
    expect(() => parseGeneratorArgs(['--docs', 'many', '--out', 'x'])).toThrow(/got many/);
    expect(() => parseGeneratorArgs(['--docs', '10'])).toThrow(/--out is required/);
    expect(() => parseGeneratorArgs(['--docs', '10', '--out', 'x', '--bogus'])).toThrow();
  });
});
