/**
 * The publishing pipeline behind the service: it runs `npm run build`'s two steps (Astro,
 * then the search index) into a build folder of its own, turns a complete build into a
 * release and switches to it, keeps the previous release serving when a build fails, and
 * waits for the next scheduled document. One build at a time, through the BuildQueue.
 *
 * Why a build folder kept between builds: Astro's incremental build leaves an unchanged
 * page where it is (src/integrations/keep-output.ts), so a publish re-renders a few pages
 * instead of copying every page. The build folder is renamed into the new release (no copy
 * on the way to live), and a copy of that release becomes the next build folder in the
 * background: a build never writes into a folder that is being served. See
 * docs/operations.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { hideLocalPaths, readBuildError, readContentWarnings } from './build-output.ts';
import { BuildQueue, type BuildReason } from './build-queue.ts';
import type { ServiceConfig } from './config.ts';
import {
  findLiveRelease,
  findMissingFiles,
  formatReleaseId,
  getStatePaths,
  listReleaseIds,
  pruneReleases,
  readRelease,
  writeFileAtomic,
  type ReleaseInfo,
} from './releases.ts';
import { probeContent, ScheduleTimer, type ContentProbe } from './scheduler.ts';

/** The repository root: builds run here, as `npm run build` does. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The last failed build, as `/api/status` shows it. */
export interface BuildFailure {
  at: string;
  reason: string;
  reasons: BuildReason[];
  /** The release of the first build that succeeded after it, once one has. */
  resolvedBy: string | undefined;
}

/** The last finished build, failed or not. */
export interface BuildOutcome {
  ok: boolean;
  finishedAt: string;
  durationMs: number;
  releaseId: string | undefined;
}

/** Writes one log line per event. */
export type LogEvent = (event: string, message: string) => void;

/** How the publisher runs its builds; tests pass their own. */
export interface PublisherOptions {
  config: ServiceConfig;
  /** The environment builds run with (without the webhook secret: see getBuildEnv). */
  buildEnv: Record<string, string>;
  log: LogEvent;
  /** Values never to show in a failure's reason (tokens). */
  secrets: readonly string[];
  now?: () => number;
}

/** Why a build failed, as the build worded it, without colours, stack traces, local paths or secrets. */
export function summariseFailure(output: string, secrets: readonly string[]): string {
  return readBuildError(output, { secrets, root: ROOT });
}

/** Reads the published count from the build's summary line (`formatSummary`). */
export function readDocumentCount(output: string): number | undefined {
  const match = /: (\d+) published \(/.exec(stripVTControlCharacters(output));
  return match ? Number(match[1]) : undefined;
}

/** A build that was stopped because the service is shutting down. */
class BuildAbortedError extends Error {
  override name = 'BuildAbortedError';
}

/** Runs builds and switches releases. */
export class Publisher {
  readonly queue: BuildQueue;
  readonly schedule: ScheduleTimer;
  readonly #options: PublisherOptions;
  readonly #paths: ReturnType<typeof getStatePaths>;
  readonly #now: () => number;
  #live: ReleaseInfo | undefined;
  #fallbackDirs: string[] = [];
  #lastFailure: BuildFailure | undefined;
  #lastBuild: BuildOutcome | undefined;
  #child: ChildProcess | undefined;
  #stopping = false;
  #preparing: Promise<void> = Promise.resolve();
  #sequence = 0;

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.#paths = getStatePaths(options.config.stateDir);
    this.#now = options.now ?? Date.now;
    this.queue = new BuildQueue((reasons) => this.#build(reasons), {
      debounceMs: options.config.debounceMs,
      now: this.#now,
    });
    this.schedule = new ScheduleTimer((at) => {
      this.#options.log('scheduled', `a document scheduled for ${at} is due; rebuilding`);
      this.queue.request({ kind: 'schedule', detail: at });
    }, this.#now);
  }

  /** The release being served, if any. */
  get live(): ReleaseInfo | undefined {
    return this.#live;
  }

  /** Older releases still on disk, newest first: hashed assets an open page may still ask for. */
  get fallbackDirs(): readonly string[] {
    return this.#fallbackDirs;
  }

  get lastFailure(): BuildFailure | undefined {
    return this.#lastFailure;
  }

  get lastBuild(): BuildOutcome | undefined {
    return this.#lastBuild;
  }

  /**
   * Finds what to serve: the service's own live release, or the build in `siteDir`
   * (`npm run build`'s output) when that is newer or the service has none. Throws when
   * there is neither and `allowEmpty` is false.
   */
  async start(options: { allowEmpty: boolean; checkRevision?: boolean }): Promise<void> {
    const { config } = this.#options;
    await fs.mkdir(this.#paths.releases, { recursive: true });
    const own = await findLiveRelease(config.stateDir);
    const missing = await findMissingFiles(config.siteDir);
    const siteBuiltAt =
      missing.length === 0
        ? (await fs.stat(path.join(config.siteDir, 'index.html'))).mtime
        : undefined;
    if (siteBuiltAt && (!own || siteBuiltAt.getTime() > Date.parse(own.builtAt))) {
      this.#live = {
        id: 'site-dir',
        dir: config.siteDir,
        builtAt: siteBuiltAt.toISOString(),
        durationMs: undefined,
        documents: undefined,
        contentRevision: undefined,
        warnings: undefined,
      };
    } else if (own) {
      this.#live = own;
    } else if (!options.allowEmpty) {
      throw new Error(
        `SITE_DIR: ${path.relative(process.cwd(), config.siteDir) || '.'} is not a build (missing ${missing.join(', ')}), and the service has no release of its own in ${config.stateDir}; run \`npm run build\` first, point SITE_DIR at a build, or start with \`npm start\`, which builds.`,
      );
    }
    await this.#refreshFallbacks();
    if (this.#live) {
      this.#options.log(
        'serving',
        `release ${this.#live.id} (built ${this.#live.builtAt}) from ${this.#live.dir}`,
      );
    }
    // A build folder left by a crash or an unfinished copy is not known to match the
    // caches; only one marked ready (a copy of the live release) is kept.
    const ready = await fs.readFile(this.#paths.workReady, 'utf8').catch(() => '');
    if (!own || ready !== own.id) {
      await fs.rm(this.#paths.work, { recursive: true, force: true });
      await fs.rm(this.#paths.workReady, { force: true });
      if (own) this.#prepareWork(own);
    }
    const probe = await this.#probeAndSchedule();
    // Edits made while the service was down: the export is newer than the live release.
    const built = this.#live?.contentRevision;
    if (options.checkRevision && built !== undefined && probe?.revision !== built) {
      this.#options.log(
        'stale',
        `release ${this.#live?.id ?? '(none)'} was built from content revision ${built}, the content is now at ${probe?.revision ?? '(unknown)'}; a build is queued`,
      );
      this.queue.request({
        kind: 'start',
        detail: `content revision ${probe?.revision ?? '(unknown)'}`,
      });
    }
  }

  /** Asks the source for the next scheduled time and arms the timer; logs a failure. */
  async #probeAndSchedule(): Promise<ContentProbe | undefined> {
    try {
      const probe = await probeContent(this.#options.config.site, {
        cwd: ROOT,
        now: new Date(this.#now()),
      });
      this.schedule.set(probe.nextScheduledAt);
      return probe;
    } catch (error) {
      this.#options.log(
        'probe-failed',
        `could not ask the content source for scheduled documents: ${hideLocalPaths(error instanceof Error ? error.message : String(error), ROOT)}`,
      );
      return undefined;
    }
  }

  /** Copies a release into the build folder, in the background; the next build waits for it. */
  #prepareWork(release: ReleaseInfo): void {
    const { work, workReady } = this.#paths;
    const temporary = `${work}.copy`;
    this.#preparing = (async () => {
      await fs.rm(temporary, { recursive: true, force: true });
      // Timestamps kept: ETags stay the same for unchanged files, and keep-output counts
      // a file as this build's only when the build wrote it.
      await fs.cp(release.dir, temporary, { recursive: true, preserveTimestamps: true });
      await fs.rm(work, { recursive: true, force: true });
      await fs.rename(temporary, work);
      await writeFileAtomic(workReady, release.id);
    })().catch((error: unknown) => {
      // Not fatal: Astro restores skipped pages from its cache into an empty folder.
      this.#options.log(
        'prepare-failed',
        `could not copy release ${release.id} into the build folder (the next build restores pages from the cache instead): ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  /** Runs one command in the repository root; output is collected, the process group is stoppable. */
  #run(args: string[]): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
      if (this.#stopping) {
        reject(new BuildAbortedError('the service is shutting down'));
        return;
      }
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: { ASTRO_TELEMETRY_DISABLED: '1', ...this.#options.buildEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so stopping it stops Pagefind's process too.
        detached: true,
      });
      this.#child = child;
      let output = '';
      const keep = (chunk: Buffer) => {
        output += chunk.toString();
        // The reason of a failure is near the end; a long build log need not be kept whole.
        if (output.length > 400_000) output = output.slice(-200_000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('close', (code) => {
        this.#child = undefined;
        if (this.#stopping) reject(new BuildAbortedError('the service is shutting down'));
        else resolve({ code, output });
      });
    });
  }

  /** Writes the Astro config of the service's builds: the site's, with its own folders. */
  async #writeAstroConfig(): Promise<string> {
    const base = pathToFileURL(path.join(ROOT, 'astro.config.mjs')).href;
    await fs.writeFile(
      this.#paths.astroConfig,
      `// Written by the publishing service (src/service/publisher.ts) before each build.\n` +
        `import base from ${JSON.stringify(base)};\n` +
        `export default { ...base, outDir: ${JSON.stringify(this.#paths.work)}, cacheDir: ${JSON.stringify(this.#paths.astroCache)} };\n`,
    );
    return path.relative(ROOT, this.#paths.astroConfig);
  }

  /** One build: probe, Astro, search index, check, release, switch, prune. */
  async #build(reasons: BuildReason[]): Promise<void> {
    const { log, config } = this.#options;
    const started = this.#now();
    const why = reasons
      .map((reason) => (reason.detail ? `${reason.kind} ${reason.detail}` : reason.kind))
      .slice(0, 5)
      .join(', ');
    const more = reasons.length > 5 ? ` and ${reasons.length - 5} more` : '';
    try {
      await this.#preparing;
      if (this.#stopping) throw new BuildAbortedError('the service is shutting down');
      await fs.rm(this.#paths.workReady, { force: true });
      log('build-started', `${reasons.length} event(s): ${why}${more}`);
      const probe = await this.#probeAndSchedule();
      const astroConfig = await this.#writeAstroConfig();
      const astro = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
      const built = await this.#run([astro, 'build', '--config', astroConfig]);
      const warnings = readContentWarnings(built.output).map((line) => hideLocalPaths(line, ROOT));
      for (const line of warnings) log('content-warning', line);
      if (built.code !== 0) {
        throw new Error(
          summariseFailure(built.output, this.#options.secrets) ||
            `astro build exited with ${built.code} and printed no error`,
        );
      }
      const script = path.join(ROOT, 'scripts', 'build-search-index.ts');
      const indexed = await this.#run([
        script,
        '--site',
        this.#paths.work,
        '--cache',
        this.#paths.searchCache,
      ]);
      if (indexed.code !== 0) {
        throw new Error(
          `the search index step exited with ${indexed.code}: ${summariseFailure(indexed.output, this.#options.secrets)}`,
        );
      }
      const missing = await findMissingFiles(this.#paths.work);
      if (missing.length > 0) {
        throw new Error(`the build is incomplete: ${missing.join(', ')} missing`);
      }
      if (this.#stopping) throw new BuildAbortedError('the service is shutting down');
      const finished = this.#now();
      this.#sequence += 1;
      const id = formatReleaseId(new Date(finished), this.#sequence);
      const folder = path.join(this.#paths.releases, id);
      await fs.mkdir(folder, { recursive: true });
      const info = {
        builtAt: new Date(finished).toISOString(),
        durationMs: finished - started,
        documents: readDocumentCount(built.output),
        contentRevision: probe?.revision,
        warnings,
        reasons,
      };
      await fs.writeFile(path.join(folder, 'release.json'), `${JSON.stringify(info, null, 2)}\n`);
      await fs.rename(this.#paths.work, path.join(folder, 'site'));
      const release = await readRelease(this.#paths.releases, id);
      if (!release) throw new Error(`release ${id} could not be read back after it was written`);
      // The switch: from here every new request reads the new release.
      this.#live = release;
      await writeFileAtomic(this.#paths.live, JSON.stringify({ id }));
      this.#lastBuild = {
        ok: true,
        finishedAt: info.builtAt,
        durationMs: info.durationMs,
        releaseId: id,
      };
      if (this.#lastFailure && this.#lastFailure.resolvedBy === undefined) {
        this.#lastFailure = { ...this.#lastFailure, resolvedBy: id };
      }
      log(
        'switched',
        `release ${id} is live: built in ${(info.durationMs / 1000).toFixed(1)} s, ${info.documents ?? '?'} documents${warnings.length > 0 ? ` (${warnings.length} content warning(s))` : ''}${probe?.revision ? `, content revision ${probe.revision}` : ''}`,
      );
      this.#prepareWork(release);
      const pruned = await pruneReleases(config.stateDir, id, config.keepReleases);
      if (pruned.length > 0) log('pruned', `removed release(s) ${pruned.join(', ')}`);
      await this.#refreshFallbacks();
    } catch (error) {
      const reason = hideLocalPaths(error instanceof Error ? error.message : String(error), ROOT);
      const finished = this.#now();
      this.#lastBuild = {
        ok: false,
        finishedAt: new Date(finished).toISOString(),
        durationMs: finished - started,
        releaseId: undefined,
      };
      // The build folder may hold half a build; the next build starts from the cache.
      await fs.rm(this.#paths.work, { recursive: true, force: true });
      if (error instanceof BuildAbortedError) {
        log('build-abandoned', `${reason}; release ${this.#live?.id ?? '(none)'} stays live`);
        return;
      }
      this.#lastFailure = {
        at: new Date(finished).toISOString(),
        reason,
        reasons,
        resolvedBy: undefined,
      };
      log(
        'build-failed',
        `${reason.split('\n').join(' | ')}; release ${this.#live?.id ?? '(none)'} stays live`,
      );
      if (this.#live && this.#live.id !== 'site-dir') this.#prepareWork(this.#live);
    }
  }

  /** Lists the releases besides the live one, newest first, for hashed assets of open pages. */
  async #refreshFallbacks(): Promise<void> {
    const ids = (await listReleaseIds(this.#paths.releases)).reverse();
    this.#fallbackDirs = ids
      .filter((id) => id !== this.#live?.id)
      .map((id) => path.join(this.#paths.releases, id, 'site'));
  }

  /**
   * Stops: no more builds; a running one is stopped and its folder removed, so no half
   * release is left. The live release is untouched.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.queue.stop();
    this.schedule.clear();
    const child = this.#child;
    if (child?.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    await this.queue.idle();
    await this.#preparing;
  }
}
