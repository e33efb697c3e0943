/** Timing helpers shared by the benchmarks: medians of repeated runs, wall time of a child process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones (JIT, caches). */
export async function medianMs(fn: () => unknown, runs = 9, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export interface ProcessTime {
  wallMs: number;
  cpuMs: number;
  /** Peak resident memory in KiB (getrusage's maxrss); the largest of the runs in a summary. */
  maxRssKiB: number;
}

const CPU_PRELOAD = join(__dirname, "cpuUsage.cjs");
const RSS_PRELOAD = join(__dirname, "maxRss.cjs");

/** One node child process: wall time, its CPU time and peak memory as the preloads report them. */
function timeProcess(args: string[], okCodes: number[]): ProcessTime {
  const dir = mkdtempSync(join(tmpdir(), "phuluc-cpu-"));
  const cpuFile = join(dir, "cpu");
  const rssFile = join(dir, "rss");
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-r", CPU_PRELOAD, "-r", RSS_PRELOAD, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PHULUC_BENCH_CPU: cpuFile, PHULUC_BENCH_RSS: rssFile },
  });
  const wallMs = performance.now() - start;
  if (!okCodes.includes(run.status ?? -1)) {
    throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  }
  const cpuMs = Number(readFileSync(cpuFile, "utf8"));
  const maxRssKiB = Number(readFileSync(rssFile, "utf8"));
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs, maxRssKiB };
}

/**
 * Medians of two node commands run alternately (a, b, a, b…), so that a change in the machine's load
 * affects both alike.
 */
export function compareProcesses(
  a: { args: string[]; okCodes: number[] },
  b: { args: string[]; okCodes: number[] },
  runs = 5,
): [ProcessTime, ProcessTime] {
  const [first, second] = alternateProcesses([a, b], runs);
  return [first, second];
}

/** Medians of node commands run in turn (a, b, c, a, b, c…), as compareProcesses for any number. */
export function alternateProcesses(commands: { args: string[]; okCodes: number[] }[], runs = 5): ProcessTime[] {
  const times: ProcessTime[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, c) => times[c].push(timeProcess(command.args, command.okCodes)));
  }
  return times.map((list) => ({
    wallMs: median(list.map((t) => t.wallMs)),
    cpuMs: median(list.map((t) => t.cpuMs)),
    maxRssKiB: Math.max(...list.map((t) => t.maxRssKiB)),
  }));
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
