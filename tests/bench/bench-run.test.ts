import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SizeResult } from '../../scripts/bench/report.ts';

// The whole benchmark at 50 documents: generate, three Astro builds of a snapshot of HEAD,
// Hugo (when installed) and Eleventy, each with Pagefind. No other build runs meanwhile (the
// bench project's shared build ends before its tests start, and its files run one at a
// time), so the bench needs no lock against concurrent builds: --no-lock.
const root = path.resolve(import.meta.dirname, '../..');
let out: string;
let report: string;
let result: SizeResult;
let stdout: string;

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
  report = path.join(out, 'BENCHMARKS.md');
  await fs.writeFile(report, '# Benchmarks\n\nHand-written notes stay.\n');
  const run = spawnSync(
    process.execPath,
    ['scripts/bench.ts', '--docs', '50', '--out', out, '--report', report, '--no-lock'],
    { cwd: root, encoding: 'utf8', timeout: 280_000 },
  );
  stdout = run.stdout;
  if (run.status !== 0)
    throw new Error(`bench failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  result = JSON.parse(await fs.readFile(path.join(out, 'results-50.json'), 'utf8')) as SizeResult;
}, 300_000);

afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

describe('npm run bench -- --docs 50', () => {
  it('finds every stage of the cold build in its log, and time spent loading, rendering and indexing', () => {
    const names = result.cold.stages.map((stage) => stage.name);
    for (const name of ['load', 'render (pages)', 'feeds', 'search index'])
      expect(names).toContain(name);
    // The stages are consecutive windows of one run, so their sum is the total by
    // construction; what can go wrong is a window cut at the wrong line of the log.
    for (const name of ['load', 'render (pages)', 'search index']) {
      const stage = result.cold.stages.find((candidate) => candidate.name === name);
      expect(stage?.wallMs, name).toBeGreaterThan(0);
    }
    expect(result.cold.cpuMs).toBeGreaterThan(0);
    expect(result.cold.peakRssBytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(result.published).toBe(48);
  });

  it('reuses cached pages on a warm rebuild and re-renders little after one change', () => {
    const cachedNote = (run: SizeResult['warm']) =>
      run.stages.find((stage) => stage.name === 'render (pages)')?.note ?? '';
    expect(cachedNote(result.cold)).toMatch(/ 0 from the incremental cache/);
    expect(cachedNote(result.warm)).toMatch(/[1-9]\d* from the incremental cache/);
    expect(result.oneChange.label).toMatch(/after changing post-/);
  });

  it('builds the changed title and never a draft or a scheduled document', async () => {
    const dist = path.join(out, '50', 'astro-dist');
    const data = (await fs.readFile(path.join(out, '50', 'data', 'data.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            _id: string;
            _type: string;
            title?: string;
            slug?: { current: string };
            publishedAt?: string;
          },
      );
    const changed = data.find((doc) => doc.title?.endsWith('(oppdatert)'));
    expect(changed?.slug?.current).toBeDefined();
    const page = await fs.readFile(
      path.join(dist, 'innlegg', changed?.slug?.current ?? '', 'index.html'),
      'utf8',
    );
    expect(page).toContain('(oppdatert)');
    const hidden = data.filter(
      (doc) => doc._id.startsWith('drafts.') || Date.parse(doc.publishedAt ?? '') > Date.now(),
    );
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const sites = [dist, path.join(out, '50', 'eleventy', '_site')];
    if (typeof result.hugo !== 'string') sites.push(path.join(out, '50', 'hugo', 'public'));
    for (const site of sites) {
      for (const doc of hidden) {
        const slug = doc.slug?.current ?? '';
        await expect(
          fs.stat(path.join(site, 'innlegg', slug)),
          `${site} ${doc._id}`,
        ).rejects.toThrow();
        await expect(
          fs.stat(path.join(site, 'caser', slug)),
          `${site} ${doc._id}`,
        ).rejects.toThrow();
        await expect(
          fs.stat(path.join(site, 'prosjekter', slug)),
          `${site} ${doc._id}`,
        ).rejects.toThrow();
      }
    }
  });

  it('runs Eleventy (and Hugo when installed) with Pagefind on the same documents', () => {
    expect(typeof result.eleventy).toBe('object');
    if (typeof result.eleventy === 'string') return;
    expect(result.eleventy.stages.map((stage) => stage.name)).toEqual(['build', 'search index']);
    // 48 documents + lists + home: the same content, whatever the generator.
    expect(result.eleventy.pages).toBeGreaterThan(48);
    if (typeof result.hugo === 'string') expect(result.hugo).toMatch(/not installed|skipped/);
    else expect(result.hugo.pages).toBeGreaterThan(48);
  });

  it('measures a first query on the site as the one-change build left it, and indexed afresh', () => {
    if (typeof result.searchAfterChange === 'string' || !result.searchAfterChange)
      throw new Error(`search after the change: ${String(result.searchAfterChange)}`);
    if (typeof result.search === 'string' || !result.search)
      throw new Error(`search: ${String(result.search)}`);
    // The overlay hides the changed page's old copy: the same results as a fresh index.
    expect(result.searchAfterChange.results).toBe(result.search.results);
    expect(result.searchAfterChange.results).toBeGreaterThan(0);
    expect(result.searchAfterChange.firstQueryIndexBytes).toBeGreaterThan(0);
  });

  it('writes the report between markers and keeps the hand-written text', async () => {
    const text = await fs.readFile(report, 'utf8');
    expect(text).toContain('Hand-written notes stay.');
    expect(text).toMatch(
      /<!-- bench:results:start -->[\s\S]*### 50 documents[\s\S]*<!-- bench:results:end -->/,
    );
    expect(text).toMatch(/ours \/ Eleventy \+ Pagefind: wall \d+\.\d\d×, CPU \d+\.\d\d×/);
    expect(text).toMatch(
      /search after the one-change build \(.*\): the same query gave \d+ results/,
    );
    expect(text).toMatch(/Versions: node v\d+.*astro \d.*eleventy 3\.\d.*pagefind 1\.\d/);
    expect(stdout).toContain('[bench] written to');
  });
});
