/**
 * The search step of the build (src/build/search-index.ts) on a copy of the built
 * embedded site: indexing in parts covers every page exactly once, a rebuild re-indexes
 * only the part whose pages changed, and bad input gets an answer that names the fix.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeSearchIndex } from '../../src/build/search-index.ts';
import { PARTS_MANIFEST, type PartsManifest } from '../../src/lib/search.ts';
import { parseSearchIndexArgs } from '../../scripts/build-search-index.ts';

let tmp: string;
let site: string;

/** Pages per language in one bundle's entry file. */
async function readEntry(bundle: string): Promise<Record<string, { page_count: number }>> {
  const text = await fs.readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8');
  return (JSON.parse(text) as { languages: Record<string, { page_count: number }> }).languages;
}

/** A digest of every file under `folder`, by relative path. */
async function digestTree(folder: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = await fs.readFile(file);
    digests.set(path.relative(folder, file), createHash('sha256').update(content).digest('hex'));
  }
  return digests;
}

/** Counts the built pages that carry indexable content. */
async function countIndexable(folder: string): Promise<number> {
  let count = 0;
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8');
    if (html.includes('data-pagefind-body')) count += 1;
  }
  return count;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-search-'));
  site = path.join(tmp, 'site');
  await fs.cp(inject('siteDir'), site, { recursive: true });
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the search index in parts', () => {
  const cache = () => path.join(tmp, 'cache');

  it('the build wrote one bundle with every indexable page and an empty parts list', async () => {
    const built = path.join(inject('siteDir'), 'pagefind');
    const manifest = JSON.parse(
      await fs.readFile(path.join(built, PARTS_MANIFEST), 'utf8'),
    ) as PartsManifest;
    const indexable = await countIndexable(inject('siteDir'));
    expect(indexable).toBeGreaterThan(30);
    expect(manifest).toEqual({ parts: [], pageCount: indexable });
  });

  it('splits the pages into parts that together hold each page once', async () => {
    const indexable = await countIndexable(site);
    const result = await writeSearchIndex({ siteDir: site, cacheDir: cache(), pagesPerPart: 12 });
    expect(result.parts).toBe(Math.ceil(indexable / 12));
    expect(result.parts).toBeGreaterThan(2);
    expect(result.reusedParts).toBe(0);
    expect(result.pageCount).toBe(indexable);

    const bundle = path.join(site, 'pagefind');
    const manifest = JSON.parse(
      await fs.readFile(path.join(bundle, PARTS_MANIFEST), 'utf8'),
    ) as PartsManifest;
    expect(manifest.parts.map((part) => part.path)).toEqual(
      Array.from({ length: result.parts - 1 }, (_, index) => `part-${index + 1}/`),
    );
    let total = 0;
    for (const folder of [bundle, ...manifest.parts.map((part) => path.join(bundle, part.path))]) {
      const languages = await readEntry(folder);
      for (const language of Object.values(languages)) total += language.page_count;
    }
    expect(total).toBe(indexable);
    // Each part's fragments are its own pages: no page is in two parts.
    const fragments = new Set<string>();
    let fragmentCount = 0;
    for (const part of manifest.parts) {
      const names = await fs.readdir(path.join(bundle, part.path, 'fragment'));
      fragmentCount += names.length;
      for (const name of names) fragments.add(name);
      // Secondary parts carry the index only; the search page takes code from the main bundle.
      const files = await fs.readdir(path.join(bundle, part.path));
      expect(files.filter((name) => name.endsWith('.js') || name.startsWith('wasm.'))).toEqual([]);
      expect(part.languages.length).toBeGreaterThan(0);
    }
    expect(fragments.size).toBe(fragmentCount);
    await expect(fs.access(path.join(bundle, 'pagefind.js'))).resolves.toBeUndefined();
  });

  it('copies every part from the cache when nothing changed, byte for byte', async () => {
    const bundle = path.join(site, 'pagefind');
    const before = await digestTree(bundle);
    const result = await writeSearchIndex({ siteDir: site, cacheDir: cache(), pagesPerPart: 12 });
    expect(result.reusedParts).toBe(result.parts);
    expect(await digestTree(bundle)).toEqual(before);
  });

  it('re-indexes only the part of a changed page', async () => {
    const post = path.join(site, 'innlegg');
    const [first] = (await fs.readdir(post, { withFileTypes: true })).filter(
      (entry) => entry.isDirectory() && entry.name !== 'side',
    );
    if (!first) throw new Error('The built site has no post.');
    const file = path.join(post, first.name, 'index.html');
    const html = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, html.replace('<h1', '<p>Kvasirfjeldet</p><h1'));
    const result = await writeSearchIndex({ siteDir: site, cacheDir: cache(), pagesPerPart: 12 });
    expect(result.reusedParts).toBe(result.parts - 1);
    // Cached parts not used any more are pruned: one folder per part remains.
    expect((await fs.readdir(cache())).length).toBe(result.parts);
  });

  it('indexes anew without a cache and gives the same bundle as with one', async () => {
    const withCache = await digestTree(path.join(site, 'pagefind'));
    await writeSearchIndex({ siteDir: site, pagesPerPart: 12 });
    const fresh = await digestTree(path.join(site, 'pagefind'));
    const differing = [...fresh].filter(([file, digest]) => withCache.get(file) !== digest);
    expect(differing.map(([file]) => file)).toEqual([]);
  });
});

describe('bad input to the search step', () => {
  it('names what to do when the folder holds no built pages', async () => {
    const empty = path.join(tmp, 'empty');
    await fs.mkdir(empty, { recursive: true });
    await fs.writeFile(path.join(empty, 'index.html'), '<html lang="nb"><body>Hei</body></html>');
    await expect(writeSearchIndex({ siteDir: empty })).rejects.toThrow(
      /No page in .*empty has data-pagefind-body: build the site first/,
    );
  });

  it('names the missing site folder', async () => {
    await expect(writeSearchIndex({ siteDir: path.join(tmp, 'nowhere') })).rejects.toThrow(
      /The site folder .*nowhere does not exist: build the site first/,
    );
  });

  it('refuses a part size that is not a whole number of at least 1', async () => {
    await expect(writeSearchIndex({ siteDir: site, pagesPerPart: 0 })).rejects.toThrow(
      /pagesPerPart must be a whole number of at least 1, not 0/,
    );
    expect(() => parseSearchIndexArgs(['--pages-per-part', 'mange'])).toThrow(
      /--pages-per-part must be a whole number of at least 1, not "mange"/,
    );
    expect(() => parseSearchIndexArgs(['--cache', '/tmp/x', '--no-cache'])).toThrow(
      /either --cache or --no-cache/,
    );
    expect(() => parseSearchIndexArgs(['--sitte', 'dist'])).toThrow(/sitte/);
  });

  it('reads the defaults: dist/ and the project cache', () => {
    const parsed = parseSearchIndexArgs([]);
    expect(parsed.siteDir).toBe(path.resolve('dist'));
    expect(parsed.cacheDir).toMatch(/node_modules\/\.cache\/tanketanken\/search-index$/);
    expect(parsed.pagesPerPart).toBe(2500);
  });
});
