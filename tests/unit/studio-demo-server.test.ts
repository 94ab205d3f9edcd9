import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentLake } from '../../scripts/studio-demo/content-lake.ts';
import {
  describeUnsavedOnStop,
  startDemoServer,
  type DemoServer,
} from '../../scripts/studio-demo/demo-server.ts';
import { readDatasetExport } from '../../src/sanity/read/dataset-file.ts';

const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'content');
const API = '/v2025-02-19';

let server: DemoServer | undefined;
let tempDir: string | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (tempDir !== undefined) await fs.rm(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

/** A copy of the embedded export's data.ndjson, so a save never touches content/. */
async function startOnCopy() {
  tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'studio-demo-'));
  const dataFile = path.join(tempDir, 'data.ndjson');
  await fs.copyFile(path.join(CONTENT, 'data.ndjson'), dataFile);
  const exported = await readDatasetExport(CONTENT, { cacheDir: tempDir });
  server = await startDemoServer({
    lake: new ContentLake(exported.documents),
    projectId: 'tanketanken',
    dataset: 'production',
    exportTarget: { dataFile, assetDir: CONTENT },
    port: 0,
  });
  return { origin: server.origin, dataFile };
}

describe('the Studio demo server', () => {
  it('answers the current user, queries and documents as Sanity does', async () => {
    const { origin } = await startOnCopy();
    const me = (await (await fetch(`${origin}${API}/users/me`)).json()) as { id: string };
    expect(me.id).toBe('demo-redaktor');
    const query = new URL(`${origin}${API}/data/query/production`);
    query.searchParams.set('query', '*[_id == $id][0].title');
    query.searchParams.set('$id', '"siteSettings"');
    const answer = (await (await fetch(query)).json()) as { result: unknown };
    expect(answer.result).toBe('Tanketanken');
    const docs = (await (
      await fetch(`${origin}${API}/data/doc/production/siteSettings,drafts.siteSettings`)
    ).json()) as { documents: { _id: string }[]; omitted: { id: string }[] };
    expect(docs.documents.map((doc) => doc._id)).toEqual(['siteSettings']);
    expect(docs.omitted).toEqual([{ id: 'drafts.siteSettings', reason: 'existence' }]);
  });

  it('refuses what it does not support with 501 naming the endpoint', async () => {
    const { origin } = await startOnCopy();
    const response = await fetch(`${origin}${API}/data/history/production/documents/x`);
    expect(response.status).toBe(501);
    const body = (await response.json()) as { error: { description: string } };
    expect(body.error.description).toContain('GET /data/history/production/documents/x');
    const wrongDataset = await fetch(`${origin}${API}/data/query/staging?query=*`);
    expect(wrongDataset.status).toBe(404);
  });

  it('streams mutations to listeners and writes the export back on request', async () => {
    const { origin, dataFile } = await startOnCopy();
    const before = await fs.readFile(dataFile, 'utf8');
    // Nothing changed: the export comes back byte for byte.
    const unchanged = await fetch(`${origin}/demo/save`, { method: 'POST' });
    expect(unchanged.status).toBe(200);
    expect(await fs.readFile(dataFile, 'utf8')).toBe(before);

    const listen = new URL(`${origin}${API}/data/listen/production`);
    listen.searchParams.set('query', '*[_id in $ids]');
    listen.searchParams.set('$ids', '["siteSettings","drafts.siteSettings"]');
    const controller = new AbortController();
    const stream = await fetch(listen, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (text: string) => {
      while (!received.includes(text)) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) break;
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil('event: welcome');
    const mutate = await fetch(`${origin}${API}/data/mutate/production?returnIds=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mutations: [
          { createOrReplace: { _id: 'drafts.siteSettings', _type: 'siteSettings', title: 'Demo' } },
        ],
        transactionId: 'tx-1',
      }),
    });
    expect(await mutate.json()).toEqual({
      transactionId: 'tx-1',
      results: [{ id: 'drafts.siteSettings', operation: 'create' }],
    });
    await readUntil('event: mutation');
    expect(received).toContain('"documentId":"drafts.siteSettings"');
    controller.abort();

    const status = (await (await fetch(`${origin}/demo/status`)).json()) as {
      unsavedTransactions: number;
    };
    expect(status.unsavedTransactions).toBe(1);
    // Stopping now would lose it: the terminal says how many and how to keep them.
    expect(server?.unsavedTransactions()).toBe(1);
    expect(describeUnsavedOnStop(1, dataFile)).toBe(
      `1 unsaved change was lost: they were never written to ${dataFile}. Next time, press «Skriv endringene til den lokale eksporten» in the Studio before stopping the demo.`,
    );
    const saved = (await (await fetch(`${origin}/demo/save`, { method: 'POST' })).json()) as {
      documents: number;
      drafts: number;
    };
    expect(saved.drafts).toBe(2);
    const lines = (await fs.readFile(dataFile, 'utf8')).trim().split('\n');
    // The status line counts what was written, not the lake's in-memory asset documents.
    expect(saved.documents).toBe(lines.length);
    const draft = lines.map((line) => JSON.parse(line) as { _id: string; title?: string });
    expect(draft.find((doc) => doc._id === 'drafts.siteSettings')?.title).toBe('Demo');
    // Images stay in export form; no asset documents are added.
    expect(lines.some((line) => line.includes('"sanity.imageAsset"'))).toBe(false);
    expect(lines.length).toBe(before.trim().split('\n').length + 1);
    expect(server?.unsavedTransactions()).toBe(0);
    expect(describeUnsavedOnStop(0, dataFile)).toBeUndefined();
    expect(describeUnsavedOnStop(3, dataFile)).toMatch(/^3 unsaved changes were lost/);
  });
});

describe('the stand-in’s listener', () => {
  it('delivers mutation events in commit order, however long each takes to match', async () => {
    // Events for «slow» documents take longer to match the listener's query (a filter over
    // a long array) than those for «fast» ones; none may overtake an earlier one.
    const lake = new ContentLake([]);
    server = await startDemoServer({
      lake,
      projectId: 'tanketanken',
      dataset: 'production',
      port: 0,
    });
    const url = new URL(`${server.origin}${API}/data/listen/production`);
    url.searchParams.set(
      'query',
      '*[_type == "fast" || (_type == "slow" && count(items[@ > -1]) > 0)]',
    );
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no event stream');
    const ids: string[] = [];
    let buffer = '';
    const expected = Array.from(
      { length: 20 },
      (_, index) => `${index % 2 ? 'fast' : 'slow'}-${index}`,
    );
    const read = (async () => {
      while (ids.length < expected.length) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (block.startsWith('event: mutation') && data) {
            ids.push((JSON.parse(data) as { documentId: string }).documentId);
          }
        }
      }
    })();
    // The welcome arrives before any commit is listened for.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const id of expected) {
      const type = id.split('-')[0] ?? 'fast';
      const items = type === 'slow' ? Array.from({ length: 20_000 }, (_, index) => index) : [];
      lake.mutate([{ create: { _id: id, _type: type, items } }]);
    }
    await read;
    controller.abort();
    expect(ids).toEqual(expected);
  }, 30_000);
});
