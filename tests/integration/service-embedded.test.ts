/**
 * The service as `npm start` runs it, in its own process (`scripts/serve.ts --build`) on a
 * copy of the embedded fixture export: it builds, serves, rebuilds when the export is
 * edited (not when a temporary file appears beside it), shows a failed build's own reason
 * and a dropped document's warning, and on SIGTERM during a build stops without leaving a
 * half release; restarted, it builds the edits made while it was down. It also
 * refuses to start, with a message naming the variable, when the configuration is wrong.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentPath } from '../../content-schemas/routes.ts';
import { getStatePaths } from '../../src/service/releases.ts';
import { ROOT } from '../helpers/build-site.ts';
import { getStatus, waitFor } from '../helpers/service.ts';

const POST_PATH = getDocumentPath('post', 'sensorer-gir-trygge-netter');
const OLD_TITLE = 'Sensorer gir trygge netter';

let tmp: string;
let dataset: string;
let state: string;

/** A running `scripts/serve.ts` and what it printed so far. */
interface ServeProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `node scripts/serve.ts` with only the variables given (and PATH, HOME). */
function startServe(env: Record<string, string>, args: string[] = []): ServeProcess {
  const childEnv: Record<string, string> = { ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) childEnv[name] = value;
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.ts'), ...args], {
    cwd: ROOT,
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: () => output, exited };
}

/** The origin the service printed in its "listening" line. */
async function waitForOrigin(serve: ServeProcess): Promise<string> {
  return waitFor(
    'the service to listen',
    () => Promise.resolve(/listening: (http:\/\/[^\s]+)/.exec(serve.output())?.[1]),
    60_000,
  );
}

/** An export's text with one document's title replaced (and its `_updatedAt` now). */
function withTitle(text: string, id: string, title: string): string {
  const lines = text.split('\n').map((line) => {
    if (!line.includes(`"_id":"${id}"`)) return line;
    const doc = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify({ ...doc, title, _updatedAt: new Date().toISOString() });
  });
  return lines.join('\n');
}

/** Rewrites one document's title in the export. */
async function setTitle(id: string, title: string): Promise<void> {
  const file = path.join(dataset, 'data.ndjson');
  await fs.writeFile(file, withTitle(await fs.readFile(file, 'utf8'), id, title));
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-embedded-'));
  dataset = path.join(tmp, 'export');
  state = path.join(tmp, 'state');
  await fs.cp(path.join(ROOT, 'tests/fixtures/dataset'), dataset, { recursive: true });
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('npm start (the service with the embedded export)', () => {
  it('builds, serves, rebuilds on an edit of the export, and stops cleanly on SIGTERM during a build', async () => {
    const env = {
      LOCAL_DATASET: dataset,
      SITE_URL: 'https://innebygd.example',
      PORT: '0',
      SERVICE_STATE_DIR: state,
      SITE_DIR: path.join(tmp, 'no-build'),
      BUILD_DEBOUNCE_MS: '200',
    };
    const serve = startServe(env, ['--build']);
    try {
      const origin = await waitForOrigin(serve);
      await waitFor('the first release', async () => (await getStatus(origin)).live ?? undefined);
      const status = await getStatus(origin);
      expect(status.source).toBe('embedded');
      expect(status.watching).toBe('export');
      expect(JSON.stringify(status)).not.toContain(tmp);
      expect(await (await fetch(`${origin}${POST_PATH}`)).text()).toContain(OLD_TITLE);
      await waitFor('the start build to finish', async () => {
        const now = await getStatus(origin);
        return now.building === null && now.queue.pending === 0 ? true : undefined;
      });

      // The watcher: an edit to the export reaches the page with no other action.
      const edited = 'Sensorer – redigert i eksporten';
      await setTitle('post-sensor', edited);
      await waitFor('the edit at its URL', async () =>
        (await (await fetch(`${origin}${POST_PATH}`)).text()).includes(edited) ? true : undefined,
      );
      expect(serve.output()).toMatch(/changed: .*data\.ndjson changed; a build is queued/);
      await waitFor('the watch build to finish', async () => {
        const now = await getStatus(origin);
        return now.building === null && now.queue.pending === 0 ? true : undefined;
      });

      // An editor's temporary file in the export folder is not a change of the export.
      await fs.writeFile(path.join(dataset, 'sedLOmS2N'), 'temporary');
      await fs.rm(path.join(dataset, 'sedLOmS2N'));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(serve.output()).not.toContain('sedLOmS2N');
      expect((await getStatus(origin)).queue.pending).toBe(0);

      // A line that is not JSON: the reason is the build's own message, no stack, no path.
      const file = path.join(dataset, 'data.ndjson');
      const good = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, `${good.trimEnd()}\n{"_id": broken\n`);
      const failure = await waitFor('the failed build', async () => {
        const now = await getStatus(origin);
        return now.building === null && now.lastFailure ? now.lastFailure : undefined;
      });
      expect(failure.reason).toMatch(/data\.ndjson:\d+: not valid JSON/);
      expect(failure.reason).not.toMatch(/Stack trace|at parseLine|docs\.astro\.build/);
      expect(failure.reason).not.toContain(tmp);
      expect(failure.resolvedBy).toBeNull();
      expect(serve.output()).toMatch(/build-failed: .*data\.ndjson:\d+: not valid JSON/);

      // Fixed, with a title too long: the build succeeds, the post is left out, and the
      // warning is logged and in the status; the failure is marked resolved.
      await fs.writeFile(file, withTitle(good, 'post-nynorsk', 'x'.repeat(500)));
      const resolved = await waitFor('the build after the fix', async () => {
        const now = await getStatus(origin);
        return now.building === null && now.lastFailure?.resolvedBy ? now : undefined;
      });
      expect(resolved.lastFailure?.resolvedBy).toBe(resolved.live?.release);
      expect(resolved.live?.warnings?.count).toBeGreaterThanOrEqual(1);
      expect(resolved.live?.warnings?.list).toContainEqual(
        expect.stringMatching(/^post "post-nynorsk" · title: .*500.* \(left out\)$/),
      );
      expect(serve.output()).toMatch(/content-warning: post "post-nynorsk" · title: /);
      await waitFor('the fix build to finish', async () => {
        const now = await getStatus(origin);
        return now.building === null && now.queue.pending === 0 ? true : undefined;
      });
      const live = (await getStatus(origin)).live?.release;
      expect(live).toBeDefined();

      // SIGTERM while the next build runs: it is stopped, its folder removed, the live release kept.
      await setTitle('post-sensor', 'Denne tittelen blir aldri publisert');
      await waitFor('the next build to start', async () =>
        (await getStatus(origin)).building !== null ? true : undefined,
      );
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
      expect(serve.output()).toMatch(/build-abandoned: .*stays live/);
      const paths = getStatePaths(state);
      expect(JSON.parse(await fs.readFile(paths.live, 'utf8'))).toEqual({ id: live });
      await expect(fs.stat(paths.work)).rejects.toThrow();
    } finally {
      serve.child.kill('SIGKILL');
    }

    // After a restart the same release serves, whole; the edit made while the build was
    // stopped is newer than its content revision, so a build is queued at once.
    const again = startServe({ ...env, LOCAL_DATASET: dataset });
    try {
      const origin = await waitForOrigin(again);
      const status = await getStatus(origin);
      expect(status.live?.release).toBeDefined();
      const page = await fetch(`${origin}${POST_PATH}`);
      expect(page.status).toBe(200);
      expect(again.output()).toMatch(/stale: release .* a build is queued/);
      await waitFor('the edit made while stopped at its URL', async () =>
        (await (await fetch(`${origin}${POST_PATH}`)).text()).includes(
          'Denne tittelen blir aldri publisert',
        )
          ? true
          : undefined,
      );
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }

    // Under STRICT_CONTENT the post with a 500-character title fails the next build: the
    // previous release keeps serving, and the status says why.
    const strict = startServe({ ...env, LOCAL_DATASET: dataset, STRICT_CONTENT: 'true' });
    try {
      const origin = await waitForOrigin(strict);
      const before = await waitFor(
        'the live release',
        async () => (await getStatus(origin)).live ?? undefined,
      );
      await setTitle('post-sensor', 'Strengt avvist');
      const failure = await waitFor('the strict build to fail', async () => {
        const now = await getStatus(origin);
        return now.building === null && now.lastFailure?.resolvedBy === null
          ? now.lastFailure
          : undefined;
      });
      expect(failure.reason).toMatch(/STRICT_CONTENT=true and \d+ content problem/);
      expect((await getStatus(origin)).live?.release).toBe(before.release);
      const page = await fetch(`${origin}${POST_PATH}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Denne tittelen blir aldri publisert');
      expect(html).not.toContain('Strengt avvist');
    } finally {
      strict.child.kill('SIGTERM');
      await strict.exited;
    }
  });

  it.each([
    [{ SANITY_WEBHOOK_SECRET: 'too-short' }, /SANITY_WEBHOOK_SECRET: is 9 characters long/],
    [{ SITE_DIR: '/nonexistent/dist' }, /SITE_DIR: .* is not a build \(missing index\.html/],
  ])('refuses to start with %o, naming the variable', async (env, message) => {
    const serve = startServe({
      PORT: '0',
      SERVICE_STATE_DIR: path.join(tmp, 'empty-state'),
      ...env,
    });
    expect(await serve.exited).toBe(1);
    expect(serve.output()).toMatch(message);
    expect(serve.output()).not.toContain('too-short');
  });

  it('refuses to start on a port in use, naming PORT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const serve = startServe(
        {
          PORT: String(port),
          SERVICE_STATE_DIR: path.join(tmp, 'empty-state'),
          SITE_DIR: path.join(ROOT, 'tests/fixtures/dataset'),
        },
        ['--build'],
      );
      expect(await serve.exited).toBe(1);
      expect(serve.output()).toMatch(new RegExp(`PORT: 127\\.0\\.0\\.1:${port} is in use`));
    } finally {
      blocker.close();
    }
  });
});
