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
}

const CPU_PRELOAD = join(__dirname, "cpuUsage.cjs");

/** One node child process: wall time, and its CPU time as reported by the preloaded cpuUsage.cjs. */
function timeProcess(args: string[], okCodes: number[]): ProcessTime {
  const cpuFile = join(mkdtempSync(join(tmpdir(), "phuluc-cpu-")), "cpu");
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-r", CPU_PRELOAD, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PHULUC_BENCH_CPU: cpuFile },
  });
  const wallMs = performance.now() - start;
  if (!okCodes.includes(run.status ?? -1)) {
    throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  }
  const cpuMs = Number(readFileSync(cpuFile, "utf8"));
  rmSync(cpuFile, { force: true });
  return { wallMs, cpuMs };
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
  const times: [ProcessTime[], ProcessTime[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    times[0].push(timeProcess(a.args, a.okCodes));
    times[1].push(timeProcess(b.args, b.okCodes));
  }
  const summary = (list: ProcessTime[]): ProcessTime => ({
    wallMs: median(list.map((t) => t.wallMs)),
    cpuMs: median(list.map((t) => t.cpuMs)),
  });
  return [summary(times[0]), summary(times[1])];
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
