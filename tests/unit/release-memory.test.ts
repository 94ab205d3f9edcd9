/**
 * The memory release after the content sync: V8's `gc()` is obtained without `--expose-gc`
 * and without leaving it exposed, and a last-resort collection hands freed heap pages back
 * to the system where ordinary collections keep them (measured in a process of its own, so
 * other tests' memory does not blur the figures).
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { getGc, releaseMemory } from '../../src/integrations/release-memory.ts';

const MODULE = pathToFileURL(
  new URL('../../src/integrations/release-memory.ts', import.meta.url).pathname,
).href;

/**
 * Fills the heap with about 400 MB of small objects, drops them, lets ordinary collections
 * run (allocation-triggered), then releases; prints the resident sizes as JSON.
 */
const SCRIPT = `
import { releaseMemory } from ${JSON.stringify(MODULE)};
let keep = [];
for (let i = 0; i < 2_000_000; i++) keep.push({ i, text: 'x'.repeat(20) + i, list: [i, i + 1] });
const full = process.memoryUsage.rss();
keep = undefined;
// Ordinary collections, triggered by allocating short-lived garbage.
for (let round = 0; round < 50; round++) { let junk = []; for (let i = 0; i < 100_000; i++) junk.push({ i }); junk = undefined; }
const { before, after } = releaseMemory();
console.log(JSON.stringify({ full, before, after }));
`;

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

  it('returns the pages that ordinary collections keep', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const { full, before, after } = JSON.parse(run.stdout) as {
      full: number;
      before: number;
      after: number;
    };
    const mb = 1024 * 1024;
    // The garbage was resident, and still is after ordinary collections…
    expect(full).toBeGreaterThan(300 * mb);
    expect(before).toBeGreaterThan(full - 100 * mb);
    // …until the last-resort collection gives it back.
    expect(after).toBeLessThan(before - 200 * mb);
  });
});
