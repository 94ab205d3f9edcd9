/**
 * Builds the Studio in demo mode (`SANITY_STUDIO_DEMO=true`) with `sanity build`, into a
 * folder of its own so the ordinary `studio/dist` is never a demo build by accident.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Where the demo Studio is built unless told otherwise (ignored by git). */
export const DEFAULT_DEMO_BUILD_DIR = path.join(ROOT, 'node_modules', '.cache', 'studio-demo');

/**
 * Runs `sanity build <outDir>` in `studio/` with demo mode on; rejects with the build's
 * output when it fails. `env` adds variables (e.g. SANITY_STUDIO_SITE_URL).
 */
export async function buildDemoStudio(
  outDir: string,
  env: Record<string, string> = {},
): Promise<void> {
  const cli = path.join(ROOT, 'node_modules', '@sanity', 'cli', 'bin', 'run.js');
  const child = spawn(process.execPath, [cli, 'build', outDir, '--yes'], {
    cwd: path.join(ROOT, 'studio'),
    env: { ...process.env, ...env, SANITY_STUDIO_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`sanity build (demo) failed with exit code ${String(code)}:\n${output}`);
  }
}
