/**
 * Generates a seeded synthetic dataset in Sanity's export format, for the benchmark and
 * for trying the site at scale:
 *
 *   npm run dataset:generate -- --docs 1000 --out bench-out/data-1000 [--seed tanketanken]
 *   LOCAL_DATASET=bench-out/data-1000 npm run build
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from './dataset/documents.ts';
import { writeDataset } from './dataset/write.ts';

/** Parsed command-line options of the generator. */
export interface GeneratorArgs {
  docs: number;
  out: string;
  seed: string;
}

/** Reads `--docs N --out DIR [--seed S]`; throws a message that says what to type. */
export function parseGeneratorArgs(argv: string[]): GeneratorArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      docs: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: 'tanketanken' },
    },
    strict: true,
  });
  const docs = Number(values.docs);
  if (values.docs === undefined || !Number.isInteger(docs) || docs < 1) {
    throw new Error(
      `--docs must be a whole number of at least 1 (got ${values.docs ?? 'nothing'}); e.g. --docs 1000`,
    );
  }
  if (values.out === undefined || values.out.trim() === '') {
    throw new Error('--out is required: the folder to write data.ndjson and images/ into');
  }
  return { docs, out: values.out, seed: values.seed };
}

async function main(): Promise<void> {
  let args: GeneratorArgs;
  try {
    args = parseGeneratorArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`generate-dataset: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const dataset = generateDataset({ docs: args.docs, seed: args.seed });
  const out = path.resolve(args.out);
  const dataFile = await writeDataset(dataset, out);
  const { counts } = dataset;
  console.log(
    `Wrote ${dataset.documents.length} documents to ${path.relative(process.cwd(), dataFile)} in ` +
      `${Math.round(performance.now() - started)} ms: ${counts.post} posts, ${counts.projectStory} projects, ` +
      `${counts.caseStudy} cases (${counts.published} published, ${counts.drafts} drafts, ` +
      `${counts.scheduled} scheduled), ${counts.person} people, ${counts.topic} topics, ` +
      `${counts.serviceArea} service areas, ${counts.page} pages, ${dataset.images.length} images.`,
  );
}

if (import.meta.main) await main();
