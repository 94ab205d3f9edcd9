/**
 * The build benchmark: generates a dataset, builds it with Astro (cold, warm, after one
 * changed document), then the same content with Hugo and Eleventy, each followed by
 * Pagefind, and writes the figures to BENCHMARKS.md.
 *
 *   npm run bench                              # 1,000 and 10,000 documents
 *   npm run bench -- --docs 50000              # sizes are repeatable: --docs 1000 --docs 5000
 *   npm run bench -- --docs 50 --report /tmp/b.md --out /tmp/bench --no-lock
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDataset } from './dataset/documents.ts';
import { writeDataset } from './dataset/write.ts';
import { ROUTES } from '../content-schemas/routes.ts';
import { findIndexablePages, linkFile } from '../src/build/search-index.ts';
import { toMarkdownDocs, writeEleventySite, writeHugoSite, type RawDoc } from './bench/markdown.ts';
import { measure, type Measurement } from './bench/measure.ts';
import { measurePublishToLive, type PublishMeasurement } from './bench/publish.ts';
import {
  formatReport,
  writeReport,
  type Environment,
  type RunResult,
  type SizeResult,
} from './bench/report.ts';
import { parseAstroStages, parseSearchLine, type Stage } from './bench/stages.ts';
import {
  measureFirstQuery,
  measureSearch,
  type FirstQueryMeasurement,
  type SearchMeasurement,
} from './bench-search.ts';

/** The benchmark's command-line options. */
export interface BenchArgs {
  docs: number[];
  seed: string;
  out: string;
  report: string;
  /** A lock file to hold while Astro builds (concurrent builds in one root clash). */
  lock: string | undefined;
  hugo: boolean;
  eleventy: boolean;
  /** Build the working tree as it is, instead of a snapshot of the last commit. */
  worktree: boolean;
}

/** Reads the options; throws a message that says what to type. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      docs: { type: 'string', multiple: true },
      seed: { type: 'string', default: 'tanketanken' },
      out: { type: 'string', default: 'bench-out' },
      report: { type: 'string', default: 'BENCHMARKS.md' },
      lock: { type: 'string', default: '/tmp/astro-build.lock' },
      'no-lock': { type: 'boolean', default: false },
      'no-hugo': { type: 'boolean', default: false },
      'no-eleventy': { type: 'boolean', default: false },
      worktree: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const docs = (values.docs ?? ['1000', '10000']).map((value) => {
    const count = Number(value.replace(/[_,]/g, ''));
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`--docs must be a whole number of at least 1, got "${value}"`);
    }
    return count;
  });
  return {
    docs,
    seed: values.seed,
    out: values.out,
    report: values.report,
    lock: values['no-lock'] ? undefined : values.lock,
    hugo: !values['no-hugo'],
    eleventy: !values['no-eleventy'],
    worktree: values.worktree,
  };
}

const ROOT = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[bench] ${line}`);

/** The site the benchmark builds: its root, and the commit it came from. */
interface SiteUnderTest {
  root: string;
  revision: string;
}

/**
 * Copies the last commit (`git archive HEAD`) into `dir`, with node_modules linked, so
 * edits others make to the working tree during a long run cannot change what is built
 * between the cold and the warm build.
 */
async function snapshotSite(dir: string): Promise<SiteUnderTest> {
  const revision = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).stdout.trim();
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const copy = spawnSync('sh', ['-c', 'git -C "$0" archive HEAD | tar -x -C "$1"', ROOT, dir], {
    encoding: 'utf8',
  });
  if (copy.status !== 0) throw new Error(`bench: cannot snapshot HEAD: ${copy.stderr}`);
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return { root: dir, revision: revision || 'unknown' };
}

/** Holds `lockFile` through flock(1) until the returned release function is called. */
async function holdLock(lockFile: string | undefined): Promise<() => void> {
  if (lockFile === undefined || !commandExists('flock')) return () => undefined;
  log(`waiting for ${lockFile}…`);
  const holder: ChildProcess = spawn('flock', [lockFile, 'sh', '-c', 'echo locked; exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.on('error', reject);
    holder.on('exit', (code) => reject(new Error(`flock ${lockFile} ended with ${code}`)));
    holder.stdout?.once('data', () => resolve());
  });
  return () => {
    holder.removeAllListeners('exit');
    holder.stdin?.end();
  };
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function versionOf(pkg: string): string {
  try {
    const manifest: unknown = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'),
    );
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'not installed';
  }
}

async function countHtml(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html') && !entry.parentPath.includes('pagefind')) {
      count += 1;
    }
  }
  return count;
}

function failed(run: Measurement, what: string): Error {
  const tail = run.lines
    .slice(-30)
    .map((line) => line.text)
    .join('\n');
  return new Error(`${what} failed with exit code ${run.exitCode}:\n${tail}`);
}

async function buildAstro(
  site: SiteUnderTest,
  label: string,
  config: string,
  dataset: string,
  distDir: string,
  searchCache: string,
): Promise<RunResult> {
  log(`astro: ${label}…`);
  const run = await measure(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'build',
      '--config',
      path.relative(site.root, config),
    ],
    {
      cwd: site.root,
      env: { ...process.env, LOCAL_DATASET: dataset, FORCE_COLOR: '0' },
    },
  );
  if (run.exitCode !== 0) throw failed(run, `astro build (${label})`);
  const facts = parseAstroStages(run);
  const warnings = run.lines.filter(
    (line) => /\[WARN\]|warn/i.test(line.text) && !/vite/i.test(line.text),
  );
  if (warnings.length > 0)
    log(`${warnings.length} warning line(s), first: ${warnings[0]?.text ?? ''}`);
  // The second step of `npm run build`, in its own process, as the build script runs it.
  const search = await measure(
    process.execPath,
    [
      path.join(site.root, 'scripts', 'build-search-index.ts'),
      '--site',
      distDir,
      '--cache',
      searchCache,
    ],
    { cwd: site.root, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  if (search.exitCode !== 0) throw failed(search, `search index (${label})`);
  const indexed = parseSearchLine(search);
  return {
    label,
    wallMs: run.wallMs + search.wallMs,
    cpuMs: run.cpuMs + search.cpuMs,
    peakRssBytes: Math.max(run.peakRssBytes, search.peakRssBytes),
    pages: await countHtml(distDir),
    stages: [
      ...facts.stages,
      {
        name: 'search index',
        wallMs: search.wallMs,
        cpuMs: search.cpuMs,
        peakRssBytes: search.peakRssBytes,
        note:
          `own process after Astro: ${indexed.pages} pages in ${indexed.parts} part(s), ` +
          `${indexed.reusedParts} from the cache`,
      },
    ],
  };
}

async function runPagefind(site: string, outputPath?: string): Promise<Measurement> {
  const args = [path.join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs')];
  args.push('--site', site, ...(outputPath ? ['--output-path', outputPath] : []));
  const run = await measure(process.execPath, args, { cwd: ROOT, env: process.env });
  if (run.exitCode !== 0) throw failed(run, `pagefind --site ${site}`);
  return run;
}

/** The number in Pagefind's "Indexed 9802 pages" line. */
export function parsePagefindPages(run: Pick<Measurement, 'lines'>): number | undefined {
  for (const { text } of run.lines) {
    const match = /^\s*Indexed (\d+) pages?$/.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * Links the pages our search step indexes (its own choice of them: those with
 * `data-pagefind-body`) into `stage` under their own paths, and returns how many.
 * Pagefind's command line reads every HTML file of the folder it is given, and our ~1,100
 * list pages cost it 4–6 s at 10,000 documents that the search step never spends.
 */
export async function stageIndexedPages(siteDir: string, stage: string): Promise<number> {
  await fs.rm(stage, { recursive: true, force: true });
  const index = path.join(siteDir, ...ROUTES.searchIndex.split('/').filter(Boolean));
  const pages = findIndexablePages(siteDir, index);
  for (const page of pages) {
    const target = path.join(stage, ...page.sourcePath.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await linkFile(page.file, target);
  }
  return pages.length;
}

/**
 * Pagefind's command line over the pages we index, in one go, into a folder outside the
 * site: what the search index alone costs, without parts (so at Pagefind's full memory)
 * and without a cache.
 */
async function pagefindAlone(distDir: string, work: string): Promise<RunResult> {
  log('Pagefind alone over the pages we index…');
  const stage = path.join(work, 'pages');
  const output = path.join(work, 'index');
  await stageIndexedPages(distDir, stage);
  await fs.rm(output, { recursive: true, force: true });
  const run = await runPagefind(stage, output);
  await fs.rm(work, { recursive: true, force: true });
  return {
    label: 'Pagefind alone over the pages we index, one go (reference)',
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssBytes: run.peakRssBytes,
    pages: parsePagefindPages(run),
    stages: [],
  };
}

async function buildOther(
  label: string,
  command: string,
  args: string[],
  cwd: string,
  siteDir: string,
): Promise<RunResult> {
  log(`${label}…`);
  const build = await measure(command, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.exitCode !== 0) throw failed(build, label);
  const search = await runPagefind(siteDir);
  const toStage = (name: string, run: Measurement): Stage => ({
    name,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakRssBytes: run.peakRssBytes,
  });
  return {
    label: `${label} + Pagefind`,
    wallMs: build.wallMs + search.wallMs,
    cpuMs: build.cpuMs + search.cpuMs,
    peakRssBytes: Math.max(build.peakRssBytes, search.peakRssBytes),
    pages: await countHtml(siteDir),
    stages: [toStage('build', build), toStage('search index', search)],
  };
}

/** Changes one published post's title, as an editor's save would (new _rev, _updatedAt). */
export function changeOneDocument(ndjson: string, now: Date): { text: string; id: string } {
  const lines = ndjson.split('\n');
  for (let index = Math.floor(lines.length / 2); index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) continue;
    const doc = JSON.parse(line) as RawDoc;
    if (doc._type !== 'post' || doc._id.startsWith('drafts.')) continue;
    if (Date.parse(String(doc['publishedAt'])) > now.getTime()) continue;
    doc['title'] = `${String(doc['title'])} (oppdatert)`;
    doc['_rev'] = `${String(doc['_rev']).slice(0, 16)}bench1`;
    doc['_updatedAt'] = now.toISOString();
    lines[index] = JSON.stringify(doc);
    return { text: lines.join('\n'), id: doc._id };
  }
  throw new Error('bench: the dataset has no published post to change');
}

async function benchSize(docs: number, args: BenchArgs, site: SiteUnderTest): Promise<SizeResult> {
  const base = path.resolve(ROOT, args.out, String(docs));
  const dataset = path.join(base, 'data');
  log(`${docs} documents: generating into ${path.relative(ROOT, dataset)}…`);
  const generateStart = performance.now();
  const generated = generateDataset({ docs, seed: args.seed });
  const dataFile = await writeDataset(generated, dataset);
  const generateMs = performance.now() - generateStart;

  // Own output and cache folders, so the bench never touches dist/ or the dev cache.
  const distDir = path.join(base, 'astro-dist');
  const cacheDir = path.join(base, 'astro-cache');
  const searchCache = path.join(base, 'search-cache');
  const config = path.join(base, 'astro.config.mjs');
  await fs.rm(distDir, { recursive: true, force: true });
  await fs.rm(cacheDir, { recursive: true, force: true });
  await fs.rm(searchCache, { recursive: true, force: true });
  await fs.writeFile(
    config,
    `import base from ${JSON.stringify(pathToFileURL(path.join(site.root, 'astro.config.mjs')).href)};\n` +
      `export default { ...base, outDir: ${JSON.stringify(distDir)}, cacheDir: ${JSON.stringify(cacheDir)} };\n`,
  );
  const release = await holdLock(args.lock);
  let cold: RunResult;
  let warm: RunResult;
  let oneChange: RunResult;
  let alone: RunResult;
  let publishToLive: PublishMeasurement | string;
  try {
    cold = await buildAstro(site, 'Tanketanken cold', config, dataset, distDir, searchCache);
    warm = await buildAstro(
      site,
      'Tanketanken warm, nothing changed',
      config,
      dataset,
      distDir,
      searchCache,
    );
    const changed = changeOneDocument(await fs.readFile(dataFile, 'utf8'), new Date());
    await fs.writeFile(dataFile, changed.text);
    oneChange = await buildAstro(
      site,
      `Tanketanken after changing ${changed.id}`,
      config,
      dataset,
      distDir,
      searchCache,
    );
    alone = await pagefindAlone(distDir, path.join(base, 'pagefind-alone'));
    try {
      publishToLive = await measurePublishToLive({
        siteRoot: site.root,
        dataset,
        dataFile,
        stateDir: path.join(base, 'service-state'),
        change: (ndjson) => {
          const result = changeOneDocument(ndjson, new Date());
          const doc = result.text
            .split('\n')
            .map((line) =>
              line.includes(`"_id":"${result.id}"`) ? (JSON.parse(line) as RawDoc) : undefined,
            )
            .find((found) => found?._id === result.id);
          const slug = (doc?.['slug'] as { current?: string } | undefined)?.current;
          if (!doc || slug === undefined) throw new Error(`bench: ${result.id} has no slug`);
          return { text: result.text, slug, title: String(doc['title']) };
        },
        log,
      });
    } catch (error) {
      publishToLive = `not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      log(`publish-to-live: ${publishToLive}`);
    }
  } finally {
    release();
  }

  // First as users see it after an edit (the overlay in place), then indexed afresh.
  let searchAfterChange: FirstQueryMeasurement | string;
  try {
    searchAfterChange = await measureFirstQuery(distDir, 'innovasjon');
  } catch (error) {
    searchAfterChange = `not measured (${error instanceof Error ? error.message : String(error)})`;
    log(`search after the change: ${searchAfterChange}`);
  }
  let search: SearchMeasurement | string;
  try {
    search = await measureSearch(distDir, 'innovasjon');
  } catch (error) {
    search = `not measured (${error instanceof Error ? error.message : String(error)})`;
    log(`search: ${search}`);
  }

  const documents = (await fs.readFile(dataFile, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawDoc);
  const markdown = toMarkdownDocs(documents, new Date());
  const imagesDir = path.join(dataset, 'images');
  let hugo: RunResult | string = 'Hugo: skipped (--no-hugo)';
  if (args.hugo) {
    if (commandExists('hugo')) {
      const dir = path.join(base, 'hugo');
      await writeHugoSite(markdown, dir, imagesDir);
      hugo = await buildOther(
        'Hugo',
        'hugo',
        ['--source', dir, '--destination', path.join(dir, 'public')],
        dir,
        path.join(dir, 'public'),
      );
    } else {
      hugo = 'Hugo: not installed (apt-get install -y hugo), skipped';
      log(hugo);
    }
  }
  let eleventy: RunResult | string = 'Eleventy: skipped (--no-eleventy)';
  if (args.eleventy) {
    const dir = path.join(base, 'eleventy');
    await writeEleventySite(markdown, dir, imagesDir);
    eleventy = await buildOther(
      'Eleventy',
      process.execPath,
      [path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--quiet'],
      dir,
      path.join(dir, '_site'),
    );
  }
  return {
    docs,
    published: generated.counts.published,
    datasetBytes: (await fs.stat(dataFile)).size,
    generateMs,
    cold,
    warm,
    oneChange,
    hugo,
    eleventy,
    pagefindAlone: alone,
    search,
    searchAfterChange,
    publishToLive,
  };
}

function describeEnvironment(args: BenchArgs, site: SiteUnderTest): Environment {
  const hugo = commandExists('hugo')
    ? (spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.split(' ')[1] ?? 'unknown')
    : 'not installed';
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    nproc: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    versions: {
      node: process.version,
      astro: versionOf('astro'),
      hugo,
      eleventy: versionOf('@11ty/eleventy'),
      pagefind: versionOf('pagefind'),
    },
    revision: site.revision,
    command: `npm run bench -- ${args.docs.map((docs) => `--docs ${docs}`).join(' ')}`,
  };
}

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
    return;
  }
  const site = args.worktree
    ? { root: ROOT, revision: 'working tree' }
    : await snapshotSite(path.resolve(ROOT, args.out, 'site'));
  log(`building ${args.worktree ? 'the working tree' : `a snapshot of ${site.revision}`}`);
  const results: SizeResult[] = [];
  for (const docs of args.docs) {
    const result = await benchSize(docs, args, site);
    results.push(result);
    await fs.writeFile(
      path.resolve(ROOT, args.out, `results-${docs}.json`),
      JSON.stringify(result, null, 2),
    );
  }
  const report = formatReport(describeEnvironment(args, site), results);
  await writeReport(path.resolve(ROOT, args.report), report);
  console.log(report);
  log(`written to ${args.report}`);
}

if (import.meta.main) await main();
