import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { SiteConfig } from '../../src/config.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import {
  ContentLakeError,
  createRemoteEngine,
  redact,
  type RemoteEngineOptions,
} from '../../src/sanity/query/remote-engine.ts';
import { getSiteContent } from '../../src/sanity/source.ts';
import { startFakeContentLake, type FakeContentLake } from '../helpers/fake-content-lake.ts';

const TOKEN = 'secret-token-network-9f8e7d6c5b4a';
const QUERY = '*[_type == "topic"]._id';
const documents: RawDocument[] = [
  { _id: 'topic-a', _type: 'topic', title: 'A', slug: { _type: 'slug', current: 'a' } },
];

let lake: FakeContentLake;

beforeAll(async () => {
  lake = await startFakeContentLake({ documents, token: TOKEN });
});

afterEach(() => {
  lake.recover();
  lake.requests.length = 0;
});

afterAll(async () => {
  await lake.close();
});

/** An engine against the fake lake with a short backoff that records each wait. */
function engine(overrides: Partial<RemoteEngineOptions> = {}) {
  const waits: number[] = [];
  const created = createRemoteEngine({
    projectId: 'test',
    dataset: 'production',
    apiVersion: '2025-02-19',
    token: TOKEN,
    apiHost: lake.origin,
    useCdn: false,
    attempts: 3,
    timeoutMs: 2000,
    backoffMs: (retry) => {
      waits.push(retry);
      return 5 * retry;
    },
    ...overrides,
  });
  return { engine: created, waits };
}

/** The ContentLakeError a fetch rejects with; fails if it resolves. */
async function failureOf(run: () => Promise<unknown>): Promise<ContentLakeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ContentLakeError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('retries with backoff', () => {
  test('a good answer needs one request', async () => {
    const { engine: remote, waits } = engine();
    expect(await remote.fetch(QUERY)).toEqual(['topic-a']);
    expect(lake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test.each([500, 502, 503, 504])('%i twice, then success', async (status) => {
    lake.fail({ kind: 'status', status }, 2);
    const { engine: remote, waits } = engine();
    expect(await remote.fetch(QUERY)).toEqual(['topic-a']);
    expect(lake.requests).toHaveLength(3);
    expect(waits).toEqual([1, 2]);
  });

  test('429 with Retry-After waits at least as long as asked, then succeeds', async () => {
    lake.fail({ kind: 'status', status: 429, retryAfterSeconds: 1 }, 1);
    const { engine: remote } = engine();
    const started = performance.now();
    expect(await remote.fetch(QUERY)).toEqual(['topic-a']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(lake.requests).toHaveLength(2);
  });

  test('a hanging request times out and is retried', async () => {
    lake.fail({ kind: 'hang' }, 1);
    const { engine: remote } = engine({ timeoutMs: 300 });
    expect(await remote.fetch(QUERY)).toEqual(['topic-a']);
    expect(lake.requests).toHaveLength(2);
  });
});

describe('giving up with a clear message', () => {
  test('500 on every attempt fails naming the dataset, host, attempts and status', async () => {
    lake.fail({ kind: 'status', status: 500 });
    const { engine: remote } = engine();
    const error = await failureOf(() => remote.fetch(QUERY));
    expect(lake.requests).toHaveLength(3);
    expect(error.message).toContain(
      `Could not fetch content from Sanity dataset "production" (${lake.origin}) after 3 attempt(s), last status 500`,
    );
    expect(error.message).toContain('the build stops rather than publish a site');
  });

  test('a server that always hangs fails after every attempt timed out', async () => {
    lake.fail({ kind: 'hang' });
    const { engine: remote } = engine({ timeoutMs: 200, attempts: 2 });
    const error = await failureOf(() => remote.fetch(QUERY));
    expect(lake.requests).toHaveLength(2);
    expect(error.message).toMatch(/dataset "production".*after 2 attempt\(s\)/);
  });

  test('401 is not retried and points at the token, without printing it', async () => {
    const { engine: remote, waits } = engine({ token: 'wrong-token-abcdef' });
    const error = await failureOf(() => remote.fetch(QUERY));
    expect(lake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(error.message).toContain('last status 401');
    expect(error.message).toContain('Check SANITY_API_READ_TOKEN');
    expect(error.message).not.toContain('wrong-token-abcdef');
  });

  test('an unknown dataset (404) is not retried and points at the names', async () => {
    const { engine: remote } = engine({ dataset: 'staging' });
    const error = await failureOf(() => remote.fetch(QUERY));
    expect(lake.requests).toHaveLength(1);
    expect(error.message).toContain('Check SANITY_PROJECT_ID and SANITY_DATASET');
  });
});

describe('the token never reaches a message or a log line', () => {
  test('redact replaces every occurrence', () => {
    expect(redact(`a ${TOKEN} b ${TOKEN}`, TOKEN)).toBe('a [token] b [token]');
    expect(redact('nothing here', undefined)).toBe('nothing here');
  });

  test('an error whose text would contain the token is redacted', async () => {
    // A query that echoes the token into the server's error text.
    const { engine: remote } = engine();
    const error = await failureOf(() => remote.fetch(`*[_type == "${TOKEN}" &&]`));
    expect(error.message).toContain('[token]');
    expect(error.message).not.toContain(TOKEN);
  });

  test('a failing build load logs and throws nothing with the token', async () => {
    lake.fail({ kind: 'status', status: 503 });
    const config: SiteConfig = {
      source: {
        kind: 'remote',
        projectId: 'test',
        dataset: 'production',
        apiVersion: '2025-02-19',
        token: TOKEN,
        apiHost: lake.origin,
        useCdn: false,
        timeoutMs: 500,
      },
      siteUrl: 'http://localhost:4321',
      strictContent: false,
    };
    const lines: string[] = [];
    let thrown: unknown;
    try {
      await getSiteContent(config, {
        cwd: process.cwd(),
        now: new Date(),
        warn: (line) => lines.push(line),
        info: (line) => lines.push(line),
        // The default backoff (0.5 s, 1 s, 2 s) is part of what this exercises.
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentLakeError);
    const text = `${String(thrown)}\n${(thrown as Error).stack ?? ''}\n${lines.join('\n')}`;
    expect(text).toContain('dataset "production"');
    expect(text).not.toContain(TOKEN);
    // Every request carried the token, so the check above is not vacuous.
    expect(lake.requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
  }, 20_000);
});
