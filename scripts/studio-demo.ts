/**
 * `npm run studio:demo [-- --port <n>]`: the Studio on http://localhost:3333 against a local
 * stand-in of Sanity's API over the embedded dataset (or LOCAL_DATASET), with no account.
 * Builds the Studio in demo mode, serves it and the stand-in on one origin, and writes the
 * changes back to the export when the on-screen button (or `POST /demo/save`) asks for it.
 * See docs/operations.md.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { readDatasetExport } from '../src/sanity/read/dataset-file.ts';
import { buildDemoStudio, DEFAULT_DEMO_BUILD_DIR, ROOT } from './studio-demo/build-studio.ts';
import { ContentLake } from './studio-demo/content-lake.ts';
import { describeUnsavedOnStop, startDemoServer } from './studio-demo/demo-server.ts';

/** The port the demo serves on unless `--port` says otherwise. */
export const DEFAULT_DEMO_PORT = 3333;

const USAGE = 'usage: npm run studio:demo [-- --port <number>]';

/** Reads `--port`; throws with the usage on anything else. */
export function parseDemoArgs(args: readonly string[]): { port: number } {
  let port = DEFAULT_DEMO_PORT;
  for (let index = 0; index < args.length; index += 1) {
    const value = args[index + 1];
    if (args[index] === '--port' && value !== undefined && /^\d+$/.test(value)) {
      port = Number(value);
      index += 1;
    } else {
      throw new Error(`unexpected "${args[index] ?? ''}".\n${USAGE}`);
    }
  }
  return { port };
}

async function main(): Promise<void> {
  const { port } = parseDemoArgs(process.argv.slice(2));
  const { localDataset } = readDatasetSetting();
  const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'studio-demo-exports');
  const exported = await readDatasetExport(localDataset, { cacheDir });
  if (/\.(tar\.gz|tgz)$/i.test(localDataset)) {
    console.warn(
      `${localDataset} is an archive: "Skriv endringene til den lokale eksporten" writes to its unpacked copy at ${exported.dataFile}, not into the archive.`,
    );
  }
  console.log('Building the Studio in demo mode…');
  await buildDemoStudio(DEFAULT_DEMO_BUILD_DIR);
  const server = await startDemoServer({
    lake: new ContentLake(exported.documents),
    projectId: 'tanketanken',
    dataset: 'production',
    studioDir: DEFAULT_DEMO_BUILD_DIR,
    exportTarget: { dataFile: exported.dataFile, assetDir: exported.assetDir },
    port,
  });
  console.log(
    `Studio demo on ${server.origin}/ over ${exported.dataFile} (${exported.documents.length} documents).\n` +
      'Nothing reaches a Sanity project. Changes stay in memory until «Skriv endringene til den lokale eksporten» writes them to that file. Ctrl+C stops.',
  );
  const stop = () => {
    const warning = describeUnsavedOnStop(server.unsavedTransactions(), exported.dataFile);
    if (warning !== undefined) console.warn(warning);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The export to serve: LOCAL_DATASET, else the embedded `content/`. */
function readDatasetSetting(): { localDataset: string } {
  const { source } = loadConfig(process.env, process.cwd());
  if (source.kind === 'local') return { localDataset: source.datasetPath };
  throw new ConfigError(
    'SANITY_PROJECT_ID',
    'is set, but the demo never talks to Sanity; unset it (or set LOCAL_DATASET) to run the demo.',
  );
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
