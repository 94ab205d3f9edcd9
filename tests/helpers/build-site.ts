/**
 * Runs a real build in child processes, as `npm run build` does (`astro build`, then the
 * search index), with the environment a test chooses; returns the output folder and what
 * the build printed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a build left behind. */
export interface BuildResult {
  outDir: string;
  code: number | null;
  output: string;
}

const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CHROMIUM_PATH', 'CI', 'TERM'];

/** Runs one command in the repository root and collects what it printed. */
function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // Colours depend on the terminal and CI variables; tests read the plain text.
    child.on('close', (code) => resolve({ code, output: stripVTControlCharacters(output) }));
  });
}

/** What else a build does besides `astro build`. */
export interface BuildOptions {
  /** Astro config file to build with (default: astro.config.mjs). */
  config?: string;
  /** Whether to write the search index after Astro, as `npm run build` does (default: yes). */
  search?: boolean;
  /** Where the search step keeps parts between builds (default: none, index anew). */
  searchCache?: string;
}

/**
 * Builds the site into `outDir` with only the named variables set besides PATH and HOME:
 * `astro build`, then, like `npm run build`, the search index in its own process.
 */
export async function buildSite(
  outDir: string,
  env: Record<string, string> = {},
  options: BuildOptions = {},
): Promise<BuildResult> {
  const childEnv: Record<string, string> = { ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) childEnv[name] = value;
  }
  Object.assign(childEnv, env);
  const astro = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const config = options.config ? ['--config', options.config] : [];
  const built = await run([astro, 'build', ...config, '--outDir', outDir], childEnv);
  if (built.code !== 0 || options.search === false) return { outDir, ...built };
  const cache = options.searchCache ? ['--cache', options.searchCache] : ['--no-cache'];
  const script = path.join(ROOT, 'scripts', 'build-search-index.ts');
  const indexed = await run([script, '--site', outDir, ...cache], childEnv);
  return { outDir, code: indexed.code, output: built.output + indexed.output };
}
