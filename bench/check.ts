/**
 * Check benchmark (issue 2): engine time for one 5,000-row sheet (goal ≤ 50 ms), and the CLI's whole
 * `check` over an exceljs read of the same file alone (goal ≤ 1.3), both as fresh node processes run
 * alternately (medians of 5), by wall time and by CPU time (steadier on a shared machine).
 */
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { checkGrid } from "../src/engine/check";
import type { Grid } from "../src/engine/grid";
import { readWorkbook } from "../src/adapters/xlsx/readWorkbook";
import { addGridSheet } from "../test/fixtures/seedGrids";
import { chiTieuGrid, kinhPhiGrid } from "./lib/synthetic";
import { compareProcesses, medianMs, ms } from "./lib/timing";
import type { BenchContext } from "./run";

const ROWS = 5_000;
const root = resolve(__dirname, "..");
const cli = join(root, "dist", "cli", "phuluc.cjs");
/** The baseline process: load exceljs and read the workbook, nothing else. */
const EXCELJS_ONLY = `const E = require(${JSON.stringify(require.resolve("exceljs"))});
new E.Workbook().xlsx.readFile(process.argv[1]).catch((e) => { console.error(e); process.exit(3); });`;

async function writeSheet(grid: Grid, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  await workbook.xlsx.writeFile(path);
}

export default async function benchCheck({ tmp, report }: BenchContext): Promise<void> {
  for (const [template, grid] of [
    ["kinh-phi", kinhPhiGrid(ROWS)],
    ["chi-tieu", chiTieuGrid(ROWS)],
  ] as const) {
    const file = join(tmp, `${template}-${ROWS}.xlsx`);
    await writeSheet(grid, file);

    // The engine on the grid as the adapter reads it back from the file.
    const [readGrid] = (await readWorkbook(file)).grids;
    const first = checkGrid(readGrid);
    if (first.template !== template) throw new Error(`${template}: recognised as ${first.template}`);
    const engine = await medianMs(() => checkGrid(readGrid), 15, 3);
    const inProcessRead = await medianMs(() => new ExcelJS.Workbook().xlsx.readFile(file), 3, 1);

    const [cliRun, exceljsRun] = compareProcesses(
      { args: [cli, "check", file, "--json"], okCodes: [0, 1] },
      { args: ["-e", EXCELJS_ONLY, file], okCodes: [0] },
    );
    const wallRatio = cliRun.wallMs / exceljsRun.wallMs;
    const cpuRatio = cliRun.cpuMs / exceljsRun.cpuMs;
    const goal = (ratio: number) => (ratio <= 1.3 ? "goal ≤ 1.3: met" : "goal ≤ 1.3: MISSED");

    report(`check ${template}, ${ROWS} rows (${first.findings.length} findings)`, [
      ["engine checkGrid, median of 15", ms(engine), engine <= 50 ? "goal ≤ 50 ms: met" : "goal ≤ 50 ms: MISSED"],
      ["CLI process `phuluc check --json`", `${ms(cliRun.wallMs)}`, `CPU ${ms(cliRun.cpuMs)}`],
      ["exceljs-only process (readFile)", `${ms(exceljsRun.wallMs)}`, `CPU ${ms(exceljsRun.cpuMs)}`],
      ["ratio CLI / exceljs read, wall", wallRatio.toFixed(2), goal(wallRatio)],
      ["ratio CLI / exceljs read, CPU", cpuRatio.toFixed(2), goal(cpuRatio)],
      ["(in-process exceljs readFile)", ms(inProcessRead), "median of 3"],
    ]);
  }
}
