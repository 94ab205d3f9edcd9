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
 *
 * Private details it relies on (the V8 flag, the options of V8's `gc()`, the order of
 * Astro's content sync, hooks and bundles) are listed in docs/upgrading.md. Its guard fails
 * the build when `gc()` cannot be had or when a release did not happen.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin as VitePlugin } from 'vite';
import { PRERENDER_ENVIRONMENT } from './data-store-file.ts';
import { InternalsGuardError } from './guard.ts';

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

/** The integration's name, which its guard's error and the upgrade checklist use too. */
export const RELEASE_MEMORY_PLUGIN = 'tanketanken:release-memory';

/** When the integration releases memory: the labels of its two releases, in order. */
export const RELEASES = ['after the content sync', 'after the bundle of the pages'] as const;
type Release = (typeof RELEASES)[number];

/** Options of the integration; tests use them to simulate an Astro that changed. */
export interface ReleaseMemoryOptions {
  /** The Vite environment Astro bundles the pages in (default: the one it uses today). */
  pagesEnvironment?: string | undefined;
}

/** V8's `gc()`, or the guard's error naming what V8 or Node refused. */
export function requireGc(obtain: () => Gc = getGc): Gc {
  try {
    return obtain();
  } catch (error) {
    throw new InternalsGuardError(
      RELEASE_MEMORY_PLUGIN,
      `V8's gc() could not be obtained with --expose-gc from a new context (${String(error)}).`,
      { cause: error },
    );
  }
}

/**
 * Releases memory and says so at debug level. Should a future Node refuse the release, the
 * build could go on, but with the memory this saves gone unnoticed: so it fails, naming why.
 */
export function release(
  logger: Pick<AstroIntegrationLogger, 'debug'>,
  when: Release,
  run: () => { before: number; after: number } = releaseMemory,
): void {
  const started = performance.now();
  let sizes: { before: number; after: number };
  try {
    sizes = run();
  } catch (error) {
    throw new InternalsGuardError(
      RELEASE_MEMORY_PLUGIN,
      `${when}, memory could not be given back to the system (${String(error)}).`,
      { cause: error },
    );
  }
  logger.debug(
    `${when}: memory ${megabytes(sizes.before)} → ${megabytes(sizes.after)} ` +
      `in ${Math.round(performance.now() - started)} ms`,
  );
}

/** Why the releases did not all happen, or `undefined` when both did, in order. */
export function findReleaseProblem(
  done: readonly Release[],
  pagesEnvironment: string = PRERENDER_ENVIRONMENT,
): string | undefined {
  if (done.join('\n') === RELEASES.join('\n')) return undefined;
  if (!done.includes(RELEASES[1])) {
    return (
      `the release ${RELEASES[1]} never ran: no bundle closed in the Vite environment ` +
      `"${pagesEnvironment}", in which the plugin expects Astro to bundle the pages it prerenders.`
    );
  }
  return `the releases ran as [${done.join(', ')}], not as [${RELEASES.join(', ')}].`;
}

/**
 * The integration: releases memory once the content is synced (before the bundle) and once
 * the pages' bundle is written (before the render). The second frees what bundling left:
 * measured at 10,000 documents, 0.99 → 0.77 GB just before the render. Its guard fails the
 * build when `gc()` cannot be had (at once, before the content sync) or when a release did
 * not happen (at the end).
 */
export function releaseBuildMemory(options: ReleaseMemoryOptions = {}): AstroIntegration {
  const pagesEnvironment = options.pagesEnvironment ?? PRERENDER_ENVIRONMENT;
  /** The releases of this build, in order; undefined when the integration stays out. */
  let done: Release[] | undefined;
  const releaseNow = (logger: Pick<AstroIntegrationLogger, 'debug'>, when: Release): void => {
    release(logger, when);
    done?.push(when);
  };
  return {
    name: RELEASE_MEMORY_PLUGIN,
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig }) => {
        done = undefined;
        if (command !== 'build') return;
        requireGc();
        done = [];
        const plugin: VitePlugin = {
          name: RELEASE_MEMORY_PLUGIN,
          apply: 'build',
          closeBundle() {
            // The pages' bundle: the last big one before Astro renders them.
            if (this.environment.name === pagesEnvironment) releaseNow(logger, RELEASES[1]);
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:start': ({ logger }) => releaseNow(logger, RELEASES[0]),
      'astro:build:done': () => {
        if (done === undefined) return;
        const problem = findReleaseProblem(done, pagesEnvironment);
        if (problem !== undefined) throw new InternalsGuardError(RELEASE_MEMORY_PLUGIN, problem);
      },
    },
  };
}
