/**
 * Cuts an `astro build` run into stages from the lines Astro prints and the times they
 * arrived: load (content sync), bundle, render (pages), feeds, images, and whatever is
 * left; and reads the search step's closing line. No instrumentation of the site is needed.
 */
import { sliceSamples, type Measurement } from './measure.ts';

/** One stage of a build, with its own time, CPU and peak memory. */
export interface Stage {
  name: string;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  /** How the figure was obtained, when it is not a plain time window. */
  note?: string;
}

/** What a build's log says besides its stages. */
export interface BuildFacts {
  stages: Stage[];
  /** Routes rendered in this run. */
  rendered: number;
  /** Routes taken from the incremental cache (unchanged since the last build). */
  cached: number;
  feedRoutes: number;
}

/** What the search step (`scripts/build-search-index.ts`) says it did. */
export interface SearchFacts {
  pages: number;
  parts: number;
  reusedParts: number;
}

/** Reads the search step's closing line; throws naming it when it is missing. */
export function parseSearchLine(run: Measurement): SearchFacts {
  const pattern =
    /\[search\] indexed (\d+) pages in \d+ ms \((\d+) part\(s\), (\d+) from the cache\)/;
  for (const line of run.lines) {
    const match = pattern.exec(line.text);
    if (match) {
      return { pages: Number(match[1]), parts: Number(match[2]), reusedParts: Number(match[3]) };
    }
  }
  throw new Error(
    `bench: the search step printed no "[search] indexed …" line. Last lines:\n` +
      run.lines
        .slice(-15)
        .map((line) => line.text)
        .join('\n'),
  );
}

const FEED_ROUTE = /\.(xml|opml)\b/;
// Astro prefixes each route with a clock time: `02:24:59   ├─ /innlegg/x/index.html (+25ms)`.
// Rendering several pages at a time (build.concurrency) puts several routes on one line,
// each after its own clock time, with a time only on the last of a batch.
const ROUTE_MARK = /[├└]─/;
const CLOCK_AT_END = /\d\d:\d\d:\d\d\s*$/;

/** The routes of one log line: each one's file and what follows it. */
export function splitRoutes(text: string): { file: string; rest: string }[] {
  return text
    .split(ROUTE_MARK)
    .slice(1)
    .map((segment) => {
      const [, file = '', rest = ''] =
        /^\s*(\S+?)(?=\d\d:\d\d:\d\d|\s|$)(.*)$/.exec(segment.replace(CLOCK_AT_END, '')) ?? [];
      return { file, rest };
    })
    .filter((route) => route.file !== '');
}

function findLine(
  run: Measurement,
  pattern: RegExp,
  after = 0,
): { index: number; at: number } | undefined {
  for (let index = after; index < run.lines.length; index += 1) {
    const line = run.lines[index];
    if (line && pattern.test(line.text)) return { index, at: line.at };
  }
  return undefined;
}

function windowStage(
  run: Measurement,
  name: string,
  from: number,
  to: number,
  note?: string,
): Stage {
  const { cpuMs, peakRssBytes } = sliceSamples(run.samples, from, to);
  return { name, wallMs: Math.max(0, to - from), cpuMs, peakRssBytes, ...(note ? { note } : {}) };
}

/** Parses Astro's build output into stages; throws naming the line it could not find. */
export function parseAstroStages(run: Measurement): BuildFacts {
  const need = (pattern: RegExp, what: string, after = 0) => {
    const found = findLine(run, pattern, after);
    if (!found) {
      throw new Error(
        `bench: the build log has no ${what} line (${pattern}); did the build fail or Astro's log change? Last lines:\n` +
          run.lines
            .slice(-15)
            .map((line) => line.text)
            .join('\n'),
      );
    }
    return found;
  };
  const sync = need(/\[content\] Syncing content/, '"Syncing content"');
  const synced = need(/\[content\] Synced content/, '"Synced content"', sync.index);
  const routes = need(/generating static routes/, '"generating static routes"', synced.index);
  const routesDone = need(/✓ Completed in/, 'route "Completed"', routes.index);
  const images = findLine(run, /generating optimized images/, routesDone.index);
  const imagesDone = images ? findLine(run, /✓ Completed in/, images.index) : undefined;

  let rendered = 0;
  let cached = 0;
  let feedRoutes = 0;
  let feedMs = 0;
  const feedWindows: [number, number][] = [];
  for (const line of run.lines.slice(routes.index, routesDone.index)) {
    for (const { file, rest } of splitRoutes(line.text)) {
      if (/\((cached|restored)\)/.test(rest)) {
        cached += 1;
        continue;
      }
      rendered += 1;
      const took = /\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(rest);
      const ms = took ? Number(took[1]) * (took[2] === 's' ? 1000 : 1) : 0;
      if (FEED_ROUTE.test(file)) {
        feedRoutes += 1;
        feedMs += ms;
        feedWindows.push([line.at - ms, line.at]);
      }
    }
  }

  const stages: Stage[] = [
    windowStage(
      run,
      'startup',
      0,
      sync.at,
      'process start to "Syncing content": Node, Vite, config',
    ),
    windowStage(
      run,
      'load',
      sync.at,
      synced.at,
      'content sync: read export, GROQ, validate, zod parse, store',
    ),
    windowStage(run, 'bundle', synced.at, routes.at, 'types, Vite builds of the pages'),
  ];
  const render = windowStage(run, 'render', routes.at, routesDone.at);
  // Feeds render among the pages; their share of the render window is their summed time.
  const feedShare = render.wallMs > 0 ? Math.min(1, feedMs / render.wallMs) : 0;
  let feedPeak = 0;
  for (const [from, to] of feedWindows) {
    feedPeak = Math.max(feedPeak, sliceSamples(run.samples, from, to).peakRssBytes);
  }
  stages.push(
    {
      name: 'render (pages)',
      wallMs: render.wallMs - feedMs,
      cpuMs: render.cpuMs * (1 - feedShare),
      peakRssBytes: render.peakRssBytes,
      note: `${rendered - feedRoutes} pages rendered, ${cached} from the incremental cache`,
    },
    {
      name: 'feeds',
      wallMs: feedMs,
      cpuMs: render.cpuMs * feedShare,
      peakRssBytes: feedPeak,
      note:
        feedRoutes > 0
          ? `${feedRoutes} feed routes; CPU prorated from the render window`
          : 'no feed routes in this build',
    },
  );
  if (images && imagesDone) stages.push(windowStage(run, 'images', routesDone.at, imagesDone.at));
  const afterRender = imagesDone?.at ?? routesDone.at;
  stages.push(windowStage(run, 'other (sitemap, integrations, exit)', afterRender, run.wallMs));
  return { stages, rendered, cached, feedRoutes };
}
