/**
 * Pruning a kept output folder: what this build's routes produced, what it wrote since it
 * started (in `_astro/` too), `public/` files, the search index and `.git` stay; everything
 * else an earlier build left goes, `_astro/` files included, and so do the folders that
 * leaves empty. The guard fails the build when Astro emptied the folder all the same (as it
 * does when the integration does not ask it to keep it), and refuses to prune when a page
 * Astro built is missing from the assets.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { InternalsGuardError } from '../../src/internals/guard.ts';
import {
  findUnlistedPages,
  isEmptiedSince,
  keepOutput,
  pruneStaleOutput,
  snapshotOutput,
} from '../../src/internals/keep-output.ts';

let tmp: string;
let outDir: string;
let publicDir: string;
const OLD = new Date('2020-01-01T00:00:00Z');

async function write(dir: string, file: string, time: Date = OLD): Promise<string> {
  const target = path.join(dir, ...file.split('/'));
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, file);
  await fs.utimes(target, time, time);
  return target;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-keep-output-'));
  outDir = path.join(tmp, 'dist');
  publicDir = path.join(tmp, 'public');
  await fs.mkdir(outDir, { recursive: true });
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pruneStaleOutput', () => {
  it('removes only what an earlier build left and this one did not write', async () => {
    const since = Date.parse('2024-01-01T00:00:00Z');
    const produced = new Set([
      await write(outDir, 'innlegg/kept/index.html'),
      await write(outDir, 'rss.xml'),
    ]);
    await write(outDir, 'sitemap-0.xml', new Date(since + 5000));
    await write(outDir, '_astro/index.def456.css', new Date(since + 2000));
    await write(outDir, 'pagefind/pagefind-entry.json');
    await write(outDir, '.git/HEAD');
    await write(outDir, 'og-image.png');
    await write(publicDir, 'og-image.png');
    const stale = [
      // A stylesheet and an image of earlier builds that this one did not write again.
      await write(outDir, '_astro/index.abc123.css'),
      await write(outDir, '_astro/foto.Zx1y2z.webp'),
      await write(outDir, 'innlegg/deleted/index.html'),
      await write(outDir, 'innlegg/side/2/index.html'),
      await write(outDir, 'sitemap-1.xml'),
    ];

    const removed = await pruneStaleOutput({ outDir, produced, since, publicDir });

    expect(removed).toEqual([...stale].sort());
    expect(await listFiles(outDir)).toEqual([
      '.git/HEAD',
      '_astro/index.def456.css',
      'innlegg/kept/index.html',
      'og-image.png',
      'pagefind/pagefind-entry.json',
      'rss.xml',
      'sitemap-0.xml',
    ]);
    // The emptied folders go too, up to the first one that still holds something.
    await expect(fs.stat(path.join(outDir, 'innlegg', 'deleted'))).rejects.toThrow();
    await expect(fs.stat(path.join(outDir, 'innlegg', 'side'))).rejects.toThrow();
    expect((await fs.stat(path.join(outDir, 'innlegg'))).isDirectory()).toBe(true);
  });

  it('leaves a folder that only this build wrote as it is', async () => {
    const produced = new Set([await write(outDir, 'index.html'), await write(outDir, '404.html')]);
    const removed = await pruneStaleOutput({
      outDir,
      produced,
      since: Date.now(),
      publicDir: undefined,
    });
    expect(removed).toEqual([]);
    expect(await listFiles(outDir)).toEqual(['404.html', 'index.html']);
  });
});

/** Empties `dir` as Astro does before a build (every entry but `.git`). */
async function emptyAsAstroDoes(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (name !== '.git') await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
}

describe('the guard of the kept output folder', () => {
  it('sees a folder emptied and filled again under the same names', async () => {
    await write(outDir, 'innlegg/a/index.html');
    await write(outDir, 'index.html');
    await write(outDir, '.git/HEAD');
    const snapshot = await snapshotOutput(outDir);
    expect([...snapshot.keys()]).toEqual(['index.html', 'innlegg']);
    // A page written again in place, as Astro renders it, is the same file.
    await fs.writeFile(path.join(outDir, 'index.html'), 'new');
    expect(await isEmptiedSince(outDir, snapshot)).toBe(false);
    await emptyAsAstroDoes(outDir);
    await write(outDir, 'innlegg/a/index.html');
    await write(outDir, 'index.html');
    expect(await isEmptiedSince(outDir, snapshot)).toBe(true);
  });

  it('has nothing to compare on a first build into an empty or missing folder', async () => {
    expect(await isEmptiedSince(outDir, await snapshotOutput(outDir))).toBe(false);
    const missing = path.join(tmp, 'missing');
    expect((await snapshotOutput(missing)).size).toBe(0);
  });

  it('finds the pages Astro built that the assets do not list', () => {
    const produced = new Set([
      path.join(outDir, 'index.html'),
      path.join(outDir, 'innlegg', 'a', 'index.html'),
      path.join(outDir, '404.html'),
    ]);
    const pages = ['', 'innlegg/a/', '404/', 'innlegg/b/'].map((pathname) => ({ pathname }));
    expect(findUnlistedPages(outDir, pages, produced)).toEqual(['innlegg/b/']);
  });

  /** Runs the integration's hooks as `astro build` would, into `outDir`. */
  async function build(
    integration: ReturnType<typeof keepOutput>,
    between: () => Promise<void>,
    pages: string[],
  ) {
    const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
    const asked: unknown[] = [];
    await hooks['astro:config:setup']?.({
      config: { publicDir: pathToFileURL(`${publicDir}/`) },
      updateConfig: (config: unknown) => asked.push(config),
    });
    await hooks['astro:config:done']?.({ config: { outDir: pathToFileURL(`${outDir}/`) } });
    await hooks['astro:build:start']?.({});
    await between();
    const files = await Promise.all(
      pages.map((pathname) => write(outDir, `${pathname}index.html`, new Date())),
    );
    const info: string[] = [];
    const done = hooks['astro:build:done']?.({
      dir: pathToFileURL(`${outDir}/`),
      assets: new Map([['/[slug]', files.map((file) => pathToFileURL(file))]]),
      pages: pages.map((pathname) => ({ pathname })),
      logger: { info: (line: string) => info.push(line) },
    });
    return { asked, done, info };
  }

  it('asks Astro to keep the folder, and passes when it did', async () => {
    await write(outDir, 'innlegg/old/index.html');
    const { asked, done, info } = await build(keepOutput(), async () => {}, ['innlegg/a/']);
    expect(asked).toEqual([{ vite: { build: { emptyOutDir: false } } }]);
    await expect(done).resolves.toBeUndefined();
    expect(info).toEqual([
      'removed 1 file(s) an earlier build left that this one did not write: innlegg/old/index.html',
    ]);
  });

  it('fails the build when Astro emptied the folder all the same', async () => {
    await write(outDir, 'innlegg/old/index.html');
    const { asked, done } = await build(
      keepOutput({ keepFolder: false }),
      () => emptyAsAstroDoes(outDir),
      ['innlegg/a/'],
    );
    expect(asked).toEqual([]);
    await expect(done).rejects.toThrow(InternalsGuardError);
    await expect(done).rejects.toThrow(
      /^tanketanken:keep-output did not take effect: Astro emptied the output folder .* although vite\.build\.emptyOutDir is false/,
    );
  });

  it('prunes nothing and fails when a built page is missing from the assets', async () => {
    const old = await write(outDir, 'innlegg/skipped/index.html');
    const integration = keepOutput();
    const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
    await hooks['astro:config:setup']?.({
      config: { publicDir: pathToFileURL(`${publicDir}/`) },
      updateConfig: () => undefined,
    });
    await hooks['astro:config:done']?.({ config: { outDir: pathToFileURL(`${outDir}/`) } });
    await hooks['astro:build:start']?.({});
    const done = hooks['astro:build:done']?.({
      dir: pathToFileURL(`${outDir}/`),
      assets: new Map(),
      pages: [{ pathname: 'innlegg/skipped/' }],
      logger: { info: () => undefined },
    });
    await expect(done).rejects.toThrow(
      /1 page\(s\) Astro built are missing from the assets of astro:build:done \(innlegg\/skipped\/\)/,
    );
    expect((await fs.stat(old)).isFile()).toBe(true);
  });
});
