/**
 * Gives the memory of the content sync and of the bundle back to the system before Astro
 * renders the pages.
 *
 * Loading a large export fills V8's heap (at 10,000 documents it holds about 800 MB while
 * the export is parsed, queried and validated). When the load is done most of that is
 * garbage, and ordinary collections free it, but V8 keeps the freed pages in a pool of its
 * own for reuse and does not hand them back to the system: the process stays at about
 * 1.2 GB, and the bundler's and the renderer's memory comes on top of it. A last-resort
 * collection (the kind V8 runs when memory is critically low) also empties that pool:
 * measured at 10,000 documents, the process drops from 1.24 GB to 0.47 GB, and the build's
 * peak from 1.78–1.81 GB to 1.47–1.54 GB, for a collection of a few hundred milliseconds. The
 * bundle that follows leaves garbage of its own (V8's and the bundler's native memory, held
 * until V8 collects the objects that own it); the same collection after it frees ~0.2 GB.
 *
 * Node offers that collection only through `gc()`, which it defines when started with
 * `--expose-gc`; the flag is switched on for as long as it takes to get the function from a
 * fresh context and then off again (as Jest's leak detector does), so `npm run build`,
 * `npx astro build` and any other way of starting the build get it alike.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin as VitePlugin } from 'vite';
import { PRERENDER_ENVIRONMENT } from './data-store-file.ts';

/** The options of V8's `gc()`; `last-resort` also returns pooled pages to the system. */
interface GcOptions {
  type: 'major';
  execution: 'sync';
  flavor: 'last-resort';
}
type Gc = (options: GcOptions) => void;

let cached: Gc | undefined;

/** V8's `gc()`, whether or not Node was started with `--expose-gc`. */
export function getGc(): Gc {
  if (cached) return cached;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') {
    cached = exposed as Gc;
    return cached;
  }
  setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('gc');
    if (typeof gc !== 'function') throw new Error('V8 did not define gc() with --expose-gc.');
    cached = gc as Gc;
    return cached;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/** Runs a last-resort collection; returns the resident set size before and after, in bytes. */
export function releaseMemory(): { before: number; after: number } {
  const before = process.memoryUsage.rss();
  getGc()({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return { before, after: process.memoryUsage.rss() };
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;

/**
 * Releases memory and says so at debug level. The release is an economy, not a step of the
 * build: should a future Node refuse it, the build goes on, with a warning that says why.
 */
export function release(
  logger: Pick<AstroIntegrationLogger, 'debug' | 'warn'>,
  when: string,
  run: () => { before: number; after: number } = releaseMemory,
): void {
  const started = performance.now();
  try {
    const { before, after } = run();
    logger.debug(
      `${when}: memory ${megabytes(before)} → ${megabytes(after)} ` +
        `in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    logger.warn(
      `${when}: could not give memory back to the system (${String(error)}); ` +
        'the build goes on, but may need more memory.',
    );
  }
}

/**
 * The integration: releases memory once the content is synced (before the bundle) and once
 * the pages' bundle is written (before the render). The second frees what bundling left:
 * measured at 10,000 documents, 0.99 → 0.77 GB just before the render.
 */
export function releaseBuildMemory(): AstroIntegration {
  return {
    name: 'tanketanken:release-memory',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        if (command !== 'build') return;
        const plugin: VitePlugin = {
          name: 'tanketanken:release-memory',
          apply: 'build',
          closeBundle() {
            // The pages' bundle: the last big one before Astro renders them.
            if (this.environment.name === PRERENDER_ENVIRONMENT) {
              release(logger, 'after the bundle of the pages');
            }
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:start': ({ logger }) => release(logger, 'after the content sync'),
    },
  };
}
