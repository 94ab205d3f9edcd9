/**
 * The nomination form's signed token: the service puts `<issuedAt>.<nonce>.<signature>` in
 * the form's hidden field each time it serves the page. On POST it tells a bot (too fast,
 * no token, a forged one) from a person, and the nonce names the nomination, so the same
 * form sent twice is stored once. The key is random, kept in the nomination folder so a
 * restart does not invalidate open forms.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** How long a served form stays valid: a long sitting, not a stored token for a bot. */
export const FORM_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Why a token was refused, in words for the log. */
export type TokenRefusal = 'missing' | 'forged' | 'too-fast' | 'expired';

/** Reads the form key from `dir`, creating it (owner-only) the first time. */
export async function loadFormKey(dir: string): Promise<Buffer> {
  const file = path.join(dir, 'form-key');
  await fs.mkdir(dir, { recursive: true });
  try {
    const key = await fs.readFile(file);
    if (key.length >= 32) return key;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  const key = randomBytes(32);
  // `wx`: two processes starting at once keep whichever key was written first.
  await fs.writeFile(file, key, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
  return fs.readFile(file);
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** Creates a token for a form served at `now` (ms). */
export function createFormToken(key: Buffer, now: number): string {
  const payload = `${now}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${sign(key, payload)}`;
}

/** Checks a posted token: signed by `key`, at least `minFillMs` and at most a day old. */
export function readFormToken(
  token: string | undefined,
  key: Buffer,
  options: { now: number; minFillMs: number },
): { ok: true; nonce: string } | { ok: false; refusal: TokenRefusal } {
  if (!token) return { ok: false, refusal: 'missing' };
  const match = /^(\d{1,15})\.([\w-]{22})\.([\w-]{43})$/.exec(token);
  if (!match) return { ok: false, refusal: 'forged' };
  const [, issued = '', nonce = '', signature = ''] = match;
  const expected = Buffer.from(sign(key, `${issued}.${nonce}`));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, refusal: 'forged' };
  const age = options.now - Number(issued);
  if (age < options.minFillMs) return { ok: false, refusal: 'too-fast' };
  if (age > FORM_MAX_AGE_MS) return { ok: false, refusal: 'expired' };
  return { ok: true, nonce };
}
