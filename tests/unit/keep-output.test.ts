/**
 * Pruning a kept output folder: what this build's routes produced, what it wrote since it
 * started (in `_astro/` too), `public/` files, the search index and `.git` stay; everything
 * else an earlier build left goes, `_astro/` files included, and so do the folders that
 * leaves empty.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneStaleOutput } from '../../src/internals/keep-output.ts';

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
