/** The content tooling: content:check, content:import (arguments only) and content:pull. */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDataset } from '../../scripts/content-check.ts';
import { ImportUsageError, planImport } from '../../scripts/content-import.ts';
import {
  checkOutFolder,
  parsePullArgs,
  pullDataset,
  type ProtectedFolders,
} from '../../scripts/content-pull.ts';
import { loadSiteContent } from '../../src/sanity/content.ts';
import { readDatasetExport, type RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { startFakeContentLake } from '../helpers/fake-content-lake.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/dataset');
const run = promisify(execFile);
let tmp: string;
let fixture: RawDocument[];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'content-tooling-'));
  ({ documents: fixture } = await readDatasetExport(FIXTURE, { cacheDir: tmp }));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Runs a script with Node's own TypeScript support, as `npm run` does; never throws. */
async function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Writes a copy of the fixture with some documents changed. */
async function writeBadDataset(): Promise<string> {
  const dir = path.join(tmp, 'bad');
  await fs.mkdir(dir, { recursive: true });
  const docs = fixture.map((doc) => {
    if (doc._id === 'post-nynorsk') return { ...doc, title: undefined };
    if (doc._id === 'page-about') return { ...doc, slug: { _type: 'slug', current: 'sok' } };
    if (doc._id === 'proj-spillhus') return { ...doc, topics: [{ _ref: 'topic-gone', _key: 'x' }] };
    return doc;
  });
  await fs.writeFile(path.join(dir, 'data.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n'));
  return dir;
}

describe('content:check', () => {
  test('a good dataset passes with a summary', async () => {
    const result = await runScript('scripts/content-check.ts', ['tests/fixtures/dataset']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(
      /^tests\/fixtures\/dataset: 13 documents \(1 unpublished drafts skipped\); 4 published .* 0 problem\(s\)/,
    );
  });

  test('LOCAL_DATASET is used when no argument is given', async () => {
    const result = await runScript('scripts/content-check.ts', [], {
      LOCAL_DATASET: 'tests/fixtures/dataset/data.ndjson',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tests/fixtures/dataset/data.ndjson: 13 documents');
  });

  test('a bad dataset prints every problem and fails', async () => {
    const dir = await writeBadDataset();
    const result = await runScript('scripts/content-check.ts', [dir]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    // Documents left out are reported first (pass 1), then dropped fields; the summary last.
    expect(lines).toEqual([
      'post "post-nynorsk" · title: is missing; every document needs one to be shown (left out)',
      'page "page-about" · slug: /sok/ er allerede i bruk av nettstedet. Velg en annen adresse for siden. (left out)',
      'projectStory "proj-spillhus" · topics[0]: refers to "topic-gone", which is missing or not published (field dropped)',
      expect.stringMatching(/3 problem\(s\): 2 left out, 1 field\(s\) dropped\.$/) as unknown,
    ]);
  });

  test('a duplicate slug and a malformed line fail with their own message', async () => {
    const dup = path.join(tmp, 'dup.ndjson');
    const post = fixture.find((doc) => doc._id === 'post-sensor');
    await fs.writeFile(
      dup,
      [JSON.stringify(post), JSON.stringify({ ...post, _id: 'post-copy' })].join('\n'),
    );
    expect((await checkDataset(dup, { cwd: ROOT, now: new Date() })).lines[0]).toContain(
      'Two post documents have the slug "sensorer-gir-trygge-netter": "post-sensor" and "post-copy"',
    );
    const broken = path.join(tmp, 'broken.ndjson');
    await fs.writeFile(broken, '{"_id":"a","_type":"post"}\n{oops\n');
    const result = await runScript('scripts/content-check.ts', [broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${broken}:2: not valid JSON`);
  });

  test('wrong arguments print the usage', async () => {
    const result = await runScript('scripts/content-check.ts', ['a', 'b']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run content:check');
  });
});

describe('content:import', () => {
  test('without a project id it refuses, saying which variable to set', async () => {
    expect(() => planImport([], {}, ROOT)).toThrow(ImportUsageError);
    expect(() => planImport([], {}, ROOT)).toThrow(
      /SANITY_STUDIO_PROJECT_ID \(or SANITY_PROJECT_ID\)/,
    );
    const result = await runScript('scripts/content-import.ts', ['--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SANITY_STUDIO_PROJECT_ID (or SANITY_PROJECT_ID) is not set');
  });

  test('defaults: content/data.ndjson into production, with --replace, in studio/', () => {
    const { command, dryRun } = planImport([], { SANITY_PROJECT_ID: 'abc123' }, ROOT);
    expect(dryRun).toBe(false);
    expect(command.args.slice(1)).toEqual([
      'dataset',
      'import',
      path.join(ROOT, 'content/data.ndjson'),
      'production',
      '--replace',
    ]);
    expect(command.cwd).toBe(path.join(ROOT, 'studio'));
    expect(command.env).toEqual({
      SANITY_STUDIO_PROJECT_ID: 'abc123',
      SANITY_STUDIO_DATASET: 'production',
    });
  });

  test('the Studio project wins; --dataset and a path argument are honoured', () => {
    const { command, dryRun } = planImport(
      ['tests/fixtures/dataset', '--dataset', 'staging', '--dry-run'],
      { SANITY_STUDIO_PROJECT_ID: 'studio1', SANITY_PROJECT_ID: 'site1', SANITY_DATASET: 'x' },
      ROOT,
    );
    expect(dryRun).toBe(true);
    expect(command.args.slice(3)).toEqual([FIXTURE, 'staging', '--replace']);
    expect(command.env['SANITY_STUDIO_PROJECT_ID']).toBe('studio1');
  });

  test.each([
    [['--dataset'], /--dataset needs a name/],
    [['--dataset', 'Bad Name'], /is not a dataset name/],
    [['--force'], /unknown option --force/],
    [['a.ndjson', 'b.ndjson'], /one dataset at a time/],
    [['missing.ndjson'], /no dataset here to import/],
  ])('%j is refused', (args, message) => {
    expect(() => planImport(args, { SANITY_PROJECT_ID: 'abc' }, ROOT)).toThrow(message);
  });

  test('--dry-run prints the CLI call and runs nothing', async () => {
    const result = await runScript('scripts/content-import.ts', ['--dry-run'], {
      SANITY_PROJECT_ID: 'abc123',
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      `SANITY_STUDIO_PROJECT_ID=abc123 SANITY_STUDIO_DATASET=production sanity dataset import ${path.join(ROOT, 'content/data.ndjson')} production --replace (in ${path.join(ROOT, 'studio')})`,
    );
  });
});

describe('content:pull against the fake Content Lake', () => {
  test('snapshots the published documents and images into an export that builds the same', async () => {
    const token = 'secret-token-pull-1234567890';
    const lake = await startFakeContentLake({ documents: fixture, token, assetDir: FIXTURE });
    try {
      const outDir = path.join(tmp, 'snapshot');
      const lines: string[] = [];
      const counts = await pullDataset({
        remote: {
          projectId: 'test',
          dataset: 'production',
          apiVersion: '2025-02-19',
          token,
          apiHost: lake.origin,
          useCdn: false,
          backoffMs: () => 1,
        },
        outDir,
        imageHost: lake.origin,
        log: (line) => lines.push(line),
      });
      const published = fixture.filter((doc) => !doc._id.startsWith('drafts.'));
      expect(counts).toEqual({ documents: published.length, images: 1 });
      expect(lines.join('\n')).not.toContain(token);

      const snapshot = await readDatasetExport(outDir, { cacheDir: tmp });
      const byId = (docs: RawDocument[]) => [...docs].sort((a, b) => a._id.localeCompare(b._id));
      // Back in export form: the very documents that were published, images as files.
      expect(byId(snapshot.documents)).toEqual(byId(published));
      const image = '63f28b379c14704359e00d45352e9327bb0c9d97-640x360.png';
      expect(await fs.readFile(path.join(outDir, 'images', image))).toEqual(
        await fs.readFile(path.join(FIXTURE, 'images', image)),
      );
      const now = new Date('2025-01-01T00:00:00Z');
      const fromSnapshot = await loadSiteContent(createLocalEngine(snapshot.documents, 's'), {
        now,
        cdn: undefined,
      });
      const fromFixture = await loadSiteContent(createLocalEngine(fixture, 'f'), {
        now,
        cdn: undefined,
      });
      expect(fromSnapshot.post.map((post) => post.id).sort()).toEqual(
        fromFixture.post.map((post) => post.id).sort(),
      );
      expect(fromSnapshot.problems).toEqual([]);
    } finally {
      await lake.close();
    }
  });

  test('a failing Content Lake leaves no half-written export behind', async () => {
    const lake = await startFakeContentLake({ documents: fixture });
    lake.fail({ kind: 'status', status: 500 });
    const outDir = path.join(tmp, 'never');
    try {
      await expect(
        pullDataset({
          remote: {
            projectId: 'test',
            dataset: 'production',
            apiVersion: '2025-02-19',
            token: undefined,
            apiHost: lake.origin,
            useCdn: false,
            attempts: 2,
            backoffMs: () => 1,
          },
          outDir,
          imageHost: lake.origin,
          log: () => undefined,
        }),
      ).rejects.toThrow(/dataset "production".*last status 500/);
      await expect(fs.stat(outDir)).rejects.toThrow();
      expect((await fs.readdir(tmp)).some((name) => name.includes('.partial-'))).toBe(false);
    } finally {
      await lake.close();
    }
  });

  test('arguments: --out is required; the image host defaults to Sanity’s CDN', async () => {
    expect(parsePullArgs(['--out', 'snap'])).toEqual({
      outDir: 'snap',
      imageHost: 'https://cdn.sanity.io',
      force: false,
    });
    expect(parsePullArgs(['--force', '--out', 'snap']).force).toBe(true);
    expect(() => parsePullArgs([])).toThrow(/--out is required/);
    expect(() => parsePullArgs(['--out'])).toThrow(/--out needs a value/);
    const result = await runScript('scripts/content-pull.ts', ['--out', path.join(tmp, 'x')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SANITY_PROJECT_ID: is not set');
  });
});

describe('content:pull refuses to replace what is not an export', () => {
  /** A project with a working copy, a home and a working folder, all under the test's folder. */
  async function makeWorld() {
    const world = await fs.mkdtemp(path.join(tmp, 'world-'));
    const home = path.join(world, 'home');
    const project = path.join(home, 'tanketanken');
    await fs.mkdir(path.join(project, '.git'), { recursive: true });
    await fs.writeFile(path.join(project, 'package.json'), '{}');
    const notes = path.join(home, 'notater');
    await fs.mkdir(notes);
    await fs.writeFile(path.join(notes, 'viktig.txt'), 'ikke slett meg');
    const previous = path.join(home, 'forrige-uttrekk');
    await fs.mkdir(path.join(previous, 'images'), { recursive: true });
    await fs.writeFile(path.join(previous, 'data.ndjson'), '');
    return { home, project, notes, previous, protect: { project, home, cwd: project } };
  }

  /** A pull against an address nothing listens on: only the guard can answer before it fails. */
  const pull = (outDir: string, protect: ProtectedFolders, force = false) =>
    pullDataset({
      remote: {
        projectId: 'test',
        dataset: 'production',
        apiVersion: '2025-02-19',
        token: undefined,
        apiHost: 'http://127.0.0.1:9',
        useCdn: false,
        attempts: 1,
        backoffMs: () => 1,
      },
      outDir,
      imageHost: 'http://127.0.0.1:9',
      log: () => undefined,
      force,
      protect,
    });

  test.each([
    ['the project («--out .»)', (w: { project: string }) => w.project, /is or holds this project/],
    [
      'a folder that holds the project',
      (w: { home: string }) => path.join(w.home, '..'),
      /this project/,
    ],
    ['the home folder', (w: { home: string }) => w.home, /holds this project|your home folder/],
    [
      'a folder that is not an export',
      (w: { notes: string }) => w.notes,
      /not a dataset export \(viktig\.txt\)/,
    ],
  ])('%s is refused and left as it was', async (_label, pick, reason) => {
    const world = await makeWorld();
    const outDir = pick(world);
    expect(await checkOutFolder(outDir, { protect: world.protect })).toMatch(reason);
    await expect(pull(outDir, world.protect)).rejects.toThrow(/--force/);
    expect(await fs.readFile(path.join(world.project, 'package.json'), 'utf8')).toBe('{}');
    expect(await fs.readFile(path.join(world.notes, 'viktig.txt'), 'utf8')).toBe('ikke slett meg');
  });

  test('a new folder, an empty one and an earlier export are fine; --force overrides', async () => {
    const world = await makeWorld();
    const empty = path.join(world.home, 'tom');
    await fs.mkdir(empty);
    for (const outDir of [path.join(world.home, 'ny'), empty, world.previous]) {
      expect(await checkOutFolder(outDir, { protect: world.protect })).toBeUndefined();
    }
    expect(
      await checkOutFolder(world.notes, { force: true, protect: world.protect }),
    ).toBeUndefined();
    // With --force the guard lets the pull go on, which then fails on the network instead.
    await expect(pull(world.notes, world.protect, true)).rejects.not.toThrow(/--force/);
  });

  test('the root of the file system is refused even with --force', async () => {
    const world = await makeWorld();
    expect(await checkOutFolder('/', { force: true, protect: world.protect })).toMatch(/root/);
  });

  test('the command line refuses «--out .» in the project', async () => {
    const result = await runScript('scripts/content-pull.ts', ['--out', '.'], {
      SANITY_PROJECT_ID: 'abc123',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is or holds this project.*--force/);
    await expect(fs.stat(path.join(ROOT, 'package.json'))).resolves.toBeTruthy();
  });
});
