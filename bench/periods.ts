/**
 * Plan and periods benchmark (issue 11): `phuluc check RESULT --plan PLAN --previous PREV`, each a
 * 5,000-row chi-tieu sheet (half shares, half cumulative counts, so every plan and period rule has
 * work), against a process that only reads the same three files with exceljs (goal ≤ 1.3×); and the
 * engine's checkGrid with both references in-process.
 */
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../src/adapters/xlsx/readWorkbook";
import { checkGrid } from "../src/engine/check";
import { gridFromValues, type CellValue, type Grid } from "../src/engine/grid";
import { referenceBook } from "../src/engine/periods/reference";
import { toRoman } from "../src/engine/roman";
import { addGridSheet } from "../test/fixtures/seedGrids";
import { compareProcesses, medianMs, ms } from "./lib/timing";
import type { BenchContext } from "./run";

const ROWS = 5_000;
const SECTIONS = 10;
const LEADS = ["CNTT-BCVT", "TTBCXB", "KHTC", "Trung tâm CNTT-TT", "Thanh tra", "Văn phòng"];
const root = resolve(__dirname, "..");
const cli = join(root, "dist", "cli", "phuluc.cjs");
/** The baseline process: load exceljs and read every file given, one after the other. */
const EXCELJS_ONLY = `const E = require(${JSON.stringify(require.resolve("exceljs"))});
(async () => { for (const f of process.argv.slice(1)) await new E.Workbook().xlsx.readFile(f); })()
  .catch((e) => { console.error(e); process.exit(3); });`;

/**
 * A result sheet of `months` months (0: the plan, targets only). Even items are shares (`%`), odd
 * ones counts of dossiers that grow with the months; every 500th count of the 9-tháng sheet falls
 * below 6 tháng, so the findings are a handful, not thousands.
 */
function periodGrid(months: number): Grid {
  const title = months ? `Kết quả thực hiện chỉ tiêu ngành ${months} tháng năm 2024` : "Chỉ tiêu ngành năm 2024";
  const rows: CellValue[][] = [
    ["PHỤ LỤC I"],
    [title],
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2024", "Thực hiện", "Đơn vị chủ trì"],
  ];
  const perSection = Math.ceil(ROWS / SECTIONS);
  for (let i = 0; i < ROWS; i++) {
    if (i % perSection === 0) rows.push([toRoman(i / perSection + 1), `Lĩnh vực thứ ${i / perSection + 1}`]);
    const share = i % 2 === 0;
    const label = share ? `Tỷ lệ hồ sơ loại ${i + 1} xử lý trực tuyến` : `Số hồ sơ loại ${i + 1} tiếp nhận trực tuyến`;
    const target = share ? `${50 + (i % 50)}%` : 1000 + i;
    const fallen = months === 9 && i % 500 === 1;
    const count = ((1000 + i) * (fallen ? 6 : months)) / 12 - (fallen ? 1 : 0);
    const actual = !months ? null : share ? (40 + (i % 50)) / 100 : count;
    rows.push([String((i % perSection) + 1), label, share ? "%" : "hồ sơ", target, actual, LEADS[i % LEADS.length]]);
  }
  return gridFromValues(months ? `${months} tháng` : "Phụ lục I", rows);
}

async function write(grid: Grid, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  await workbook.xlsx.writeFile(path);
}

export default async function benchPeriods({ tmp, report }: BenchContext): Promise<void> {
  const [plan, previous, result] = ["ke-hoach", "6-thang", "9-thang"].map((name) => join(tmp, `${name}-${ROWS}.xlsx`));
  await write(periodGrid(0), plan);
  await write(periodGrid(6), previous);
  await write(periodGrid(9), result);

  const references = {
    plan: referenceBook("ke-hoach.xlsx", (await readWorkbook(plan)).grids),
    previous: referenceBook("6-thang.xlsx", (await readWorkbook(previous)).grids),
  };
  const [grid] = (await readWorkbook(result)).grids;
  const first = checkGrid(grid, { references });
  const count = (rule: string) => first.findings.filter((f) => f.rule === rule).length;
  if (count("period-regression") !== ROWS / 500) throw new Error(`period-regression: ${count("period-regression")}`);
  // A fresh table each time: the pairing is remembered per table, and the CLI pairs each once.
  const engine = await medianMs(() => checkGrid(grid, { references }), 9, 2);
  const plain = await medianMs(() => checkGrid(grid), 9, 2);

  const [cliRun, exceljsRun] = compareProcesses(
    { args: [cli, "check", result, "--plan", plan, "--previous", previous, "--json"], okCodes: [0, 1] },
    { args: ["-e", EXCELJS_ONLY, result, plan, previous], okCodes: [0] },
  );
  const goal = (ratio: number) => (ratio <= 1.3 ? "goal ≤ 1.3: met" : "goal ≤ 1.3: MISSED");
  const wall = cliRun.wallMs / exceljsRun.wallMs;
  const cpu = cliRun.cpuMs / exceljsRun.cpuMs;
  report(`check --plan --previous, ${ROWS} rows each (${first.findings.length} findings)`, [
    ["engine checkGrid with plan and previous", ms(engine), "median of 9"],
    ["engine checkGrid alone (same sheet)", ms(plain), "median of 9"],
    ["CLI `phuluc check R --plan P --previous V --json`", ms(cliRun.wallMs), `CPU ${ms(cliRun.cpuMs)}`],
    ["exceljs-only process reading the 3 files", ms(exceljsRun.wallMs), `CPU ${ms(exceljsRun.cpuMs)}`],
    ["ratio CLI / exceljs read, wall", wall.toFixed(2), goal(wall)],
    ["ratio CLI / exceljs read, CPU", cpu.toFixed(2), goal(cpu)],
  ]);
}
