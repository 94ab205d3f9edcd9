/**
 * The memory release after the content sync and the bundle: V8's `gc()` is obtained without `--expose-gc`
 * and without leaving it exposed. That a last-resort collection hands freed heap pages back
 * is measured in tests/integration/release-memory.test.ts (it fills 400 MB); that
 * measurement is also the alarm for a V8 that would accept the collection's options but no
 * longer honour them. The guard fails the build when `gc()` cannot be had or when a release
 * did not run (as when Astro renames the environment it bundles the pages in).
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Plugin as VitePlugin } from 'vite';
import { InternalsGuardError } from '../../src/internals/guard.ts';
import {
  RELEASES,
  findReleaseProblem,
  getGc,
  release,
  releaseBuildMemory,
  releaseMemory,
  requireGc,
} from '../../src/internals/release-memory.ts';

describe('releaseMemory', () => {
  it('gets gc() without leaving it exposed to new contexts or the global scope', () => {
    const gc = getGc();
    expect(typeof gc).toBe('function');
    expect(getGc()).toBe(gc);
    expect(runInNewContext('typeof gc')).toBe('undefined');
    expect('gc' in globalThis && typeof (globalThis as { gc?: unknown }).gc === 'function').toBe(
      process.execArgv.includes('--expose-gc'),
    );
  });

  it('reports the resident set size before and after', () => {
    const { before, after } = releaseMemory();
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(0);
  });
});

describe('releaseBuildMemory', () => {
  /** Runs the integration's setup as `astro <command>` would; returns its plugins and log. */
  function setUp(command: 'build' | 'dev', pagesEnvironment?: string) {
    const plugins: VitePlugin[] = [];
    const log: string[] = [];
    const logger = {
      debug: (line: string) => log.push(line),
      warn: (line: string) => log.push(line),
    };
    const integration = releaseBuildMemory({ pagesEnvironment });
    const hooks = integration.hooks as Record<string, (options: unknown) => void>;
    hooks['astro:config:setup']?.({
      command,
      logger,
      updateConfig: (config: { vite: { plugins: VitePlugin[] } }) =>
        plugins.push(...config.vite.plugins),
    });
    return {
      plugins,
      log,
      start: () => hooks['astro:build:start']?.({ logger }),
      finish: () => hooks['astro:build:done']?.({ logger }),
    };
  }

  /** Closes the bundles of a build as Vite does, one per environment. */
  function closeBundles(plugins: readonly VitePlugin[], environments: readonly string[]): void {
    const closeBundle = plugins[0]?.closeBundle as (this: unknown) => void;
    for (const name of environments) closeBundle.call({ environment: { name } });
  }

  it('releases after the content sync and after the bundle of the pages, not other bundles', () => {
    const { plugins, log, start } = setUp('build');
    start();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^after the content sync: memory \d+ MB → \d+ MB in \d+ ms$/);
    expect(plugins).toHaveLength(1);
    const closeBundle = plugins[0]?.closeBundle as (this: unknown) => void;
    closeBundle.call({ environment: { name: 'client' } });
    closeBundle.call({ environment: { name: 'ssr' } });
    expect(log).toHaveLength(1);
    closeBundle.call({ environment: { name: 'prerender' } });
    expect(log[1]).toMatch(/^after the bundle of the pages: memory/);
  });

  it('passes its guard at the end of a build where both releases ran', () => {
    const { plugins, start, finish } = setUp('build');
    start();
    closeBundles(plugins, ['client', 'prerender']);
    expect(() => finish()).not.toThrow();
  });

  it('fails the build when Astro bundles the pages in an environment of another name', () => {
    // As if Astro had renamed "prerender": the plugin waits for a name no bundle has.
    const { plugins, log, start, finish } = setUp('build', 'pages');
    start();
    closeBundles(plugins, ['client', 'ssr', 'prerender']);
    expect(log).toHaveLength(1);
    expect(() => finish()).toThrow(InternalsGuardError);
    expect(() => finish()).toThrow(
      /^tanketanken:release-memory did not take effect: the release after the bundle of the pages never ran: no bundle closed in the Vite environment "pages".*docs\/upgrading\.md/,
    );
  });

  it('adds nothing to the dev server', () => {
    expect(setUp('dev').plugins).toHaveLength(0);
  });
});

describe('the guard of the memory release', () => {
  it('fails the build, naming the plugin and the checklist, when memory cannot be released', () => {
    const debug: string[] = [];
    const logger = { debug: (line: string) => debug.push(line) };
    const refuse = () => {
      throw new Error('V8 did not define gc() with --expose-gc.');
    };
    expect(() => release(logger, 'after the content sync', refuse)).toThrow(
      new InternalsGuardError(
        'tanketanken:release-memory',
        'after the content sync, memory could not be given back to the system ' +
          '(Error: V8 did not define gc() with --expose-gc.).',
      ),
    );
    expect(debug).toEqual([]);
  });

  it('fails before the content sync when gc() cannot be had', () => {
    expect(requireGc(getGc)).toBe(getGc());
    expect(() =>
      requireGc(() => {
        throw new Error('V8 did not define gc() with --expose-gc.');
      }),
    ).toThrow(/^tanketanken:release-memory did not take effect: V8's gc\(\) could not be obtained/);
  });

  it('wants both releases, in order', () => {
    expect(findReleaseProblem([...RELEASES])).toBeUndefined();
    expect(findReleaseProblem([RELEASES[0]])).toMatch(/after the bundle of the pages never ran/);
    expect(findReleaseProblem([RELEASES[1], RELEASES[0]])).toMatch(/^the releases ran as \[/);
    expect(findReleaseProblem([...RELEASES, RELEASES[1]])).toMatch(/^the releases ran as \[/);
  });
});
