/**
 * The search step of the build (src/build/search-index.ts) on a copy of the built
 * embedded site: indexing in parts covers every page exactly once, a rebuild indexes
 * changed pages in a small overlay and hides their old copies (until a part has too many
 * changes and is indexed anew), and bad input gets an answer that names the fix.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findBodyStart, writeSearchIndex } from '../../src/build/search-index.ts';
import {
  ORDER_FILE,
  PARTS_MANIFEST,
  decodeHiddenPages,
  decodeOrder,
  type PartsManifest,
} from '../../src/lib/search.ts';
import { parseSearchIndexArgs } from '../../scripts/build-search-index.ts';
import { t } from '../../src/lib/i18n.ts';

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

/** A page as Pagefind stored it: its id (the fragment's name) and what the fragment holds. */
interface StoredFragment {
  id: string;
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  /** The headings with ids Pagefind found: each is a sub-result of the page. */
  anchors?: { id: string; text: string }[];
}

/** Reads the manifest and every fragment of the main bundle and of each part it lists. */
async function readBundles(bundle: string) {
  const manifest = JSON.parse(
    await fs.readFile(path.join(bundle, PARTS_MANIFEST), 'utf8'),
  ) as PartsManifest;
  const fragments: StoredFragment[] = [];
  for (const folder of [bundle, ...manifest.parts.map((part) => path.join(bundle, part.path))]) {
    const names = await fs.readdir(path.join(folder, 'fragment'));
    for (const name of names) {
      const zipped = await fs.readFile(path.join(folder, 'fragment', name));
      const text = gunzipSync(zipped)
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      const fragment = JSON.parse(text) as Omit<StoredFragment, 'id'>;
      fragments.push({ ...fragment, id: name.replace(/\.pf_fragment$/, '') });
    }
  }
  return { manifest, fragments, hidden: decodeHiddenPages(manifest.hidden) };
}

/**
 * Checks `order.json`: the ids of exactly the shown pages, newest first by the date they
 * carry, pages of the same moment by id.
 */
async function expectNewestFirst(bundle: string, shown: readonly StoredFragment[]) {
  const order = decodeOrder(JSON.parse(await fs.readFile(path.join(bundle, ORDER_FILE), 'utf8')));
  const time = (fragment: StoredFragment) => {
    const date = fragment.meta['date'];
    if (date === undefined) throw new Error(`${fragment.url} has no date in the index.`);
    return Date.parse(date);
  };
  const expected = [...shown]
    .sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((fragment) => fragment.id);
  expect(expected.length).toBeGreaterThan(30);
  expect([...order.keys()]).toEqual(expected);
}

/** The URLs of the built pages that carry indexable content, sorted. */
async function indexableUrls(folder: string): Promise<string[]> {
  const urls: string[] = [];
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!(await fs.readFile(file, 'utf8')).includes('data-pagefind-body')) continue;
    const relative = path.relative(folder, file).split(path.sep).join('/');
    urls.push(`/${relative.replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return urls.sort();
}

/** The index.html of the built site's `n`th post (in folder order). */
async function firstPost(n = 0): Promise<string> {
  const posts = path.join(site, 'innlegg');
  const folders = (await fs.readdir(posts, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name !== 'side')
    .map((entry) => entry.name)
    .sort();
  const name = folders[n];
  if (name === undefined) throw new Error(`The built site has fewer than ${n + 1} posts.`);
  return path.join(posts, name, 'index.html');
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
    expect(manifest).toEqual({
      parts: [],
      pageCount: indexable,
      hidden: { values: [], pages: [] },
    });
  });

  it('leaves the table of contents out: no sub-result for it, its headings once', async () => {
    const { fragments } = await readBundles(path.join(inject('siteDir'), 'pagefind'));
    const built = await fs.readFile(
      path.join(inject('siteDir'), 'caser', 'ungdomsklubb-for-og-av-gamere', 'index.html'),
      'utf8',
    );
    // The case has a table of contents (a nav, which Pagefind leaves out); its page in the
    // index has neither a sub-result for it nor its label, only the sections' own headings.
    expect(built).toContain('id="toc-title"');
    const page = fragments.find(
      (fragment) => fragment.url === '/caser/ungdomsklubb-for-og-av-gamere/',
    );
    expect(page?.anchors?.length).toBeGreaterThan(2);
    expect(page?.content).not.toContain(t.pages.toc);
    for (const fragment of fragments) {
      expect(fragment.anchors?.map((anchor) => anchor.id) ?? []).not.toContain('toc-title');
    }
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

  it('indexes a changed page in the overlay and hides its old copy', async () => {
    const bundle = path.join(site, 'pagefind');
    const before = await readBundles(bundle);
    const file = await firstPost();
    const url = `/${path.relative(site, path.dirname(file)).split(path.sep).join('/')}/`;
    const html = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, html.replace('<h1', '<p>Kvasirfjeldet</p><h1'));
    const result = await writeSearchIndex({ siteDir: site, cacheDir: cache(), pagesPerPart: 12 });
    // No part is indexed anew for one page: every part is copied from the cache.
    expect(result.reusedParts).toBe(result.parts);
    expect(result.overlayPages).toBe(1);
    const after = await readBundles(bundle);
    expect(after.manifest.parts.at(-1)?.path).toBe('overlay/');
    const oldCopy = before.fragments.find((fragment) => fragment.url === url);
    expect(oldCopy).toBeDefined();
    expect(after.hidden.has(oldCopy?.id ?? '')).toBe(true);
    // The old copy's fragment, its text, is not published: the search page never loads it.
    expect(after.fragments.map((fragment) => fragment.id)).not.toContain(oldCopy?.id);
    // What a search can show: each indexable page once, the changed one as it is now.
    const shown = after.fragments.filter((fragment) => !after.hidden.has(fragment.id));
    expect(shown.map((fragment) => fragment.url).sort()).toEqual(await indexableUrls(site));
    expect(shown.find((fragment) => fragment.url === url)?.content).toContain('Kvasirfjeldet');
    expect(after.manifest.pageCount).toBe(shown.length);
    // The newest-first order lists the changed page's new copy, never its old one.
    await expectNewestFirst(bundle, shown);
    // Hidden pages carry their filter values, so the search page can correct the counts.
    const hidden = decodeHiddenPages(after.manifest.hidden);
    expect(hidden.get(oldCopy?.id ?? '')).toEqual(
      Object.entries(oldCopy?.filters ?? {}).flatMap(([key, values]) =>
        values.map((value) => [key, value]),
      ),
    );
  });

  it('indexes the part of a removed page anew, and a part with more changes than the overlay holds', async () => {
    const bundle = path.join(site, 'pagefind');
    const removed = await firstPost(1);
    const removedUrl = `/${path.relative(site, path.dirname(removed)).split(path.sep).join('/')}/`;
    await fs.rm(path.dirname(removed), { recursive: true });
    let result = await writeSearchIndex({ siteDir: site, cacheDir: cache(), pagesPerPart: 12 });
    // Its part only: a removed page leaves no word behind, hidden or not.
    expect(result.reusedParts).toBe(result.parts - 1);
    let state = await readBundles(bundle);
    expect(state.fragments.map((fragment) => fragment.url)).not.toContain(removedUrl);
    let shown = state.fragments.filter((fragment) => !state.hidden.has(fragment.id));
    expect(shown.map((fragment) => fragment.url).sort()).toEqual(await indexableUrls(site));
    expect(result.pageCount).toBe(shown.length);

    // Three more changed pages: past the overlay's limit of a fifth of a part (2 pages).
    for (const index of [2, 3, 4]) {
      const file = await firstPost(index);
      const html = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, html.replace('<h1', '<p>Trollskogen</p><h1'));
    }
    result = await writeSearchIndex({ siteDir: site, cacheDir: cache(), pagesPerPart: 12 });
    expect(result.reusedParts).toBeLessThan(result.parts);
    state = await readBundles(bundle);
    shown = state.fragments.filter((fragment) => !state.hidden.has(fragment.id));
    expect(shown.map((fragment) => fragment.url).sort()).toEqual(await indexableUrls(site));
    expect(shown.filter((fragment) => fragment.content.includes('Trollskogen'))).toHaveLength(3);
    // Cached bundles not used any more are pruned: a folder and a record for each in use.
    const bundles = result.parts + (result.overlayPages > 0 ? 1 : 0);
    const names = (await fs.readdir(cache())).filter((name) => name !== 'state.json');
    expect(names.filter((name) => !name.endsWith('.json'))).toHaveLength(bundles);
    expect(names.filter((name) => name.endsWith('.json'))).toHaveLength(bundles);
  });

  it('indexes anew without a cache: no overlay, nothing hidden, the same pages shown', async () => {
    const withCache = await readBundles(path.join(site, 'pagefind'));
    const result = await writeSearchIndex({ siteDir: site, pagesPerPart: 12 });
    expect(result.overlayPages).toBe(0);
    const fresh = await readBundles(path.join(site, 'pagefind'));
    expect(fresh.manifest.hidden).toEqual({ values: [], pages: [] });
    expect(fresh.manifest.parts.map((part) => part.path)).not.toContain('overlay/');
    const shown = withCache.fragments.filter((fragment) => !withCache.hidden.has(fragment.id));
    expect(fresh.fragments.map((fragment) => fragment.url).sort()).toEqual(
      shown.map((fragment) => fragment.url).sort(),
    );
    expect(fresh.manifest.pageCount).toBe(withCache.manifest.pageCount);
    await expectNewestFirst(path.join(site, 'pagefind'), fresh.fragments);
  });
});

describe('the search step reads markup, not bytes', () => {
  it('a page whose text or title mentions data-pagefind-body is indexed only if an element has it', async () => {
    const own = path.join(tmp, 'markup');
    await fs.cp(inject('siteDir'), own, { recursive: true });
    await fs.rm(path.join(own, 'pagefind'), { recursive: true, force: true });
    const before = await countMarkedElements(own);
    // A page without the attribute whose text talks about it (the home page), and a post
    // whose title does, as Astro would write them (escaped).
    const home = path.join(own, 'index.html');
    const homeHtml = await fs.readFile(home, 'utf8');
    expect(homeHtml).not.toMatch(/<[^>]+\sdata-pagefind-body/);
    const mentioned = homeHtml.replace(
      '</main>',
      '<p>Om &lt;main data-pagefind-body&gt;</p></main>',
    );
    expect(mentioned).not.toBe(homeHtml);
    await fs.writeFile(home, mentioned);
    const cacheDir = path.join(tmp, 'markup-cache');
    let result = await writeSearchIndex({ siteDir: own, cacheDir, pagesPerPart: 12 });
    expect(result.pageCount).toBe(before);

    const post = path.join(own, path.relative(site, await firstPost(0)));
    const postHtml = await fs.readFile(post, 'utf8');
    await fs.writeFile(
      post,
      postHtml
        .replace(/<title>/, '<title>data-pagefind-body &gt; ')
        .replace(/<meta name="description" content="/, '$&data-pagefind-body> '),
    );
    result = await writeSearchIndex({ siteDir: own, cacheDir, pagesPerPart: 12 });
    // The changed post goes to the overlay with its mark inside the indexed element, so its
    // copy there has an id of its own: no clash, no part indexed anew.
    expect(result.overlayPages).toBe(1);
    expect(result.reusedParts).toBe(result.parts);
    const { fragments, hidden } = await readBundles(path.join(own, 'pagefind'));
    const shown = fragments.filter((fragment) => !hidden.has(fragment.id));
    const url = `/${path.relative(own, path.dirname(post)).split(path.sep).join('/')}/`;
    const copy = shown.find((fragment) => fragment.url === url);
    expect(copy?.meta['title']).not.toContain('tanketanken-overlay');
    expect(copy?.meta['tanketanken-overlay']).toBe('1');
    expect(shown).toHaveLength(before);
  });
});

/** Counts the elements with data-pagefind-body in the built pages, by parsing them. */
async function countMarkedElements(folder: string): Promise<number> {
  let count = 0;
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8');
    if (findBodyStart(html) !== undefined) count += 1;
  }
  return count;
}

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
