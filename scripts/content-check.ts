/**
 * `npm run content:check [-- <dataset>]`: validates a dataset export (default: LOCAL_DATASET,
 * else content/) with the very rules the build applies, prints every problem and a
 * summary, and exits 1 if there is any problem, so editors and CI learn before a build.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { loadSiteContent } from '../src/sanity/content.ts';
import { DuplicateSlugError, formatProblem } from '../src/sanity/problems.ts';
import { DatasetError, readDatasetExport } from '../src/sanity/read/dataset-file.ts';
import { createLocalEngine } from '../src/sanity/query/local-engine.ts';

/** What one check found, as lines to print and an exit code. */
export interface CheckResult {
  lines: string[];
  code: 0 | 1;
}

/** Checks the export at `datasetPath` as of `now`; never throws for bad content. */
export async function checkDataset(
  datasetPath: string,
  options: { cwd: string; now: Date },
): Promise<CheckResult> {
  const relative = path.relative(options.cwd, datasetPath);
  const shown = relative.startsWith('..') ? datasetPath : relative || '.';
  let content;
  try {
    const dataset = await readDatasetExport(datasetPath, {
      cacheDir: path.join(options.cwd, 'node_modules', '.cache', 'tanketanken', 'datasets'),
    });
    const drafts = dataset.documents.filter((doc) => /^(drafts|versions)\./.test(doc._id));
    content = await loadSiteContent(createLocalEngine(dataset.documents, shown), {
      now: options.now,
      cdn: undefined,
    });
    const lines = content.problems.map(formatProblem);
    const excluded = content.problems.filter((problem) => problem.excluded).length;
    const published = content.post.length + content.projectStory.length + content.caseStudy.length;
    lines.push(
      `${shown}: ${dataset.documents.length} documents (${drafts.length} unpublished drafts skipped); ` +
        `${published} published (${content.post.length} posts, ${content.projectStory.length} projects, ` +
        `${content.caseStudy.length} cases), ${content.scheduled} scheduled for later; ` +
        `${content.problems.length} problem(s): ${excluded} left out, ${content.problems.length - excluded} field(s) dropped.`,
    );
    return { lines, code: content.problems.length > 0 ? 1 : 0 };
  } catch (error) {
    if (error instanceof DatasetError || error instanceof DuplicateSlugError) {
      return { lines: [error.message, `${shown}: the dataset cannot be built.`], code: 1 };
    }
    throw error;
  }
}

/** Picks the dataset: the first argument, else LOCAL_DATASET, else content/. */
export function resolveDatasetArgument(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  const [first, ...rest] = args;
  if (rest.length > 0 || first?.startsWith('-')) {
    throw new Error('usage: npm run content:check [-- <export folder | .tar.gz | .ndjson>]');
  }
  if (first !== undefined) return path.resolve(cwd, first);
  // LOCAL_DATASET is read through the one config reader; a project id is irrelevant here.
  const config = loadConfig({ ...env, SANITY_PROJECT_ID: undefined }, cwd);
  return config.source.kind === 'local' ? config.source.datasetPath : path.join(cwd, 'content');
}

async function main(): Promise<void> {
  const cwd = process.cwd();
  let datasetPath: string;
  try {
    datasetPath = resolveDatasetArgument(process.argv.slice(2), process.env, cwd);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const result = await checkDataset(datasetPath, { cwd, now: new Date() });
  const out = result.code === 0 ? console.log : console.error;
  for (const line of result.lines) out(line);
  process.exitCode = result.code;
}

if (import.meta.main) await main();
