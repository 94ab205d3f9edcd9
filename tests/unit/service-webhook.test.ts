import { encodeSignatureHeader } from '@sanity/webhook';
import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_AGE_MS, ReplayGuard, verifyWebhook } from '../../src/service/webhook.ts';

const SECRET = 'a-webhook-secret-of-more-than-32-characters';
const NOW = Date.parse('2026-05-01T10:00:00Z');
const BODY = JSON.stringify({ _id: 'post-1', _type: 'post' });

async function signedRequest(
  options: { at?: number; secret?: string; key?: string; body?: string } = {},
) {
  const body = options.body ?? BODY;
  const signature = await encodeSignatureHeader(body, options.at ?? NOW, options.secret ?? SECRET);
  return {
    headers: {
      'sanity-webhook-signature': signature,
      ...(options.key ? { 'idempotency-key': options.key } : {}),
    },
    rawBody: body,
  };
}

describe('verifyWebhook', () => {
  it('accepts a request signed with the secret and reads the document from the body', async () => {
    const verdict = await verifyWebhook(await signedRequest({ key: 'k1' }), {
      secret: SECRET,
      now: NOW + 1000,
      replays: new ReplayGuard(),
    });
    expect(verdict).toEqual({
      ok: true,
      event: { deliveryId: 'k1', documentId: 'post-1', documentType: 'post', signedAt: NOW },
    });
  });

  it.each([
    [
      'no secret configured',
      async () => ({ request: await signedRequest(), secret: undefined }),
      /SANITY_WEBHOOK_SECRET/,
    ],
    [
      'no signature',
      () => Promise.resolve({ request: { headers: {}, rawBody: BODY }, secret: SECRET }),
      /no \(or more than one\)/,
    ],
    [
      'a malformed signature',
      () =>
        Promise.resolve({
          request: { headers: { 'sanity-webhook-signature': 'v1=abc' }, rawBody: BODY },
          secret: SECRET,
        }),
      /not of the form/,
    ],
    [
      'another secret',
      async () => ({ request: await signedRequest({ secret: `${SECRET}-other` }), secret: SECRET }),
      /does not match/,
    ],
    [
      'a changed body',
      async () => ({
        request: { ...(await signedRequest()), rawBody: BODY.replace('post-1', 'post-2') },
        secret: SECRET,
      }),
      /does not match/,
    ],
    [
      'a stale signature',
      async () => ({
        request: await signedRequest({ at: NOW - MAX_SIGNATURE_AGE_MS - 1000 }),
        secret: SECRET,
      }),
      /old/,
    ],
    [
      'a signature from the future',
      async () => ({ request: await signedRequest({ at: NOW + 10 * 60_000 }), secret: SECRET }),
      /future/,
    ],
  ])('refuses %s with 401', async (_name, make, reason) => {
    const { request, secret } = await make();
    const verdict = await verifyWebhook(request, { secret, now: NOW, replays: new ReplayGuard() });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.refusal.status).toBe(401);
      expect(verdict.refusal.reason).toMatch(reason);
      expect(verdict.refusal.reason).not.toContain(SECRET);
    }
  });

  it('refuses a replay (same idempotency key, or same signature) with 409', async () => {
    const replays = new ReplayGuard();
    const first = await signedRequest({ key: 'delivery-1' });
    expect((await verifyWebhook(first, { secret: SECRET, now: NOW, replays })).ok).toBe(true);
    const sameSignature = {
      headers: { 'sanity-webhook-signature': first.headers['sanity-webhook-signature'] },
      rawBody: BODY,
    };
    const replay = await verifyWebhook(sameSignature, { secret: SECRET, now: NOW + 10, replays });
    expect(replay.ok ? undefined : replay.refusal).toEqual({
      status: 409,
      reason: 'this delivery was already received (same signature); it is not built again',
    });
    const sameKey = await signedRequest({ key: 'delivery-1', at: NOW + 5 });
    const retry = await verifyWebhook(sameKey, { secret: SECRET, now: NOW + 20, replays });
    expect(retry.ok ? undefined : retry.refusal).toEqual({
      status: 409,
      reason: 'this delivery was already received (same idempotency-key); it is not built again',
    });
  });
});

describe('ReplayGuard', () => {
  it('forgets a delivery once its signature could no longer be accepted', () => {
    const guard = new ReplayGuard(1000);
    expect(guard.checkAndRemember(['a'], 0)).toBeUndefined();
    expect(guard.checkAndRemember(['a'], 999)).toBe('a');
    expect(guard.checkAndRemember(['b'], 2500)).toBeUndefined();
    expect(guard.size).toBe(1);
    expect(guard.checkAndRemember(['a'], 2600)).toBeUndefined();
  });
});
