// Fails when the committed TypeGen output – studio/schema.json and src/sanity/sanity.types.ts –
// is not what `npm run typegen` makes from today's schema and queries. It runs the same two
// commands, compares, and then puts both files back as they were, so the check changes nothing.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const STUDIO = path.join(ROOT, 'studio');
const SANITY = path.join(ROOT, 'node_modules', '@sanity', 'cli', 'bin', 'run.js');
const OUTPUTS = ['studio/schema.json', 'src/sanity/sanity.types.ts'];

/** Returns a file's text, or undefined when it doesn't exist. */
function readOptional(file) {
  try {
    return fs.readFileSync(path.join(ROOT, file), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `text` to `file`, or removes the file when `text` is undefined. */
function restore(file, text) {
  const target = path.join(ROOT, file);
  if (text === undefined) fs.rmSync(target, { force: true });
  else fs.writeFileSync(target, text);
}

const before = new Map(OUTPUTS.map((file) => [file, readOptional(file)]));
let failure;
let stale = [];
try {
  for (const args of [
    ['schema', 'extract', '--force'],
    ['typegen', 'generate'],
  ]) {
    const result = spawnSync(process.execPath, [SANITY, ...args], {
      cwd: STUDIO,
      encoding: 'utf8',
      env: { ...process.env, DO_NOT_TRACK: '1' },
    });
    if (result.status !== 0) {
      failure = `\`sanity ${args.join(' ')}\` failed (exit ${result.status}):\n${result.stdout}${result.stderr}`;
      break;
    }
  }
  if (failure === undefined) {
    stale = OUTPUTS.filter((file) => readOptional(file) !== before.get(file));
  }
} finally {
  for (const [file, text] of before) restore(file, text);
}

if (failure !== undefined) {
  console.error(failure);
  process.exit(1);
}
if (stale.length > 0) {
  console.error(
    `TypeGen output is stale: ${stale.join(', ')}.\n` +
      'The schema in content-schemas/ or a defineQuery in src/ changed since it was generated. ' +
      'Run `npm run typegen` and commit both files.',
  );
  process.exit(1);
}
console.log(`TypeGen output is up to date (${OUTPUTS.join(', ')}).`);
