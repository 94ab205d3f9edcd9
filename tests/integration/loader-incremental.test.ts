/**
 * The loader's skip in real builds: a copy of the fixture dataset is built three times into
 * the same output and Astro cache folders (a config that spreads the site's own, as the
 * benchmark does). The second build, with nothing changed, must keep the stored content
 * without loading it and give byte-identical HTML; after one post's title changes in the
 * copy, the third must load again and show the new title.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';

const OLD_TITLE = 'Sensorer gir trygge netter';
const NEW_TITLE = 'Sensorer gir trygge netter – ny tittel frå testen';
const POST_PAGE = 'innlegg/sensorer-gir-trygge-netter/index.html';
const SKIPPED = /content unchanged since the last build \(fingerprint [0-9a-f]{12}\)/;
/** A fresh load's summary, as the logger prints it (the skip line quotes it after a colon). */
const LOADED = /\] embedded dataset .*: 4 published/;

let tmp: string;
let outDir: string;
const builds: { result: BuildResult; html: Map<string, string> }[] = [];

async function readHtml(dir: string): Promise<Map<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const pages = new Map<string, string>();
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      const file = path.join(entry.parentPath, entry.name);
      pages.set(path.relative(dir, file), await fs.readFile(file, 'utf8'));
    }
  }
  return pages;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-loader-build-'));
  outDir = path.join(tmp, 'dist');
  const dataset = path.join(tmp, 'data');
  await fs.cp(path.join(ROOT, 'tests/fixtures/dataset'), dataset, { recursive: true });
  const config = path.join(tmp, 'astro.config.mjs');
  const base = pathToFileURL(path.join(ROOT, 'astro.config.mjs')).href;
  await fs.writeFile(
    config,
    `import base from ${JSON.stringify(base)};\n` +
      `export default { ...base, cacheDir: ${JSON.stringify(path.join(tmp, 'cache'))} };\n`,
  );
  const env = { SITE_URL: 'https://inkrementell-laster.example', LOCAL_DATASET: dataset };
  const run = async () => {
    // Astro joins --config to the project root, so it must be relative to it.
    const result = await buildSite(outDir, env, {
      config: path.relative(ROOT, config),
      search: false,
    });
    builds.push({
      result,
      html: result.code === 0 ? await readHtml(outDir) : new Map<string, string>(),
    });
  };
  await run();
  await run();
  const dataFile = path.join(dataset, 'data.ndjson');
  const text = await fs.readFile(dataFile, 'utf8');
  await fs.writeFile(dataFile, text.replace(`"title":"${OLD_TITLE}"`, `"title":"${NEW_TITLE}"`));
  await run();
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('builds sharing one Astro cache', () => {
  it('build three times over one cache without an error', () => {
    expect(builds).toHaveLength(3);
    for (const { result } of builds) expect(result.code, result.output).toBe(0);
  });

  it('the first, with an empty cache, loads the export instead of keeping stored content', () => {
    const output = builds[0]?.result.output ?? '';
    expect(output).toMatch(LOADED);
    expect(output).not.toMatch(SKIPPED);
  });

  it('the second, with nothing changed, keeps the stored content and gives the same HTML', () => {
    const [first, second] = builds;
    const output = second?.result.output ?? '';
    expect(output).toMatch(SKIPPED);
    expect(output).not.toMatch(LOADED);
    const before = first?.html ?? new Map<string, string>();
    const after = second?.html ?? new Map<string, string>();
    expect(before.size).toBeGreaterThan(10);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [page, html] of before) expect(after.get(page) === html, page).toBe(true);
  });

  it('the third, after a title changed in the export, loads again and shows the new title', () => {
    const third = builds[2];
    const output = third?.result.output ?? '';
    expect(output).not.toMatch(SKIPPED);
    expect(output).toMatch(LOADED);
    const page = third?.html.get(POST_PAGE) ?? '';
    expect(page).toContain(NEW_TITLE);
    expect(builds[1]?.html.get(POST_PAGE)).toContain(OLD_TITLE);
    expect(builds[1]?.html.get(POST_PAGE)).not.toContain(NEW_TITLE);
    const listing = third?.html.get('innlegg/index.html') ?? '';
    expect(listing).toContain(NEW_TITLE);
  });
});
