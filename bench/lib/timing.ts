/** Timing helpers shared by the benchmarks: medians of repeated runs, wall time of a child process. */
import { spawnSync } from "node:child_process";
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

/** Median wall milliseconds of a node child process; fails loudly if it exits with an unexpected code. */
export function medianProcessMs(args: string[], okCodes: number[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - start);
    if (!okCodes.includes(run.status ?? -1)) {
      throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    }
  }
  return median(times);
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
