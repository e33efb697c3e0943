/** mergeWrite (Áp dụng) against the strict fake Excel (test/fakes/fakeExcel.ts). */
import type { CellValue, Grid } from "../../engine/grid";
import {
  fakeContext,
  failNextWrite,
  fakeSheetFromGrid,
  sheetValues,
  userEdit,
  type FakeContext,
  type FakeWorkbookFile,
} from "../../../test/fakes/fakeExcel";
import { mergeWorkbook } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows } from "../../engine/merge/logSheet";
import {
  budgetMergeCase,
  COL,
  blankForm,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  unitInput,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { APPLY_JOURNAL, mergeWrite } from "./mergeWrite";

function gridValues(grid: Grid, cols: number): (CellValue | string)[][] {
  return grid.rows.map((cells) => Array.from({ length: cols }, (_, c) => cells[c]?.value ?? ""));
}

function workbookOf(grid: Grid): FakeWorkbookFile {
  return { sheets: [fakeSheetFromGrid(grid)], activeSheet: grid.name, settings: {} };
}

describe("mergeWrite (Áp dụng)", () => {
  it("kinh-phi: inserts the item rows, writes every value and the log sheet in two syncs", async () => {
    const { template, result } = budgetMergeCase();
    const file = workbookOf(template.grid);
    const { context, fake } = fakeContext(file);
    await mergeWrite(context, result);
    expect((fake as FakeContext).syncCount).toBe(2);
    const grid = result.sheets[0].grid;
    expect(sheetValues(file, "Phụ lục II", grid.rows.length, 5)).toEqual(gridValues(grid, 5));
    const rows = logSheetRows(result.log);
    expect(sheetValues(file, LOG_SHEET_NAME, rows.length, 8)).toEqual(rows);
  });

  it("excel #1: a sub-item “- …” and an STT “-” stay text, not formulas", async () => {
    const { template, result } = budgetMergeCase();
    const file = workbookOf(template.grid);
    await mergeWrite(fakeContext(file).context, result);
    const cells = Object.values(file.sheets[0].cells);
    const sub = cells.find((c) => c.value === "- Thuê chỗ đặt máy chủ");
    expect(sub).toMatchObject({ numberFormat: "@" });
    expect(sub?.formula).toBeUndefined();
    expect(cells.some((c) => c.value === "-" && c.numberFormat === "@")).toBe(true);
    expect(cells.filter((c) => c.error)).toEqual([]);
    expect(Object.values(file.sheets[1].cells).filter((c) => c.formula)).toEqual([]);
  });

  it("after a conflict is settled, writes only the changed cells and replaces the log sheet (still two syncs)", async () => {
    const filled = filledPhuLucI();
    const template = sheetOf(blankForm(filled));
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const inputs = [
      unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"),
      unitInput(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), "TTBCXB.xlsx"),
    ];
    const first = mergeWorkbook([template], inputs);
    const file = workbookOf(template.grid);
    const { context } = fakeContext(file);
    await mergeWrite(context, first);
    const settled = mergeWorkbook([template], inputs, { resolutions: { [first.conflicts[0].id]: "TTBCXB" } });
    const again = fakeContext(file);
    await mergeWrite(again.context, settled, { previous: first });
    expect(again.fake.syncCount).toBe(2);
    const grid = settled.sheets[0].grid;
    const values = sheetValues(file, "Phụ lục I", grid.rows.length, 9);
    expect(values).toEqual(gridValues(grid, 9));
    expect(values[template.table.rows[internet].row][COL.actual]).toBe(0.85);
    const log = sheetValues(file, LOG_SHEET_NAME, settled.log.length + 1, 8);
    expect(log.some((row) => row[3] === "TTBCXB" && String(row[7]).includes("KHTC chọn"))).toBe(true);
  });

  it("excel #3: a failure midway leaves the inserted rows; the retry inserts none again", async () => {
    const { template, result } = budgetMergeCase();
    const file = workbookOf(template.grid);
    failNextWrite(file, "Phụ lục II");
    const failure = mergeWrite(fakeContext(file).context, result);
    await expect(failure).rejects.toMatchObject({ code: "write-failed" });
    await expect(failure).rejects.toThrow(/Excel báo: Excel gặp lỗi bên trong.*GeneralException.*bấm Áp dụng lần nữa/);
    // Excel kept what came before the failure: the rows are in, the values are not.
    const grid = result.sheets[0].grid;
    expect(Object.keys(file.settings)).toEqual([APPLY_JOURNAL]);
    await mergeWrite(fakeContext(file).context, result);
    expect(sheetValues(file, "Phụ lục II", grid.rows.length, 5)).toEqual(gridValues(grid, 5));
    const lastRow = Math.max(...Object.keys(file.sheets[0].cells).map((a) => Number(/\d+/.exec(a)![0])));
    expect(lastRow).toBe(grid.rows.length);
    expect(file.settings).toEqual({});
  });

  it("excel #2: Tổng cộng stays a SUM formula over the consolidated items, so later edits still add up", async () => {
    const { template, result } = budgetMergeCase();
    const file = workbookOf(template.grid);
    await mergeWrite(fakeContext(file).context, result);
    const grid = result.sheets[0].grid;
    const totalRow = grid.rows.findIndex((row) => row.some((c) => c?.value === "Tổng cộng"));
    const total = file.sheets[0].cells[`D${totalRow + 1}`];
    expect(total.formula).toMatch(/^=SUM\(D\d+(:D\d+)?(,D\d+(:D\d+)?)*\)$/);
    expect(total.value).toBe(grid.rows[totalRow][3]?.value);
    const item = grid.rows.findIndex((row) => row[1]?.value === "Hệ thống bảo mật Endpoint");
    userEdit(file, "Phụ lục II", `D${item + 1}`, { value: 31000 });
    expect(file.sheets[0].cells[`D${totalRow + 1}`].value).toBe((grid.rows[totalRow][3]?.value as number) + 1000);
  });
});
