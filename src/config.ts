/**
 * The build's configuration, read from the environment once and validated here. Nothing
 * else in the project reads `process.env`: every other module receives typed values.
 */
import path from 'node:path';

/** The Sanity API version used when SANITY_API_VERSION is not set; pinned so results never drift. */
export const DEFAULT_API_VERSION = '2025-02-19';

/** Where the build reads its content from. */
export type ContentSource =
  | {
      kind: 'local';
      /** Absolute path to an export folder, a `.tar.gz` export or a bare `.ndjson` file. */
      datasetPath: string;
    }
  | {
      kind: 'remote';
      projectId: string;
      dataset: string;
      apiVersion: string;
      /** Read token for private datasets; build time only, never written to output. */
      token: string | undefined;
      /** A host that receives every request as it is, e.g. `http://127.0.0.1:8123` in tests. */
      apiHost: string | undefined;
      useCdn: boolean;
      /** Milliseconds before one Content Lake request is abandoned and retried. */
      timeoutMs: number | undefined;
    };

/** The validated configuration of one build. */
export interface SiteConfig {
  source: ContentSource;
  /** The site's public origin, used for canonical URLs, feeds and the sitemap. */
  siteUrl: string;
  /** When true, any content warning fails the build. */
  strictContent: boolean;
}

/** A configuration problem, naming the variable to fix. */
export class ConfigError extends Error {
  /** The environment variable to fix. */
  readonly variable: string;

  // Plain fields, not parameter properties: scripts run this file with Node's type stripping.
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readBoolean(env: Env, name: string): boolean {
  const value = readString(env, name)?.toLowerCase();
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new ConfigError(name, `expected "true" or "false", got "${value}".`);
}

function readUrl(env: Env, name: string, fallback: string | undefined): string | undefined {
  const value = readString(env, name) ?? fallback;
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      name,
      `"${value}" is not a URL; write it like https://innovasjon.kommune.no`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `"${value}" must start with http:// or https://.`);
  }
  return url.href.replace(/\/$/, '');
}

/**
 * Reads and validates the configuration from an environment. Pure: tests pass their own
 * `env` and `cwd`. Throws a ConfigError naming the variable when a value is wrong.
 */
export function loadConfig(env: Env, cwd: string): SiteConfig {
  const projectId = readString(env, 'SANITY_PROJECT_ID');
  const siteUrl = readUrl(env, 'SITE_URL', 'http://localhost:4321') ?? 'http://localhost:4321';
  const strictContent = readBoolean(env, 'STRICT_CONTENT');
  const localDataset = readString(env, 'LOCAL_DATASET');

  if (projectId === undefined) {
    for (const name of ['SANITY_API_READ_TOKEN', 'SANITY_API_HOST']) {
      if (readString(env, name) !== undefined) {
        throw new ConfigError(
          name,
          'is set, but SANITY_PROJECT_ID is not; set SANITY_PROJECT_ID to read from Sanity, or unset it to build from the embedded dataset.',
        );
      }
    }
    return {
      source: { kind: 'local', datasetPath: path.resolve(cwd, localDataset ?? 'content') },
      siteUrl,
      strictContent,
    };
  }

  if (localDataset !== undefined) {
    throw new ConfigError(
      'LOCAL_DATASET',
      'cannot be combined with SANITY_PROJECT_ID; unset one of them.',
    );
  }
  if (!/^[a-z0-9-]+$/.test(projectId)) {
    throw new ConfigError(
      'SANITY_PROJECT_ID',
      `"${projectId}" is not a Sanity project id (lower-case letters, digits and dashes, as shown on sanity.io/manage).`,
    );
  }
  const dataset = readString(env, 'SANITY_DATASET') ?? 'production';
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(dataset)) {
    throw new ConfigError(
      'SANITY_DATASET',
      `"${dataset}" is not a dataset name (lower-case letters, digits, "_" and "-").`,
    );
  }
  const apiVersion = readString(env, 'SANITY_API_VERSION') ?? DEFAULT_API_VERSION;
  if (!/^(\d{4}-\d{2}-\d{2}|v\d{4}-\d{2}-\d{2}|1|v1|X|vX)$/.test(apiVersion)) {
    throw new ConfigError(
      'SANITY_API_VERSION',
      `"${apiVersion}" is not an API version; use a date such as ${DEFAULT_API_VERSION}.`,
    );
  }
  const token = readString(env, 'SANITY_API_READ_TOKEN');
  const apiHost = readUrl(env, 'SANITY_API_HOST', undefined);
  const timeout = readString(env, 'SANITY_API_TIMEOUT_MS');
  if (timeout !== undefined && !/^[1-9]\d*$/.test(timeout)) {
    throw new ConfigError(
      'SANITY_API_TIMEOUT_MS',
      `"${timeout}" is not a whole number of milliseconds greater than 0, such as 30000.`,
    );
  }
  return {
    source: {
      kind: 'remote',
      projectId,
      dataset,
      apiVersion,
      token,
      apiHost,
      useCdn: token === undefined && apiHost === undefined,
      timeoutMs: timeout === undefined ? undefined : Number(timeout),
    },
    siteUrl,
    strictContent,
  };
}

let current: SiteConfig | undefined;

/** The configuration of this process, read from `process.env` on first use. */
export function getSiteConfig(): SiteConfig {
  current ??= loadConfig(process.env, process.cwd());
  return current;
}
