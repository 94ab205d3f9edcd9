/**
 * Runs one command as a child process and measures it: wall time, CPU time (user + sys)
 * and resident memory of the whole process tree, sampled from /proc, with every output
 * line stamped with the time it arrived so stages can be cut from the log afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** One output line and when it arrived, in ms since the child started. */
export interface TimedLine {
  at: number;
  text: string;
}

/** The process tree's cumulative CPU and current RSS at one moment. */
export interface Sample {
  at: number;
  cpuMs: number;
  rssBytes: number;
}

/** What one measured run gave. */
export interface Measurement {
  command: string;
  exitCode: number;
  wallMs: number;
  /** User + system CPU of the child and all its descendants. */
  cpuMs: number;
  /** The highest summed RSS of the process tree seen while it ran. */
  peakRssBytes: number;
  lines: TimedLine[];
  samples: Sample[];
}

/** Options of a measured run. */
export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** How often the tree is sampled; 100 ms resolves stages of a second, at ~2 % of one core. */
  intervalMs?: number;
  /** Called with each output line as it arrives (for a live log). */
  onLine?: (line: TimedLine) => void;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux
const PAGE_SIZE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in ms: own CPU plus that of reaped children. */
  cpuMs: number;
  rssBytes: number;
}

function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: parse after the last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const num = (index: number): number => Number(fields[index] ?? 0);
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14) … rss(21)
  const ticks = num(11) + num(12) + num(13) + num(14);
  return {
    pid,
    ppid: num(1),
    cpuMs: (ticks * 1000) / CLOCK_TICKS,
    rssBytes: num(21) * PAGE_SIZE,
  };
}

/** Sums CPU and RSS over `root` and every live descendant. */
export function sampleTree(root: number): { cpuMs: number; rssBytes: number } | undefined {
  const all = new Map<number, ProcStat>();
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (!stat) continue;
    all.set(stat.pid, stat);
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(stat.pid);
    children.set(stat.ppid, siblings);
  }
  if (!all.has(root)) return undefined;
  let cpuMs = 0;
  let rssBytes = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop();
    if (pid === undefined) break;
    const stat = all.get(pid);
    if (!stat) continue;
    cpuMs += stat.cpuMs;
    rssBytes += stat.rssBytes;
    queue.push(...(children.get(pid) ?? []));
  }
  return { cpuMs, rssBytes };
}

/** Whether GNU time is there to give exact totals. */
export const hasGnuTime = (): boolean => existsSync('/usr/bin/time');

/**
 * Runs `command args…`, measuring it. With /usr/bin/time present the totals (CPU, max
 * RSS of any one process) come from it, exact; the tree samples give per-stage figures.
 */
export async function measure(
  command: string,
  args: readonly string[],
  options: MeasureOptions,
): Promise<Measurement> {
  const interval = options.intervalMs ?? 100;
  const gnuTime = hasGnuTime();
  const timeMarker = '__bench_time__';
  const argv = gnuTime ? ['-f', `${timeMarker} %e %U %S %M`, command, ...args] : [...args];
  const started = performance.now();
  const child = spawn(gnuTime ? '/usr/bin/time' : command, argv, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: TimedLine[] = [];
  const samples: Sample[] = [];
  let timeLine: string | undefined;
  const collect = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => {
      const reader = createInterface({ input: stream, crlfDelay: Infinity });
      reader.on('line', (raw) => {
        // Strip colour codes so stage patterns match whatever the terminal.
        // eslint-disable-next-line no-control-regex -- ANSI escapes are control characters by definition
        const text = raw.replace(/\u001b\[[0-9;]*m/g, '');
        if (text.startsWith(timeMarker)) {
          timeLine = text;
          return;
        }
        const line = { at: performance.now() - started, text };
        lines.push(line);
        options.onLine?.(line);
      });
      reader.on('close', resolve);
    });
  const collected = Promise.all([collect(child.stdout), collect(child.stderr)]);
  const pid = child.pid;
  const timer = setInterval(() => {
    if (pid === undefined) return;
    const sample = sampleTree(pid);
    if (sample) samples.push({ at: performance.now() - started, ...sample });
  }, interval);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  await collected;
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const sampledPeak = samples.reduce((peak, sample) => Math.max(peak, sample.rssBytes), 0);
  // The most the tree had used at any sample, not the last sample: a child killed without
  // being waited for (the Pagefind service at the end of the search step) drops out of the
  // tree, and its CPU with it.
  const sampledCpu = samples.reduce((most, sample) => Math.max(most, sample.cpuMs), 0);
  let cpuMs = sampledCpu;
  let peakRssBytes = sampledPeak;
  const parts = timeLine?.split(' ');
  if (parts && parts.length === 5) {
    // time(1) counts only children that were waited for; a child killed at the end (the
    // Pagefind service) shows only in the samples, so take the larger of the two.
    cpuMs = Math.max(sampledCpu, (Number(parts[2]) + Number(parts[3])) * 1000);
    peakRssBytes = Math.max(sampledPeak, Number(parts[4]) * 1024);
  }
  // The last sample may be up to one interval old; close the series with the exact total.
  samples.push({ at: wallMs, cpuMs, rssBytes: 0 });
  return {
    command: [command, ...args].join(' '),
    exitCode,
    wallMs,
    cpuMs,
    peakRssBytes,
    lines,
    samples,
  };
}

/** CPU used and the highest RSS seen between two moments of a run. */
export function sliceSamples(
  samples: readonly Sample[],
  from: number,
  to: number,
): { cpuMs: number; peakRssBytes: number } {
  const cpuAt = (time: number): number => {
    // Linear interpolation between the samples around `time`.
    let before: Sample | undefined;
    for (const sample of samples) {
      if (sample.at <= time) before = sample;
      else {
        if (!before) return 0;
        const share = (time - before.at) / (sample.at - before.at || 1);
        return before.cpuMs + share * (sample.cpuMs - before.cpuMs);
      }
    }
    return before?.cpuMs ?? 0;
  };
  let peak = 0;
  for (const sample of samples) {
    if (sample.at >= from - 1 && sample.at <= to + 1) peak = Math.max(peak, sample.rssBytes);
  }
  return { cpuMs: Math.max(0, cpuAt(to) - cpuAt(from)), peakRssBytes: peak };
}
