/**
 * Keeps Astro's output folder between builds and removes only what this build did not
 * write. Astro empties `outDir` before every build, then copies the pages its incremental
 * build skipped back from its cache; at 10,000 documents that is 5 s of deleting and 3.6 s
 * of copying on a build where nothing changed. With the folder kept, Astro leaves a skipped
 * page where it is (its "(cached)" line), and this integration, when the build is done,
 * deletes every file an earlier build left that this one did not produce: the page of a
 * document that was deleted or unpublished, a list page that is no longer needed, a sitemap
 * part too many, the scripts, styles and images in `_astro/` that no page of this build
 * uses any more. So the folder always holds exactly this build's site.
 *
 * Kept: the files of this build's routes (rendered or skipped), anything written since the
 * build started (Vite's assets, `public/`, the sitemap, and every image in `_astro/` that a
 * page uses: Astro writes those again on every build, for skipped pages too, from its
 * cache), the search index (the search step rewrites it) and `.git`.
 *
 * Private details it relies on (Astro empties `outDir` itself unless `vite.build.emptyOutDir`
 * is false; the incremental build leaves a skipped page in place and still lists its file
 * among the assets of `astro:build:done`) are listed in docs/upgrading.md. Its guard fails
 * the build when Astro emptied the folder all the same, and refuses to prune when a page
 * Astro built is missing from the assets (pruning would then delete a page of the site).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ROUTES } from '../../content-schemas/routes.ts';
import { InternalsGuardError } from './guard.ts';

/** The integration's name, which its guard's error and the upgrade checklist use too. */
export const KEEP_OUTPUT_PLUGIN = 'tanketanken:keep-output';

/** Top-level entries of the output folder that are never pruned. */
const KEPT_ROOTS: ReadonlySet<string> = new Set([
  '.git',
  ...ROUTES.searchIndex.split('/').filter(Boolean).slice(0, 1),
]);

export interface PruneInput {
  /** The output folder. */
  outDir: string;
  /** Absolute paths of the files this build's routes produced. */
  produced: ReadonlySet<string>;
  /** Files modified at or after this time (ms) were written by this build. */
  since: number;
  /** The public folder, whose files are copied into the output. */
  publicDir: string | undefined;
}

/** Deletes what an earlier build left in `outDir` and this one did not write; returns their paths. */
export async function pruneStaleOutput(input: PruneInput): Promise<string[]> {
  const { outDir, produced, since, publicDir } = input;
  const removed: string[] = [];
  const entries = await fs.readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(outDir, file);
    const root = relative.split(path.sep)[0] ?? '';
    if (KEPT_ROOTS.has(root) || produced.has(file)) continue;
    const stat = await fs.lstat(file);
    if (stat.mtimeMs >= since) continue;
    if (publicDir && (await isFile(path.join(publicDir, relative)))) continue;
    await fs.rm(file, { force: true });
    removed.push(file);
  }
  await removeEmptyFolders(outDir, new Set(removed.map((file) => path.dirname(file))));
  return removed.sort();
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

/** Removes the folders pruning emptied, and their parents that became empty too. */
async function removeEmptyFolders(outDir: string, folders: ReadonlySet<string>): Promise<void> {
  const queue = [...folders].sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const folder = queue.shift() as string;
    if (seen.has(folder) || folder === outDir || !folder.startsWith(outDir + path.sep)) continue;
    seen.add(folder);
    const left = await fs.readdir(folder).catch(() => undefined);
    if (left === undefined || left.length > 0) continue;
    await fs.rmdir(folder).catch(() => undefined);
    queue.push(path.dirname(folder));
    queue.sort((a, b) => b.length - a.length);
  }
}

/** The top-level entries of the output folder, each with the identity of the file behind it. */
export type OutputSnapshot = ReadonlyMap<string, string>;

/** A file's identity: a folder deleted and made again has a new one (inode and birth time). */
function identify(stat: { dev: number; ino: number; birthtimeMs: number }): string {
  return `${stat.dev}:${stat.ino}:${stat.birthtimeMs}`;
}

/** Notes the identity of each top-level entry of `outDir` (but `.git`); empty if there is none. */
export async function snapshotOutput(outDir: string): Promise<OutputSnapshot> {
  const names = await fs.readdir(outDir).catch(() => [] as string[]);
  const snapshot = new Map<string, string>();
  for (const name of names.filter((entry) => entry !== '.git').sort()) {
    const stat = await fs.lstat(path.join(outDir, name)).catch(() => undefined);
    if (stat) snapshot.set(name, identify(stat));
  }
  return snapshot;
}

/** Whether `outDir` was emptied since the snapshot: none of its entries is the same file now. */
export async function isEmptiedSince(outDir: string, snapshot: OutputSnapshot): Promise<boolean> {
  if (snapshot.size === 0) return false;
  for (const [name, identity] of snapshot) {
    const stat = await fs.lstat(path.join(outDir, name)).catch(() => undefined);
    if (stat && identify(stat) === identity) return false;
  }
  return true;
}

/**
 * The pages Astro built (rendered or skipped) whose file is not among the produced ones:
 * a page `innlegg/x/` is `innlegg/x/index.html` or `innlegg/x.html` (as `404.html`).
 */
export function findUnlistedPages(
  outDir: string,
  pages: readonly { pathname: string }[],
  produced: ReadonlySet<string>,
): string[] {
  return pages
    .map((page) => page.pathname)
    .filter((pathname) => {
      const folder = path.join(outDir, ...pathname.split('/').filter(Boolean));
      const named = `${folder}.html`;
      return !produced.has(path.join(folder, 'index.html')) && !produced.has(named);
    });
}

/** Options of the integration; tests use them to simulate an Astro that changed. */
export interface KeepOutputOptions {
  /**
   * Whether to ask Astro to keep the folder (default: yes). With `false` Astro empties it,
   * as it would if it stopped heeding `vite.build.emptyOutDir`, and the guard fails.
   */
  keepFolder?: boolean | undefined;
}

/**
 * The integration. List it after every integration that writes files when the build is
 * done (the sitemap), so their files count as this build's.
 */
export function keepOutput(options: KeepOutputOptions = {}): AstroIntegration {
  let since = 0;
  let publicDir: string | undefined;
  let configuredOutDir: string | undefined;
  let outDirAtStart: OutputSnapshot = new Map();
  return {
    name: KEEP_OUTPUT_PLUGIN,
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        publicDir = fileURLToPath(config.publicDir);
        // Astro's default is to empty the folder; this integration prunes it instead.
        if (options.keepFolder !== false) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDirAtStart = new Map();
        configuredOutDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        // Whole seconds, one back: some file systems keep modification times to the second.
        since = Math.floor(Date.now() / 1000) * 1000 - 1000;
        // Astro empties the folder after this hook, if it does; the guard compares at the end.
        if (configuredOutDir) outDirAtStart = await snapshotOutput(configuredOutDir);
      },
      'astro:build:done': async ({ dir, assets, pages, logger }) => {
        const outDir = fileURLToPath(dir).replace(/[\\/]$/, '');
        if (await isEmptiedSince(outDir, outDirAtStart)) {
          throw new InternalsGuardError(
            KEEP_OUTPUT_PLUGIN,
            `Astro emptied the output folder ${outDir} before the build although ` +
              'vite.build.emptyOutDir is false, so every page skipped by the incremental build ' +
              'was copied back from its cache.',
          );
        }
        const produced = new Set<string>();
        for (const files of assets.values()) {
          for (const file of files) produced.add(fileURLToPath(file));
        }
        const unlisted = findUnlistedPages(outDir, pages, produced);
        if (unlisted.length > 0) {
          throw new InternalsGuardError(
            KEEP_OUTPUT_PLUGIN,
            `${unlisted.length} page(s) Astro built are missing from the assets of ` +
              `astro:build:done (${unlisted.slice(0, 5).join(', ')}), so pruning would delete ` +
              'them; nothing was pruned.',
          );
        }
        const removed = await pruneStaleOutput({ outDir, produced, since, publicDir });
        if (removed.length > 0) {
          const shown = removed.slice(0, 5).map((file) => path.relative(outDir, file));
          const more =
            removed.length > shown.length ? ` and ${removed.length - shown.length} more` : '';
          logger.info(
            `removed ${removed.length} file(s) an earlier build left that this one did not write: ${shown.join(', ')}${more}`,
          );
        }
      },
    },
  };
}
