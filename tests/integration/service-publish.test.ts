/**
 * The publishing service over real HTTP, against a stand-in Content Lake the test changes
 * as an editor would: a signed webhook makes the change appear at its URL, in the feed and
 * in the search index while a reader asking for pages throughout sees no error; refused
 * webhooks start no build; a burst costs at most two builds; a failed build leaves the old
 * site serving and shows in /api/status; a scheduled post appears on time by itself.
 * One service and one set of builds are shared by the tests of this file, in order.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentPath } from '../../content-schemas/routes.ts';
import type { RawDocument } from '../../src/sanity/read/dataset-file.ts';
import { parseNdjson } from '../../src/sanity/read/dataset-file.ts';
import { getBuildEnv, loadServiceConfig } from '../../src/service/config.ts';
import { startService, type Service } from '../../src/service/server.ts';
import { ROOT } from '../helpers/build-site.ts';
import { startFakeContentLake, type FakeContentLake } from '../helpers/fake-content-lake.ts';
import { getStatus, sendWebhook, TEST_SECRET, waitFor, watchPages } from '../helpers/service.ts';

const SITE = 'https://publisering.example';
const POST_ID = 'post-sensor';
const POST_PATH = getDocumentPath('post', 'sensorer-gir-trygge-netter');
const OLD_TITLE = 'Sensorer gir trygge netter';
const NEW_TITLE = 'Sensorer gir tryggere netter – endret i testen';

let tmp: string;
let lake: FakeContentLake;
let service: Service;
let documents: RawDocument[];
const lines: string[] = [];

/** The dataset with one document replaced or added. */
function withDocument(doc: RawDocument): RawDocument[] {
  return [...documents.filter((existing) => existing._id !== doc._id), doc];
}

/** Whether a search fragment in the live release's index holds `text`, fetched over HTTP. */
async function isInSearchIndex(text: string): Promise<boolean> {
  const live = service.publisher.live;
  if (!live) return false;
  const index = path.join(live.dir, 'pagefind');
  for (const entry of await fs.readdir(index, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.pf_fragment')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const url = `/${path.relative(live.dir, file).split(path.sep).join('/')}`;
    const response = await fetch(`${service.origin}${url}`);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status === 200 && gunzipSync(body).toString('utf8').includes(text)) return true;
  }
  return false;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-service-'));
  const text = await fs.readFile(path.join(ROOT, 'tests/fixtures/dataset/data.ndjson'), 'utf8');
  documents = parseNdjson(text, 'data.ndjson');
  lake = await startFakeContentLake({
    documents,
    assetDir: path.join(ROOT, 'tests/fixtures/dataset'),
  });
  const env: Record<string, string> = {
    SANITY_PROJECT_ID: 'test',
    SANITY_DATASET: 'production',
    SANITY_API_HOST: lake.origin,
    SANITY_API_TIMEOUT_MS: '2000',
    SITE_URL: SITE,
    SANITY_WEBHOOK_SECRET: TEST_SECRET,
    PORT: '0',
    SERVICE_STATE_DIR: path.join(tmp, 'state'),
    SITE_DIR: path.join(tmp, 'no-build-here'),
    BUILD_DEBOUNCE_MS: '300',
  };
  const inherited: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) inherited[name] = value;
  }
  service = await startService({
    config: loadServiceConfig(env, ROOT),
    buildEnv: getBuildEnv({ ...inherited, ...env }),
    secrets: [TEST_SECRET],
    log: (event, message) => lines.push(`${event}: ${message}`),
    buildOnStart: true,
    watch: false,
  });
  // Nothing to serve until the first build: the service says so instead of failing.
  const first = await fetch(`${service.origin}/`);
  expect([200, 503]).toContain(first.status);
  await waitFor(
    'the first release',
    async () => (await getStatus(service.origin)).live ?? undefined,
  );
  await service.publisher.queue.idle();
});

afterAll(async () => {
  await service?.close();
  await lake?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('the publishing service', () => {
  it('serves the first release with the old text and reports it in /api/status', async () => {
    const page = await fetch(`${service.origin}${POST_PATH}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(OLD_TITLE);
    const status = await getStatus(service.origin);
    expect(status.live?.documents).toBeGreaterThan(0);
    expect(status.live?.contentRevision).toMatch(/^\d{4}-/);
    expect(status.webhook).toBe('on');
    expect(status.lastFailure).toBeNull();
    expect(JSON.stringify(status)).not.toContain(TEST_SECRET);
    expect(lines.some((line) => line.startsWith('switched: '))).toBe(true);
  });

  it('refuses unsigned, wrongly signed, stale and replayed webhooks and builds for none', async () => {
    const before = (await getStatus(service.origin)).buildsStarted;
    const body = { _id: POST_ID, _type: 'post' };
    const unsigned = await sendWebhook(service.origin, body, { signature: null });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.reason).toMatch(/sanity-webhook-signature/);
    const wrong = await sendWebhook(service.origin, body, {
      secret: 'another-secret-that-is-long-enough-000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.reason).toMatch(/does not match/);
    const stale = await sendWebhook(service.origin, body, { timestamp: Date.now() - 6 * 60_000 });
    expect(stale.status).toBe(401);
    expect(stale.json.reason).toMatch(/old/);
    const get = await fetch(`${service.origin}/api/publish`);
    expect(get.status).toBe(405);
    const huge = await fetch(`${service.origin}/api/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await getStatus(service.origin)).buildsStarted).toBe(before);
    expect(lines.filter((line) => line.startsWith('refused: ')).length).toBeGreaterThanOrEqual(3);
  });

  it('publishes a changed document: page, feed and search, with no error for a reader meanwhile', async () => {
    const post = documents.find((doc) => doc._id === POST_ID);
    expect(post).toBeDefined();
    lake.setDocuments(
      withDocument({
        ...post,
        _id: POST_ID,
        _type: 'post',
        title: NEW_TITLE,
        _updatedAt: new Date().toISOString(),
      }),
    );
    const reader = watchPages(
      service.origin,
      [POST_PATH, '/', '/rss.xml', '/innlegg/'],
      (url, body) =>
        url === POST_PATH
          ? body.includes(OLD_TITLE) || body.includes(NEW_TITLE)
          : body.includes('</html>') || url.endsWith('.xml'),
    );
    const before = (await getStatus(service.origin)).buildsStarted;
    const sent = await sendWebhook(
      service.origin,
      { _id: POST_ID, _type: 'post' },
      { idempotencyKey: 'delivery-1' },
    );
    expect(sent.status).toBe(202);
    await waitFor('the new title at its URL', async () => {
      const body = await (await fetch(`${service.origin}${POST_PATH}`)).text();
      return body.includes(NEW_TITLE) ? true : undefined;
    });
    await service.publisher.queue.idle();
    await reader.stop();
    expect(reader.problems).toEqual([]);
    expect(reader.requests).toBeGreaterThan(10);
    expect(await (await fetch(`${service.origin}/rss.xml`)).text()).toContain(NEW_TITLE);
    expect(await isInSearchIndex(NEW_TITLE)).toBe(true);
    expect((await getStatus(service.origin)).buildsStarted).toBe(before + 1);

    // The same delivery again (a replay, or Sanity retrying): 409, and no build.
    const again = await sendWebhook(
      service.origin,
      { _id: POST_ID, _type: 'post' },
      { idempotencyKey: 'delivery-1' },
    );
    expect(again.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await getStatus(service.origin)).buildsStarted).toBe(before + 1);
  });

  it('coalesces a burst of 20 publishes into at most two builds', async () => {
    const before = (await getStatus(service.origin)).buildsStarted;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        sendWebhook(service.origin, { _id: `post-${index}`, _type: 'post' }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 202));
    await waitFor('the burst to start building', async () =>
      (await getStatus(service.origin)).buildsStarted > before ? true : undefined,
    );
    await service.publisher.queue.idle();
    const builds = (await getStatus(service.origin)).buildsStarted - before;
    expect(builds).toBeGreaterThanOrEqual(1);
    expect(builds).toBeLessThanOrEqual(2);
  });

  it('keeps the old site serving when the Content Lake is down, and reports why', async () => {
    const live = (await getStatus(service.origin)).live?.release;
    lake.fail({ kind: 'status', status: 503 });
    try {
      const sent = await sendWebhook(service.origin, { _id: POST_ID, _type: 'post' });
      expect(sent.status).toBe(202);
      await waitFor(
        'the build to fail',
        async () => (await getStatus(service.origin)).lastFailure ?? undefined,
      );
      await service.publisher.queue.idle();
    } finally {
      lake.recover();
    }
    const status = await getStatus(service.origin);
    expect(status.live?.release).toBe(live);
    expect(status.lastFailure?.reason).toMatch(/exited with|503|could not/i);
    expect(status.ok).toBe(false);
    const page = await fetch(`${service.origin}${POST_PATH}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(NEW_TITLE);
    expect(lines.some((line) => line.startsWith('build-failed: '))).toBe(true);
  });

  it('publishes a document scheduled a few seconds ahead when its time comes, with no request', async () => {
    const post = documents.find((doc) => doc._id === 'post-nynorsk');
    expect(post).toBeDefined();
    // Far enough ahead that the build it is announced in finishes before it is due.
    const at = new Date(Date.now() + 45_000).toISOString();
    const title = 'Planlagt innlegg frå testen';
    lake.setDocuments([
      ...withDocument({
        ...post,
        _id: 'post-nynorsk',
        _type: 'post',
        _updatedAt: new Date().toISOString(),
      }),
      {
        ...post,
        _id: 'post-scheduled',
        _type: 'post',
        title,
        slug: { _type: 'slug', current: 'planlagt-innlegg' },
        publishedAt: at,
      },
    ]);
    await sendWebhook(service.origin, { _id: 'post-scheduled', _type: 'post' });
    await waitFor('the announced schedule', async () => {
      const status = await getStatus(service.origin);
      return status.nextScheduledRebuild === at &&
        status.building === null &&
        status.queue.pending === 0
        ? true
        : undefined;
    });
    const path = getDocumentPath('post', 'planlagt-innlegg');
    if (Date.now() < Date.parse(at)) {
      expect((await fetch(`${service.origin}${path}`)).status).toBe(404);
    }
    await waitFor('the scheduled post', async () =>
      (await fetch(`${service.origin}${path}`)).status === 200 ? true : undefined,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(await (await fetch(`${service.origin}${path}`)).text()).toContain(title);
    expect(lines.some((line) => line.startsWith('scheduled: '))).toBe(true);
  });
});
