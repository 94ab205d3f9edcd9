/**
 * Publish-to-live: the publishing service (`scripts/serve.ts` of the site under test, in
 * its own process) over a generated export; after its first (cold) build, one post is
 * changed in the export and a signed webhook sent, and the clock runs from the webhook's
 * arrival until the changed page is served with the new title.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { encodeSignatureHeader } from '@sanity/webhook';
import { getDocumentPath } from '../../content-schemas/routes.ts';

/** What one publish-to-live run measured. */
export interface PublishMeasurement {
  /** The service's first build of the export (its own folders, no cache): ms. */
  coldBuildMs: number;
  /** From sending the webhook until the changed page is served: ms. */
  publishToLiveMs: number;
  /** The build's own duration, as `/api/status` reports it: ms. */
  buildMs: number | undefined;
  /** The page that was watched. */
  page: string;
}

interface Status {
  live: { release: string; durationMs: number | null } | null;
  building: unknown;
  queue: { pending: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value; throws after `timeoutMs`. */
async function poll<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Runs the service of `siteRoot` over the export in `dataset` and measures one publish.
 * `change` rewrites the export's `data.ndjson` text, returning the changed post's slug and
 * new title.
 */
export async function measurePublishToLive(options: {
  siteRoot: string;
  dataset: string;
  dataFile: string;
  stateDir: string;
  change: (ndjson: string) => { text: string; slug: string; title: string };
  log: (line: string) => void;
}): Promise<PublishMeasurement> {
  const secret = randomBytes(24).toString('hex');
  await fs.rm(options.stateDir, { recursive: true, force: true });
  const env: Record<string, string> = {
    ASTRO_TELEMETRY_DISABLED: '1',
    LOCAL_DATASET: options.dataset,
    SITE_URL: 'https://bench.example',
    SANITY_WEBHOOK_SECRET: secret,
    PORT: '0',
    SERVICE_STATE_DIR: options.stateDir,
    SITE_DIR: path.join(options.stateDir, 'no-build'),
    BUILD_DEBOUNCE_MS: '0',
  };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  // No watcher input: the export is changed by this function, and the webhook announces it.
  const child = spawn(
    process.execPath,
    [path.join(options.siteRoot, 'scripts', 'serve.ts'), '--build'],
    {
      cwd: options.siteRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    const origin = await poll(
      'the service to listen',
      () => Promise.resolve(/listening: (http:\/\/\S+)/.exec(output)?.[1]),
      60_000,
    );
    const status = async () => (await (await fetch(`${origin}/api/status`)).json()) as Status;
    const started = performance.now();
    await poll(
      'the first release',
      async () => ((await status()).live ? true : undefined),
      1_800_000,
    );
    const coldBuildMs = performance.now() - started;
    // The service also watches the export; wait until that build (if any) has settled.
    await poll(
      'the service to be idle',
      async () => {
        const now = await status();
        return now.building === null && now.queue.pending === 0 ? true : undefined;
      },
      1_800_000,
    );
    options.log(`publish-to-live: first release after ${(coldBuildMs / 1000).toFixed(1)} s`);
    const before = (await status()).live?.release;

    const changed = options.change(await fs.readFile(options.dataFile, 'utf8'));
    await fs.writeFile(options.dataFile, changed.text);
    const page = getDocumentPath('post', changed.slug);
    const body = JSON.stringify({ _id: 'bench', _type: 'post' });
    const signature = await encodeSignatureHeader(body, Date.now(), secret);
    const sent = performance.now();
    const response = await fetch(`${origin}/api/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sanity-webhook-signature': signature },
      body,
    });
    if (response.status !== 202) throw new Error(`bench: the webhook got ${response.status}`);
    await poll(
      'the changed page',
      async () => {
        const text = await (await fetch(`${origin}${page}`)).text();
        return text.includes(changed.title) ? true : undefined;
      },
      1_800_000,
    );
    const publishToLiveMs = performance.now() - sent;
    const after = await status();
    options.log(
      `publish-to-live: ${page} served changed after ${(publishToLiveMs / 1000).toFixed(1)} s (release ${before} → ${after.live?.release})`,
    );
    return {
      coldBuildMs,
      publishToLiveMs,
      buildMs: after.live?.durationMs ?? undefined,
      page,
    };
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n${output.slice(-3000)}`,
      { cause: error },
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
