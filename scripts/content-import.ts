/**
 * `npm run content:import [-- <dataset file> --dataset <name> --dry-run]`: loads the embedded
 * dataset into a Sanity project with the Sanity CLI (`sanity dataset import … --replace`),
 * run in the studio workspace so the CLI uses the Studio's project. The CLI needs a login
 * (`npx sanity login` in studio/) or SANITY_AUTH_TOKEN.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** The command the import runs, with the environment it adds. */
export interface ImportCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/** A usage or configuration problem, printed as it is. */
export class ImportUsageError extends Error {
  override name = 'ImportUsageError';
}

const USAGE =
  'usage: npm run content:import [-- <data.ndjson | export folder | .tar.gz>] [--dataset <name>] [--dry-run]';

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** Turns arguments and environment into the Sanity CLI call; throws ImportUsageError. */
export function planImport(
  args: readonly string[],
  env: Env,
  root: string,
): { command: ImportCommand; dryRun: boolean } {
  let source: string | undefined;
  let dataset = nonEmpty(env['SANITY_STUDIO_DATASET']) ?? nonEmpty(env['SANITY_DATASET']);
  let dryRun = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--dataset') {
      dataset = nonEmpty(args[index + 1]);
      if (dataset === undefined || dataset.startsWith('-')) {
        throw new ImportUsageError(`--dataset needs a name.\n${USAGE}`);
      }
      index += 1;
    } else if (arg.startsWith('-')) throw new ImportUsageError(`unknown option ${arg}.\n${USAGE}`);
    else if (source === undefined) source = arg;
    else
      throw new ImportUsageError(`one dataset at a time, got "${source}" and "${arg}".\n${USAGE}`);
  }
  dataset ??= 'production';
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(dataset)) {
    throw new ImportUsageError(
      `"${dataset}" is not a dataset name (lower-case letters, digits, "_" and "-").`,
    );
  }
  const projectId = nonEmpty(env['SANITY_STUDIO_PROJECT_ID']) ?? nonEmpty(env['SANITY_PROJECT_ID']);
  if (projectId === undefined) {
    throw new ImportUsageError(
      'SANITY_STUDIO_PROJECT_ID (or SANITY_PROJECT_ID) is not set: say which Sanity project to import into, e.g. SANITY_STUDIO_PROJECT_ID=abc123 npm run content:import.',
    );
  }
  if (!/^[a-z0-9-]+$/.test(projectId)) {
    throw new ImportUsageError(`"${projectId}" is not a Sanity project id.`);
  }
  const file = path.resolve(root, source ?? 'content/data.ndjson');
  if (!fs.existsSync(file)) {
    throw new ImportUsageError(`${file}: no dataset here to import.\n${USAGE}`);
  }
  return {
    command: {
      command: process.execPath,
      args: [
        path.join(root, 'node_modules', 'sanity', 'bin', 'sanity'),
        'dataset',
        'import',
        file,
        dataset,
        '--replace',
      ],
      cwd: path.join(root, 'studio'),
      env: { SANITY_STUDIO_PROJECT_ID: projectId, SANITY_STUDIO_DATASET: dataset },
    },
    dryRun,
  };
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  let plan;
  try {
    plan = planImport(process.argv.slice(2), process.env, root);
  } catch (error) {
    if (!(error instanceof ImportUsageError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  const { command, dryRun } = plan;
  const shown = `${Object.entries(command.env)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')} sanity ${command.args.slice(1).join(' ')} (in ${command.cwd})`;
  if (dryRun) {
    console.log(shown);
    return;
  }
  console.log(`Running ${shown}`);
  const child = spawn(command.command, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: 'inherit',
  });
  const code = await new Promise<number>((resolve) =>
    child.on('close', (exit) => resolve(exit ?? 1)),
  );
  if (code !== 0) {
    console.error(
      'The Sanity CLI failed; if it asked for a login, run `npx sanity login` in studio/ or set SANITY_AUTH_TOKEN.',
    );
  }
  process.exitCode = code;
}

if (import.meta.main) await main();
