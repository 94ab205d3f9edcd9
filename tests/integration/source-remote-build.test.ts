/**
 * Whole builds against a fake Content Lake on 127.0.0.1 (SANITY_API_HOST), compared with a
 * build from the local export of the same fixture; and builds the network lets down.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDatasetExport } from '../../src/sanity/read/dataset-file.ts';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { startFakeContentLake, type FakeContentLake } from '../helpers/fake-content-lake.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/dataset');
const TOKEN = 'secret-token-build-5a4b3c2d1e0f';
const OUT = path.join(ROOT, 'test-results', `source-${process.pid}`);
const SITE_URL = 'https://tanketanken.example';

let lake: FakeContentLake;

/** Every file under `dir`, relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

const htmlOf = (files: string[]) => files.filter((file) => file.endsWith('.html'));

function remoteEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    SITE_URL,
    SANITY_PROJECT_ID: 'test',
    SANITY_DATASET: 'production',
    SANITY_API_HOST: lake.origin,
    SANITY_API_READ_TOKEN: TOKEN,
    ...extra,
  };
}

function expectBuilt(result: BuildResult): void {
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.output}`);
}

/** Checks that a build failed on fetching from the Content Lake, kept the token out and wrote no page. */
async function expectFetchFailed(result: BuildResult): Promise<void> {
  expect(result.code).not.toBe(0);
  expect(result.output).toContain('Could not fetch content from Sanity dataset "production"');
  expect(result.output).not.toContain(TOKEN);
  expect(htmlOf(await listFiles(result.outDir))).toEqual([]);
}

beforeAll(async () => {
  const { documents } = await readDatasetExport(FIXTURE, { cacheDir: path.join(OUT, 'cache') });
  lake = await startFakeContentLake({ documents, token: TOKEN });
});

afterAll(async () => {
  await lake.close();
  await fs.rm(OUT, { recursive: true, force: true });
});

describe('the same fixture, from the export and from the Content Lake', () => {
  let local: BuildResult;
  let remote: BuildResult;

  beforeAll(async () => {
    local = await buildSite(path.join(OUT, 'local'), {
      SITE_URL,
      LOCAL_DATASET: 'tests/fixtures/dataset',
    });
    lake.requests.length = 0;
    remote = await buildSite(path.join(OUT, 'remote'), remoteEnv());
  });

  test('builds from either source without an error', () => {
    expectBuilt(local);
    expectBuilt(remote);
  });

  test('they produce the same set of pages', async () => {
    const localPages = htmlOf(await listFiles(local.outDir));
    const remotePages = htmlOf(await listFiles(remote.outDir));
    expect(localPages).toContain('innlegg/sensorer-gir-trygge-netter/index.html');
    expect(remotePages).toEqual(localPages);
  });

  test('the remote build queried the published perspective, once per collection', () => {
    const queries = lake.requests.filter((request) => request.dataset === 'production');
    expect(queries.length).toBeGreaterThanOrEqual(8);
    // Query once: eight collection queries, not one per page.
    expect(queries.length).toBeLessThanOrEqual(8);
    expect(queries.every((request) => request.perspective === 'published')).toBe(true);
  });

  test('neither draft nor scheduled post reaches either build', async () => {
    for (const result of [local, remote]) {
      const files = await listFiles(result.outDir);
      expect(files.some((file) => file.includes('planlagt-innlegg'))).toBe(false);
    }
  });

  test('Content Lake images are served from cdn.sanity.io', async () => {
    const page = await fs.readFile(
      path.join(remote.outDir, 'innlegg/sensorer-gir-trygge-netter/index.html'),
      'utf8',
    );
    expect(page).toContain('https://cdn.sanity.io/images/test/production/');
  });

  test('the token appears nowhere in dist/ or in the build output', async () => {
    expect(remote.output).not.toContain(TOKEN);
    const files = await listFiles(remote.outDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await fs.readFile(path.join(remote.outDir, file));
      expect(bytes.includes(TOKEN), file).toBe(false);
    }
  });
});

describe('a Content Lake that lets the build down', () => {
  test('500 on every request fails the build, naming the dataset, with no pages', async () => {
    lake.fail({ kind: 'status', status: 500 });
    try {
      const result = await buildSite(path.join(OUT, 'fail-500'), remoteEnv());
      await expectFetchFailed(result);
      expect(result.output).toContain('last status 500');
    } finally {
      lake.recover();
    }
  });

  test('a server that hangs fails the build after the timeout, with no pages', async () => {
    lake.fail({ kind: 'hang' });
    try {
      const result = await buildSite(
        path.join(OUT, 'fail-hang'),
        remoteEnv({ SANITY_API_TIMEOUT_MS: '1000' }),
      );
      await expectFetchFailed(result);
    } finally {
      lake.recover();
    }
  });

  test('429 with Retry-After, then success: the build passes', async () => {
    lake.fail({ kind: 'status', status: 429, retryAfterSeconds: 1 }, 3);
    lake.requests.length = 0;
    const result = await buildSite(path.join(OUT, 'retry-429'), remoteEnv());
    expectBuilt(result);
    const queries = lake.requests.filter((request) => request.dataset === 'production');
    expect(queries.length).toBe(8 + 3);
    expect(htmlOf(await listFiles(result.outDir))).toContain(
      'innlegg/sensorer-gir-trygge-netter/index.html',
    );
  });
});
