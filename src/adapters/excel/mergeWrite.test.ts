/** mergeWrite over the recording fake of the Office.js calls it makes (test/fixtures/recordingWorkbook.ts). */
import type { CellValue, Grid } from "../../engine/grid";
import { RecordingWorkbook, asContext } from "../../../test/fixtures/recordingWorkbook";
import { mergeWorkbook } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows } from "../../engine/merge/logSheet";
import {
  budgetBySection,
  budgetSheet,
  COL,
  blankForm,
  filledPhuLucI,
  rowIndexOf,
  sheetOf,
  unitCopy,
  unitInput,
  withCell,
} from "../../../test/fixtures/mergeCases";
import { SEED_PHU_LUC_II } from "../../../test/fixtures/seedTables";
import { mergeWrite } from "./mergeWrite";

function gridValues(grid: Grid, cols: number): (CellValue | string)[][] {
  return grid.rows.map((cells) => Array.from({ length: cols }, (_, c) => cells[c]?.value ?? ""));
}

describe("mergeWrite (Áp dụng)", () => {
  it("kinh-phi: inserts the item rows, writes every value and the log sheet in one sync", async () => {
    const { template: seed, parts } = budgetBySection(SEED_PHU_LUC_II);
    const template = budgetSheet(seed);
    const result = mergeWorkbook(
      [template],
      parts.map((part, i) => ({ unitId: `U${i}`, file: `u${i}.xlsx`, table: budgetSheet(part).table })),
    );
    const workbook = new RecordingWorkbook([template.grid]);
    await mergeWrite(asContext(workbook), result, { existingSheets: ["Phụ lục II"] });
    expect(workbook.syncCount).toBe(1);
    const grid = result.sheets[0].grid;
    expect(workbook.valuesOf("Phụ lục II", grid.rows.length, 5)).toEqual(gridValues(grid, 5));
    const rows = logSheetRows(result.log);
    expect(workbook.valuesOf(LOG_SHEET_NAME, rows.length, 8)).toEqual(rows);
  });

  it("after a conflict is settled, writes only the changed cells and replaces the log sheet (still one sync)", async () => {
    const filled = filledPhuLucI();
    const template = sheetOf(blankForm(filled));
    const internet = rowIndexOf(filled, "Tỷ lệ hộ gia đình có đường internet");
    const inputs = [
      unitInput(unitCopy(filled, "CNTT-BCVT"), "CNTT-BCVT.xlsx"),
      unitInput(withCell(unitCopy(filled, "TTBCXB"), internet, COL.actual, "85%"), "TTBCXB.xlsx"),
    ];
    const first = mergeWorkbook([template], inputs);
    const workbook = new RecordingWorkbook([template.grid]);
    await mergeWrite(asContext(workbook), first, { existingSheets: ["Phụ lục I"] });
    const settled = mergeWorkbook([template], inputs, { resolutions: { [first.conflicts[0].id]: "TTBCXB" } });
    await mergeWrite(asContext(workbook), settled, { existingSheets: ["Phụ lục I", LOG_SHEET_NAME], previous: first });
    expect(workbook.syncCount).toBe(2);
    const grid = settled.sheets[0].grid;
    expect(workbook.valuesOf("Phụ lục I", grid.rows.length, 9)).toEqual(gridValues(grid, 9));
    expect(workbook.valuesOf("Phụ lục I", grid.rows.length, 9)[template.table.rows[internet].row][COL.actual]).toBe(
      0.85,
    );
    const log = workbook.valuesOf(LOG_SHEET_NAME, settled.log.length + 1, 8);
    expect(log.some((row) => row[3] === "TTBCXB" && String(row[7]).includes("KHTC chọn"))).toBe(true);
  });
});
