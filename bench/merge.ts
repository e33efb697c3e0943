/**
 * Merge benchmark (issue 4): 40 unit files × 300 indicator rows into a 12,000-row chi-tieu template.
 * Wall time of the CLI's whole `phuluc merge` (read 41 files, merge, check, write the output)
 * against a process that only reads the same 41 files with exceljs (goal ≤ 1.3×), and the peak
 * memory (maxRSS) of each child process.
 */
import { spawnSync } from "node:child_process";

import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { loadWorkbook, readWorkbook } from "../src/adapters/xlsx/readWorkbook";
import { writeConsolidated } from "../src/adapters/xlsx/writeConsolidated";
import { gridFromValues, type CellValue, type Grid } from "../src/engine/grid";
import { mergeWorkbook } from "../src/engine/merge";
import { templateSheets, unitInputs } from "../src/engine/merge/inputs";
import { addGridSheet } from "../test/fixtures/seedGrids";
import { median, ms } from "./lib/timing";
import { toRoman } from "../src/engine/roman";
import type { BenchContext } from "./run";

const UNITS = 40;
const ROWS = 300;
const RUNS = 3;
const root = resolve(__dirname, "..");
const cli = join(root, "dist", "cli", "phuluc.cjs");
const HEADER = ["STT", "Chỉ tiêu", "Kế hoạch 2024", "Thực hiện", "Đơn vị chủ trì", "Ghi chú"];

const unitId = (u: number) => `DV${String(u + 1).padStart(2, "0")}`;
const label = (u: number, i: number) => `Chỉ tiêu ${i + 1} của lĩnh vực ${u + 1}: tỷ lệ hồ sơ xử lý trực tuyến`;

/** The template: one section per unit, its 300 indicators with targets, results empty. */
function templateGrid(): Grid {
  const rows: CellValue[][] = [["PHỤ LỤC I"], ["Chỉ tiêu ngành năm 2024"], HEADER];
  for (let u = 0; u < UNITS; u++) {
    rows.push([toRoman(u + 1), `Lĩnh vực ${u + 1}`, null, null, null, null]);
    for (let i = 0; i < ROWS; i++) rows.push([String(i + 1), label(u, i), `${50 + (i % 50)}%`, null, unitId(u), null]);
  }
  return gridFromValues("Phụ lục I", rows);
}

/** A unit's file: only its section, results filled (some as shares with a % format). */
function unitGrid(u: number): Grid {
  const rows: CellValue[][] = [["PHỤ LỤC I"], [`Báo cáo của ${unitId(u)}`], HEADER];
  rows.push([toRoman(u + 1), `Lĩnh vực ${u + 1}`, null, null, null, null]);
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      String(i + 1),
      label(u, i),
      `${50 + (i % 50)}%`,
      (60 + (i % 40)) / 100,
      unitId(u),
      i % 25 === 0 ? "Số liệu ước" : null,
    ]);
  }
  const grid = gridFromValues("Phụ lục I", rows);
  for (const row of grid.rows.slice(4)) if (row[3]) row[3].numFmt = "0%";
  return grid;
}

async function write(grid: Grid, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  await workbook.xlsx.writeFile(file);
}

interface ChildRun {
  wall: number;
  /** User + system CPU milliseconds: steadier than wall time on a shared machine. */
  cpu: number;
  maxRss: number;
  stdout: string;
}

/** Wall time, CPU time and maxRSS (KiB) of a node child; the preload prints its own resourceUsage at exit. */
function runChild(args: string[], preload: string, okCodes: number[]): ChildRun {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", preload, ...args], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  if (!okCodes.includes(run.status ?? -1))
    throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  const usage = /USAGE (\d+) (\d+) (\d+)/.exec(run.stderr);
  if (!usage) throw new Error(`no resource usage from node ${args[0]}`);
  return { wall, cpu: (Number(usage[1]) + Number(usage[2])) / 1000, maxRss: Number(usage[3]), stdout: run.stdout };
}

function measure(args: string[], preload: string, okCodes: number[]): ChildRun {
  const runs = Array.from({ length: RUNS }, () => runChild(args, preload, okCodes));
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    maxRss: Math.max(...runs.map((r) => r.maxRss)),
    stdout: runs[0].stdout,
  };
}

/** Writes the template and the 40 unit files into `dir`. */
export async function writeBenchFiles(dir: string): Promise<{ template: string; units: string[] }> {
  const template = join(dir, "TONG-HOP.xlsx");
  await write(templateGrid(), template);
  const units: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    units.push(join(dir, `${unitId(u)}.xlsx`));
    await write(unitGrid(u), units[u]);
  }
  return { template, units };
}

/** Where the CLI's time goes, step by step in this process (one run each). */
async function phases(template: string, units: string[]): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = [];
  let start = performance.now();
  const lap = (what: string) => {
    const now = performance.now();
    rows.push([`  ${what}`, ms(now - start), "in-process, one run"]);
    start = now;
  };
  const loaded = await loadWorkbook(readFileSync(template));
  const templateGrids = loaded.read.grids;
  const unitGrids = [];
  for (const unit of units) unitGrids.push({ unit, grids: (await readWorkbook(unit)).grids });
  lap("read 41 files into grids (xlsx adapter)");
  const templates = templateSheets(templateGrids);
  const inputs = unitGrids.flatMap(({ unit, grids }) => unitInputs(unit.replace(/^.*[\\/]/, ""), grids).inputs);
  lap("recognise 41 sheets");
  const result = mergeWorkbook(templates, inputs);
  lap("merge + check the consolidated sheet");
  await writeConsolidated(loaded.workbook, result);
  lap("write the consolidated workbook + log");
  return rows;
}

export default async function benchMerge({ tmp, report }: BenchContext): Promise<void> {
  const { template, units } = await writeBenchFiles(tmp);
  const preload = join(tmp, "maxrss.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write(\`USAGE \${u.userCPUTime} \${u.systemCPUTime} \${u.maxRSS}\\n\`); });\n`,
  );
  const readOnly = join(tmp, "read-only.cjs");
  writeFileSync(
    readOnly,
    `const E = require(${JSON.stringify(require.resolve("exceljs"))});
(async () => { for (const f of process.argv.slice(2)) await new E.Workbook().xlsx.readFile(f); })().catch((e) => { console.error(e); process.exit(3); });\n`,
  );

  const out = join(tmp, "out.xlsx");
  const merge = measure([cli, "merge", "--template", template, ...units, "-o", out, "--json"], preload, [0, 1]);
  const json = JSON.parse(merge.stdout) as { completeness: { filledRows: number; indicatorRows: number } };
  const baseline = measure([readOnly, template, ...units], preload, [0]);
  const ratio = merge.wall / baseline.wall;
  const cpuRatio = merge.cpu / baseline.cpu;
  const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
  report(
    `merge ${UNITS} unit files × ${ROWS} rows (${json.completeness.filledRows}/${json.completeness.indicatorRows} filled)`,
    [
      ["CLI process: phuluc merge --json", ms(merge.wall), `median of ${RUNS}`],
      ["exceljs-only process: read the 41 files", ms(baseline.wall), `median of ${RUNS}`],
      ["ratio CLI / exceljs read (wall)", ratio.toFixed(2), ratio <= 1.3 ? "goal ≤ 1.3: met" : "goal ≤ 1.3: MISSED"],
      ["CPU time, CLI (user + system)", ms(merge.cpu), `median of ${RUNS}`],
      ["CPU time, exceljs read only", ms(baseline.cpu), `median of ${RUNS}`],
      ["ratio CLI / exceljs read (CPU)", cpuRatio.toFixed(2), "steadier when the machine is shared"],
      ["peak memory, CLI (maxRSS)", mib(merge.maxRss), "largest of the runs"],
      ["peak memory, exceljs read only (maxRSS)", mib(baseline.maxRss), "largest of the runs"],
      ["where the CLI's time goes:", "", ""],
      ...(await phases(template, units)),
    ],
  );
}
