/**
 * Reader benchmark (issue 15): PhuLuc's own reader (readWorkbook, src/adapters/xlsx/ooxml) against the
 * exceljs reader it replaced (lib/exceljsReader) and SheetJS Community Edition (`@e965/xlsx`,
 * lib/sheetjsReader), each reading the same files into Grids after the same kind, size and zip checks,
 * per case: the check bench's 5,000-row sheets, a 30,000-row sheet, the merge bench's 40 × 300 unit
 * files with their template, and a province's 170 xã files.
 * - in process: CPU time of reading every file of the case, the readers in turn (medians);
 * - as a process: a minified bundle of each reader (as the CLI bundles it, exceljs through the CLI's
 *   alias) reading the case's files, run in turn: CPU, wall and peak memory, module load included;
 *   for one file also the CLI's own `check --json` built with each reader (and whether its JSON is the same).
 * The readers' Grids are compared too: a figure for a reader that reads differently would be moot.
 * bench/README.md has the decisions.
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
import { readWorkbookExceljs } from "./lib/exceljsReader";
import { readWorkbookSheetjs } from "./lib/sheetjsReader";
import type { Grid } from "../src/engine/grid";
import { addGridSheet } from "../test/fixtures/seedGrids";
import { chiTieuGrid, kinhPhiGrid } from "./lib/synthetic";
import { alternateProcesses, median, ms, type ProcessTime } from "./lib/timing";
import { writeBenchFiles, writeProvinceFiles } from "./merge";
import type { BenchContext } from "./run";

const root = resolve(__dirname, "..");
const RUNS = Number(process.env.PHULUC_BENCH_RUNS ?? 5);
type Reader = (source: Uint8Array) => Promise<unknown>;
const READERS: [string, Reader][] = [
  ["ooxml", (bytes) => readWorkbook(bytes)],
  ["exceljs", (bytes) => readWorkbookExceljs(bytes)],
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

/** The parsing readers (READERS without the checks). */
const PARSERS = ["ooxml", "exceljs", "sheetjs"];

/**
 * Bundles beside the CLI in dist/ (its exceljs alias loads exceljs' Workbook from node_modules at run
 * time): per reader, one that only reads the files named on its command line, and the CLI itself,
 * whose `check` reads through exceljs or SheetJS in their builds (src/cli's readWorkbook import
 * resolved to lib/exceljsCliReader.ts or lib/sheetjsCliReader.ts).
 */
async function bundle(): Promise<{ read: Record<string, string>; cli: Record<string, string> }> {
  const outDir = join(root, "dist", "bench");
  mkdirSync(outDir, { recursive: true });
  const out = { read: {} as Record<string, string>, cli: {} as Record<string, string> };
  for (const [name, module, fn] of [
    ["ooxml", "./src/adapters/xlsx/readWorkbook", "readWorkbook"],
    ["exceljs", "./bench/lib/exceljsReader", "readWorkbookExceljs"],
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
      plugins: name === "ooxml" ? [] : [cliReader(name)],
    });
  }
  return out;
}

const cliReader = (name: string): Plugin => ({
  name: `${name}-reader-for-the-cli`,
  setup(build) {
    build.onResolve({ filter: /\/adapters\/xlsx\/readWorkbook$/ }, (args) =>
      args.importer.startsWith(join(root, "src", "cli"))
        ? { path: join(__dirname, "lib", `${name}CliReader.ts`) }
        : undefined,
    );
  },
});

/** CPU ms of reading every file with each reader, the readers in turn; and whether their Grids agree. */
async function inProcess(files: string[]): Promise<{ cpu: Record<string, number>; same: Record<string, boolean> }> {
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  const times: Record<string, number[]> = Object.fromEntries(READERS.map(([name]) => [name, []]));
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
    cpu: Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)])),
    same: Object.fromEntries(PARSERS.slice(1).map((name) => [name, isDeepStrictEqual(grids("ooxml"), grids(name))])),
  };
}

const processRow = (what: string, name: string, t: ProcessTime): [string, string, string] => [
  `${what}, ${name} CPU`,
  ms(t.cpuMs),
  `${ms(t.wallMs)} wall, peak ${mib(t.maxRssKiB)}`,
];

export default async function benchReader({ tmp, report }: BenchContext): Promise<void> {
  const bundles = await bundle();
  const load = alternateProcesses(
    PARSERS.map((name) => ({ args: [bundles.read[name]], okCodes: [0] })),
    RUNS,
  );
  report(
    "reader: loading the bundle alone (no file)",
    PARSERS.map((name, i) => processRow("bundle", name, load[i])),
  );
  for (const [title, files] of await writeCases(tmp)) {
    const own = await inProcess(files);
    const times = alternateProcesses(
      PARSERS.map((name) => ({ args: [bundles.read[name], ...files], okCodes: [0] })),
      RUNS,
    );
    const [o, e, s] = times;
    const parsing = (name: string) => own.cpu[name] - own.cpu.checks;
    const rows: [string, string, string][] = [
      ["same Grids: ooxml and exceljs, ooxml and sheetjs", `${yes(own.same.exceljs)}, ${yes(own.same.sheetjs)}`, ""],
      ...PARSERS.map((name): [string, string, string] => [
        `in process, ${name} CPU`,
        ms(own.cpu[name]),
        `median of ${RUNS}`,
      ]),
      [
        "in process, exceljs / ooxml",
        ratio(own.cpu.exceljs / own.cpu.ooxml),
        `sheetjs / ooxml ${ratio(own.cpu.sheetjs / own.cpu.ooxml)}`,
      ],
      ["  of which the checks all run first", ms(own.cpu.checks), "kind, size, zip limits"],
      [
        "  parser + Grid only, exceljs / ooxml",
        ratio(parsing("exceljs") / parsing("ooxml")),
        `sheetjs / ooxml ${ratio(parsing("sheetjs") / parsing("ooxml"))}`,
      ],
      ...PARSERS.map((name, i) => processRow("read process", name, times[i])),
      [
        "read process, exceljs / ooxml, CPU",
        ratio(e.cpuMs / o.cpuMs),
        `wall ${ratio(e.wallMs / o.wallMs)}; sheetjs / ooxml ${ratio(s.cpuMs / o.cpuMs)}`,
      ],
    ];
    if (files.length === 1) rows.push(...cliCheck(bundles.cli, files[0]));
    report(`reader: ${title} (${files.length} file${files.length > 1 ? "s" : ""})`, rows);
  }
}

const yes = (same: boolean) => (same ? "yes" : "NO");

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

/** `phuluc check --json` built with each reader, run in turn: CPU, wall, peak memory, same output. */
function cliCheck(cli: Record<string, string>, file: string): [string, string, string][] {
  const args = (bundle: string) => ({ args: [bundle, "check", file, "--json"], okCodes: [0, 1] });
  const [o, e, s] = alternateProcesses(
    PARSERS.map((name) => args(cli[name])),
    RUNS,
  );
  const output = (bundle: string) => spawnSync(process.execPath, [bundle, "check", file, "--json"]).stdout.toString();
  const same = (name: string) => output(cli.ooxml) === output(cli[name]);
  return [
    processRow("CLI check --json", "ooxml", o),
    processRow("CLI check --json", "exceljs", e),
    processRow("CLI check --json", "sheetjs", s),
    ["CLI, exceljs / ooxml, CPU", ratio(e.cpuMs / o.cpuMs), `wall ${ratio(e.wallMs / o.wallMs)}`],
    ["same JSON from the three CLIs", `${yes(same("exceljs"))}, ${yes(same("sheetjs"))}`, ""],
  ];
}

function folder(tmp: string, name: string): string {
  mkdirSync(join(tmp, name));
  return join(tmp, name);
}

const ratio = (value: number) => value.toFixed(2);
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
