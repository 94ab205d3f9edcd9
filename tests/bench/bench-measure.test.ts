import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/measure.ts';

/**
 * Starts a busy child, kills it and exits at once without waiting for it, as the search
 * step does with the Pagefind service when it closes: the child is reaped outside the
 * measured tree, so neither time(1) nor a sample taken after it sees its CPU.
 */
const PARENT = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
setTimeout(() => {
  child.kill('SIGKILL');
  process.exit(0);
}, 1500);
`;

describe('measure', () => {
  it('counts the CPU of a child that was killed and never waited for', async () => {
    // The shell outlives the parent by half a second, so the last samples lack the child.
    const run = await measure('sh', ['-c', `"${process.execPath}" -e "$PARENT" && sleep 0.5`], {
      cwd: process.cwd(),
      env: { ...process.env, PARENT },
      intervalMs: 50,
    });
    expect(run.exitCode).toBe(0);
    expect(run.wallMs).toBeGreaterThanOrEqual(1900);
    // The child spun for ~1.5 s before it was killed; without it the tree used ~50 ms.
    expect(run.cpuMs).toBeGreaterThan(400);
  });
});
