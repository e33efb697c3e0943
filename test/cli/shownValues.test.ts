/**
 * A number cell is checked as it shows. Found by hand (session 7): a unit whose Tỷ lệ so với KH is the formula
 * `=D5/C5*100` under `#,##0.0` (Excel shows 101,4) got `attainment-mismatch` “ghi 101,4% nhưng … là 101,4%
 * (chênh lệch 0%)”, and a Tổng cộng `=SUM(…)` of amounts with decimals under `#,##0` got `total-mismatch`: the
 * stated value was compared with all its hidden decimals against the computed one rounded to the shown ones.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CheckResult } from "../../src/cli/checkResult";
import type { Cell, Grid } from "../../src/engine/grid";
import { runMain } from "../helpers/cliRun";
import { seedWorkbook } from "../fixtures/seedGrids";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-shown-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const text = (value: string): Cell => ({ value });
const share = (value: number): Cell => ({ value, numFmt: "0%" });
const formula = (f: string, value: number, numFmt: string): Cell => ({ value, formula: f, numFmt });
const grid = (name: string, rows: (Cell | undefined)[][]): Grid => ({ name, rows, merges: [], hiddenRows: [] });

const PHU_LUC_I = grid("Phụ lục I", [
  ["STT", "Chỉ tiêu", "Năm 2024", "Thực hiện", "Tỷ lệ (%) so với KH", "Đánh giá", "Đơn vị chủ trì"].map(text),
  [text("I"), text("Lĩnh vực Bưu chính, Viễn thông")],
  // 0,71 / 0,7 = 101,428…: shown 101,4 — right.
  [text("1"), text("Số thuê bao băng rộng di động/100 dân"), share(0.7), share(0.71)].concat([
    formula("D3/C3*100", (0.71 / 0.7) * 100, "#,##0.0"),
    text("Vượt"),
    text("CNTT-BCVT"),
  ]),
  // 0,22 / 0,23 = 95,65…: the cached 97,65… shows 97,7 — wrong, and still found.
  [text("2"), text("Số thuê bao băng rộng cố định/100 dân"), share(0.23), share(0.22)].concat([
    formula("D4/C4*100+2", (0.22 / 0.23) * 100 + 2, "#,##0.0"),
    text("Chưa đạt"),
    text("CNTT-BCVT"),
  ]),
]);

const amount = (value: number): Cell => ({ value, numFmt: "#,##0" });
const PHU_LUC_II = grid("Phụ lục II", [
  [undefined, undefined, undefined, text("Đvt: triệu đồng")],
  ["STT", "Nội dung, nhiệm vụ", "Đơn vị chủ trì", "Nhu cầu kinh phí năm 2024"].map(text),
  [text("I"), text("Các dự án khác")],
  [text("1"), text("Hệ thống giám sát an toàn không gian mạng (SOC)"), text("Sở TTTT"), amount(25500.4)],
  [text("2"), text("Hệ thống bảo mật Endpoint"), text("Sở TTTT"), amount(6440.35)],
  // 31.940,75 shows 31.941 — right.
  [undefined, text("Tổng cộng"), undefined, formula("SUM(D4:D5)", 25500.4 + 6440.35, "#,##0")],
]);

async function findings(grids: Grid[]): Promise<string[]> {
  const file = path.join(dir, "DON-VI.xlsx");
  await seedWorkbook(
    file,
    grids.map((g) => ({ grid: g })),
  );
  const result = JSON.parse((await runMain(["check", file, "--json"])).out) as CheckResult;
  return result.files[0].sheets.flatMap((s) => s.findings.map((f) => `${s.sheet}!${f.cell} ${f.rule}`));
}

describe("a number cell holding more decimals than its format shows", () => {
  it("is checked as shown: a formula ratio that shows the right attainment is right, a wrong one is found", async () => {
    expect(await findings([PHU_LUC_I])).toEqual(["Phụ lục I!E4 attainment-mismatch"]);
  });

  it("is checked as shown: a SUM of amounts with decimals under #,##0 is the total it shows", async () => {
    expect(await findings([PHU_LUC_II])).toEqual([]);
  });
});
