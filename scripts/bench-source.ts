/**
 * `npm run bench:source -- [--docs 1000,10000] [--dataset <export>]`: load time and peak
 * memory of the content source (read the export, run every collection query with groq-js,
 * validate and resolve) for generated datasets, or for one given export.
 * Generates with `npm run dataset:generate -- --docs N --out DIR` (scripts/generate-dataset.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { getSiteContent } from '../src/sanity/source.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** One measurement. */
export interface SourceBenchResult {
  dataset: string;
  documents: number;
  loadMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** Loads `datasetPath` once through getSiteContent, sampling memory while it runs. */
export async function measureSource(datasetPath: string): Promise<SourceBenchResult> {
  const config = loadConfig({ LOCAL_DATASET: datasetPath }, ROOT);
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const site = await getSiteContent(config, {
      cwd: ROOT,
      now: new Date(),
      warn: () => undefined,
      info: () => undefined,
    });
    const loadMs = performance.now() - started;
    const usage = process.memoryUsage();
    const documents = site.post.length + site.projectStory.length + site.caseStudy.length;
    return {
      dataset: datasetPath,
      documents,
      loadMs: Math.round(loadMs),
      peakRssMb: Math.round(Math.max(peakRss, usage.rss) / 2 ** 20),
      peakHeapMb: Math.round(Math.max(peakHeap, usage.heapUsed) / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const datasetIndex = args.indexOf('--dataset');
  const child = args.indexOf('--child');
  if (child !== -1) {
    // One dataset per process, so peak memory is not inherited from the previous run.
    const target = args[child + 1] ?? '';
    console.log(JSON.stringify(await measureSource(target)));
    return;
  }
  const docsIndex = args.indexOf('--docs');
  const sizes = (docsIndex === -1 ? '1000,10000' : (args[docsIndex + 1] ?? ''))
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const targets: string[] = [];
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-source-'));
  try {
    if (datasetIndex !== -1) {
      targets.push(path.resolve(args[datasetIndex + 1] ?? ''));
    } else {
      for (const size of sizes) {
        const out = path.join(tmp, `docs-${size}`);
        execFileSync(
          process.execPath,
          [path.join(ROOT, 'scripts/generate-dataset.ts'), '--docs', String(size), '--out', out],
          { cwd: ROOT, stdio: 'ignore' },
        );
        targets.push(out);
      }
    }
    console.log('| dataset | published documents | load (ms) | peak RSS (MB) | peak heap (MB) |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const target of targets) {
      const line = execFileSync(
        process.execPath,
        [path.join(ROOT, 'scripts/bench-source.ts'), '--child', target],
        { cwd: ROOT, encoding: 'utf8' },
      );
      const result = JSON.parse(line) as SourceBenchResult;
      console.log(
        `| ${path.basename(result.dataset)} | ${result.documents} | ${result.loadMs} | ${result.peakRssMb} | ${result.peakHeapMb} |`,
      );
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
