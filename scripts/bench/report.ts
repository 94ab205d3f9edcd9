/**
 * Formats benchmark results as Markdown for BENCHMARKS.md, and writes them between
 * markers so the hand-written analysis around them survives a new run.
 */
import type { PublishMeasurement } from './publish.ts';
import fs from 'node:fs/promises';
import * as prettier from 'prettier';
import type { FirstQueryMeasurement, SearchMeasurement } from '../bench-search.ts';
import type { Stage } from './stages.ts';

/** One measured build of one generator. */
export interface RunResult {
  label: string;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  /** HTML pages (or pages indexed) the run produced. */
  pages: number | undefined;
  stages: Stage[];
  note?: string;
}

/** Everything measured at one dataset size. */
export interface SizeResult {
  docs: number;
  published: number;
  datasetBytes: number;
  generateMs: number;
  cold: RunResult;
  warm: RunResult;
  oneChange: RunResult;
  hugo: RunResult | string;
  eleventy: RunResult | string;
  /**
   * Pagefind's command line over the pages Tanketanken indexes, in one go (no parts, no
   * cache): the search index alone, for the budget it leaves the rest of the build.
   */
  pagefindAlone?: RunResult;
  /** Search cost on the built site: index time and size, and a first query in Chromium. */
  search?: SearchMeasurement | string;
  /** A first query on the site as the one-change build left it (changed pages in the overlay). */
  searchAfterChange?: FirstQueryMeasurement | string;
  /** The publishing service: from a signed webhook to the changed page served. */
  publishToLive?: PublishMeasurement | string;
}

/** Machine and tool versions, printed with the results. */
export interface Environment {
  date: string;
  cpu: string;
  nproc: number;
  memoryBytes: number;
  versions: Record<string, string>;
  /** The commit built (a snapshot of it), or "working tree". */
  revision: string;
  command: string;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const ratio = (ours: number, theirs: number): string =>
  theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '–';

function runRow(run: RunResult): string {
  return `| ${run.label} | ${seconds(run.wallMs)} | ${seconds(run.cpuMs)} | ${megabytes(run.peakRssBytes)} | ${run.pages ?? '–'} |`;
}

/** The Markdown section of one dataset size. */
export function formatSize(result: SizeResult): string {
  const lines: string[] = [];
  const { cold, warm, oneChange } = result;
  lines.push(
    `### ${result.docs.toLocaleString('en-US')} documents`,
    '',
    `Generated in ${seconds(result.generateMs)} s: ${result.published.toLocaleString('en-US')} published posts, projects and cases ` +
      `(plus drafts, scheduled ones, people, topics, service areas, pages), data.ndjson ${megabytes(result.datasetBytes)} MB.`,
    '',
    '**Tanketanken (Astro), cold build by stage**',
    '',
    '| stage | wall s | CPU s | peak RSS MB | how measured |',
    '| --- | ---: | ---: | ---: | --- |',
    ...cold.stages.map(
      (stage) =>
        `| ${stage.name} | ${seconds(stage.wallMs)} | ${seconds(stage.cpuMs)} | ${megabytes(stage.peakRssBytes)} | ${stage.note ?? ''} |`,
    ),
    `| **total** | **${seconds(cold.wallMs)}** | **${seconds(cold.cpuMs)}** | **${megabytes(cold.peakRssBytes)}** | whole process tree |`,
    '',
    '**Rebuilds and side by side** (each row a full run, search index included)',
    '',
    '| run | wall s | CPU s | peak RSS MB | pages |',
    '| --- | ---: | ---: | ---: | ---: |',
    runRow(cold),
    runRow(warm),
    runRow(oneChange),
  );
  for (const other of [result.hugo, result.eleventy]) {
    if (typeof other === 'string') lines.push(`| ${other} | – | – | – | – |`);
    else {
      lines.push(runRow(other));
      for (const stage of other.stages) {
        lines.push(
          `| &nbsp;&nbsp;↳ ${stage.name} | ${seconds(stage.wallMs)} | ${seconds(stage.cpuMs)} | ${megabytes(stage.peakRssBytes)} | |`,
        );
      }
    }
  }
  if (result.pagefindAlone) lines.push(runRow(result.pagefindAlone));
  lines.push('');
  const ratios: string[] = [];
  for (const other of [result.hugo, result.eleventy]) {
    if (typeof other === 'string') continue;
    ratios.push(
      `- ours / ${other.label}: wall ${ratio(cold.wallMs, other.wallMs)}, CPU ${ratio(cold.cpuMs, other.cpuMs)}, peak RSS ${ratio(cold.peakRssBytes, other.peakRssBytes)}`,
    );
  }
  if (typeof result.search === 'string') {
    lines.push(`- search: ${result.search}`);
  } else if (result.search) {
    const search = result.search;
    const kib = (bytes: number) => (bytes / 1024).toFixed(0);
    lines.push(
      `- search: Pagefind indexed ${search.pages} pages in ${seconds(search.indexMs)} s; index ${megabytes(search.indexBytes)} MB in ${search.indexFiles} files; ` +
        `a first query («${search.query}», ${search.results} results) on /sok/ fetched ${kib(search.firstQueryBytes)} KiB in ${search.firstQueryRequests} requests ` +
        `(${kib(search.firstQueryIndexBytes)} KiB of it from /pagefind/)`,
    );
  }
  if (typeof result.searchAfterChange === 'string') {
    lines.push(`- search after the one-change build: ${result.searchAfterChange}`);
  } else if (result.searchAfterChange) {
    const after = result.searchAfterChange;
    const kib = (bytes: number) => (bytes / 1024).toFixed(0);
    lines.push(
      `- search after the one-change build (its changed pages in the overlay index): the same query gave ${after.results} results and fetched ` +
        `${kib(after.firstQueryBytes)} KiB in ${after.firstQueryRequests} requests (${kib(after.firstQueryIndexBytes)} KiB of it from /pagefind/)`,
    );
  }
  const budget = searchBudget(result);
  if (budget) ratios.push(budget);
  if (typeof result.publishToLive === 'string') {
    lines.push(`- publish-to-live: ${result.publishToLive}`);
  } else if (result.publishToLive) {
    const publish = result.publishToLive;
    const eleventyWall = typeof result.eleventy === 'string' ? undefined : result.eleventy.wallMs;
    lines.push(
      `- publish-to-live (the service, a signed webhook after one post changed, until ${publish.page} is served changed): ` +
        `${seconds(publish.publishToLiveMs)} s` +
        (publish.buildMs === undefined ? '' : ` (its build ${seconds(publish.buildMs)} s)`) +
        `; ${ratio(publish.publishToLiveMs, cold.wallMs)} of the cold build` +
        (eleventyWall === undefined
          ? ''
          : `, ${ratio(publish.publishToLiveMs, eleventyWall)} of Eleventy + Pagefind's build`) +
        `; the service's own first build ${seconds(publish.coldBuildMs)} s`,
    );
  }
  lines.push(
    ...ratios,
    `- warm rebuild / cold: ${ratio(warm.wallMs, cold.wallMs)}; one changed document / cold: ${ratio(oneChange.wallMs, cold.wallMs)} ` +
      `(${oneChange.stages.find((stage) => stage.name === 'render (pages)')?.note ?? ''})`,
    '',
  );
  return lines.join('\n');
}

/**
 * What the search index alone leaves of Eleventy + Pagefind's time for everything else:
 * the line that says how far the rest of the build is from that target.
 */
export function searchBudget(result: SizeResult): string | undefined {
  const { cold, eleventy, pagefindAlone: alone } = result;
  if (typeof eleventy !== 'object' || !alone) return undefined;
  const search = cold.stages.find((stage) => stage.name === 'search index');
  if (!search) return undefined;
  const rest = cold.wallMs - search.wallMs;
  const left = eleventy.wallMs - alone.wallMs;
  return (
    `- the search index alone: Pagefind over the ${alone.pages ?? '?'} pages we index, in one go, takes ${seconds(alone.wallMs)} s, ` +
    `${ratio(alone.wallMs, eleventy.wallMs)} of Eleventy + Pagefind's whole run; matching that run would leave ` +
    (left > 0
      ? `${seconds(left)} s for Astro's startup, load, bundle, render and feeds, which took ${seconds(rest)} s (${ratio(rest, left)})`
      : `nothing for Astro's startup, load, bundle, render and feeds (${seconds(rest)} s)`)
  );
}

/** The whole generated block: machine, versions, command and each size. */
export function formatReport(environment: Environment, sizes: readonly SizeResult[]): string {
  return [
    `Measured ${environment.date} on ${environment.nproc} × ${environment.cpu}, ${megabytes(environment.memoryBytes)} MB memory.`,
    '',
    `Versions: ${Object.entries(environment.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    `Site built: ${environment.revision === 'working tree' ? 'the working tree' : `commit ${environment.revision}`}. Reproduce: \`${environment.command}\``,
    '',
    ...sizes.map(formatSize),
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Puts `body` between the result markers of `file` (created if needed), Prettier-formatted. */
export async function writeReport(file: string, body: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    text = `# Benchmarks\n\n${START}\n${END}\n`;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const block = `${START}\n${body}\n${END}`;
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  // Formatted as `npm run check` expects, so a fresh run leaves the tree clean.
  const options = (await prettier.resolveConfig(file)) ?? {};
  await fs.writeFile(file, await prettier.format(next, { ...options, filepath: file }));
}
