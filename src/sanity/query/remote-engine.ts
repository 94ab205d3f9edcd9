/**
 * The Content Lake engine: @sanity/client with the `published` perspective, a pinned API
 * version, and retries with backoff for timeouts, 429 and 5xx. A fetch that still fails
 * stops the build: a site with content silently missing is worse than no new site.
 */
import { createClient, type ClientReturn } from '@sanity/client';
import type { QueryEngine, QueryParams } from './engine.ts';

/** How the remote engine reaches Sanity. */
export interface RemoteEngineOptions {
  projectId: string;
  dataset: string;
  apiVersion: string;
  token: string | undefined;
  apiHost: string | undefined;
  useCdn: boolean;
  /** Milliseconds before one request is abandoned (default 30 s). */
  timeoutMs?: number | undefined;
  /** Attempts per query, the first included. */
  attempts?: number;
  /** Delay before retry number `n` (1-based); tests pass a short one. */
  backoffMs?: (retry: number) => number;
}

/** A query that failed after every retry; the message says what to check. */
export class ContentLakeError extends Error {
  override name = 'ContentLakeError';
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const code = error.statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** The delay a 429 or 503 asks for in its Retry-After header, in milliseconds. */
function retryAfterOf(error: unknown): number {
  if (typeof error !== 'object' || error === null || !('response' in error)) return 0;
  const response = error.response;
  if (typeof response !== 'object' || response === null || !('headers' in response)) return 0;
  const headers = response.headers;
  if (typeof headers !== 'object' || headers === null) return 0;
  const value = (headers as Record<string, unknown>)['retry-after'];
  if (typeof value !== 'string') return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

/** The longest Retry-After the engine honours; a longer one is waited out only this long. */
const MAX_RETRY_AFTER_MS = 30_000;

function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return true; // network error or timeout
  return status === 408 || status === 429 || status >= 500;
}

/** Removes a token from any text before it is logged or thrown. */
export function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join('[token]') : text;
}

const defaultBackoff = (retry: number) => Math.min(500 * 2 ** (retry - 1), 8000);

/** Creates an engine that queries a Sanity project's Content Lake. */
export function createRemoteEngine(options: RemoteEngineOptions): QueryEngine {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? defaultBackoff;
  const client = createClient({
    projectId: options.projectId,
    dataset: options.dataset,
    apiVersion: options.apiVersion,
    useCdn: options.useCdn,
    perspective: 'published',
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: 0,
    ...(options.token ? { token: options.token } : {}),
    ...(options.apiHost ? { apiHost: options.apiHost, useProjectHostname: false } : {}),
  });
  const where = options.apiHost ?? `project ${options.projectId}`;
  return {
    description: `Sanity dataset "${options.dataset}" (${where})`,
    async fetch<const Q extends string>(query: Q, params: QueryParams = {}) {
      let lastError: unknown;
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
          return (await client.fetch(query, params)) as ClientReturn<Q, unknown>;
        } catch (error) {
          lastError = error;
          if (!isRetryable(error) || attempt === attempts) break;
          const wait = Math.max(
            backoff(attempt),
            Math.min(retryAfterOf(error), MAX_RETRY_AFTER_MS),
          );
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
      const status = statusOf(lastError);
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      const hint =
        status === 401 || status === 403
          ? 'Check SANITY_API_READ_TOKEN (it must be a read token for this project).'
          : status === 404
            ? 'Check SANITY_PROJECT_ID and SANITY_DATASET.'
            : status === 400
              ? 'The Content Lake refused the query; check SANITY_API_VERSION, or the query in src/sanity/query/queries.ts.'
              : 'The Content Lake did not answer; the build stops rather than publish a site with content missing. Try again later.';
      throw new ContentLakeError(
        redact(
          `Could not fetch content from Sanity dataset "${options.dataset}" (${where}) after ${attempts} attempt(s)` +
            `${status ? `, last status ${status}` : ''}: ${reason}. ${hint}`,
          options.token,
        ),
      );
    },
  };
}
