/**
 * Astro's incremental build with the site's cache keys: builds a copy of the embedded
 * dataset twice into the same output and cache folders, changing one post's title in
 * between as an editor's save would. The second build must show the new title everywhere
 * the post appears and the old one nowhere, and re-render only the pages that list or
 * link the changed documents: every other keyed page comes from the cache.
 *
 * Then documents are deleted and unpublished, and the site is built a third time into the
 * same folder, which Astro no longer empties (`src/internals/keep-output.ts`): the folder
 * must then hold exactly what a clean build of the same content writes.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/lib/pagination.ts';
import { buildSite, ROOT, type BuildResult } from '../helpers/build-site.ts';

const SITE = 'https://inkrementell.example';
/** A post on the second page of the post list, which no other document links as related. */
const CHANGED_ID = 'post-spillhuset-apner';
const NEW_TITLE = 'Spillhuset opnar dørene – ny tittel frå testen';

interface RawDoc {
  _id: string;
  _type: string;
  _rev?: string;
  _updatedAt?: string;
  title?: string;
  slug?: { current?: string };
  publishedAt?: string;
  related?: { _ref?: string }[];
}

const SEGMENTS: Record<string, string> = {
  post: 'innlegg',
  projectStory: 'prosjekter',
  caseStudy: 'caser',
};

let tmp: string;
let outDir: string;
let dataset: string;
let env: Record<string, string>;
let options: { config: string; search: false };
let docs: RawDoc[];
let oldTitle: string;
let first: BuildResult;
let second: BuildResult;
/** Built files (path from the output root, with a leading slash) and their text, after build 1. */
let firstFiles: Map<string, string>;

/** Every HTML, XML, JSON and CSV file of a build, by `/`-path. */
async function readOutput(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|xml|json|csv|opml)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.includes(`${path.sep}_astro${path.sep}`)) continue;
    files.set(
      `/${path.relative(dir, file).split(path.sep).join('/')}`,
      await fs.readFile(file, 'utf8'),
    );
  }
  return files;
}

/** The routes Astro listed while generating, split into rendered and taken from the cache. */
function readRoutes(output: string): { rendered: string[]; cached: string[] } {
  // eslint-disable-next-line no-control-regex -- strips terminal colours from Astro's log
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const start = lines.findIndex((line) => /generating static routes/.test(line));
  const end = lines.findIndex((line, index) => index > start && /✓ Completed in/.test(line));
  const rendered: string[] = [];
  const cached: string[] = [];
  // Pages render four at a time, so one line may hold several routes; a taken-over route
  // prints its marker right after its path, a rendered one its time later.
  const routes = lines.slice(start, end).flatMap((line) => line.split(/(?=[├└]─)/));
  for (const route of routes) {
    const match = /^[├└]─\s+(\/\S*?\.(?:html|xml|txt|json|csv|opml|ttl))(.*)$/.exec(route);
    if (!match) continue;
    const [, file = '', rest = ''] = match;
    (/^\s*\((cached|restored)\)/.test(rest) ? cached : rendered).push(file);
  }
  return { rendered, cached };
}

/** Output paths of the routes without dynamic parameters: they have no cacheKey and always render. */
async function listStaticOutputs(): Promise<Set<string>> {
  const pagesDir = path.join(ROOT, 'src', 'pages');
  const outputs = new Set<string>();
  for (const file of await fs.readdir(pagesDir, { recursive: true })) {
    const route = file.split(path.sep).join('/');
    // Astro makes no route of a file whose name starts with `_` (a page's own component).
    const isPartial = route.split('/').some((segment) => segment.startsWith('_'));
    if (isPartial || route.includes('[') || !/\.(astro|ts)$/.test(route)) continue;
    if (route.endsWith('.ts')) outputs.add(`/${route.slice(0, -3)}`);
    else if (route === '404.astro') outputs.add('/404.html');
    else
      outputs.add(
        `/${route.replace(/(^|\/)index\.astro$/, '$1').replace(/\.astro$/, '/')}index.html`,
      );
  }
  return outputs;
}

function isPublished(doc: RawDoc): boolean {
  return (
    !doc._id.startsWith('drafts.') &&
    !doc._id.startsWith('versions.') &&
    Date.parse(doc.publishedAt ?? '') <= Date.now()
  );
}

/** The changed post and every published document that names it as related (its title shows there). */
function getChangedDocuments(): RawDoc[] {
  return docs.filter(
    (doc) =>
      doc._id === CHANGED_ID ||
      (isPublished(doc) && (doc.related ?? []).some((link) => link._ref === CHANGED_ID)),
  );
}

function getDetailPath(doc: RawDoc): string {
  return `/${SEGMENTS[doc._type] ?? '?'}/${doc.slug?.current ?? '?'}/`;
}

/**
 * Writes an Astro config in the temporary folder that builds into `out` with its own cache;
 * returns its path relative to the root, which is how Astro takes it.
 */
async function writeConfig(name: string, out: string, cache: string): Promise<string> {
  const config = path.join(tmp, name);
  await fs.writeFile(
    config,
    `import base from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'astro.config.mjs')).href)};\n` +
      `export default { ...base, outDir: ${JSON.stringify(out)}, cacheDir: ${JSON.stringify(path.join(tmp, cache))} };\n`,
  );
  return path.relative(ROOT, config);
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-incremental-'));
  dataset = path.join(tmp, 'data');
  await fs.cp(path.join(ROOT, 'content'), dataset, { recursive: true });
  outDir = path.join(tmp, 'dist');
  env = { SITE_URL: SITE, LOCAL_DATASET: dataset, FORCE_COLOR: '0' };
  options = { config: await writeConfig('astro.config.mjs', outDir, 'cache'), search: false };

  first = await buildSite(outDir, env, options);
  if (first.code !== 0) return;
  firstFiles = await readOutput(outDir);

  // An editor's save: a new title, revision and update time.
  const dataFile = path.join(dataset, 'data.ndjson');
  const lines = (await fs.readFile(dataFile, 'utf8')).split('\n');
  docs = lines.filter(Boolean).map((line) => JSON.parse(line) as RawDoc);
  const index = lines.findIndex((line) => line.includes(`"_id":"${CHANGED_ID}"`));
  const doc = JSON.parse(lines[index] ?? '{}') as RawDoc;
  oldTitle = doc.title ?? '';
  lines[index] = JSON.stringify({
    ...doc,
    title: NEW_TITLE,
    _rev: `${doc._rev ?? ''}-test`,
    _updatedAt: new Date().toISOString(),
  });
  await fs.writeFile(dataFile, lines.join('\n'));

  second = await buildSite(outDir, env, options);
});

afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('incremental build after one post changes its title', () => {
  it('builds twice without an error, the first rendering every page and taking none from the cache', () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const routes = readRoutes(first.output);
    expect(routes.cached).toEqual([]);
    expect(routes.rendered.length).toBeGreaterThan(100);
  });

  it('shows the new title wherever the post appears, and the old title nowhere', async () => {
    expect(oldTitle).toBeTruthy();
    const changed = docs.find((doc) => doc._id === CHANGED_ID);
    const detail = getDetailPath(changed ?? { _id: '', _type: '' });
    const linking = readRoutes(first.output).rendered.filter((file) =>
      firstFiles.get(file)?.includes(detail),
    );
    // The post page, its list page, archive year, topics, service areas, authors and feeds.
    for (const expected of [
      `${detail}index.html`,
      '/innlegg/side/2/index.html',
      '/arkiv/2015/index.html',
      '/tema/ungdom-og-fritid/index.html',
      '/tema/ungdom-og-fritid/rss.xml',
    ]) {
      expect(linking).toContain(expected);
    }
    expect(linking.some((file) => file.startsWith('/tjenesteomrader/'))).toBe(true);
    expect(linking.some((file) => file.startsWith('/personer/'))).toBe(true);
    const after = await readOutput(outDir);
    for (const file of linking) {
      expect(after.get(file), file).toContain(NEW_TITLE);
    }
    const stale = [...after].filter(([, text]) => text.includes(oldTitle)).map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('re-renders only the pages that show a changed document, taking the rest from the cache', async () => {
    const { rendered, cached } = readRoutes(second.output);
    const statics = await listStaticOutputs();
    // Pages whose keys must change: every page that links a changed document, in the first build.
    const changedPaths = getChangedDocuments().map(getDetailPath);
    const expected = readRoutes(first.output)
      .rendered.filter(
        (file) => !statics.has(file) && changedPaths.some((p) => firstFiles.get(file)?.includes(p)),
      )
      .sort();
    const renderedKeyed = rendered.filter((file) => !statics.has(file)).sort();
    expect(renderedKeyed).toEqual(expected);
    // Every page with parameters is either re-rendered above or taken from the cache.
    const total = rendered.length + cached.length;

    expect(total).toBe(readRoutes(first.output).rendered.length);
    expect(cached.length).toBe(total - statics.size - expected.length);
    expect(rendered.length).toBeLessThan(total / 3);
    console.info(
      `[incremental] second build: ${rendered.length} of ${total} routes rendered ` +
        `(${statics.size} without parameters, ${renderedKeyed.length} keyed: ${renderedKeyed.join(' ')}), ` +
        `${cached.length} from the cache`,
    );
  });
});

describe('a third build into the same folder after documents are deleted and unpublished', () => {
  let removedPosts: RawDoc[];
  let unpublished: RawDoc;
  let third: BuildResult;
  let clean: BuildResult;
  let cleanDir: string;

  beforeAll(async () => {
    if (second.code !== 0) return;
    const dataFile = path.join(dataset, 'data.ndjson');
    const current = (await fs.readFile(dataFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RawDoc);
    // Few enough posts left that the post list loses its second page.
    const posts = current.filter((doc) => doc._type === 'post' && isPublished(doc));
    removedPosts = posts.slice(0, posts.length - PAGE_SIZE);
    const removed = new Set(removedPosts.map((doc) => doc._id));
    const found = current.find((doc) => doc._type === 'caseStudy' && isPublished(doc));
    if (!found) throw new Error('The sample dataset has no published case.');
    unpublished = found;
    const next = current
      .filter((doc) => !removed.has(doc._id))
      // Unpublishing keeps the draft: the document is only in drafts.
      .map((doc) => (doc === unpublished ? { ...doc, _id: `drafts.${doc._id}` } : doc));
    await fs.writeFile(dataFile, next.map((doc) => JSON.stringify(doc)).join('\n'));

    third = await buildSite(outDir, env, options);
    // The same content built from nothing, into its own folder and cache.
    cleanDir = path.join(tmp, 'clean');
    const cleanConfig = await writeConfig('clean.config.mjs', cleanDir, 'clean-cache');
    clean = await buildSite(cleanDir, env, { ...options, config: cleanConfig });
  });

  it('builds both without an error, pruning the kept folder instead of emptying it', () => {
    expect(third.code, third.output).toBe(0);
    expect(clean.code, clean.output).toBe(0);
    expect(readRoutes(third.output).cached.length).toBeGreaterThan(0);
    expect(third.output).toMatch(
      /removed \d+ file\(s\) an earlier build left that this one did not write/,
    );
  });

  it('no longer has the pages of deleted and unpublished documents, nor the emptied list page', async () => {
    const after = await readOutput(outDir);
    const gone = [...removedPosts, unpublished].map((doc) => `${getDetailPath(doc)}index.html`);
    gone.push('/innlegg/side/2/index.html');
    for (const file of gone) {
      expect(firstFiles.has(file), `${file} was built at first`).toBe(true);
      expect(after.has(file), `${file} must be gone`).toBe(false);
    }
    await expect(fs.stat(path.join(outDir, 'innlegg', 'side', '2'))).rejects.toThrow();
    const links = [...after].filter(([, text]) => text.includes(getDetailPath(unpublished)));
    expect(links.map(([file]) => file)).toEqual([]);
  });

  it('holds exactly the files of a clean build of the same content, with the same text', async () => {
    const kept = await readOutput(outDir);
    const fresh = await readOutput(cleanDir);
    expect([...kept.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differing = [...fresh]
      .filter(([file, text]) => kept.get(file) !== text)
      .map(([file]) => file);
    expect(differing).toEqual([]);
    const list = async (dir: string) =>
      (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
    // Every file, `_astro/` included: the images of the deleted posts went with them, and
    // every image, script and style a kept page links to is still there.
    expect(await list(outDir)).toEqual(await list(cleanDir));
  });
});
