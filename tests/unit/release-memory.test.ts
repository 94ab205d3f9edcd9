/**
 * The memory release after the content sync and the bundle: V8's `gc()` is obtained without `--expose-gc`
 * and without leaving it exposed. That a last-resort collection hands freed heap pages back
 * is measured in tests/integration/release-memory.test.ts (it fills 400 MB).
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Plugin as VitePlugin } from 'vite';
import {
  getGc,
  release,
  releaseBuildMemory,
  releaseMemory,
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
  function setUp(command: 'build' | 'dev') {
    const plugins: VitePlugin[] = [];
    const log: string[] = [];
    const logger = {
      debug: (line: string) => log.push(line),
      warn: (line: string) => log.push(line),
    };
    const hooks = releaseBuildMemory().hooks as Record<string, (options: unknown) => void>;
    hooks['astro:config:setup']?.({
      command,
      logger,
      updateConfig: (config: { vite: { plugins: VitePlugin[] } }) =>
        plugins.push(...config.vite.plugins),
    });
    return { plugins, log, start: () => hooks['astro:build:start']?.({ logger }) };
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

  it('adds nothing to the dev server', () => {
    expect(setUp('dev').plugins).toHaveLength(0);
  });
});

describe('release', () => {
  it('warns and lets the build go on when memory cannot be released', () => {
    const debug: string[] = [];
    const warn: string[] = [];
    const logger = {
      debug: (line: string) => debug.push(line),
      warn: (line: string) => warn.push(line),
    };
    release(logger, 'after the content sync', () => {
      throw new Error('V8 did not define gc() with --expose-gc.');
    });
    expect(debug).toEqual([]);
    expect(warn).toEqual([
      'after the content sync: could not give memory back to the system ' +
        '(Error: V8 did not define gc() with --expose-gc.); the build goes on, but may need more memory.',
    ]);
  });
});
