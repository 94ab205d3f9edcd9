/**
 * Sanity's GROQ-powered webhook, checked before anything is built: the signature over the
 * raw body (HMAC-SHA256 with SANITY_WEBHOOK_SECRET, as `@sanity/webhook` encodes it,
 * compared in constant time), the signature's age, and whether the delivery was seen
 * before. See docs/operations.md for the webhook's settings (`npm run webhook:settings`).
 */
import { timingSafeEqual } from 'node:crypto';
import {
  decodeSignatureHeader,
  encodeSignatureHeader,
  SIGNATURE_HEADER_NAME,
} from '@sanity/webhook';

export { SIGNATURE_HEADER_NAME };

/** The header Sanity sends with one id per delivery; a retry of the same event repeats it. */
export const IDEMPOTENCY_HEADER_NAME = 'idempotency-key';

/** Signatures older than this are refused: a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

/** Signatures this far in the future are refused too (a clock that is off, or a forgery). */
export const MAX_CLOCK_SKEW_MS = 60 * 1000;

/** The largest webhook body accepted; a projection of ids and types is far smaller. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/** Why a webhook request is refused, with the HTTP status it gets. */
export interface Refusal {
  status: 401 | 409;
  reason: string;
}

/** What a verified webhook tells the build: which document changed, as far as the body says. */
export interface WebhookEvent {
  /** The delivery's id: the idempotency key, else the signature. */
  deliveryId: string;
  documentId: string | undefined;
  documentType: string | undefined;
  /** The signature's time (ms). */
  signedAt: number;
}

/**
 * Remembers deliveries for as long as their signature is valid, so that a second request
 * with the same idempotency key or the same signature is a replay. Pure: the clock is passed in.
 */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;

  constructor(ttlMs = MAX_SIGNATURE_AGE_MS + MAX_CLOCK_SKEW_MS) {
    this.#ttlMs = ttlMs;
  }

  /** Records the keys at `now`; returns the key already seen, or undefined when all are new. */
  checkAndRemember(keys: readonly string[], now: number): string | undefined {
    for (const [key, at] of this.#seen) {
      if (now - at > this.#ttlMs) this.#seen.delete(key);
    }
    const seen = keys.find((key) => this.#seen.has(key));
    if (seen !== undefined) return seen;
    for (const key of keys) this.#seen.set(key, now);
    return undefined;
  }

  /** How many deliveries are remembered (bounded by the signature's lifetime). */
  get size(): number {
    return this.#seen.size;
  }
}

/** Compares two strings in time that does not depend on where they first differ. */
function isEqualConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // Lengths are public (the signature's length is fixed), so comparing them first leaks nothing.
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads one header's single value; a repeated header counts as missing. */
function readHeader(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Verifies one webhook request. Returns the event, or the refusal with its reason. Pure
 * but for the replay guard's memory: `now` is the clock.
 */
export async function verifyWebhook(
  request: {
    headers: Readonly<Record<string, string | string[] | undefined>>;
    rawBody: string;
  },
  options: { secret: string | undefined; now: number; replays: ReplayGuard },
): Promise<{ ok: true; event: WebhookEvent } | { ok: false; refusal: Refusal }> {
  const refuse = (status: 401 | 409, reason: string) =>
    ({ ok: false, refusal: { status, reason } }) as const;
  if (options.secret === undefined) {
    return refuse(
      401,
      'this service has no SANITY_WEBHOOK_SECRET, so it cannot verify webhooks; set it to the secret of the webhook in sanity.io/manage',
    );
  }
  const signature = readHeader(request.headers, SIGNATURE_HEADER_NAME);
  if (signature === undefined) {
    return refuse(401, `the request has no (or more than one) ${SIGNATURE_HEADER_NAME} header`);
  }
  let timestamp: number;
  try {
    ({ timestamp } = decodeSignatureHeader(signature));
  } catch {
    return refuse(401, `the ${SIGNATURE_HEADER_NAME} header is not of the form t=<ms>,v1=<hash>`);
  }
  if (request.rawBody === '') return refuse(401, 'the request has an empty body');
  let expected: string;
  try {
    expected = await encodeSignatureHeader(request.rawBody, timestamp, options.secret);
  } catch {
    return refuse(401, `the ${SIGNATURE_HEADER_NAME} header has an invalid timestamp`);
  }
  if (!isEqualConstantTime(expected, signature.trim())) {
    return refuse(401, 'the signature does not match the body and SANITY_WEBHOOK_SECRET');
  }
  const age = options.now - timestamp;
  if (age > MAX_SIGNATURE_AGE_MS) {
    return refuse(
      401,
      `the signature is ${Math.round(age / 1000)} s old; requests older than ${MAX_SIGNATURE_AGE_MS / 60_000} minutes are refused`,
    );
  }
  if (age < -MAX_CLOCK_SKEW_MS) {
    return refuse(401, `the signature is dated ${Math.round(-age / 1000)} s in the future`);
  }
  const idempotencyKey = readHeader(request.headers, IDEMPOTENCY_HEADER_NAME);
  const keys = [`signature:${signature.trim()}`];
  if (idempotencyKey !== undefined) keys.unshift(`idempotency:${idempotencyKey}`);
  const replayed = options.replays.checkAndRemember(keys, options.now);
  if (replayed !== undefined) {
    const what = replayed.startsWith('idempotency:') ? IDEMPOTENCY_HEADER_NAME : 'signature';
    return refuse(409, `this delivery was already received (same ${what}); it is not built again`);
  }
  const body = parseBody(request.rawBody);
  return {
    ok: true,
    event: {
      deliveryId: idempotencyKey ?? signature.trim(),
      documentId: body.documentId,
      documentType: body.documentType,
      signedAt: timestamp,
    },
  };
}

/** Reads `_id` and `_type` from the projection, when the body is an object that has them. */
function parseBody(rawBody: string): { documentId?: string; documentType?: string } {
  try {
    const value: unknown = JSON.parse(rawBody);
    if (typeof value !== 'object' || value === null) return {};
    const record = value as Record<string, unknown>;
    const id = record['_id'];
    const type = record['_type'];
    return {
      ...(typeof id === 'string' ? { documentId: id.slice(0, 200) } : {}),
      ...(typeof type === 'string' ? { documentType: type.slice(0, 100) } : {}),
    };
  } catch {
    return {};
  }
}
