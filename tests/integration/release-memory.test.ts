/**
 * A last-resort collection hands freed heap pages back to the system where ordinary
 * collections keep them. Measured in a child process of its own that fills about 400 MB,
 * so other tests' memory does not blur the figures; here, not in the unit project, because
 * integration files run one at a time and no parallel worker competes for that memory.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(
  new URL('../../src/internals/release-memory.ts', import.meta.url).pathname,
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
  it('returns to the system the pages that ordinary collections keep', () => {
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
