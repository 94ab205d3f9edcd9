/**
 * Two builds of unchanged content must give identical feeds: the same guids (readers would
 * otherwise show every item twice) and the same bytes (lastBuildDate follows the content,
 * not the clock). Builds the small fixture dataset twice, into two temporary folders.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';

const SITE = 'https://stabil.example';
const ENV = { SITE_URL: SITE, LOCAL_DATASET: 'tests/fixtures/dataset' };
const parser = new XMLParser({ isArray: (name) => name === 'item' });

let tmp: string;
let first: BuildResult;
let second: BuildResult;

async function readFeeds(dir: string): Promise<Map<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const feeds = new Map<string, string>();
  for (const entry of entries) {
    if (entry.isFile() && entry.name === 'rss.xml') {
      const file = path.join(entry.parentPath, entry.name);
      feeds.set(`/${path.relative(dir, file)}`, await fs.readFile(file, 'utf8'));
    }
  }
  return feeds;
}

function readGuids(text: string): string[] {
  const tree = parser.parse(text) as { rss: { channel: { item?: { guid: unknown }[] } } };
  return (tree.rss.channel.item ?? []).map((item) =>
    typeof item.guid === 'object' && item.guid !== null
      ? String((item.guid as Record<string, unknown>)['#text'])
      : String(item.guid),
  );
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-feeds-'));
  first = await buildSite(path.join(tmp, 'first'), ENV);
  second = await buildSite(path.join(tmp, 'second'), ENV);
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('feeds across two builds of the same content', () => {
  it('come from two builds of the same content that both exit 0', () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
  });

  it('give the same guids, each the canonical URL, and byte-identical feeds and open data', async () => {
    const a = await readFeeds(first.outDir);
    const b = await readFeeds(second.outDir);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThanOrEqual(7);
    for (const [feedPath, text] of a) {
      const guids = readGuids(text);
      expect(readGuids(b.get(feedPath) ?? ''), feedPath).toEqual(guids);
      for (const guid of guids)
        expect(guid).toMatch(new RegExp(`^${SITE}/(innlegg|prosjekter|caser)/[^/]+/$`));
      expect(b.get(feedPath), feedPath).toBe(text);
    }
    const site = a.get('/rss.xml') ?? '';
    expect(readGuids(site)).toEqual([
      `${SITE}/innlegg/korleis-vi-deler-erfaringar/`,
      `${SITE}/innlegg/sensorer-gir-trygge-netter/`,
      `${SITE}/prosjekter/spillhuset/`,
      `${SITE}/caser/ungdomsklubb-for-gamere/`,
    ]);
    for (const file of ['feeds.opml', 'data/caser.json', 'data/caser.csv']) {
      const left = await fs.readFile(path.join(first.outDir, file));
      const right = await fs.readFile(path.join(second.outDir, file));
      expect(left.equals(right), file).toBe(true);
    }
  });

  it('leave out the draft and the scheduled post of the fixture', async () => {
    const feeds = [...(await readFeeds(first.outDir)).values()].join('\n');
    const json = await fs.readFile(path.join(first.outDir, 'data/caser.json'), 'utf8');
    const raw = await fs.readFile('tests/fixtures/dataset/data.ndjson', 'utf8');
    const docs = raw
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const draft = docs.find((doc) => doc['_id'] === 'drafts.post-sensor');
    const future = docs.find((doc) => doc['_id'] === 'post-future');
    expect(draft?.['title']).toBeTruthy();
    expect(future?.['title']).toBeTruthy();
    const published = docs.find((doc) => doc['_id'] === 'post-sensor');
    expect(draft?.['title']).not.toBe(published?.['title']);
    for (const doc of [draft, future]) {
      const title = String(doc?.['title']);
      const slug = String((doc?.['slug'] as { current?: string } | undefined)?.current);
      expect(feeds).not.toContain(title);
      expect(json).not.toContain(title);
      if (doc === future) expect(feeds).not.toContain(`/${slug}/`);
    }
  });
});

describe('a document with a block and a link the site cannot show', () => {
  it('is in every feed as its page shows it, the dropped fields named once in the log', async () => {
    // The fixture with an unknown block type and a javascript: link added to its newest post.
    const dataset = path.join(tmp, 'broken-dataset');
    await fs.cp('tests/fixtures/dataset', dataset, { recursive: true });
    const file = path.join(dataset, 'data.ndjson');
    const lines = (await fs.readFile(file, 'utf8')).split('\n').map((line) => {
      if (!line.includes('"post-nynorsk"')) return line;
      const doc = JSON.parse(line) as { _id: string; body: unknown[] };
      if (doc._id !== 'post-nynorsk') return line;
      doc.body.push({ _type: 'map', _key: 'kart1', lat: 59.9 });
      doc.body.push({
        _type: 'block',
        _key: 'farlig',
        style: 'normal',
        markDefs: [{ _type: 'link', _key: 'l1', href: 'javascript:alert(1)' }],
        children: [{ _type: 'span', _key: 's1', text: 'Trykk her', marks: ['l1'] }],
      });
      return JSON.stringify(doc);
    });
    await fs.writeFile(file, lines.join('\n'));
    const broken = await buildSite(
      path.join(tmp, 'broken'),
      { ...ENV, LOCAL_DATASET: dataset },
      {
        search: false,
      },
    );
    expect(broken.code, broken.output).toBe(0);
    const named = broken.output.match(/post "post-nynorsk" · body\[\d+\][^\n]*\(field dropped\)/g);
    expect(named?.filter((line) => line.includes('«map»'))).toHaveLength(1);
    expect(named?.filter((line) => line.includes('javascript:'))).toHaveLength(1);
    expect(broken.output).not.toMatch(/left out of every feed/);
    const site = (await readFeeds(broken.outDir)).get('/rss.xml') ?? '';
    expect(readGuids(site)).toEqual([
      `${SITE}/innlegg/korleis-vi-deler-erfaringar/`,
      `${SITE}/innlegg/sensorer-gir-trygge-netter/`,
      `${SITE}/prosjekter/spillhuset/`,
      `${SITE}/caser/ungdomsklubb-for-gamere/`,
    ]);
    expect(site).toContain('Trykk her');
    expect(site).not.toMatch(/javascript:/i);
    // The page itself is still built, without the unknown block.
    const page = await fs.readFile(
      path.join(broken.outDir, 'innlegg', 'korleis-vi-deler-erfaringar', 'index.html'),
      'utf8',
    );
    expect(page).toContain('<h1');
  });
});
