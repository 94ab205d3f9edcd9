import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, DEFAULT_API_VERSION, loadConfig } from '../../src/config.ts';

const CWD = '/srv/site';

/** Runs loadConfig and returns the ConfigError it throws, failing when it throws none. */
function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig: the embedded dataset', () => {
  test('with nothing set, builds from content/ at localhost', () => {
    expect(loadConfig({}, CWD)).toEqual({
      source: { kind: 'local', datasetPath: path.join(CWD, 'content') },
      siteUrl: 'http://localhost:4321',
      strictContent: false,
    });
  });

  test('LOCAL_DATASET is resolved against the working folder, relative or absolute', () => {
    expect(loadConfig({ LOCAL_DATASET: 'tests/fixtures/dataset' }, CWD).source).toEqual({
      kind: 'local',
      datasetPath: path.join(CWD, 'tests/fixtures/dataset'),
    });
    expect(loadConfig({ LOCAL_DATASET: '/data/export.tar.gz' }, CWD).source).toEqual({
      kind: 'local',
      datasetPath: '/data/export.tar.gz',
    });
  });

  test('empty and blank values count as unset', () => {
    const config = loadConfig(
      { SANITY_PROJECT_ID: '  ', LOCAL_DATASET: '', SITE_URL: '', STRICT_CONTENT: ' ' },
      CWD,
    );
    expect(config.source.kind).toBe('local');
    expect(config.siteUrl).toBe('http://localhost:4321');
    expect(config.strictContent).toBe(false);
  });

  test.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('STRICT_CONTENT=%s reads as %s', (value, expected) => {
    expect(loadConfig({ STRICT_CONTENT: value }, CWD).strictContent).toBe(expected);
  });

  test.each(['yes', 'on', 'strict', '2'])('STRICT_CONTENT=%s is refused, naming it', (value) => {
    const error = configErrorOf({ STRICT_CONTENT: value });
    expect(error.variable).toBe('STRICT_CONTENT');
    expect(error.message).toMatch(/^STRICT_CONTENT: expected "true" or "false"/);
    expect(error.message).toContain(value);
  });

  test('SITE_URL is normalised without a trailing slash', () => {
    expect(loadConfig({ SITE_URL: 'https://innovasjon.baerum.kommune.no/' }, CWD).siteUrl).toBe(
      'https://innovasjon.baerum.kommune.no',
    );
  });

  test.each(['innovasjon.kommune.no', 'not a url'])('SITE_URL=%s is not a URL', (value) => {
    const error = configErrorOf({ SITE_URL: value });
    expect(error.variable).toBe('SITE_URL');
    expect(error.message).toContain('is not a URL');
  });

  test('SITE_URL must be http or https', () => {
    const error = configErrorOf({ SITE_URL: 'ftp://files.kommune.no' });
    expect(error.variable).toBe('SITE_URL');
    expect(error.message).toContain('must start with http:// or https://');
  });

  test.each(['SANITY_API_READ_TOKEN', 'SANITY_API_HOST'])(
    '%s without SANITY_PROJECT_ID is refused, naming it and not echoing its value',
    (name) => {
      const error = configErrorOf({ [name]: 'secret-value-123' });
      expect(error.variable).toBe(name);
      expect(error.message).toContain('SANITY_PROJECT_ID is not');
      expect(error.message).not.toContain('secret-value-123');
    },
  );
});

describe('loadConfig: the Content Lake', () => {
  test('SANITY_PROJECT_ID alone reads production through the CDN with the pinned version', () => {
    expect(loadConfig({ SANITY_PROJECT_ID: 'abc123' }, CWD).source).toEqual({
      kind: 'remote',
      projectId: 'abc123',
      dataset: 'production',
      apiVersion: DEFAULT_API_VERSION,
      token: undefined,
      apiHost: undefined,
      useCdn: true,
      timeoutMs: undefined,
    });
  });

  test('every variable set is read: the remote source without the CDN, the site URL, strict content', () => {
    const config = loadConfig(
      {
        SANITY_PROJECT_ID: 'abc123',
        SANITY_DATASET: 'staging_2',
        SANITY_API_VERSION: 'v2024-01-01',
        SANITY_API_READ_TOKEN: 'sk-read',
        SANITY_API_HOST: 'http://127.0.0.1:8123',
        SANITY_API_TIMEOUT_MS: '1500',
        SITE_URL: 'https://tanketanken.example',
        STRICT_CONTENT: 'true',
      },
      CWD,
    );
    expect(config).toEqual({
      source: {
        kind: 'remote',
        projectId: 'abc123',
        dataset: 'staging_2',
        apiVersion: 'v2024-01-01',
        token: 'sk-read',
        apiHost: 'http://127.0.0.1:8123',
        useCdn: false,
        timeoutMs: 1500,
      },
      siteUrl: 'https://tanketanken.example',
      strictContent: true,
    });
  });

  test('a token alone or an API host alone turns the CDN off', () => {
    const withToken = loadConfig({ SANITY_PROJECT_ID: 'p', SANITY_API_READ_TOKEN: 't' }, CWD);
    const withHost = loadConfig(
      { SANITY_PROJECT_ID: 'p', SANITY_API_HOST: 'http://127.0.0.1:1' },
      CWD,
    );
    expect(withToken.source.kind === 'remote' && withToken.source.useCdn).toBe(false);
    expect(withHost.source.kind === 'remote' && withHost.source.useCdn).toBe(false);
  });

  test.each([
    [{ SANITY_PROJECT_ID: 'My Project' }, 'SANITY_PROJECT_ID', 'is not a Sanity project id'],
    [{ SANITY_PROJECT_ID: 'abc_123' }, 'SANITY_PROJECT_ID', 'is not a Sanity project id'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'Production' }, 'SANITY_DATASET', 'dataset name'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_DATASET: '-prod' }, 'SANITY_DATASET', 'dataset name'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_API_VERSION: 'latest' }, 'SANITY_API_VERSION', 'version'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_API_VERSION: '2025-2-1' }, 'SANITY_API_VERSION', 'version'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_API_HOST: 'localhost:8123' }, 'SANITY_API_HOST', 'http://'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_API_TIMEOUT_MS: '0' }, 'SANITY_API_TIMEOUT_MS', 'number'],
    [{ SANITY_PROJECT_ID: 'p', SANITY_API_TIMEOUT_MS: '2s' }, 'SANITY_API_TIMEOUT_MS', 'number'],
    [{ SANITY_PROJECT_ID: 'p', LOCAL_DATASET: 'content' }, 'LOCAL_DATASET', 'cannot be combined'],
  ])('%j is refused, naming %s', (env, variable, reason) => {
    const error = configErrorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toContain(reason);
  });

  test.each(['2025-02-19', 'v2025-02-19', '1', 'v1', 'X', 'vX'])(
    'SANITY_API_VERSION=%s is accepted',
    (version) => {
      const config = loadConfig({ SANITY_PROJECT_ID: 'p', SANITY_API_VERSION: version }, CWD);
      expect(config.source.kind === 'remote' && config.source.apiVersion).toBe(version);
    },
  );
});
