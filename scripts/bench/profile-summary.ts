/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) of a build: self time by package or
 * project folder, and the hottest functions, so a profile reads in one screen.
 *
 *   node scripts/bench/profile-summary.ts bench-out/profile/*.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a script URL belongs: an npm package, a project folder, Node itself or V8. */
export function classifyUrl(url: string): string {
  if (url === '') return '(native / GC / idle)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? 'node_modules';
  const own = /\/(src\/[^/]+|content-schemas|scripts|dist|\.astro|node_modules)\//.exec(url);
  if (own) return own[1] ?? 'project';
  return 'other';
}

/** Self time (ms) by group and by function, from one or more profiles. */
export function summariseProfiles(profiles: readonly CpuProfile[]): {
  totalMs: number;
  byGroup: [string, number][];
  byFunction: [string, number][];
} {
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    samples.forEach((id, index) => {
      const ms = (deltas[index + 1] ?? deltas[index] ?? 0) / 1000;
      const node = nodes.get(id);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const group = functionName === '(idle)' ? '(idle)' : classifyUrl(url);
      byGroup.set(group, (byGroup.get(group) ?? 0) + ms);
      const short = url
        .replace(/^.*node_modules\//, '')
        .replace(/^file:\/\/.*?\/(src|scripts)\//, '$1/');
      const name = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      totalMs += ms;
    });
  }
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs, byGroup: sorted(byGroup), byFunction: sorted(byFunction) };
}

function main(files: string[]): void {
  if (files.length === 0) {
    console.error('usage: node scripts/bench/profile-summary.ts <file.cpuprofile>…');
    process.exitCode = 2;
    return;
  }
  const profiles = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const { totalMs, byGroup, byFunction } = summariseProfiles(profiles);
  const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1).padStart(5)} %`;
  console.log(
    `${files.length} profile(s), ${(totalMs / 1000).toFixed(1)} s sampled\n\nself time by package / folder:`,
  );
  for (const [group, ms] of byGroup.slice(0, 25)) {
    console.log(`${pct(ms)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${group}`);
  }
  console.log('\nhottest functions (self time):');
  for (const [name, ms] of byFunction.slice(0, 30)) {
    console.log(`${pct(ms)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${name}`);
  }
}

if (import.meta.main) main(process.argv.slice(2));
