/**
 * Merge benchmarks: the CLI's whole `phuluc merge --json` (read, merge, check, write the output) in a
 * child process against a process that only reads the same files with exceljs, run alternately: CPU
 * time (which decides the goals: wall time follows the shared machine's load), wall time and peak
 * memory (maxRSS), per case:
 * - 40 unit files × 300 indicator rows into a 12,000-row chi-tieu template (goal ≤ 1.3 × the read, and
 *   ≤ 1.3 × the read plus an exceljs write of the output);
 * - the same with every indicator retyped (a word added), so every row goes through the proposals
 *   (goal ≤ 3 × the read);
 * - a province: 170 xã files named by code, one dich-vu-cong row each, into the template listing the
 *   170 xã (goal ≤ 1.3 × the read), and the same with 1,000 files for peak memory.
 */
import { spawnSync } from "node:child_process";

import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { readWorkbook, readWorkbookFile } from "../src/adapters/xlsx/readWorkbook";
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
/** How units retype an indicator: a word added. */
export const retyped = (u: number, i: number) =>
  `Chỉ tiêu ${i + 1} của lĩnh vực ${u + 1}: tỷ lệ hồ sơ được xử lý trực tuyến`;

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
function unitGrid(u: number, labelOf = label): Grid {
  const rows: CellValue[][] = [["PHỤ LỤC I"], [`Báo cáo của ${unitId(u)}`], HEADER];
  rows.push([toRoman(u + 1), `Lĩnh vực ${u + 1}`, null, null, null, null]);
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      String(i + 1),
      labelOf(u, i),
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

function summarise(runs: ChildRun[]): ChildRun {
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    maxRss: Math.max(...runs.map((r) => r.maxRss)),
    stdout: runs[0].stdout,
  };
}

/**
 * Runs each command `count` times, alternately (A, B, A, B…), so a change of the machine's load
 * falls on all of them alike; the median of each, and its largest maxRSS.
 */
function measureAlternately(commands: { args: string[]; okCodes: number[] }[], preload: string, count = RUNS) {
  const runs: ChildRun[][] = commands.map(() => []);
  for (let i = 0; i < count; i++) {
    commands.forEach(({ args, okCodes }, c) => runs[c].push(runChild(args, preload, okCodes)));
  }
  return runs.map(summarise);
}

/** Writes the template and the 40 unit files into `dir` (labels retyped when asked). */
export async function writeBenchFiles(dir: string, labelOf = label): Promise<{ template: string; units: string[] }> {
  const template = join(dir, "TONG-HOP.xlsx");
  await write(templateGrid(), template);
  const units: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    units.push(join(dir, `${unitId(u)}.xlsx`));
    await write(unitGrid(u, labelOf), units[u]);
  }
  return { template, units };
}

const DVC_HEADER = [
  "Đơn vị / Kỳ",
  "Tổng số dịch vụ công",
  "DVCTT một phần",
  "DVCTT toàn trình",
  "Tỷ lệ hồ sơ đúng hạn (%)",
];
const commune = (n: number) => `Xã ${["An", "Bình", "Mỹ", "Phú", "Vĩnh", "Tân", "Long", "Hòa"][n % 8]} ${n + 1}`;

/** A province: the template lists `count` xã; each xã's file (`xa-001.xlsx` …) holds its one row. */
export async function writeProvinceFiles(dir: string, count: number): Promise<{ template: string; units: string[] }> {
  const template = join(dir, "TONG-HOP-DVC.xlsx");
  const rows: CellValue[][] = [["PHỤ LỤC III"], ["Thống kê dịch vụ công trực tuyến"], DVC_HEADER];
  for (let n = 0; n < count; n++) rows.push([commune(n), null, null, null, null]);
  rows.push(["Toàn tỉnh", null, null, null, null]);
  await write(gridFromValues("Dịch vụ công", rows), template);
  const units: string[] = [];
  for (let n = 0; n < count; n++) {
    const file = join(dir, `xa-${String(n + 1).padStart(4, "0")}.xlsx`);
    const row = [commune(n), 100 + (n % 50), 40 + (n % 20), 60 + (n % 30), 0.95];
    await write(
      gridFromValues("Dịch vụ công", [["PHỤ LỤC III"], [`Báo cáo của ${commune(n)}`], DVC_HEADER, row]),
      file,
    );
    units.push(file);
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
  const loaded = await readWorkbookFile(template);
  const templateGrids = loaded.read.grids;
  const unitGrids = [];
  for (const unit of units) unitGrids.push({ unit, grids: (await readWorkbook(unit)).grids });
  lap("read 41 files into grids (xlsx adapter)");
  const templates = templateSheets(templateGrids);
  const inputs = unitGrids.flatMap(({ unit, grids }) => unitInputs(unit.replace(/^.*[\\/]/, ""), grids).inputs);
  lap("recognise 41 sheets");
  const result = mergeWorkbook(templates, inputs);
  lap("merge + check the consolidated sheet");
  await writeConsolidated(loaded.bytes, result);
  lap("write the consolidated workbook + log");
  return rows;
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const goal = (ratio: number, limit: number) => `goal ≤ ${limit}: ${ratio <= limit ? "met" : "MISSED"}`;

interface Scripts {
  preload: string;
  readOnly: string;
  readWrite: string;
}

function writeScripts(tmp: string): Scripts {
  const preload = join(tmp, "maxrss.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write(\`USAGE \${u.userCPUTime} \${u.systemCPUTime} \${u.maxRSS}\\n\`); });\n`,
  );
  const exceljs = JSON.stringify(require.resolve("exceljs"));
  const readOnly = join(tmp, "read-only.cjs");
  writeFileSync(
    readOnly,
    `const E = require(${exceljs});
(async () => { for (const f of process.argv.slice(2)) await new E.Workbook().xlsx.readFile(f); })().catch((e) => { console.error(e); process.exit(3); });\n`,
  );
  // Reads every file, then writes the first (the template) back out: the floor of an exceljs merge.
  const readWrite = join(tmp, "read-write.cjs");
  writeFileSync(
    readWrite,
    `const E = require(${exceljs});
(async () => { const [out, ...files] = process.argv.slice(2); let first;
  for (const f of files) { const w = new E.Workbook(); await w.xlsx.readFile(f); first ??= w; }
  await first.xlsx.writeFile(out); })().catch((e) => { console.error(e); process.exit(3); });\n`,
  );
  return { preload, readOnly, readWrite };
}

interface CaseResult {
  merge: ChildRun;
  read: ChildRun;
  /** An exceljs read of the files and a write of the template: the floor of an exceljs merge. */
  readWrite?: ChildRun;
  json: { completeness: { filledRows: number; indicatorRows: number }; proposals: unknown[]; values: unknown[] };
}

function runCase(
  files: { template: string; units: string[] },
  out: string,
  scripts: Scripts,
  runs = RUNS,
  withWrite = false,
): CaseResult {
  const inputs = [files.template, ...files.units];
  const commands = [
    {
      args: [cli, "merge", "--template", files.template, ...files.units, "-o", out, "--json", "--force"],
      okCodes: [0, 1],
    },
    { args: [scripts.readOnly, ...inputs], okCodes: [0] },
    ...(withWrite ? [{ args: [scripts.readWrite, `${out}.floor.xlsx`, ...inputs], okCodes: [0] }] : []),
  ];
  const [merge, read, readWrite] = measureAlternately(commands, scripts.preload, runs);
  return { merge, read, readWrite, json: JSON.parse(merge.stdout) };
}

/** The CPU ratio decides the goal (wall time follows the shared machine's load); both are shown. */
function ratioRows(what: string, cli: ChildRun, other: ChildRun, limit: number): [string, string, string][] {
  const cpu = cli.cpu / other.cpu;
  return [
    [`ratio CLI / ${what} (CPU)`, cpu.toFixed(2), goal(cpu, limit)],
    [`ratio CLI / ${what} (wall)`, (cli.wall / other.wall).toFixed(2), "follows the machine's load"],
  ];
}

function caseRows(result: CaseResult, limit: number, runs = RUNS): [string, string, string][] {
  const { merge, read } = result;
  const times = (run: ChildRun) => `${ms(run.cpu)} CPU`;
  return [
    ["CLI process: phuluc merge --json", ms(merge.wall), `median of ${runs}, ${times(merge)}`],
    ["exceljs-only process: read the same files", ms(read.wall), `median of ${runs}, ${times(read)}`],
    ...ratioRows("exceljs read", merge, read, limit),
    ["peak memory, CLI (maxRSS)", mib(merge.maxRss), "largest of the runs"],
    ["peak memory, exceljs read only (maxRSS)", mib(read.maxRss), "largest of the runs"],
  ];
}

export default async function benchMerge({ tmp, report }: BenchContext): Promise<void> {
  const scripts = writeScripts(tmp);
  const only = (process.env.PHULUC_BENCH_MERGE ?? "indicators,retyped,province,memory").split(",");

  if (only.includes("indicators")) {
    const files = await writeBenchFiles(join(tmp, mkdir(tmp, "indicators")));
    const result = runCase(files, join(tmp, "out.xlsx"), scripts, RUNS, true);
    const readWrite = result.readWrite!;
    const c = result.json.completeness;
    report(`merge ${UNITS} unit files × ${ROWS} rows (${c.filledRows}/${c.indicatorRows} filled)`, [
      ...caseRows(result, 1.3),
      [
        "exceljs-only process: read the files + write the template",
        ms(readWrite.wall),
        `median of ${RUNS}, ${ms(readWrite.cpu)} CPU`,
      ],
      ...ratioRows("(exceljs read + write)", result.merge, readWrite, 1.3),
      ["where the CLI's time goes:", "", ""],
      ...(await phases(files.template, files.units)),
    ]);
  }
  if (only.includes("retyped")) {
    const files = await writeBenchFiles(join(tmp, mkdir(tmp, "retyped")), retyped);
    const result = runCase(files, join(tmp, "out-retyped.xlsx"), scripts);
    report(
      `merge ${UNITS} × ${ROWS} rows, every indicator retyped (${result.json.proposals.length} proposals)`,
      caseRows(result, 3),
    );
  }
  if (only.includes("province")) {
    const files = await writeProvinceFiles(join(tmp, mkdir(tmp, "province")), 170);
    const result = runCase(files, join(tmp, "out-province.xlsx"), scripts);
    const c = result.json.completeness;
    report(`merge a province: 170 xã files × 1 row (${c.filledRows}/${c.indicatorRows} filled)`, caseRows(result, 1.3));
  }
  if (only.includes("memory")) {
    const files = await writeProvinceFiles(join(tmp, mkdir(tmp, "thousand")), 1000);
    const result = runCase(files, join(tmp, "out-thousand.xlsx"), scripts, 1);
    const c = result.json.completeness;
    report(`merge 1,000 small files × 1 row (${c.filledRows}/${c.indicatorRows} filled)`, caseRows(result, 1.3, 1));
  }
}

function mkdir(tmp: string, name: string): string {
  mkdirSync(join(tmp, name));
  return name;
}
