import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench/measure.ts';

/**
 * Starts a busy child, kills it and exits at once without waiting for it, as the search
 * step does with the Pagefind service when it closes: the child is reaped outside the
 * measured tree, so neither time(1) nor a sample taken after it sees its CPU. The child
 * spins until it has used 800 ms of CPU, however busy the machine, then says so.
 */
const PARENT = `
const { spawn } = require('node:child_process');
const spin = 'const s = process.cpuUsage(); let said = false; for (;;) { const u = process.cpuUsage(s); if (!said && u.user + u.system >= 800000) { said = true; process.stdout.write("spun"); } }';
const child = spawn(process.execPath, ['-e', spin], { stdio: ['ignore', 'pipe', 'ignore'] });
child.stdout.once('data', () => {
  child.kill('SIGKILL');
  process.exit(0);
});
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
    // 0.8 s of the child's CPU, then the shell's half second: measured to the tree's end.
    expect(run.wallMs).toBeGreaterThanOrEqual(1300);
    // The child used 800 ms of CPU before it was killed; without it the tree used ~50 ms.
    expect(run.cpuMs).toBeGreaterThan(500);
  });
});
