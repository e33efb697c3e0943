/**
 * Found by QA (session 7): KHTC's template computes Tỷ lệ (%) so với KH with `=D14/C14*100`, cached `#DIV/0!` on
 * the blank form. The merge filled D and kept each formula's old cache: check of the consolidated workbook read
 * 19 `not-a-number` errors, merge exited 1, export refused; with `=IF(D14="","",D14/C14*100)` the cached ""
 * silently skipped attainment. The merge now computes the sheet's formulas again (engine/formulaEval.ts).
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { CheckResult } from "../../src/cli/checkResult";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import type { Cell, Grid } from "../../src/engine/grid";
import { fileResult, runMain, sheetOf } from "../helpers/cliRun";
import { seedLayout, seedWorkbook } from "../fixtures/seedGrids";
import type { SeedTable } from "../fixtures/seedTables";
import { blankForm, COL, filledPhuLucI, leadsOf, unitCopy, withCell, UNITS_OF_PHU_LUC_I } from "../fixtures/mergeCases";

const SHEET = "Phụ lục I";
const filled = filledPhuLucI();
/** Rows whose target is a plain `N%`: the ones KHTC's Tỷ lệ formula computes. */
const computed = filled.rows.flatMap((row, i) => (row[COL.ratio] ? [i] : []));
/** 0,71 / 0,7 × 100 = 101,43 (decided by hand). */
const SEVENTY = filled.rows.findIndex((row) => row[COL.target] === "70%" && row[COL.actual] === "71%");
/** 99% against 100%: Chưa đạt; one unit writes Đạt. */
const MISSED = filled.rows.findIndex((row) => row[COL.target] === "100%" && row[COL.actual] === "99%");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-formulas-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The blank form with its Tỷ lệ cells the formula `ratio(r)` (1-based row r), cached as on the blank form. */
function template(ratio: (r: number) => string, cached: Pick<Cell, "value" | "error">, extra: Grid[] = []) {
  const { grid, layout } = seedLayout(blankForm(filled), { sheetName: SHEET });
  for (const i of computed) {
    const r = layout.firstDataRow + i;
    grid.rows[r][COL.ratio] = { ...cached, formula: ratio(r + 1), numFmt: "#,##0.0" };
  }
  return { grid, extra, excelRow: (i: number) => layout.firstDataRow + i + 1 };
}

/** Each unit's copy fills Thực hiện and Đánh giá, not Tỷ lệ (the template computes it). */
function unitFiles(change?: (unit: string, seed: SeedTable) => SeedTable) {
  return UNITS_OF_PHU_LUC_I.map((unit) => {
    const copy = unitCopy(filled, unit);
    const seed = { ...copy, rows: copy.rows.map((row) => row.map((t, c) => (c === COL.ratio ? "" : t))) };
    return { unit, seed: change ? change(unit, seed) : seed };
  });
}

async function mergeAndCheck(name: string, book: ReturnType<typeof template>, units = unitFiles()) {
  const templateFile = path.join(dir, `${name}-TONG-HOP.xlsx`);
  await seedWorkbook(templateFile, [{ grid: book.grid }, ...book.extra.map((grid) => ({ grid }))]);
  const files = [];
  for (const { unit, seed } of units) {
    const file = path.join(dir, `${name}-${unit}.xlsx`);
    await seedWorkbook(file, [{ seed, options: { sheetName: SHEET } }]);
    files.push(file);
  }
  const out = path.join(dir, `${name}-out.xlsx`);
  const merged = await runMain(["merge", "--template", templateFile, ...files, "-o", out]);
  const checked = await runMain(["check", out, "--json"]);
  const sheet = sheetOf(fileResult(JSON.parse(checked.out) as CheckResult, `${name}-out.xlsx`), SHEET);
  const bytes = await fs.readFile(out);
  const grid = (await readWorkbook(bytes)).grids.find((g) => g.name === SHEET)!;
  const workbookXml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]);
  return { merged, checked, sheet, grid, workbookXml };
}

const ratioAt = (grid: Grid, excelRow: number) => grid.rows[excelRow - 1][COL.ratio];

describe("merge computes the template's formulas again over the merged values", () => {
  it("=D/C*100 cached #DIV/0!: no not-a-number, Tỷ lệ holds D/C*100, exit 0", async () => {
    const book = template((r) => `D${r}/C${r}*100`, { value: null, error: "#DIV/0!" });
    const { merged, checked, sheet, grid, workbookXml } = await mergeAndCheck("div0", book);
    expect(sheet.findings.filter((f) => f.rule === "not-a-number")).toEqual([]);
    expect(merged.code).toBe(0);
    expect(checked.code).toBe(0);
    const seventy = ratioAt(grid, book.excelRow(SEVENTY));
    expect(seventy).toMatchObject({ formula: `D${book.excelRow(SEVENTY)}/C${book.excelRow(SEVENTY)}*100` });
    expect(seventy?.error).toBeUndefined();
    expect(seventy?.value).toBeCloseTo(101.43, 2);
    expect(seventy?.numFmt).toBe("#,##0.0");
    for (const i of computed) expect(typeof ratioAt(grid, book.excelRow(i))?.value).toBe("number");
    // Every result computed: Excel has nothing left to calculate on open.
    expect(workbookXml).not.toContain("fullCalcOnLoad");
  });

  it(`=IF(D="","",D/C*100) cached "": Tỷ lệ holds the computed result, not the blank form's cache`, async () => {
    const book = template((r) => `IF(D${r}="","",D${r}/C${r}*100)`, { value: "" });
    const { sheet, grid } = await mergeAndCheck("blank-if", book);
    expect(sheet.findings).toEqual([]);
    expect(ratioAt(grid, book.excelRow(SEVENTY))?.value).toBeCloseTo(101.43, 2);
  });

  it("a unit's wrong Đánh giá still gives its finding, and only it", async () => {
    const book = template((r) => `D${r}/C${r}*100`, { value: null, error: "#DIV/0!" });
    const [lead] = leadsOf(filled.rows[MISSED][COL.lead]);
    const units = unitFiles((unit, seed) => (unit === lead ? withCell(seed, MISSED, COL.assessment, "Đạt") : seed));
    const { sheet, grid } = await mergeAndCheck("wrong", book, units);
    expect(sheet.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["assessment-contradiction", `F${book.excelRow(MISSED)}`],
    ]);
    expect(ratioAt(grid, book.excelRow(MISSED))?.value).toBeCloseTo(99, 9);
  });

  it("a formula citing another sheet loses its stale cache, and Excel is asked to calculate on open", async () => {
    const guide: Grid = { name: "Hướng dẫn", rows: [[{ value: 2 }]], merges: [], hiddenRows: [] };
    const book = template((r) => `D${r}/C${r}*100`, { value: null, error: "#DIV/0!" }, [guide]);
    const at = book.excelRow(SEVENTY);
    book.grid.rows[at - 1][COL.ratio] = { value: 7, formula: `D${at}/C${at}*'Hướng dẫn'!A1`, numFmt: "#,##0.0" };
    const { sheet, grid, workbookXml } = await mergeAndCheck("other-sheet", book);
    expect(ratioAt(grid, at)).toEqual({ value: null, formula: `D${at}/C${at}*'Hướng dẫn'!A1`, numFmt: "#,##0.0" });
    expect(sheet.findings).toEqual([]);
    expect(sheet.typedNotes.map((n) => n.id)).toContain("uncalculated-formulas");
    expect(workbookXml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });
});
