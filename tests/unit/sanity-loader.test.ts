/**
 * The loader's incremental path, with a small fake of Astro's loader context (Maps for the
 * store and the meta store, a logger that records lines) over a temporary copy of the
 * fixture dataset. One "build" runs all eight collection loaders over the Maps kept from
 * the build before, as Astro does with its persisted data store.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SiteConfig } from '../../src/config.ts';
import { readDatasetExport } from '../../src/sanity/read/dataset-file.ts';
import { CODE_INPUTS, getSourceFingerprint } from '../../src/sanity/read/fingerprint.ts';
import { sanityLoader, SYNC_STATE_KEY, type SyncState } from '../../src/sanity/loader.ts';
import { COLLECTIONS, type CollectionName } from '../../src/sanity/collections.ts';
import { StrictContentError } from '../../src/sanity/source.ts';
import { startFakeContentLake } from '../helpers/fake-content-lake.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/dataset');
const NOW = new Date('2025-01-01T00:00:00Z');
const FUTURE_POST_AT = '2099-01-01T08:00:00.000Z';

/** One stored entry, as Astro's store holds it. */
type DataEntry = ReturnType<LoaderContext['store']['values']>[number];

/** What Astro keeps between builds: each collection's entries and meta values. */
interface Persisted {
  entries: Map<CollectionName, Map<string, DataEntry>>;
  meta: Map<CollectionName, Map<string, string>>;
}

/** What one build did. */
interface BuildRecord {
  lines: string[];
  parsed: string[];
  writes: string[];
  /** Asset imports registered with Astro (they rewrite `.astro/content-assets.mjs`). */
  assets: string[];
}

function createPersisted(): Persisted {
  return {
    entries: new Map(COLLECTIONS.map((key) => [key, new Map<string, DataEntry>()])),
    meta: new Map(COLLECTIONS.map((key) => [key, new Map<string, string>()])),
  };
}

function fakeContext(
  key: CollectionName,
  persisted: Persisted,
  record: BuildRecord,
  root: string,
): LoaderContext {
  const entries = persisted.entries.get(key) ?? new Map<string, DataEntry>();
  const meta = persisted.meta.get(key) ?? new Map<string, string>();
  const log = (level: string) => (line: string) => record.lines.push(`${level} ${line}`);
  const context = {
    collection: key,
    store: {
      get: (id: string) => entries.get(id),
      entries: () => [...entries.entries()],
      set: (entry: DataEntry) => {
        record.writes.push(`store.set ${key}/${entry.id}`);
        entries.set(entry.id, entry);
        return true;
      },
      values: () => [...entries.values()],
      keys: () => [...entries.keys()],
      delete: (id: string) => {
        record.writes.push(`store.delete ${key}/${id}`);
        entries.delete(id);
      },
      clear: () => {
        record.writes.push(`store.clear ${key}`);
        entries.clear();
      },
      has: (id: string) => entries.has(id),
      addModuleImport: () => undefined,
      addAssetImports: (assets: string[], filePath: string | undefined) => {
        record.assets.push(`${key}: ${assets.join(' ')} from ${filePath ?? '-'}`);
      },
    },
    meta: {
      get: (name: string) => meta.get(name),
      set: (name: string, value: string) => {
        record.writes.push(`meta.set ${key}/${name}`);
        meta.set(name, value);
      },
      has: (name: string) => meta.has(name),
      delete: (name: string) => {
        record.writes.push(`meta.delete ${key}/${name}`);
        meta.delete(name);
      },
    },
    logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: () => undefined },
    // Each test's own cache folder (blocks files), next to its copy of the dataset.
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${dataset}-cache/`) },
    parseData: ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      record.parsed.push(`${key}/${id}`);
      return Promise.resolve(data);
    },
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
  };
  // Only what the loader uses is faked; the rest of Astro's context is not needed here.
  return context as unknown as LoaderContext;
}

/** Runs every collection's loader once, concurrently, as one `astro build` sync does. */
async function build(
  persisted: Persisted,
  config: SiteConfig,
  options: { now?: Date; root?: string } = {},
): Promise<BuildRecord> {
  const record: BuildRecord = { lines: [], parsed: [], writes: [], assets: [] };
  const root = options.root ?? ROOT;
  await Promise.all(
    COLLECTIONS.map((key) =>
      sanityLoader(key, {
        getConfig: () => config,
        now: () => options.now ?? NOW,
      }).load(fakeContext(key, persisted, record, root)),
    ),
  );
  return record;
}

function localConfig(datasetPath: string, strictContent = false): SiteConfig {
  return {
    source: { kind: 'local', datasetPath },
    siteUrl: 'http://localhost:4321',
    strictContent,
  };
}

function snapshot(persisted: Persisted): string {
  const plain = (map: Map<CollectionName, Map<string, unknown>>) =>
    [...map].map(([key, inner]) => [key, [...inner]]);
  return JSON.stringify([plain(persisted.entries), plain(persisted.meta)]);
}

function titleOf(persisted: Persisted, id: string): unknown {
  return persisted.entries.get('post')?.get(id)?.data['title'];
}

const SKIPPED = /content unchanged since the last build \(fingerprint [0-9a-f]{12}\)/;

let tmp: string;
let dataset: string;
let dataFile: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-loader-'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  // A fresh copy per test: a different path, so no test reuses another's loaded content.
  dataset = await fs.mkdtemp(path.join(tmp, 'dataset-'));
  await fs.cp(FIXTURE, dataset, { recursive: true });
  dataFile = path.join(dataset, 'data.ndjson');
});

describe('the loader skips a source unchanged since the last build', () => {
  test('an unchanged export is neither read nor stored again, and the store is untouched', async () => {
    const persisted = createPersisted();
    const first = await build(persisted, localConfig(dataset));
    expect(first.lines.join('\n')).not.toMatch(SKIPPED);
    expect(first.lines).toContainEqual(
      expect.stringMatching(/^info embedded dataset .*4 published/),
    );
    expect(persisted.entries.get('post')?.size).toBe(2);
    for (const key of COLLECTIONS) expect(persisted.meta.get(key)?.has(SYNC_STATE_KEY)).toBe(true);

    const before = snapshot(persisted);
    const second = await build(persisted, localConfig(dataset));
    expect(second.writes).toEqual([]);
    expect(second.parsed).toEqual([]);
    expect(snapshot(persisted)).toBe(before);
    // One info line, and no fresh load's summary.
    expect(second.lines).toHaveLength(1);
    expect(second.lines[0]).toMatch(/^info /);
    expect(second.lines[0]).toMatch(SKIPPED);
    expect(second.lines[0]).toContain('4 published (2 posts, 1 projects, 1 cases)');
  });

  test('a skipped build registers the images of the kept entries again', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const entry = persisted.entries.get('post')?.get('post-sensor');
    expect(entry).toBeDefined();
    if (entry) entry.assetImports = ['./images/a-1x1.png'];
    const second = await build(persisted, localConfig(dataset));
    expect(second.lines.join('\n')).toMatch(SKIPPED);
    expect(second.assets).toEqual([
      `post: ./images/a-1x1.png from ${path.relative(ROOT, dataFile)}`,
    ]);
  });

  test('one changed byte of data.ndjson loads again, re-parsing only the changed entry', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const text = await fs.readFile(dataFile, 'utf8');
    expect(text).toContain('"title":"Sensorer gir trygge netter"');
    await fs.writeFile(
      dataFile,
      text.replace('"Sensorer gir trygge netter"', '"Sensorer gir trygge nettar"'),
    );

    // The posts load is not skipped; it parses only the entry whose file is missing.
    const second = await build(persisted, localConfig(dataset));
    expect(second.parsed).toEqual(['post/post-sensor']);
    expect(titleOf(persisted, 'post-sensor')).toBe('Sensorer gir trygge nettar');
    // The new state is stored, so the build after that skips again.
    const third = await build(persisted, localConfig(dataset));
    expect(third.lines.join('\n')).toMatch(SKIPPED);
    expect(third.writes).toEqual([]);
  });

  test('a deleted document is removed from the store', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const lines = (await fs.readFile(dataFile, 'utf8')).split('\n');
    await fs.writeFile(
      dataFile,
      lines.filter((line) => !line.includes('"_id":"post-nynorsk"')).join('\n'),
    );
    const second = await build(persisted, localConfig(dataset));
    expect(second.writes).toContain('store.delete post/post-nynorsk');
    expect([...(persisted.entries.get('post')?.keys() ?? [])]).toEqual(['post-sensor']);
  });

  test('a changed configuration loads again', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const strict = await build(persisted, localConfig(dataset, true));
    expect(strict.lines.join('\n')).not.toMatch(SKIPPED);
    expect(strict.lines).toContainEqual(
      expect.stringMatching(/^info embedded dataset .*published/),
    );

    // The same export under another path is another source too.
    const moved = path.join(tmp, `moved-${path.basename(dataset)}`);
    await fs.cp(dataset, moved, { recursive: true });
    const elsewhere = await build(persisted, localConfig(moved, true));
    expect(elsewhere.lines.join('\n')).not.toMatch(SKIPPED);
    expect(persisted.entries.get('post')?.get('post-sensor')?.filePath).toBe(
      path.relative(ROOT, path.join(moved, 'data.ndjson')),
    );
  });

  test('a change to the code that shapes entries loads again', async () => {
    // A project root of its own, holding copies of the code the fingerprint covers.
    const root = await fs.mkdtemp(path.join(tmp, 'root-'));
    for (const input of CODE_INPUTS) {
      await fs.cp(path.join(ROOT, input), path.join(root, input), { recursive: true });
    }
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset), { root });
    const skipped = await build(persisted, localConfig(dataset), { root });
    expect(skipped.lines.join('\n')).toMatch(SKIPPED);

    await fs.appendFile(path.join(root, 'src/sanity/query/queries.ts'), '\n// changed\n');
    const changed = await build(persisted, localConfig(dataset), { root });
    expect(changed.lines.join('\n')).not.toMatch(SKIPPED);
    await fs.writeFile(path.join(root, 'content-schemas/new-type.ts'), 'export {};\n');
    const added = await build(persisted, localConfig(dataset), { root });
    expect(added.lines.join('\n')).not.toMatch(SKIPPED);
  });

  test('a store that lost entries loads again', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    persisted.entries.get('topic')?.delete('topic-ungdom');
    const second = await build(persisted, localConfig(dataset));
    expect(second.parsed).toEqual(['topic/topic-ungdom']);
  });
});

describe('incremental loads', () => {
  /** The stored entries only (meta holds each load's own id). */
  const entriesOf = (persisted: Persisted) =>
    JSON.stringify([...persisted.entries].map(([key, inner]) => [key, [...inner]]));

  async function renameTopic(): Promise<void> {
    const text = await fs.readFile(dataFile, 'utf8');
    expect(text).toContain('"title":"Velferdsteknologi"');
    await fs.writeFile(dataFile, text.replace('"Velferdsteknologi"', '"Velferd og teknologi"'));
  }

  test("a topic's new title reaches the posts that link it; other entries are kept", async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    await renameTopic();
    const second = await build(persisted, localConfig(dataset));
    expect(second.parsed).toContain('topic/topic-velferd');
    const topics = persisted.entries.get('post')?.get('post-sensor')?.data['topics'];
    expect(JSON.stringify(topics)).toContain('Velferd og teknologi');
    expect(second.parsed).not.toContain('page/page-about');

    // The same as a first build of the changed export.
    const fresh = createPersisted();
    await build(fresh, localConfig(dataset));
    expect(entriesOf(persisted)).toBe(entriesOf(fresh));
  });

  test('a collection whose entries are not from the last load loads all of its documents', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    // As if the store were saved by another load than the one the state file names.
    const meta = persisted.meta.get('person');
    const state = JSON.parse(meta?.get(SYNC_STATE_KEY) ?? '{}') as Partial<SyncState>;
    meta?.set(SYNC_STATE_KEY, JSON.stringify({ ...state, loadId: 'another load' }));
    const person = persisted.entries.get('person')?.values().next().value;
    if (person) person.data = { ...person.data, name: 'stale' };
    if (person) person.digest = 'stale';
    await renameTopic();
    const second = await build(persisted, localConfig(dataset));
    expect(second.parsed.filter((id) => id.startsWith('person/'))).toHaveLength(
      persisted.entries.get('person')?.size ?? -1,
    );
    const fresh = createPersisted();
    await build(fresh, localConfig(dataset));
    expect(entriesOf(persisted)).toBe(entriesOf(fresh));
  });
});

describe('scheduled documents', () => {
  test('the stored state expires when the earliest scheduled document falls due', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    expect(titleOf(persisted, 'post-future')).toBeUndefined();
    const state = JSON.parse(
      persisted.meta.get('post')?.get(SYNC_STATE_KEY) ?? '{}',
    ) as Partial<SyncState>;
    expect(state.expiresAt).toBe(FUTURE_POST_AT);

    const justBefore = new Date(Date.parse(FUTURE_POST_AT) - 1);
    const waiting = await build(persisted, localConfig(dataset), { now: justBefore });
    expect(waiting.lines.join('\n')).toMatch(SKIPPED);
    expect(titleOf(persisted, 'post-future')).toBeUndefined();

    const due = await build(persisted, localConfig(dataset), { now: new Date(FUTURE_POST_AT) });
    expect(due.lines.join('\n')).not.toMatch(SKIPPED);
    expect(due.parsed).toContain('post/post-future');
    expect(titleOf(persisted, 'post-future')).toBe('Planlagt innlegg');
    expect(due.lines.join('\n')).toContain('0 scheduled for later');
  });
});

describe('warnings and STRICT_CONTENT', () => {
  /** Gives the export two problems: a post without a title, and a post linking a missing topic. */
  async function addProblems(): Promise<void> {
    const lines = (await fs.readFile(dataFile, 'utf8')).trim().split('\n');
    const sensor = JSON.parse(
      lines.find((line) => line.includes('"_id":"post-sensor"')) ?? '{}',
    ) as Record<string, unknown>;
    const untitled = {
      ...sensor,
      _id: 'post-untitled',
      title: '',
      slug: { current: 'uten-tittel' },
    };
    const linking = {
      ...sensor,
      _id: 'post-linking',
      slug: { current: 'lenker' },
      topics: [{ _type: 'reference', _ref: 'topic-gone', _key: 'k' }],
    };
    lines.push(JSON.stringify(untitled), JSON.stringify(linking));
    await fs.writeFile(dataFile, `${lines.join('\n')}\n`);
  }

  const warnings = (record: BuildRecord) =>
    record.lines.filter((line) => line.startsWith('warn ')).map((line) => line.slice(5));

  test('a skipped build prints the warnings of the load it kept', async () => {
    await addProblems();
    const persisted = createPersisted();
    const first = await build(persisted, localConfig(dataset));
    const problems = warnings(first).filter((line) => line.startsWith('post "'));
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('post "post-untitled" · title: is missing');
    expect(problems.join('\n')).toContain(
      'post "post-linking" · topics[0]: refers to "topic-gone"',
    );

    const second = await build(persisted, localConfig(dataset));
    expect(second.writes).toEqual([]);
    expect(
      warnings(second)
        .filter((line) => line.startsWith('post "'))
        .sort(),
    ).toEqual([...problems].sort());
    const summary = warnings(second).find((line) => SKIPPED.test(line));
    expect(summary).toContain('1 left out, 1 field(s) dropped');
  });

  test('STRICT_CONTENT=true fails every build while the content has problems', async () => {
    await addProblems();
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    await expect(build(persisted, localConfig(dataset, true))).rejects.toThrow(StrictContentError);
    await expect(build(persisted, localConfig(dataset, true))).rejects.toThrow(StrictContentError);
    // A failed build leaves no state behind that a later build could take as complete.
    expect(persisted.meta.get('post')?.has(SYNC_STATE_KEY)).toBe(false);
  });

  test('a kept state with problems fails under STRICT_CONTENT=true even when skipped', async () => {
    // The flag is part of the fingerprint, so this state only arises if that ever changed;
    // the skip must not hide problems anyway. Store the lax load's state under the strict
    // fingerprint, then build strictly.
    await addProblems();
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const strict = localConfig(dataset, true);
    const fingerprint = await getSourceFingerprint(strict, ROOT);
    for (const meta of persisted.meta.values()) {
      const state = JSON.parse(meta.get(SYNC_STATE_KEY) ?? '{}') as SyncState;
      meta.set(SYNC_STATE_KEY, JSON.stringify({ ...state, fingerprint }));
    }
    const record: BuildRecord = { lines: [], parsed: [], writes: [], assets: [] };
    const loading = sanityLoader('siteSettings', { getConfig: () => strict, now: () => NOW }).load(
      fakeContext('siteSettings', persisted, record, ROOT),
    );
    await expect(loading).rejects.toThrow(StrictContentError);
    expect(record.lines.join('\n')).toMatch(SKIPPED);
    expect(record.parsed).toEqual([]);
  });
});

describe('the Content Lake', () => {
  test('is loaded every build, and no token reaches the meta store', async () => {
    const token = 'secret-token-loader-0123456789';
    const { documents } = await readDatasetExport(FIXTURE, { cacheDir: '/nonexistent' });
    const lake = await startFakeContentLake({ documents, token });
    try {
      const persisted = createPersisted();
      // A state left by a local build of the same store must not survive a remote load.
      await build(persisted, localConfig(dataset));
      const remote: SiteConfig = {
        source: {
          kind: 'remote',
          projectId: 'test',
          dataset: 'production',
          apiVersion: '2025-02-19',
          token,
          apiHost: lake.origin,
          useCdn: false,
          timeoutMs: 5000,
        },
        siteUrl: 'http://localhost:4321',
        strictContent: false,
      };
      const first = await build(persisted, remote);
      const second = await build(persisted, remote);
      for (const record of [first, second]) {
        expect(record.lines.join('\n')).not.toMatch(SKIPPED);
      }
      expect(lake.requests.length).toBeGreaterThan(0);
      for (const key of COLLECTIONS)
        expect(persisted.meta.get(key)?.has(SYNC_STATE_KEY)).toBe(false);
      expect(snapshot(persisted)).not.toContain(token);
      expect(persisted.entries.get('post')?.size).toBe(2);
    } finally {
      await lake.close();
    }
  });
});

describe('Portable Text is stored as references to blocks files in the cache folder', () => {
  const blocksFolder = (collection: CollectionName) =>
    path.join(`${dataset}-cache`, 'tanketanken-blocks', collection);
  const bodyOf = (persisted: Persisted, id: string) =>
    persisted.entries.get('post')?.get(id)?.data['body'] as { file: string; count: number };

  test('a load writes the files, a skipped load keeps them, a load prunes the unreferenced', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const body = bodyOf(persisted, 'post-sensor');
    expect(path.dirname(body.file)).toBe(blocksFolder('post'));
    expect(body.count).toBeGreaterThan(0);
    const postFiles = (await fs.readdir(blocksFolder('post'))).sort();
    expect(postFiles).toContain(path.basename(body.file));
    const caseFiles = await fs.readdir(blocksFolder('caseStudy'));
    expect(caseFiles.length).toBeGreaterThan(0);

    // An unchanged source: the load is skipped and deletes nothing, not even a stray file.
    const stray = path.join(blocksFolder('post'), `${'0'.repeat(64)}.json`);
    await fs.writeFile(stray, '[]');
    const skipped = await build(persisted, localConfig(dataset));
    expect(skipped.lines.join('\n')).toMatch(SKIPPED);
    expect((await fs.readdir(blocksFolder('post'))).sort()).toEqual(
      [...postFiles, path.basename(stray)].sort(),
    );

    // A changed text: a new file for it, the old one and the stray one pruned, other
    // collections' files untouched.
    const text = await fs.readFile(dataFile, 'utf8');
    await fs.writeFile(dataFile, text.replace('"text":"Vi testet "', '"text":"Vi prøvde "'));
    const changed = await build(persisted, localConfig(dataset));
    expect(changed.parsed).toEqual(['post/post-sensor']);
    const newBody = bodyOf(persisted, 'post-sensor');
    expect(newBody.file).not.toBe(body.file);
    const files = await fs.readdir(blocksFolder('post'));
    expect(files).toContain(path.basename(newBody.file));
    expect(files).not.toContain(path.basename(body.file));
    expect(files).not.toContain(path.basename(stray));
    expect(files).toHaveLength(postFiles.length);
    expect((await fs.readdir(blocksFolder('caseStudy'))).sort()).toEqual(caseFiles.sort());
  });

  test('a missing blocks file is written again instead of skipping the load', async () => {
    const persisted = createPersisted();
    await build(persisted, localConfig(dataset));
    const body = bodyOf(persisted, 'post-sensor');
    await fs.rm(body.file);
    // The posts load is not skipped; it parses only the entry whose file is missing.
    const second = await build(persisted, localConfig(dataset));
    expect(second.parsed).toEqual(['post/post-sensor']);
    expect(bodyOf(persisted, 'post-sensor').file).toBe(body.file);
    await expect(fs.access(body.file)).resolves.toBeUndefined();
    const third = await build(persisted, localConfig(dataset));
    expect(third.lines.join('\n')).toMatch(SKIPPED);
    expect(third.writes).toEqual([]);
  });
});
