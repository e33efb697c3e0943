/**
 * `npm run bench`: runs every benchmark module in bench/ (each `bench/<name>.ts` default-exports
 * `(ctx: BenchContext) => Promise<void>`; run.ts itself and bench/lib/ are not benchmarks) and
 * prints its figures as a table. Add a benchmark by adding a file; nothing here needs editing.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BenchContext {
  /** A fresh temporary folder for this module's files (deleted afterwards). */
  tmp: string;
  /** Prints one block: a title and rows of [what, figure, remark]. */
  report(title: string, rows: [string, string, string][]): void;
}

function report(title: string, rows: [string, string, string][]): void {
  const width = (i: number) => Math.max(...rows.map((r) => [...r[i]].length));
  console.log(`\n${title}`);
  for (const r of rows) console.log(`  ${r[0].padEnd(width(0))}  ${r[1].padStart(width(1))}  ${r[2]}`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const modules = readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts") && f !== "run.ts")
    .map((f) => f.slice(0, -3))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  for (const name of modules) {
    const tmp = mkdtempSync(join(tmpdir(), `phuluc-bench-${name}-`));
    try {
      const bench = (await import(`./${name}`)) as { default: (ctx: BenchContext) => Promise<void> };
      await bench.default({ tmp, report });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
