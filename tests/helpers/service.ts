/**
 * Helpers for the publishing service's tests: signed webhook requests as Sanity sends
 * them, waiting for a condition, and a client that keeps asking for pages and records
 * every answer that is not a page.
 */
import { randomUUID } from 'node:crypto';
import { encodeSignatureHeader } from '@sanity/webhook';
import type { ServiceStatus } from '../../src/service/status.ts';

/** A webhook secret long enough for the service. */
export const TEST_SECRET = 'test-secret-0123456789abcdef-0123456789';

/** Sends a webhook as Sanity does: JSON body, signature over it, an idempotency key. */
export async function sendWebhook(
  origin: string,
  body: Record<string, unknown>,
  options: {
    secret?: string;
    timestamp?: number;
    idempotencyKey?: string;
    signature?: string | null;
  } = {},
): Promise<{ status: number; json: { accepted?: boolean; reason?: string }; signature: string }> {
  const text = JSON.stringify(body);
  const signature =
    options.signature === undefined
      ? await encodeSignatureHeader(
          text,
          options.timestamp ?? Date.now(),
          options.secret ?? TEST_SECRET,
        )
      : (options.signature ?? '');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': options.idempotencyKey ?? randomUUID(),
  };
  if (options.signature !== null) headers['sanity-webhook-signature'] = signature;
  const response = await fetch(`${origin}/api/publish`, { method: 'POST', headers, body: text });
  return {
    status: response.status,
    json: (await response.json()) as { accepted?: boolean; reason?: string },
    signature,
  };
}

/** The service's status. */
export async function getStatus(origin: string): Promise<ServiceStatus> {
  const response = await fetch(`${origin}/api/status`);
  return (await response.json()) as ServiceStatus;
}

/** Polls `check` until it returns a value other than undefined; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 240_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A reader that asks for pages again and again until stopped. */
export interface PageWatcher {
  /** Answers that were not 200 (path, status), and pages that failed `isWhole`. */
  problems: string[];
  requests: number;
  stop(): Promise<void>;
}

/**
 * Requests `paths` in turn until stopped; every answer must be 200 and pass `isWhole`
 * (e.g. the page holds either the old or the new text, never neither).
 */
export function watchPages(
  origin: string,
  paths: readonly string[],
  isWhole: (path: string, body: string) => boolean = () => true,
): PageWatcher {
  let running = true;
  const watcher: PageWatcher = {
    problems: [],
    requests: 0,
    stop: async () => {
      running = false;
      await loop;
    },
  };
  const loop = (async () => {
    while (running) {
      for (const path of paths) {
        try {
          const response = await fetch(`${origin}${path}`);
          const body = await response.text();
          watcher.requests += 1;
          if (response.status !== 200) watcher.problems.push(`${path}: ${response.status}`);
          else if (!isWhole(path, body)) watcher.problems.push(`${path}: not a whole page`);
        } catch (error) {
          watcher.problems.push(
            `${path}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
  })();
  return watcher;
}
