/**
 * `npm run content:pull -- --out <folder> [--image-host <url>] [--force]`: snapshots the published
 * documents of the Sanity dataset named by SANITY_PROJECT_ID/SANITY_DATASET into a local
 * export (`data.ndjson` + `images/`), so a build can be reproduced offline with
 * LOCAL_DATASET=<folder>. Image references are downloaded from Sanity's CDN (or
 * `--image-host`, which tests point at a fake server) and rewritten to `_sanityAsset` form.
 * The pull replaces `--out`, so it refuses a folder that is not an export, the project,
 * home or working folder unless told `--force`, and the file system's root always.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import type { RawDocument } from '../src/sanity/read/dataset-file.ts';
import {
  createRemoteEngine,
  redact,
  type RemoteEngineOptions,
} from '../src/sanity/query/remote-engine.ts';

/** Documents per query page. */
const PAGE_SIZE = 500;

/** Published content documents after `$after` by id: Sanity's own asset and system documents stay behind. */
const pageQuery = /* groq */ `*[
  !(_type in ["sanity.imageAsset", "sanity.fileAsset"]) &&
  !string::startsWith(_type, "system.") &&
  _id > $after
] | order(_id asc) [0...${PAGE_SIZE}]`;

const LAKE_ASSET = /^image-([0-9a-f]+)-(\d+)x(\d+)-([a-z0-9]+)$/i;

/** What a pull needs. */
export interface PullOptions {
  remote: RemoteEngineOptions;
  outDir: string;
  /** Origin that serves `/images/<project>/<dataset>/<file>`; Sanity's CDN by default. */
  imageHost: string;
  log: (line: string) => void;
  /** Replace `outDir` even when it is not an export (never the file system's root). */
  force?: boolean | undefined;
  /** The folders a pull must not replace; the real ones unless a test passes its own. */
  protect?: ProtectedFolders | undefined;
}

/** Folders a pull replaces only with `--force`: the project, the home and working folders. */
export interface ProtectedFolders {
  project: string;
  home: string;
  cwd: string;
}

/** The real protected folders: this project (the folder above `scripts/`), home and cwd. */
function getProtectedFolders(): ProtectedFolders {
  return {
    project: path.resolve(import.meta.dirname, '..'),
    home: os.homedir(),
    cwd: process.cwd(),
  };
}

/** Whether `folder` is `other` or holds it (so replacing `folder` would delete `other`). */
function holds(folder: string, other: string): boolean {
  const relative = path.relative(folder, other);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why replacing `outDir` would destroy something, or undefined when it is safe: a pull
 * deletes the folder it writes to, so it must be new, empty, or an export already
 * (`data.ndjson` and `images/` only). The file system's root is refused even with `force`.
 */
export async function checkOutFolder(
  outDir: string,
  options: { force?: boolean | undefined; protect: ProtectedFolders },
): Promise<string | undefined> {
  const out = path.resolve(outDir);
  if (path.parse(out).root === out) return `--out ${outDir} is the root of the file system.`;
  if (options.force) return undefined;
  const hint = 'Choose a new folder for the export, or add --force if you mean to replace it.';
  const { project, home, cwd } = options.protect;
  for (const [folder, what] of [
    [project, 'this project'],
    [home, 'your home folder'],
    [cwd, 'the folder you are in'],
  ] as const) {
    if (holds(out, path.resolve(folder))) {
      return `--out ${outDir} is or holds ${what} (${folder}), which a pull would delete. ${hint}`;
    }
  }
  const entries = await fs.readdir(out).catch(() => undefined);
  if (entries === undefined || entries.length === 0) return undefined;
  const foreign = entries.filter((name) => name !== 'data.ndjson' && name !== 'images');
  if (!entries.includes('data.ndjson') || foreign.length > 0) {
    const named = foreign.length > 0 ? foreign.slice(0, 3).join(', ') : 'no data.ndjson';
    return `--out ${outDir} is not a dataset export (${named}); a pull would delete what it holds. ${hint}`;
  }
  return undefined;
}

/** Rewrites Content Lake image references to export form, collecting the files to download. */
export function toExportForm(value: unknown, files: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => toExportForm(item, files));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const asset = record['asset'];
  const ref =
    typeof asset === 'object' && asset !== null
      ? (asset as Record<string, unknown>)['_ref']
      : undefined;
  const match = typeof ref === 'string' ? LAKE_ASSET.exec(ref) : null;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    if (match && key === 'asset') {
      const [, sha, width, height, ext] = match;
      const file = `${sha}-${width}x${height}.${ext}`;
      files.add(file);
      out['_sanityAsset'] = `image@file://./images/${file}`;
      continue;
    }
    out[key] = toExportForm(field, files);
  }
  return out;
}

async function download(url: string, target: string, attempts = 3): Promise<void> {
  let reason = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        await fs.writeFile(target, Buffer.from(await response.arrayBuffer()));
        return;
      }
      reason = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  throw new Error(`Could not download ${url}: ${reason}.`);
}

/**
 * Pulls every published document and its images into `outDir`. Writes into a temporary
 * folder first and renames it at the end, so a failed pull never leaves half an export.
 */
export async function pullDataset(
  options: PullOptions,
): Promise<{ documents: number; images: number }> {
  const { remote } = options;
  const refusal = await checkOutFolder(options.outDir, {
    force: options.force,
    protect: options.protect ?? getProtectedFolders(),
  });
  if (refusal) throw new Error(refusal);
  const engine = createRemoteEngine(remote);
  const documents: RawDocument[] = [];
  let after = '';
  for (;;) {
    const page = (await engine.fetch(pageQuery, { after })) as RawDocument[];
    documents.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE_SIZE || last === undefined) break;
    after = last._id;
  }
  const files = new Set<string>();
  const exported = documents.map((doc) => toExportForm(doc, files) as RawDocument);

  const outDir = path.resolve(options.outDir);
  const staging = `${outDir}.partial-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.join(staging, 'images'), { recursive: true });
  try {
    await fs.writeFile(
      path.join(staging, 'data.ndjson'),
      exported.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
    );
    const host = options.imageHost.replace(/\/$/, '');
    for (const file of files) {
      const url = `${host}/images/${remote.projectId}/${remote.dataset}/${file}`;
      await download(url, path.join(staging, 'images', file));
    }
    await fs.rm(outDir, { recursive: true, force: true });
    await fs.rename(staging, outDir);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  options.log(
    `Pulled ${exported.length} published documents and ${files.size} images from ${engine.description} into ${outDir}.`,
  );
  return { documents: exported.length, images: files.size };
}

const USAGE = 'usage: npm run content:pull -- --out <folder> [--image-host <url>] [--force]';

/** Reads `--out`, `--image-host` and `--force`; throws with the usage on anything else. */
export function parsePullArgs(args: readonly string[]): {
  outDir: string;
  imageHost: string;
  force: boolean;
} {
  let outDir: string | undefined;
  let imageHost = 'https://cdn.sanity.io';
  let force = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === '--force') {
      force = true;
    } else if ((arg === '--out' || arg === '--image-host') && value && !value.startsWith('-')) {
      if (arg === '--out') outDir = value;
      else imageHost = value;
      index += 1;
    } else {
      throw new Error(
        `${arg === '--out' || arg === '--image-host' ? `${arg} needs a value` : `unexpected "${arg}"`}.\n${USAGE}`,
      );
    }
  }
  if (outDir === undefined) throw new Error(`--out is required.\n${USAGE}`);
  return { outDir, imageHost, force };
}

async function main(): Promise<void> {
  let token: string | undefined;
  try {
    const { outDir, imageHost, force } = parsePullArgs(process.argv.slice(2));
    const { source } = loadConfig(process.env, process.cwd());
    if (source.kind !== 'remote') {
      throw new ConfigError(
        'SANITY_PROJECT_ID',
        'is not set; say which Sanity project to pull from.',
      );
    }
    token = source.token;
    await pullDataset({ remote: source, outDir, imageHost, force, log: console.log });
  } catch (error) {
    console.error(redact(error instanceof Error ? error.message : String(error), token));
    process.exitCode = 1;
  }
}

if (import.meta.main) await main();
