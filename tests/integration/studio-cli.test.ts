/**
 * The Studio through the Sanity CLI, offline: the schema validates, the Studio builds, and
 * the committed TypeGen output is what `npm run typegen` makes today.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STUDIO = path.join(ROOT, 'studio');
const SANITY = path.join(ROOT, 'node_modules', '@sanity', 'cli', 'bin', 'run.js');
const OFFLINE_ENV = { ...process.env, DO_NOT_TRACK: '1', CI: 'true' };

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: OFFLINE_ENV, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('Sanity Studio (offline)', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanketanken-studio-'));
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('passes `sanity schema validate` with no errors or warnings', () => {
    const { code, output } = run(process.execPath, [SANITY, 'schema', 'validate'], STUDIO);
    expect(code, output).toBe(0);
    expect(output).toMatch(/0 errors/);
    expect(output).toMatch(/0 warnings/);
  }, 180_000);

  it('`sanity build` writes the Studio with its index.html', () => {
    const { code, output } = run(process.execPath, [SANITY, 'build', outDir, '--yes'], STUDIO);
    expect(code, output).toBe(0);
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(true);
  }, 300_000);

  it('has committed TypeGen output that is up to date', () => {
    const script = path.join(ROOT, 'scripts', 'check-typegen.mjs');
    const { code, output } = run(process.execPath, [script], ROOT);
    expect(code, output).toBe(0);
  }, 300_000);
});
