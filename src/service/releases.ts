/**
 * Release folders: each successful build becomes `releases/<id>/site/` with its
 * `release.json`, and the service serves exactly one of them. Names sort by build time,
 * old ones are pruned (a few kept for rollback), and a folder counts as a build only when
 * every part of the site is in it. See docs/operations.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROUTES } from '../../content-schemas/routes.ts';

/** What the service knows of one release; written next to its `site/` as `release.json`. */
export interface ReleaseInfo {
  id: string;
  /** The folder served. */
  dir: string;
  /** When the build finished (ISO). */
  builtAt: string;
  /** How long the build took (ms); undefined for a build the service did not make. */
  durationMs: number | undefined;
  /** Published posts, projects and cases, as the build counted them. */
  documents: number | undefined;
  /** The newest `_updatedAt` of the content the build started from. */
  contentRevision: string | undefined;
  /** The content warnings the build printed (documents left out, fields dropped); undefined when unknown. */
  warnings: readonly string[] | undefined;
}

/**
 * Files every complete build has, from `npm run build`'s two steps: pages, the 404 page,
 * a feed, open data and the search index.
 */
export const REQUIRED_FILES: readonly string[] = [
  'index.html',
  '404.html',
  ROUTES.siteFeed.replace(/^\//, ''),
  ROUTES.casesJson.replace(/^\//, ''),
  `${ROUTES.searchIndex.replace(/^\/|\/$/g, '')}/pagefind.js`,
  `${ROUTES.searchIndex.replace(/^\/|\/$/g, '')}/pagefind-entry.json`,
];

/** The files of REQUIRED_FILES that `dir` lacks (all of them when it does not exist). */
export async function findMissingFiles(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (const file of REQUIRED_FILES) {
    const ok = await fs.stat(path.join(dir, file)).then(
      (stat) => stat.isFile(),
      () => false,
    );
    if (!ok) missing.push(file);
  }
  return missing;
}

/** A release id for a build finished at `now`: sortable, safe as a folder name. */
export function formatReleaseId(now: Date, sequence: number): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${String(sequence).padStart(3, '0')}`;
}

const RELEASE_ID = /^\d{8}T\d{9}Z-\d{3,}$/;

/** Whether a folder name is a release id (anything else in `releases/` is left alone). */
export function isReleaseId(name: string): boolean {
  return RELEASE_ID.test(name);
}

/**
 * The releases to delete: all but the live one and the `keep` newest others. Pure; ids sort
 * by time.
 */
export function selectReleasesToPrune(
  ids: readonly string[],
  live: string | undefined,
  keep: number,
): string[] {
  const others = ids
    .filter((id) => id !== live && isReleaseId(id))
    .sort()
    .reverse();
  return others.slice(keep).sort();
}

/** The folder layout inside the service's state folder. */
export function getStatePaths(stateDir: string): {
  releases: string;
  work: string;
  workReady: string;
  live: string;
  astroCache: string;
  searchCache: string;
  astroConfig: string;
} {
  return {
    releases: path.join(stateDir, 'releases'),
    work: path.join(stateDir, 'work'),
    workReady: path.join(stateDir, 'work.ready'),
    live: path.join(stateDir, 'live.json'),
    astroCache: path.join(stateDir, 'astro-cache'),
    searchCache: path.join(stateDir, 'search-cache'),
    astroConfig: path.join(stateDir, 'astro.config.mjs'),
  };
}

/** Writes a file whole or not at all: readers never see half of it. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

/** Reads one release's `release.json`; undefined when it is missing, unreadable or incomplete. */
export async function readRelease(
  releasesDir: string,
  id: string,
): Promise<ReleaseInfo | undefined> {
  try {
    const info = JSON.parse(
      await fs.readFile(path.join(releasesDir, id, 'release.json'), 'utf8'),
    ) as Partial<ReleaseInfo>;
    const dir = path.join(releasesDir, id, 'site');
    if (typeof info.builtAt !== 'string' || (await findMissingFiles(dir)).length > 0) {
      return undefined;
    }
    return {
      id,
      dir,
      builtAt: info.builtAt,
      durationMs: typeof info.durationMs === 'number' ? info.durationMs : undefined,
      documents: typeof info.documents === 'number' ? info.documents : undefined,
      contentRevision: typeof info.contentRevision === 'string' ? info.contentRevision : undefined,
      warnings: Array.isArray(info.warnings)
        ? info.warnings.filter((line): line is string => typeof line === 'string')
        : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The release ids in `releasesDir`, oldest first. */
export async function listReleaseIds(releasesDir: string): Promise<string[]> {
  const names = await fs.readdir(releasesDir).catch(() => []);
  return names.filter(isReleaseId).sort();
}

/**
 * The release to serve after a restart: the one `live.json` names when it is complete,
 * else the newest complete one.
 */
export async function findLiveRelease(stateDir: string): Promise<ReleaseInfo | undefined> {
  const paths = getStatePaths(stateDir);
  const named = await fs
    .readFile(paths.live, 'utf8')
    .then((text) => (JSON.parse(text) as { id?: unknown }).id)
    .catch(() => undefined);
  if (typeof named === 'string' && isReleaseId(named)) {
    const release = await readRelease(paths.releases, named);
    if (release) return release;
  }
  for (const id of (await listReleaseIds(paths.releases)).reverse()) {
    const release = await readRelease(paths.releases, id);
    if (release) return release;
  }
  return undefined;
}

/** Deletes old releases (see selectReleasesToPrune); returns their ids. */
export async function pruneReleases(
  stateDir: string,
  live: string | undefined,
  keep: number,
): Promise<string[]> {
  const { releases } = getStatePaths(stateDir);
  const doomed = selectReleasesToPrune(await listReleaseIds(releases), live, keep);
  for (const id of doomed) {
    await fs.rm(path.join(releases, id), { recursive: true, force: true });
  }
  return doomed;
}
