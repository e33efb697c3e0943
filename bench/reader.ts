/**
 * Reader benchmark (issue 15 §7): exceljs against SheetJS Community Edition (`@e965/xlsx`), each
 * reading the same files into Grids through PhuLuc's own adapter (readWorkbook, lib/sheetjsReader: the
 * same kind, size and zip checks first), per case: the check bench's 5,000-row sheets, a 30,000-row
 * sheet, the merge bench's 40 × 300 unit files with their template, and a province's 170 xã files.
 * - in process: CPU time of reading every file of the case, the two readers alternately (medians);
 * - as a process: a minified bundle of each reader (as the CLI bundles it, exceljs through the CLI's
 *   alias) reading the case's files, run alternately: CPU, wall and peak memory, module load included;
 *   for one file also the CLI's own `check --json` built with each reader (and whether its JSON is the same).
 * The readers' Grids are compared too: a figure for a reader that reads differently would be moot.
 * SheetJS is adopted for reading only at ≥ 2× (issue 15); bench/README.md has the decision.
 * `PHULUC_BENCH_READER=merge,province` runs some cases only (check, long, merge, province);
 * `PHULUC_BENCH_RUNS` sets the runs per figure (default 5).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { build, type BuildOptions, type Plugin } from "esbuild";
import ExcelJS from "exceljs";
import { acceptedBytes, readWorkbook, type WorkbookRead } from "../src/adapters/xlsx/readWorkbook";
import { readWorkbookSheetjs } from "./lib/sheetjsReader";
import type { Grid } from "../src/engine/grid";
import { addGridSheet } from "../test/fixtures/seedGrids";
import { chiTieuGrid, kinhPhiGrid } from "./lib/synthetic";
import { compareProcesses, median, ms } from "./lib/timing";
import { writeBenchFiles, writeProvinceFiles } from "./merge";
import type { BenchContext } from "./run";

const root = resolve(__dirname, "..");
const RUNS = Number(process.env.PHULUC_BENCH_RUNS ?? 5);
type Reader = (source: Uint8Array) => Promise<unknown>;
const READERS: [string, Reader][] = [
  ["exceljs", (bytes) => readWorkbook(bytes)],
  ["sheetjs", (bytes) => readWorkbookSheetjs(bytes)],
  // What both run before parsing: the file's kind, size and zip limits.
  ["checks", (bytes) => acceptedBytes(bytes, {})],
];

async function writeSheet(grid: Grid, file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** How build:cli bundles the CLI (package.json), so the bench's bundles load as the CLI does. */
const CLI_BUILD: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  alias: { exceljs: "./src/cli/exceljsWorkbook.ts" },
  logLevel: "warning",
};

/**
 * Bundles beside the CLI in dist/ (its exceljs alias loads exceljs' Workbook from node_modules at run
 * time): per reader, one that only reads the files named on its command line, and the CLI itself,
 * whose `check` reads through SheetJS in the sheetjs build (src/cli's readWorkbook import resolved to
 * lib/sheetjsCliReader.ts).
 */
async function bundle(): Promise<{ read: Record<string, string>; cli: Record<string, string> }> {
  const outDir = join(root, "dist", "bench");
  mkdirSync(outDir, { recursive: true });
  const out = { read: {} as Record<string, string>, cli: {} as Record<string, string> };
  for (const [name, module, fn] of [
    ["exceljs", "./src/adapters/xlsx/readWorkbook", "readWorkbook"],
    ["sheetjs", "./bench/lib/sheetjsReader", "readWorkbookSheetjs"],
  ]) {
    out.read[name] = join(outDir, `read-${name}.cjs`);
    await build({
      ...CLI_BUILD,
      stdin: {
        contents: `import { ${fn} } from "${module}";
(async () => { for (const f of process.argv.slice(2)) await ${fn}(f); })().catch((e) => { console.error(e); process.exit(3); });`,
        resolveDir: root,
        loader: "ts",
      },
      outfile: out.read[name],
    });
    out.cli[name] = join(outDir, `phuluc-${name}.cjs`);
    await build({
      ...CLI_BUILD,
      entryPoints: ["src/cli/phuluc.ts"],
      outfile: out.cli[name],
      plugins: name === "sheetjs" ? [sheetjsForCli] : [],
    });
  }
  return out;
}

const sheetjsForCli: Plugin = {
  name: "sheetjs-reader-for-the-cli",
  setup(build) {
    build.onResolve({ filter: /\/adapters\/xlsx\/readWorkbook$/ }, (args) =>
      args.importer.startsWith(join(root, "src", "cli"))
        ? { path: join(__dirname, "lib", "sheetjsCliReader.ts") }
        : undefined,
    );
  },
};

/** CPU ms of reading every file with each reader, the readers alternately; and whether their Grids agree. */
async function inProcess(files: string[]): Promise<{ cpu: Record<string, number>; same: boolean }> {
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  const times: Record<string, number[]> = { exceljs: [], sheetjs: [], checks: [] };
  const reads: Record<string, unknown[]> = {};
  for (let run = -1; run < RUNS; run++) {
    for (const [name, read] of READERS) {
      const start = process.cpuUsage();
      const results = [];
      for (const b of bytes) results.push(await read(b));
      const { user, system } = process.cpuUsage(start);
      // The first run warms the code up and keeps the reads to compare.
      if (run < 0) reads[name] = results;
      else times[name].push((user + system) / 1000);
    }
  }
  const grids = (name: string) => (reads[name] as WorkbookRead[]).map((read) => read.grids);
  return {
    cpu: { exceljs: median(times.exceljs), sheetjs: median(times.sheetjs), checks: median(times.checks) },
    same: isDeepStrictEqual(grids("exceljs"), grids("sheetjs")),
  };
}

export default async function benchReader({ tmp, report }: BenchContext): Promise<void> {
  const bundles = await bundle();
  const load = compareProcesses(
    { args: [bundles.read.exceljs], okCodes: [0] },
    { args: [bundles.read.sheetjs], okCodes: [0] },
    RUNS,
  );
  report("reader: loading the bundle alone (no file)", [
    ["exceljs bundle, CPU", ms(load[0].cpuMs), `${ms(load[0].wallMs)} wall, peak ${mib(load[0].maxRssKiB)}`],
    ["sheetjs bundle, CPU", ms(load[1].cpuMs), `${ms(load[1].wallMs)} wall, peak ${mib(load[1].maxRssKiB)}`],
  ]);
  for (const [title, files] of await writeCases(tmp)) {
    const own = await inProcess(files);
    const [e, s] = compareProcesses(
      { args: [bundles.read.exceljs, ...files], okCodes: [0] },
      { args: [bundles.read.sheetjs, ...files], okCodes: [0] },
      RUNS,
    );
    const rows: [string, string, string][] = [
      ["same Grids from both readers", own.same ? "yes" : "NO", ""],
      ["in process, exceljs CPU", ms(own.cpu.exceljs), `median of ${RUNS}`],
      ["in process, sheetjs CPU", ms(own.cpu.sheetjs), `median of ${RUNS}`],
      ["in process, exceljs / sheetjs", ratio(own.cpu.exceljs / own.cpu.sheetjs), "≥ 2 to adopt SheetJS"],
      ["  of which the checks both run first", ms(own.cpu.checks), "kind, size, zip limits"],
      [
        "  parser + Grid only, exceljs / sheetjs",
        ratio((own.cpu.exceljs - own.cpu.checks) / (own.cpu.sheetjs - own.cpu.checks)),
        "",
      ],
      ["read process, exceljs CPU", ms(e.cpuMs), `${ms(e.wallMs)} wall, peak ${mib(e.maxRssKiB)}`],
      ["read process, sheetjs CPU", ms(s.cpuMs), `${ms(s.wallMs)} wall, peak ${mib(s.maxRssKiB)}`],
      ["read process, exceljs / sheetjs, CPU", ratio(e.cpuMs / s.cpuMs), `wall ${ratio(e.wallMs / s.wallMs)}`],
    ];
    if (files.length === 1) rows.push(...cliCheck(bundles.cli, files[0]));
    report(`reader: ${title} (${files.length} file${files.length > 1 ? "s" : ""})`, rows);
  }
}

/** The cases' files: `PHULUC_BENCH_READER` picks some (check, long, merge, province). */
async function writeCases(tmp: string): Promise<[string, string[]][]> {
  const only = (process.env.PHULUC_BENCH_READER ?? "check,long,merge,province").split(",");
  const cases: [string, string[]][] = [];
  if (only.includes("check")) {
    cases.push(["kinh-phi, 5,000 rows", [await writeSheet(kinhPhiGrid(5_000), join(tmp, "kinh-phi-5000.xlsx"))]]);
    cases.push(["chi-tieu, 5,000 rows", [await writeSheet(chiTieuGrid(5_000), join(tmp, "chi-tieu-5000.xlsx"))]]);
  }
  if (only.includes("long")) {
    cases.push(["kinh-phi, 30,000 rows", [await writeSheet(kinhPhiGrid(30_000), join(tmp, "kinh-phi-30000.xlsx"))]]);
  }
  if (only.includes("merge")) {
    const { template, units } = await writeBenchFiles(folder(tmp, "merge"));
    cases.push(["merge: 40 unit files × 300 rows + template", [template, ...units]]);
  }
  if (only.includes("province")) {
    const { template, units } = await writeProvinceFiles(folder(tmp, "province"), 170);
    cases.push(["province: 170 xã files × 1 row + template", [template, ...units]]);
  }
  return cases;
}

/** `phuluc check --json` built with each reader, run alternately: CPU, wall, peak memory, same output. */
function cliCheck(cli: Record<string, string>, file: string): [string, string, string][] {
  const args = (bundle: string) => ({ args: [bundle, "check", file, "--json"], okCodes: [0, 1] });
  const [e, s] = compareProcesses(args(cli.exceljs), args(cli.sheetjs), RUNS);
  const output = (bundle: string) => spawnSync(process.execPath, [bundle, "check", file, "--json"]).stdout.toString();
  const same = output(cli.exceljs) === output(cli.sheetjs);
  return [
    ["CLI check --json, exceljs CPU", ms(e.cpuMs), `${ms(e.wallMs)} wall, peak ${mib(e.maxRssKiB)}`],
    ["CLI check --json, sheetjs CPU", ms(s.cpuMs), `${ms(s.wallMs)} wall, peak ${mib(s.maxRssKiB)}`],
    ["CLI, exceljs / sheetjs, CPU", ratio(e.cpuMs / s.cpuMs), `wall ${ratio(e.wallMs / s.wallMs)}`],
    ["same JSON from both CLIs", same ? "yes" : "NO", ""],
  ];
}

function folder(tmp: string, name: string): string {
  mkdirSync(join(tmp, name));
  return join(tmp, name);
}

const ratio = (value: number) => value.toFixed(2);
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
