/**
 * Picks the content source from the configuration and loads the site's content once per
 * build process, however many collections ask for it.
 */
import path from 'node:path';
import type { SiteConfig } from '../config.ts';
import { formatProblem, loadSiteContent, type SiteContent } from './content.ts';
import { readDatasetExport } from './dataset-file.ts';
import type { QueryEngine } from './engine.ts';
import { createLocalEngine } from './local-engine.ts';
import { createRemoteEngine } from './remote-engine.ts';

/** An engine, and for the embedded export the folder its asset paths are relative to. */
export interface ContentSourceHandle {
  engine: QueryEngine;
  /** The export's `data.ndjson`, when the source is local. */
  dataFile: string | undefined;
}

/** Creates the engine the configuration asks for. */
export async function openContentSource(
  config: SiteConfig,
  cwd: string,
): Promise<ContentSourceHandle> {
  const { source } = config;
  if (source.kind === 'remote') {
    return { engine: createRemoteEngine(source), dataFile: undefined };
  }
  const dataset = await readDatasetExport(source.datasetPath, {
    cacheDir: path.join(cwd, 'node_modules', '.cache', 'tanketanken', 'datasets'),
  });
  const shown = path.relative(cwd, source.datasetPath) || '.';
  return {
    engine: createLocalEngine(dataset.documents, `embedded dataset ${shown}`),
    dataFile: dataset.dataFile,
  };
}

/** Content, the source it came from, and the report already printed. */
export interface LoadedSite extends SiteContent {
  dataFile: string | undefined;
  /** The source as logs name it, e.g. "embedded dataset content" (never a token). */
  source: string;
}

/** Content problems that must stop the build under STRICT_CONTENT=true. */
export class StrictContentError extends Error {
  override name = 'StrictContentError';
}

/** The closing line of a load: what was published, left out and scheduled. */
export function formatSummary(content: SiteContent, source: string): string {
  const excluded = content.problems.filter((problem) => problem.excluded).length;
  const dropped = content.problems.length - excluded;
  const published =
    content.posts.length + content.projectStories.length + content.caseStudies.length;
  return (
    `${source}: ${published} published (${content.posts.length} posts, ` +
    `${content.projectStories.length} projects, ${content.caseStudies.length} cases); ` +
    `${excluded} left out, ${dropped} field(s) dropped, ${content.scheduled} scheduled for later.`
  );
}

/** The error that stops a STRICT_CONTENT=true build with `count` content problems. */
export function strictContentError(count: number): StrictContentError {
  return new StrictContentError(
    `STRICT_CONTENT=true and ${count} content problem(s) were found; fix them (listed above) or unset STRICT_CONTENT.`,
  );
}

/** Logs the problems and a summary line; throws under strict mode when there are any. */
export function reportProblems(
  content: SiteContent,
  options: {
    strict: boolean;
    warn: (line: string) => void;
    info: (line: string) => void;
    source: string;
  },
): void {
  for (const problem of content.problems) options.warn(formatProblem(problem));
  const summary = content.problems.length > 0 ? options.warn : options.info;
  summary(formatSummary(content, options.source));
  if (options.strict && content.problems.length > 0) {
    throw strictContentError(content.problems.length);
  }
}

/** Whether content loaded as of some time is out of date at `now`: a scheduled document is due. */
export function isScheduledDue(nextScheduledAt: string | undefined, now: Date): boolean {
  return nextScheduledAt !== undefined && now.getTime() >= Date.parse(nextScheduledAt);
}

let cached: { key: string; promise: Promise<LoadedSite>; site?: LoadedSite } | undefined;

/**
 * Loads all content once per process for a given configuration (and, when known, source
 * fingerprint). Every collection loader awaits the same promise, so each query runs once
 * per build; a loaded result is dropped once a scheduled document in it falls due.
 */
export function getSiteContent(
  config: SiteConfig,
  options: {
    cwd: string;
    now: Date;
    warn: (line: string) => void;
    info: (line: string) => void;
    /** The source fingerprint, when there is one: a changed export is then read again. */
    fingerprint?: string | undefined;
  },
): Promise<LoadedSite> {
  const key = JSON.stringify([config.source, config.strictContent, options.fingerprint ?? null]);
  if (cached?.key === key && !isScheduledDue(cached.site?.nextScheduledAt, options.now)) {
    return cached.promise;
  }
  const promise = (async () => {
    const { engine, dataFile } = await openContentSource(config, options.cwd);
    const cdn =
      config.source.kind === 'remote'
        ? { projectId: config.source.projectId, dataset: config.source.dataset }
        : undefined;
    const content = await loadSiteContent(engine, { now: options.now, cdn });
    reportProblems(content, {
      strict: config.strictContent,
      warn: options.warn,
      info: options.info,
      source: engine.description,
    });
    return { ...content, dataFile, source: engine.description };
  })();
  const entry: NonNullable<typeof cached> = { key, promise };
  cached = entry;
  promise.then(
    (site) => {
      entry.site = site;
    },
    () => {
      if (cached === entry) cached = undefined;
    },
  );
  return promise;
}
