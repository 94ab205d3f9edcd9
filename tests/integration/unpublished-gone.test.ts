/**
 * Unpublished means gone (issue #22): three real builds into one output folder with the
 * same caches (Astro's and the search step's), as a publishing server makes them: one
 * dataset, then another, then the second with a post unpublished. After the last build no
 * file of the output, search fragments and index files decompressed, holds the title or
 * text of a document that is not published in it, whatever the caches held.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { escapeHTML } from '@portabletext/to-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';

const SITE = 'https://innovasjon.kommune.example';
const SHOWN_TYPES = new Set(['post', 'projectStory', 'caseStudy', 'page']);

interface RawDoc {
  _id: string;
  _type: string;
  title?: string;
  publishedAt?: string;
  body?: { _type: string; children?: { text?: string }[] }[];
}

let tmp: string;
let outDir: string;
const builds: BuildResult[] = [];
let unpublished: RawDoc | undefined;

/** The documents of an export folder's `data.ndjson`. */
async function readDocs(folder: string): Promise<RawDoc[]> {
  const text = await fs.readFile(path.join(folder, 'data.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawDoc);
}

/** The published documents a page is made for (no drafts, no release versions). */
const isShown = (doc: RawDoc) =>
  SHOWN_TYPES.has(doc._type) && !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.');

/** Texts that identify a document: its title and its longest paragraph. */
function identifyingTexts(doc: RawDoc): string[] {
  const paragraphs = (doc.body ?? [])
    .filter((block) => block._type === 'block')
    .map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''))
    .filter((text) => text.length > 40)
    .sort((a, b) => b.length - a.length);
  return [doc.title ?? '', paragraphs[0] ?? ''].filter((text) => text.length >= 12);
}

/** Every file under `folder` as text; Pagefind's files (gzip) decompressed. */
async function readOutput(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await fs.readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await fs.readFile(file);
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    files.set(path.relative(folder, file), (gzipped ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return files;
}

/** Writes an Astro config that builds into `outDir` with a cache folder of its own. */
async function writeConfig(): Promise<string> {
  const config = path.join(tmp, 'astro.config.mjs');
  await fs.writeFile(
    config,
    `import base from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'astro.config.mjs')).href)};\n` +
      `export default { ...base, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(path.join(tmp, 'astro-cache'))} };\n`,
  );
  return path.relative(ROOT, config);
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-unpublished-'));
  outDir = path.join(tmp, 'dist');
  const first = path.join(tmp, 'first');
  const second = path.join(tmp, 'second');
  await fs.cp(path.join(ROOT, 'tests', 'fixtures', 'dataset'), first, { recursive: true });
  await fs.cp(path.join(ROOT, 'content'), second, { recursive: true });
  const options = { config: await writeConfig(), searchCache: path.join(tmp, 'search-cache') };
  const build = (dataset: string) =>
    buildSite(outDir, { SITE_URL: SITE, LOCAL_DATASET: dataset, FORCE_COLOR: '0' }, options);
  builds.push(await build(first));
  builds.push(await build(second));
  // Unpublish the newest post of the second dataset: its line leaves the export.
  const docs = await readDocs(second);
  unpublished = docs
    .filter((doc) => doc._type === 'post' && isShown(doc))
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
  const kept = docs.filter((doc) => doc._id !== unpublished?._id);
  await fs.writeFile(
    path.join(second, 'data.ndjson'),
    kept.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
  );
  builds.push(await build(second));
}, 900_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('after a build, the output holds only what this build publishes', () => {
  it('the three builds succeeded', () => {
    expect(builds.map((build) => build.code)).toEqual([0, 0, 0]);
    expect(unpublished?.title).toBeTruthy();
  });

  it('no file holds a title or text of the first dataset or of the unpublished post', async () => {
    const published = (await readDocs(path.join(tmp, 'second'))).filter(isShown);
    const publishedText = published.flatMap(identifyingTexts).join('\n');
    const gone = [
      ...(await readDocs(path.join(ROOT, 'tests', 'fixtures', 'dataset'))),
      ...(unpublished ? [unpublished] : []),
    ]
      .filter(isShown)
      .flatMap(identifyingTexts)
      // A text the last dataset publishes too is not gone.
      .filter((text) => !publishedText.includes(text));
    expect(gone.length).toBeGreaterThanOrEqual(5);
    const output = await readOutput(outDir);
    expect([...output.keys()].some((file) => file.endsWith('.pf_fragment'))).toBe(true);
    const found: string[] = [];
    for (const [file, text] of output) {
      for (const needle of gone) {
        if (text.includes(needle) || text.includes(escapeHTML(needle))) {
          found.push(`${file}: «${needle.slice(0, 60)}»`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the search index of the last build reused what it could and shows every page once', async () => {
    const last = builds.at(-1)?.output ?? '';
    expect(last).toMatch(/\[search\]/);
    const manifest = JSON.parse(
      await fs.readFile(path.join(outDir, 'pagefind', 'parts.json'), 'utf8'),
    ) as { pageCount: number };
    const pages = (await readOutput(outDir)).entries();
    const indexable = [...pages].filter(
      ([file, text]) => file.endsWith('.html') && /<[^>]+\sdata-pagefind-body[\s>=]/.test(text),
    );
    expect(manifest.pageCount).toBe(indexable.length);
  });
});
