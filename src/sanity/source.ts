/**
 * Picks the content source from the configuration (read stage: the export file, or the
 * Content Lake) and runs the pipeline (`content.ts`, or `incremental.ts` for an export
 * loaded before) once per build process, however many collections ask for it; reports the
 * problems found.
 */
import path from 'node:path';
import type { SiteConfig } from '../config.ts';
import type { DocumentCollection } from './collections.ts';
import { loadSiteContent, type LoadOptions } from './content.ts';
import { getLoadStateFile, loadExportIncrementally } from './incremental.ts';
import type { SiteContent } from './normalise/site-content.ts';
import { formatProblem } from './problems.ts';
import type { QueryEngine } from './query/engine.ts';
import { createLocalEngine } from './query/local-engine.ts';
import { createRemoteEngine } from './query/remote-engine.ts';
import { findDataFile, readDatasetExport } from './read/dataset-file.ts';
import { getCodeFingerprint } from './read/fingerprint.ts';

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
    cacheDir: getArchiveCacheDir(cwd),
  });
  return {
    engine: createLocalEngine(dataset.documents, describeLocal(source.datasetPath, cwd)),
    dataFile: dataset.dataFile,
  };
}

/** Where `.tar.gz` exports are unpacked. */
function getArchiveCacheDir(cwd: string): string {
  return path.join(cwd, 'node_modules', '.cache', 'tanketanken', 'datasets');
}

/** The embedded dataset as logs name it. */
function describeLocal(datasetPath: string, cwd: string): string {
  return `embedded dataset ${path.relative(cwd, datasetPath) || '.'}`;
}

/** Content, the source it came from, and the report already printed. */
export interface LoadedSite extends SiteContent {
  dataFile: string | undefined;
  /** The source as logs name it, e.g. "embedded dataset content" (never a token). */
  source: string;
  /** The load's summary line (`formatSummary`), kept while collections are released. */
  summary: string;
  /** The clock the content was validated by. */
  now: Date;
  /** An incremental load's id (see `incremental.ts`); undefined for a full load. */
  loadId: string | undefined;
  /** The load whose stored entries `reused` keeps, when it keeps any. */
  basedOn: string | undefined;
}

/** Content problems that must stop the build under STRICT_CONTENT=true. */
export class StrictContentError extends Error {
  override name = 'StrictContentError';
}

/** The closing line of a load: what was published, left out and scheduled. */
export function formatSummary(content: SiteContent, source: string): string {
  const excluded = content.problems.filter((problem) => problem.excluded).length;
  const dropped = content.problems.length - excluded;
  const count = (name: DocumentCollection) =>
    content[name].length + (content.reused?.[name].length ?? 0);
  const posts = count('post');
  const projects = count('projectStory');
  const cases = count('caseStudy');
  return (
    `${source}: ${posts + projects + cases} published (${posts} posts, ` +
    `${projects} projects, ${cases} cases); ` +
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

/** What a load of the site needs from its caller: where it runs, its clock and its log. */
interface SiteLoadOptions {
  cwd: string;
  now: Date;
  warn: (line: string) => void;
  info: (line: string) => void;
  /** Where an incremental load keeps its state; without it every load is full. */
  stateDir?: string | undefined;
}

/** Runs the pipeline once, over the export incrementally or over the whole source, and reports. */
async function loadSite(
  config: SiteConfig,
  options: SiteLoadOptions & { incremental: boolean },
): Promise<LoadedSite> {
  const cdn =
    config.source.kind === 'remote'
      ? { projectId: config.source.projectId, dataset: config.source.dataset }
      : undefined;
  const load: LoadOptions = { now: options.now, cdn };
  let content: SiteContent;
  let description: string;
  let dataFile: string | undefined;
  let loadId: string | undefined;
  let basedOn: string | undefined;
  if (options.incremental && config.source.kind === 'local' && options.stateDir !== undefined) {
    dataFile = await findDataFile(config.source.datasetPath, {
      cacheDir: getArchiveCacheDir(options.cwd),
    });
    description = describeLocal(config.source.datasetPath, options.cwd);
    ({ content, loadId, basedOn } = await loadExportIncrementally({
      dataFile,
      stateFile: getLoadStateFile(options.stateDir),
      key: await getCodeFingerprint(config, options.cwd),
      description,
      load,
    }));
  } else {
    const handle = await openContentSource(config, options.cwd);
    description = handle.engine.description;
    dataFile = handle.dataFile;
    content = await loadSiteContent(handle.engine, load);
  }
  reportProblems(content, {
    strict: config.strictContent,
    warn: options.warn,
    info: options.info,
    source: description,
  });
  return {
    ...content,
    dataFile,
    source: description,
    summary: formatSummary(content, description),
    now: options.now,
    loadId,
    basedOn,
  };
}

let cached:
  | {
      key: string;
      promise: Promise<LoadedSite>;
      site?: LoadedSite;
      /** Collections whose documents were released (`releaseCollection`). */
      released: Set<DocumentCollection>;
    }
  | undefined;

/**
 * Loads all content once per process for a given configuration (and, when known, source
 * fingerprint). Every collection loader awaits the same promise, so each query runs once
 * per build; a loaded result is dropped once a scheduled document in it falls due, or
 * loaded again for a collection that was released from it.
 *
 * With `stateDir` (Astro's cacheDir), an embedded export is loaded incrementally
 * (`incremental.ts`): documents unchanged since the last load there are listed in
 * `reused`, not validated again. `full` asks for every document, validated at `now`.
 */
export function getSiteContent(
  config: SiteConfig,
  options: SiteLoadOptions & {
    /** The source fingerprint, when there is one: a changed export is then read again. */
    fingerprint?: string | undefined;
    /** Load every document, whatever the state says (and leave the state as it is). */
    full?: boolean;
    /** The collection that asks: a released one is loaded again. */
    collection?: DocumentCollection | undefined;
  },
): Promise<LoadedSite> {
  const incremental =
    config.source.kind === 'local' && options.stateDir !== undefined && options.full !== true;
  const key = JSON.stringify([
    config.source,
    config.strictContent,
    options.fingerprint ?? null,
    incremental ? options.stateDir : null,
    options.full === true ? options.now.toISOString() : null,
  ]);
  if (
    cached?.key === key &&
    !isScheduledDue(cached.site?.nextScheduledAt, options.now) &&
    !(options.collection !== undefined && cached.released.has(options.collection))
  ) {
    return cached.promise;
  }
  const promise = loadSite(config, { ...options, incremental });
  const entry: NonNullable<typeof cached> = { key, promise, released: new Set() };
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

/**
 * Drops one collection's documents from a loaded site once its loader has stored them, so
 * their memory goes before pages render. The counts stay in `summary`; a later call of
 * `getSiteContent` for that collection loads again.
 */
export function releaseCollection(site: LoadedSite, collection: DocumentCollection): void {
  if (cached?.site === site) cached.released.add(collection);
  site[collection] = [];
}
