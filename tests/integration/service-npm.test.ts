/**
 * `npm run serve` as a person runs it, over the shared fixture build: requests Fastify
 * itself refuses (a body too large, a bad content type, an address that cannot be
 * decoded) get the service's own answer and its security headers, and a SIGTERM sent to
 * npm stops the service (npm runs one command, so the shell execs node and the signal
 * reaches it): the port is freed and no node process is left.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/service/headers.ts';
import { MAX_WEBHOOK_BODY_BYTES } from '../../src/service/webhook.ts';
import { ROOT } from '../helpers/build-site.ts';
import { getStatus, TEST_SECRET, waitFor } from '../helpers/service.ts';

let tmp: string;

/** The ids of the processes whose parent is `pid`, read from /proc. */
async function listChildren(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const name of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await fs.readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Field 4, after the command in parentheses, is the parent's id.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(name));
  }
  return children;
}

/** `pid` and all its descendants. */
async function listTree(pid: number): Promise<number[]> {
  const all = [pid];
  for (const child of await listChildren(pid)) all.push(...(await listTree(child)));
  return all;
}

/** Whether a process with this id still runs (a zombie counts as gone). */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return (
    stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  );
}

/** Whether something accepts connections on the port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-npm-'));
  await fs.cp(path.join(ROOT, 'tests/fixtures/dataset'), path.join(tmp, 'export'), {
    recursive: true,
  });
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it("answers Fastify's refusals in its own shape, with the headers, and stops on SIGTERM to npm", async () => {
    const npm = spawn('npm', ['run', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOCAL_DATASET: path.join(tmp, 'export'),
        SITE_DIR: inject('siteDir'),
        SERVICE_STATE_DIR: path.join(tmp, 'state'),
        SANITY_WEBHOOK_SECRET: TEST_SECRET,
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // 'exit', not 'close': a node left behind would hold npm's output pipes open.
    const exited = new Promise<number | null>((resolve) => npm.on('exit', resolve));
    const pid = npm.pid ?? 0;
    let tree: number[] = [];
    try {
      const origin = await waitFor(
        'the service to listen',
        () => Promise.resolve(/listening: (http:\/\/[^\s]+)/.exec(output)?.[1]),
        60_000,
      );
      const port = Number(new URL(origin).port);

      // The export is named as the project knows it, not by a path of this machine.
      const status = await getStatus(origin);
      expect(status.watching).toBe('export');
      expect(JSON.stringify(status)).not.toContain(tmp);

      const tooLarge = await fetch(`${origin}/api/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(MAX_WEBHOOK_BODY_BYTES + 1),
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('x-content-type-options')).toBe('nosniff');
      const refusal = (await tooLarge.json()) as { accepted?: unknown; reason?: unknown };
      expect(Object.keys(refusal).sort()).toEqual(['accepted', 'reason']);
      expect(refusal.accepted).toBe(false);
      expect(refusal.reason).toMatch(/larger than/);
      await waitFor(
        'the refusal in the log',
        () =>
          Promise.resolve(/refused: POST \/api\/publish from .*: 413 /.test(output) || undefined),
        5_000,
      );

      const badType = await fetch(`${origin}/api/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=no-such-charset' },
        body: '{}',
      });
      expect(badType.status).toBeGreaterThanOrEqual(400);
      expect(badType.status).toBeLessThan(500);
      expect(await badType.json()).toMatchObject({ accepted: false });
      expect(output).not.toContain('FST_ERR');

      const badUrl = await fetch(`${origin}/%ZZ`);
      expect(badUrl.status).toBe(400);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(badUrl.headers.get(name), name).toBe(value);
      }

      tree = await listTree(pid);
      expect(tree.length).toBeGreaterThan(1);
      process.kill(pid, 'SIGTERM');
      await exited;
      await waitFor(
        'the port to be free',
        async () => ((await isListening(port)) ? undefined : true),
        10_000,
      );
      await waitFor(
        'every process of npm run serve to end',
        async () => {
          for (const id of tree) if (await isRunning(id)) return undefined;
          return true;
        },
        10_000,
      );
      expect(output).toMatch(/stopped: release site-dir left as the live one/);
    } finally {
      for (const id of tree.length > 0 ? tree : [pid]) {
        try {
          process.kill(id, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });
});
