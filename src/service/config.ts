/**
 * The publishing service's configuration, read from the environment once and validated
 * here, in the style of `src/config.ts` (which the build reads): errors name the variable
 * and what to write instead, and the webhook secret is never part of a message.
 */
import path from 'node:path';
import { ConfigError, loadConfig, type SiteConfig } from '../config.ts';

export { ConfigError };

/** The smallest webhook secret accepted: shorter ones can be guessed. */
export const MIN_SECRET_LENGTH = 32;

/** The validated configuration of one service process. */
export interface ServiceConfig {
  /** What the build reads (source, site URL, strictness). */
  site: SiteConfig;
  port: number;
  host: string;
  /** Verifies `POST /api/publish`; undefined turns the webhook off (every call gets 401). */
  webhookSecret: string | undefined;
  /** The build served when the service has no release of its own yet (`npm run build`'s output). */
  siteDir: string;
  /** Releases, the build folder and the build caches. */
  stateDir: string;
  /** How many releases are kept besides the live one, for rollback. */
  keepReleases: number;
  /** Whether the site is served over TLS (behind a proxy that terminates it): adds HSTS. */
  tls: boolean;
  /** Milliseconds an event waits for more before its build starts (a save rarely comes alone). */
  debounceMs: number;
  /** The prize nomination form's storage and guards (src/service/nomination.ts). */
  nomination: NominationConfig;
}

/** Where nominations go and how the form is guarded. */
export interface NominationConfig {
  /**
   * Writes nominations as drafts to the Content Lake; server only, never in a build, a
   * response or a log. Undefined: nominations go to the local file in `dir`.
   */
  writeToken: string | undefined;
  /** Holds the outbox (`outbox/`), the local file (`nominations.ndjson`) and the form key. */
  dir: string;
  /** Nominations one address may send per `rateWindowMs`. */
  rateLimit: number;
  rateWindowMs: number;
  /** The least time between serving the form and its POST; faster is a bot. */
  minFillMs: number;
  /** The longest wait between two attempts to deliver the outbox. */
  retryMaxMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function readString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = readString(env, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new ConfigError(name, `"${value}" is not a whole number from ${min} to ${max}.`);
  }
  return number;
}

/**
 * Reads and validates the service's configuration. Pure: tests pass their own `env` and
 * `cwd`. Throws a ConfigError naming the variable when a value is wrong.
 */
export function loadServiceConfig(env: Env, cwd: string): ServiceConfig {
  const site = loadConfig(env, cwd);
  const webhookSecret = readString(env, 'SANITY_WEBHOOK_SECRET');
  if (webhookSecret !== undefined && webhookSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      'SANITY_WEBHOOK_SECRET',
      `is ${webhookSecret.length} characters long; use at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -hex 32\`) and give the same secret to the webhook in sanity.io/manage.`,
    );
  }
  const host = readString(env, 'HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) {
    throw new ConfigError('HOST', `"${host}" is not a host name or IP address, such as 0.0.0.0.`);
  }
  const tls = readString(env, 'SERVE_TLS')?.toLowerCase();
  if (tls !== undefined && !['true', 'false', '1', '0'].includes(tls)) {
    throw new ConfigError('SERVE_TLS', `expected "true" or "false", got "${tls}".`);
  }
  return {
    site,
    port: readInteger(env, 'PORT', 4321, 0, 65535),
    host,
    webhookSecret,
    siteDir: path.resolve(cwd, readString(env, 'SITE_DIR') ?? 'dist'),
    stateDir: path.resolve(
      cwd,
      readString(env, 'SERVICE_STATE_DIR') ??
        path.join('node_modules', '.cache', 'tanketanken', 'service'),
    ),
    keepReleases: readInteger(env, 'KEEP_RELEASES', 3, 1, 100),
    tls: tls === 'true' || tls === '1' || new URL(site.siteUrl).protocol === 'https:',
    debounceMs: readInteger(env, 'BUILD_DEBOUNCE_MS', 300, 0, 60_000),
    nomination: loadNominationConfig(env, cwd, site),
  };
}

/** The nomination form's part of the configuration (see NominationConfig). */
function loadNominationConfig(env: Env, cwd: string, site: SiteConfig): NominationConfig {
  const writeToken = readString(env, 'SANITY_API_WRITE_TOKEN');
  const stateDir = readString(env, 'SERVICE_STATE_DIR');
  if (writeToken !== undefined && site.source.kind !== 'remote') {
    throw new ConfigError(
      'SANITY_API_WRITE_TOKEN',
      'is set but SANITY_PROJECT_ID is not: nominations would have no project to go to. Set SANITY_PROJECT_ID, or remove the token to keep nominations in a local file.',
    );
  }
  if (writeToken !== undefined && !/^[\w.-]+$/.test(writeToken)) {
    throw new ConfigError(
      'SANITY_API_WRITE_TOKEN',
      'is not a Sanity API token (letters, digits, dots, dashes and underscores); copy it again from sanity.io/manage → API → Tokens, with Editor rights.',
    );
  }
  return {
    writeToken,
    // Beside the releases when SERVICE_STATE_DIR names a real place (Docker's volume);
    // never under node_modules/.cache, the state's default, which `npm ci` empties.
    dir: path.resolve(
      cwd,
      readString(env, 'NOMINATION_DIR') ?? path.join(stateDir ?? '.', 'nominations'),
    ),
    rateLimit: readInteger(env, 'NOMINATION_RATE_LIMIT', 20, 1, 100_000),
    rateWindowMs: 10 * 60_000,
    minFillMs: readInteger(env, 'NOMINATION_MIN_FILL_SECONDS', 3, 0, 3600) * 1000,
    retryMaxMs: readInteger(env, 'NOMINATION_RETRY_MAX_SECONDS', 300, 1, 86_400) * 1000,
  };
}

/** Secrets the service uses and a build never needs. */
const SERVICE_ONLY: ReadonlySet<string> = new Set([
  'SANITY_WEBHOOK_SECRET',
  'SANITY_API_WRITE_TOKEN',
]);

/** The environment a build runs with: the service's own, without its own secrets. */
export function getBuildEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SERVICE_ONLY.has(name)) continue;
    out[name] = value;
  }
  return out;
}
