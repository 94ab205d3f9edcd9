/**
 * The incremental load against the full one: a generated dataset (references, internal
 * links, drafts, scheduled documents) is edited step by step, and after each step the
 * entries an incremental load leaves — the ones it lists, plus the reused ones kept from
 * the step before, as the loader keeps them in Astro's store — must equal a full load's,
 * with the same problems in the same order, the same schedule and the same site settings.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDataset } from '../../scripts/dataset/documents.ts';
import { DOCUMENT_COLLECTIONS, type DocumentCollection } from '../../src/sanity/collections.ts';
import { loadSiteContent } from '../../src/sanity/content.ts';
import type { SiteContent } from '../../src/sanity/normalise/site-content.ts';
import { DuplicateSlugError } from '../../src/sanity/problems.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { loadExportIncrementally } from '../../src/sanity/incremental.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { formatSummary } from '../../src/sanity/source.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const NAMES = DOCUMENT_COLLECTIONS;

type Entries = Map<DocumentCollection, Map<string, unknown>>;

let tmp: string;
let dataFile: string;
let stateFile: string;
let documents: RawDocument[];
/** The entries as the loader would have stored them after the last incremental load. */
let stored: Entries = new Map();

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-incremental-'));
  dataFile = path.join(tmp, 'data.ndjson');
  stateFile = path.join(tmp, 'cache', 'state.json');
  documents = generateDataset({ docs: 240, seed: 'incremental' }).documents;
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function writeExport(lines?: string[]): Promise<void> {
  const text = lines ?? documents.map((document) => JSON.stringify(document));
  await fs.writeFile(dataFile, `${text.join('\n')}\n`);
}

function fullLoad(now: Date): Promise<SiteContent> {
  return loadSiteContent(createLocalEngine(documents, 'full'), { now, cdn: undefined });
}

function incrementalLoad(now: Date, key = 'code') {
  return loadExportIncrementally({
    dataFile,
    stateFile,
    key,
    description: 'full',
    load: { now, cdn: undefined },
  });
}

function entriesOf(content: SiteContent): Entries {
  return new Map(
    NAMES.map((name) => [
      name,
      new Map(content[name].map((item): [string, unknown] => [item.id, item])),
    ]),
  );
}

/** Runs both loads; the incremental one must give what the full one gives. */
async function compare(now = NOW): Promise<{ reused: number; listed: number }> {
  await writeExport();
  const full = await fullLoad(now);
  const { content } = await incrementalLoad(now);
  const next: Entries = new Map();
  let reused = 0;
  let listed = 0;
  for (const name of NAMES) {
    const entries = new Map<string, unknown>();
    for (const id of content.reused?.[name] ?? []) {
      expect(stored.get(name)?.has(id), `${name}/${id} reused but not stored`).toBe(true);
      entries.set(id, stored.get(name)?.get(id));
      reused += 1;
    }
    for (const item of content[name]) entries.set(item.id, structuredClone(item));
    listed += content[name].length;
    next.set(name, entries);
  }
  const sorted = (entries: Entries) =>
    NAMES.map((name) => [...(entries.get(name) ?? new Map<string, unknown>())].sort());
  expect(sorted(next)).toEqual(sorted(entriesOf(full)));
  expect(content.problems).toEqual(full.problems);
  expect(content.siteSettings).toEqual(full.siteSettings);
  expect(content.scheduled).toBe(full.scheduled);
  expect(content.nextScheduledAt).toBe(full.nextScheduledAt);
  expect(formatSummary(content, 'x')).toBe(formatSummary(full, 'x'));
  stored = next;
  return { reused, listed };
}

function find(predicate: (document: RawDocument) => boolean): RawDocument {
  const found = documents.find(predicate);
  if (!found) throw new Error('no such document in the generated dataset');
  return found;
}

/** A published document that other published documents refer to. */
function referencedBy(type: string): { target: RawDocument; referrers: number } {
  const text = documents.map((document) => JSON.stringify(document));
  const target = find(
    (document) =>
      document._type === type &&
      !document._id.startsWith('drafts.') &&
      text.some((line) => line.includes(`"_ref":"${document._id}"`)),
  );
  return {
    target,
    referrers: text.filter((line) => line.includes(`"_ref":"${target._id}"`)).length,
  };
}

describe('an incremental load gives what a full load gives', () => {
  test('the first load lists every document; an unchanged export reuses them all', async () => {
    const first = await compare();
    expect(first.reused).toBe(0);
    expect(first.listed).toBeGreaterThan(200);
    const again = await compare();
    expect(again.listed).toBe(0);
    expect(again.reused).toBe(first.listed);
  });

  test("a topic's new title reaches every document that links it, and only those are listed", async () => {
    const { target, referrers } = referencedBy('topic');
    target['title'] = `${String(target['title'])} (ny)`;
    const { listed } = await compare();
    expect(listed).toBeGreaterThan(1);
    expect(listed).toBeLessThanOrEqual(referrers + 1);
  });

  test("a post's new title reaches its internal links and related lists", async () => {
    const { target } = referencedBy('post');
    target['title'] = 'Eit heilt nytt namn';
    await compare();
  });

  test('a person left out (no name) drops the links to them, with a problem each', async () => {
    const { target } = referencedBy('person');
    const name = target['name'];
    delete target['name'];
    await compare();
    target['name'] = name;
    await compare();
  });

  test('a deleted document and a new one', async () => {
    const { target } = referencedBy('post');
    documents = documents.filter((document) => document !== target);
    await compare();
    const topic = find((document) => document._type === 'topic');
    documents.push({
      _id: 'post-new',
      _type: 'post',
      _rev: 'r1',
      _updatedAt: '2025-05-01T00:00:00Z',
      title: 'Nytt innlegg',
      slug: { _type: 'slug', current: 'nytt-innlegg' },
      publishedAt: '2025-05-01T00:00:00Z',
      topics: [{ _type: 'reference', _ref: topic._id, _key: 't1' }],
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [],
          children: [{ _type: 'span', _key: 's1', text: 'Tekst.', marks: [] }],
        },
      ],
    });
    await compare();
  });

  test("the site settings' organisation reaches the cases", async () => {
    const settings = find((document) => document._id === 'siteSettings');
    settings['organization'] = 'Ein annan kommune';
    for (const document of documents) {
      if (document._type === 'caseStudy') delete document['municipality'];
    }
    await compare();
    settings['organization'] = 'Ein tredje kommune';
    await compare();
  });

  test('a draft that changes changes nothing', async () => {
    const draft = find((document) => document._id.startsWith('drafts.'));
    draft['title'] = 'Utkast med ny tittel';
    const { listed } = await compare();
    expect(listed).toBe(0);
  });

  test('scheduled documents appear when they fall due, and links to them resolve', async () => {
    const scheduled = find(
      (document) =>
        !document._id.startsWith('drafts.') &&
        typeof document['publishedAt'] === 'string' &&
        document['publishedAt'] > '2099',
    );
    const referrer = find(
      (document) => document._type === 'post' && !document._id.startsWith('drafts.'),
    );
    referrer['related'] = [{ _type: 'reference', _ref: scheduled._id, _key: 'soon' }];
    await compare();
    const before = await fullLoad(NOW);
    expect(before.scheduled).toBeGreaterThan(0);
    expect(before.problems.map((problem) => problem.id)).toContain(referrer._id);
    const later = new Date('2100-01-01T00:00:00Z');
    const due = await compare(later);
    expect(due.listed).toBeGreaterThanOrEqual(before.scheduled);
    // And back: the clock turned back schedules them again.
    await compare(NOW);
  });

  test('a duplicate slug fails as the full load does', async () => {
    const posts = documents.filter(
      (document) => document._type === 'post' && !document._id.startsWith('drafts.'),
    );
    const [first, second] = posts;
    if (!first || !second) throw new Error('too few posts');
    const slug = second['slug'];
    second['slug'] = first['slug'];
    await writeExport();
    const full = fullLoad(NOW);
    await expect(full).rejects.toThrow(DuplicateSlugError);
    const message = await full.then(
      () => '',
      (error: unknown) => (error instanceof Error ? error.message : ''),
    );
    expect(message).toContain('Two post documents have the slug');
    await expect(incrementalLoad(NOW)).rejects.toThrow(message);
    second['slug'] = slug;
    await compare();
  });

  test('blank lines, CRLF line ends and a line broken by a lone CR', async () => {
    const lines = documents.map((document) => JSON.stringify(document));
    const [a = '', b = '', ...rest] = lines;
    await writeExport([`${a}\r`, '', `${b}\r${rest[0] ?? ''}`, ...rest.slice(1)]);
    const full = await fullLoad(NOW);
    const { content } = await incrementalLoad(NOW);
    for (const name of NAMES) {
      const ids = new Set([
        ...content[name].map((item) => item.id),
        ...(content.reused?.[name] ?? []),
      ]);
      expect([...ids].sort()).toEqual(full[name].map((item) => item.id).sort());
    }
    expect(content.problems).toEqual(full.problems);
    stored = new Map();
    // A state from other code is not used.
    const other = await incrementalLoad(NOW, 'other code');
    expect(NAMES.every((name) => (other.content.reused?.[name] ?? []).length === 0)).toBe(true);
    await compare();
  });
});
