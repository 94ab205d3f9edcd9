import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  changeOneDocument,
  parseBenchArgs,
  parsePagefindPages,
  stageIndexedPages,
} from '../../scripts/bench.ts';
import {
  isPublished,
  toMarkdown,
  toMarkdownDocs,
  type RawDoc,
} from '../../scripts/bench/markdown.ts';
import { sliceSamples, type Measurement } from '../../scripts/bench/measure.ts';
import {
  formatSize,
  searchBudget,
  type RunResult,
  type SizeResult,
} from '../../scripts/bench/report.ts';
import { parseAstroStages, parseSearchLine, splitRoutes } from '../../scripts/bench/stages.ts';
import { classifyUrl } from '../../scripts/bench/profile-summary.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

/** A run whose output is `lines` at the given times, with CPU growing 1 ms per ms. */
function fakeRun(lines: [number, string][], wallMs: number): Measurement {
  const samples = Array.from({ length: wallMs / 100 + 1 }, (_, index) => ({
    at: index * 100,
    cpuMs: index * 100,
    rssBytes: (index + 1) * 1024 * 1024,
  }));
  return {
    command: 'astro build',
    exitCode: 0,
    wallMs,
    cpuMs: wallMs,
    peakRssBytes: samples.length * 1024 * 1024,
    lines: lines.map(([at, text]) => ({ at, text })),
    samples,
  };
}

describe('parseAstroStages', () => {
  const run = fakeRun(
    [
      [1000, '10:00:00 [content] Syncing content'],
      [3000, '10:00:02 [content] Synced content'],
      [4000, ' generating static routes '],
      [4500, '10:00:04   ├─ /innlegg/a/index.html (+400ms) '],
      [4600, '10:00:04   ├─ /innlegg/b/index.html (cached)'],
      [5000, '10:00:05   ├─ /rss.xml (+300ms) '],
      [5100, '10:00:05 ✓ Completed in 1.1s.'],
      [5200, ' generating optimized images '],
      [5400, '10:00:05 ✓ Completed in 200ms.'],
      [5500, '10:00:05 [@astrojs/sitemap] `sitemap-index.xml` created'],
      [6600, '10:00:06 [build] Complete!'],
    ],
    7000,
  );
  const facts = parseAstroStages(run);
  const stage = (name: string) => facts.stages.find((candidate) => candidate.name === name);

  it('cuts the log into load, render, feeds and images', () => {
    expect(stage('startup')?.wallMs).toBe(1000);
    expect(stage('load')?.wallMs).toBe(2000);
    expect(stage('bundle')?.wallMs).toBe(1000);
    expect(stage('feeds')?.wallMs).toBe(300);
    expect(stage('render (pages)')?.wallMs).toBe(800);
    expect(stage('images')?.wallMs).toBe(300);
    expect(stage('other (sitemap, integrations, exit)')?.wallMs).toBe(1600);
    expect(facts).toMatchObject({ rendered: 2, cached: 1, feedRoutes: 1 });
  });

  it('takes CPU and peak memory from the samples of each window', () => {
    expect(stage('load')?.cpuMs).toBeCloseTo(2000, 0);
    expect(stage('load')?.peakRssBytes).toBe(31 * 1024 * 1024);
  });

  it('names the missing line when the build log is not what it expects', () => {
    const broken = fakeRun([[10, 'error: something broke']], 100);
    expect(() => parseAstroStages(broken)).toThrow(/"Syncing content".*\n.*something broke/s);
  });

  it('reads the closing line of the search step, and names it when it is missing', () => {
    const search = fakeRun(
      [
        [100, '[search] part 2/3: indexed 40 pages'],
        [900, '[search] indexed 120 pages in 800 ms (3 part(s), 2 from the cache) → dist/pagefind'],
      ],
      1000,
    );
    expect(parseSearchLine(search)).toEqual({ pages: 120, parts: 3, reusedParts: 2 });
    const broken = fakeRun([[10, '[search] No page in dist has data-pagefind-body']], 100);
    expect(() => parseSearchLine(broken)).toThrow(
      /no "\[search\] indexed …" line.*data-pagefind-body/s,
    );
  });

  it('reads several routes from one line, as pages rendered four at a time print them', () => {
    expect(
      splitRoutes(
        '04:51:55   ├─ /404.html04:51:55   ├─ /arkiv/2026/index.html (cached)04:51:55   └─ /rss.xml (+148ms) ',
      ),
    ).toEqual([
      { file: '/404.html', rest: '' },
      { file: '/arkiv/2026/index.html', rest: ' (cached)' },
      { file: '/rss.xml', rest: ' (+148ms) ' },
    ]);
    expect(splitRoutes('10:00:05 ✓ Completed in 1.1s.')).toEqual([]);
  });

  it('interpolates CPU between samples', () => {
    expect(sliceSamples(run.samples, 150, 250).cpuMs).toBeCloseTo(100, 5);
  });
});

describe('markdown for Hugo and Eleventy', () => {
  const span = (text: string, marks: string[] = []) => ({ _type: 'span', text, marks });
  it('converts Portable Text and escapes user text', () => {
    const markdown = toMarkdown(
      [
        { _type: 'block', style: 'h2', markDefs: [], children: [span('Tittel <script>')] },
        {
          _type: 'block',
          style: 'normal',
          markDefs: [{ _key: 'l', _type: 'internalLink', reference: { _ref: 'post-a' } }],
          children: [span('Se '), span('dette', ['l']), span(' *ikke* kursiv', ['strong'])],
        },
        {
          _type: 'block',
          style: 'normal',
          listItem: 'number',
          markDefs: [],
          children: [span('en')],
        },
        {
          _type: 'block',
          style: 'normal',
          listItem: 'number',
          markDefs: [],
          children: [span('to')],
        },
        { _type: 'callout', tone: 'info', text: 'Pass på <b>' },
      ],
      (ref) => (ref === 'post-a' ? '/innlegg/a/' : undefined),
    );
    expect(markdown).toContain('## Tittel &lt;script&gt;');
    expect(markdown).toContain('Se [dette](/innlegg/a/)**');
    expect(markdown).toContain('\\*ikke\\*');
    expect(markdown).toContain('1. en\n2. to');
    expect(markdown).toContain('<aside class="callout">Pass på &lt;b&gt;</aside>');
  });

  it('leaves out drafts and scheduled documents', () => {
    const doc = (id: string, publishedAt: string): RawDoc => ({
      _id: id,
      _type: 'post',
      title: id,
      slug: { current: id },
      publishedAt,
      body: [],
    });
    const docs = [
      doc('post-a', '2026-01-01T00:00:00Z'),
      doc('drafts.post-b', '2026-01-01T00:00:00Z'),
      doc('post-c', '2099-01-01T00:00:00Z'),
    ];
    expect(docs.map((item) => isPublished(item, NOW))).toEqual([true, false, false]);
    expect(toMarkdownDocs(docs, NOW).map((item) => item.slug)).toEqual(['post-a']);
  });
});

describe('bench helpers', () => {
  it('changes one published post as an editor would', () => {
    const lines = [
      { _id: 'topic-a', _type: 'topic' },
      {
        _id: 'drafts.post-x',
        _type: 'post',
        title: 'X',
        _rev: 'r',
        publishedAt: '2020-01-01T00:00:00Z',
      },
      { _id: 'post-y', _type: 'post', title: 'Y', _rev: 'r', publishedAt: '2020-01-01T00:00:00Z' },
    ].map((doc) => JSON.stringify(doc));
    const { text, id } = changeOneDocument(lines.join('\n'), NOW);
    expect(id).toBe('post-y');
    const changed = JSON.parse(text.split('\n')[2] ?? '') as Record<string, unknown>;
    expect(changed).toMatchObject({ title: 'Y (oppdatert)', _updatedAt: NOW.toISOString() });
    expect(changed['_rev']).not.toBe('r');
    expect(() => changeOneDocument(lines[0] ?? '', NOW)).toThrow(/no published post/);
  });

  it('reads the --docs sizes, one or many, and refuses one that is not a whole number', () => {
    expect(parseBenchArgs([]).docs).toEqual([1000, 10000]);
    expect(parseBenchArgs(['--docs', '50_000', '--docs', '10']).docs).toEqual([50000, 10]);
    expect(parseBenchArgs(['--no-lock']).lock).toBeUndefined();
    expect(() => parseBenchArgs(['--docs', 'lots'])).toThrow(/whole number.*"lots"/);
  });

  it('reports ratios against the other generators and says when one is missing', () => {
    const run = (label: string, wallMs: number): RunResult => ({
      label,
      wallMs,
      cpuMs: wallMs,
      peakRssBytes: 100 * 1024 * 1024,
      pages: 10,
      stages: [],
    });
    const text = formatSize({
      docs: 10,
      published: 9,
      datasetBytes: 1024,
      generateMs: 5,
      cold: run('cold', 4000),
      warm: run('warm', 1000),
      oneChange: run('one', 500),
      hugo: 'Hugo: not installed (apt-get install -y hugo), skipped',
      eleventy: run('Eleventy + Pagefind', 2000),
    });
    expect(text).toContain('ours / Eleventy + Pagefind: wall 2.00×');
    expect(text).toContain('| Hugo: not installed');
    expect(text).toContain('one changed document / cold: 0.13×');
  });

  it('says what the search index alone leaves of the reference run for the rest', () => {
    const run = (label: string, wallMs: number, stages: RunResult['stages'] = []): RunResult => ({
      label,
      wallMs,
      cpuMs: wallMs,
      peakRssBytes: 1024 * 1024,
      pages: 10,
      stages,
    });
    const search = { name: 'search index', wallMs: 25_000, cpuMs: 30_000, peakRssBytes: 1 };
    const size = {
      docs: 10,
      published: 9,
      datasetBytes: 1024,
      generateMs: 5,
      cold: run('cold', 70_000, [search]),
      warm: run('warm', 10_000),
      oneChange: run('one', 12_000),
      hugo: 'Hugo: skipped (--no-hugo)',
      eleventy: run('Eleventy + Pagefind', 30_000),
      pagefindAlone: run('Pagefind alone over the pages we index, one go (reference)', 21_000),
    };
    const line = searchBudget(size);
    expect(line).toContain(
      'the 10 pages we index, in one go, takes 21.0 s, 0.70× of Eleventy + Pagefind',
    );
    expect(line).toContain('leave 9.00 s for Astro');
    expect(line).toContain('which took 45.0 s (5.00×)');
    expect(formatSize(size)).toContain(
      '| Pagefind alone over the pages we index, one go (reference) | 21.0 |',
    );
    expect(searchBudget({ ...size, pagefindAlone: run('alone', 31_000) })).toContain(
      'would leave nothing',
    );
    // Without the reference runs there is no budget to state.
    const withoutReference: SizeResult = { ...size };
    delete withoutReference.pagefindAlone;
    expect(searchBudget(withoutReference)).toBeUndefined();
    expect(searchBudget({ ...size, eleventy: 'Eleventy: skipped' })).toBeUndefined();
  });

  it('stages only the pages our search step indexes, under their own paths', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'bench-stage-'));
    try {
      const site = path.join(root, 'site');
      const page = '<main data-pagefind-body><h1>Side</h1></main>';
      await mkdir(path.join(site, 'innlegg', 'a'), { recursive: true });
      await mkdir(path.join(site, 'tema', 'b'), { recursive: true });
      await writeFile(path.join(site, 'innlegg', 'a', 'index.html'), page);
      await writeFile(path.join(site, 'om.html'), page);
      await writeFile(path.join(site, 'tema', 'b', 'index.html'), '<main><h1>Liste</h1></main>');
      await writeFile(path.join(site, 'rss.xml'), '<rss data-pagefind-body/>');
      const stage = path.join(root, 'stage');
      expect(await stageIndexedPages(site, stage)).toBe(2);
      const staged = (await readdir(stage, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(stage, path.join(entry.parentPath, entry.name)))
        .sort();
      expect(staged).toEqual(['innlegg/a/index.html', 'om.html']);
      expect(await readFile(path.join(stage, 'om.html'), 'utf8')).toBe(page);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("reads the page count from Pagefind's summary", () => {
    const lines = (texts: string[]) => ({ lines: texts.map((text) => ({ at: 0, text })) });
    expect(parsePagefindPages(lines(['  Indexed 2 languages', '  Indexed 9802 pages']))).toBe(9802);
    expect(parsePagefindPages(lines(['  Indexed 1 page']))).toBe(1);
    expect(parsePagefindPages(lines(['Error: no pages']))).toBeUndefined();
  });

  it('groups profile frames by package and folder', () => {
    expect(classifyUrl('file:///x/node_modules/@astrojs/rss/dist/index.js')).toBe('@astrojs/rss');
    expect(classifyUrl('file:///x/node_modules/zod/v4/core.js')).toBe('zod');
    expect(classifyUrl('node:internal/fs')).toBe('node internals');
    expect(classifyUrl('')).toBe('(native / GC / idle)');
  });
});
