import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSiteContent } from '../../src/sanity/content.ts';
import type { SiteContent } from '../../src/sanity/normalise/site-content.ts';
import { readDatasetExport, type RawDocument } from '../../src/sanity/read/dataset-file.ts';
import type { QueryEngine } from '../../src/sanity/query/engine.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { createRemoteEngine } from '../../src/sanity/query/remote-engine.ts';
import { postsQuery } from '../../src/sanity/query/queries.ts';
import { startFakeContentLake, type FakeContentLake } from '../helpers/fake-content-lake.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/dataset');
const SHA = '63f28b379c14704359e00d45352e9327bb0c9d97';
const TOKEN = 'secret-token-engines-0123456789';
const NOW = new Date('2025-01-01T00:00:00Z');
const CDN = { projectId: 'test', dataset: 'production' };

let documents: RawDocument[];
let lake: FakeContentLake;
let local: QueryEngine;
let remote: QueryEngine;

beforeAll(async () => {
  ({ documents } = await readDatasetExport(FIXTURE, { cacheDir: '/nonexistent' }));
  lake = await startFakeContentLake({ documents, token: TOKEN });
  local = createLocalEngine(documents, 'fixture');
  remote = createRemoteEngine({
    ...CDN,
    apiVersion: '2025-02-19',
    token: TOKEN,
    apiHost: lake.origin,
    useCdn: false,
    attempts: 1,
  });
});

afterAll(async () => {
  await lake.close();
});

/** Replaces every image's source with its kind, so the two engines' output can be compared. */
function withoutImageSources(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutImageSources);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    out[key] =
      key === 'src' && (record['kind'] === 'local' || record['kind'] === 'cdn')
        ? '<image>'
        : key === 'kind' && typeof record['src'] === 'string'
          ? '<kind>'
          : withoutImageSources(field);
  }
  return out;
}

const byId = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

function sorted(content: SiteContent) {
  return {
    ...content,
    post: byId(content.post),
    projectStory: byId(content.projectStory),
    caseStudy: byId(content.caseStudy),
    person: byId(content.person),
    topic: byId(content.topic),
    serviceArea: byId(content.serviceArea),
    page: byId(content.page),
  };
}

describe('the local and the remote engine over the same fixture', () => {
  test('every collection query returns the same documents (images aside)', async () => {
    const fromLocal = await loadSiteContent(local, { now: NOW, cdn: undefined });
    const fromRemote = await loadSiteContent(remote, { now: NOW, cdn: CDN });
    expect(fromLocal.post.length).toBeGreaterThan(0);
    expect(fromLocal.problems).toEqual([]);
    expect(withoutImageSources(sorted(fromRemote))).toEqual(withoutImageSources(sorted(fromLocal)));
  });

  test('the remote engine asks for the published perspective with the token', () => {
    const queries = lake.requests.filter((request) => request.dataset === 'production');
    expect(queries.length).toBeGreaterThanOrEqual(8);
    for (const request of queries) {
      expect(request.perspective).toBe('published');
      expect(request.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.path).toBe('/v2025-02-19/data/query/production');
    }
  });

  test('a parameterised query gives the same answer on both', async () => {
    const query = '*[_type == $type && slug.current == $slug][0]{_id, title}';
    const params = { type: 'post', slug: 'sensorer-gir-trygge-netter' };
    const expected = { _id: 'post-sensor', title: expect.any(String) as unknown };
    expect(await local.fetch(query, params)).toEqual(expected);
    expect(await remote.fetch(query, params)).toEqual(await local.fetch(query, params));
  });

  test('drafts are invisible on both, by id and through references', async () => {
    for (const engine of [local, remote]) {
      const ids = (await engine.fetch('*[]._id')) as string[];
      expect(ids).toContain('post-sensor');
      expect(ids.some((id) => id.startsWith('drafts.') || id.startsWith('versions.'))).toBe(false);
      expect(await engine.fetch('*[_id == "drafts.post-sensor"][0]')).toBeNull();
      expect(await engine.fetch('*[_id == $id][0]', { id: 'drafts.post-sensor' })).toBeNull();
    }
    // The draft is in the fixture, so this is a real check, not an empty one.
    expect(documents.some((doc) => doc._id === 'drafts.post-sensor')).toBe(true);
  });

  test('the draft title never wins over the published one', async () => {
    const draft = documents.find((doc) => doc._id === 'drafts.post-sensor');
    const published = documents.find((doc) => doc._id === 'post-sensor');
    expect(draft?.['title']).not.toBe(published?.['title']);
    for (const engine of [local, remote]) {
      const content = await loadSiteContent(engine, { now: NOW, cdn: CDN });
      const post = content.post.find((item) => item.id === 'post-sensor');
      expect(post?.title).toBe(published?.['title']);
    }
  });

  test('the post query runs once per call, not per document', async () => {
    const before = lake.requests.length;
    await remote.fetch(postsQuery);
    expect(lake.requests.length - before).toBe(1);
  });
});

describe('scheduling, with the clock as a parameter', () => {
  test.each([
    ['before its date', new Date('2098-12-31T23:59:59Z'), false],
    ['at its date', new Date('2099-01-01T08:00:00Z'), true],
    ['after its date', new Date('2100-01-01T00:00:00Z'), true],
  ])('a scheduled post %s', async (_label, now, visible) => {
    for (const [engine, cdn] of [
      [local, undefined],
      [remote, CDN],
    ] as const) {
      const content = await loadSiteContent(engine, { now, cdn });
      expect(content.post.some((post) => post.id === 'post-future')).toBe(visible);
      expect(content.scheduled).toBe(visible ? 0 : 1);
    }
  });

  test('a document published earlier is visible whatever the clock says later', async () => {
    const content = await loadSiteContent(local, { now: NOW, cdn: undefined });
    expect(content.post.map((post) => post.id).sort()).toEqual(['post-nynorsk', 'post-sensor']);
  });
});

describe('both image forms give one shape', () => {
  test('an export file stays local; a Content Lake reference becomes a CDN URL', async () => {
    const fromLocal = await loadSiteContent(local, { now: NOW, cdn: undefined });
    const fromRemote = await loadSiteContent(remote, { now: NOW, cdn: CDN });
    const localImage = fromLocal.post.find((post) => post.id === 'post-sensor')?.mainImage;
    const remoteImage = fromRemote.post.find((post) => post.id === 'post-sensor')?.mainImage;
    expect(localImage).toMatchObject({
      kind: 'local',
      src: `./images/${SHA}-640x360.png`,
      width: 640,
      height: 360,
    });
    expect(remoteImage).toMatchObject({
      kind: 'cdn',
      src: `https://cdn.sanity.io/images/test/production/${SHA}-640x360.png`,
      width: 640,
      height: 360,
    });
    expect(Object.keys(remoteImage ?? {}).sort()).toEqual(Object.keys(localImage ?? {}).sort());
    expect(remoteImage?.alt).toBe(localImage?.alt);
    expect(localImage?.alt).toBeTruthy();
  });
});
