/**
 * Runs a real `astro build` in a child process, as `npm run build` does, with the
 * environment a test chooses; returns the output folder and what the build printed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a build left behind. */
export interface BuildResult {
  outDir: string;
  code: number | null;
  output: string;
}

const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CHROMIUM_PATH', 'CI', 'TERM'];

/** Builds the site into `outDir` with only the named variables set besides PATH and HOME. */
export function buildSite(outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const childEnv: Record<string, string> = { ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) childEnv[name] = value;
  }
  Object.assign(childEnv, env);
  const astro = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ outDir, code, output }));
  });
}
