import ExcelJS from "exceljs";
import { checkGrid } from "../../engine/check";
import { emptyReviewStore, indicatorKey, receiptCounts, reviewFindings, rowOfFinding } from "../../engine/review";
import { COL, filledPhuLucI, rowIndexOf, unitCopy, withCell } from "../../../test/fixtures/mergeCases";
import { addGridSheet, seedGrid } from "../../../test/fixtures/seedGrids";
import { readUnitFiles } from "./readUnitFiles";
import { readWorkbook } from "./readWorkbook";
import { workbookWithReviewStore } from "./reviewStoreFile";

const filled = filledPhuLucI();
const flagged = rowIndexOf(filled, "Số thuê bao băng rộng cố định");

/** A unit's file with one wrong ratio, explained in its PhuLuc sheet, beside a sheet no template recognises. */
async function unitFile(): Promise<Uint8Array> {
  const grid = seedGrid(withCell(unitCopy(filled, "CNTT-BCVT"), flagged, COL.ratio, "100,0"), {
    sheetName: "Phụ lục I",
  });
  const report = checkGrid(grid);
  const error = report.findings.find((f) => f.severity === "error")!;
  const row = rowOfFinding(report.table!, error)!;
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, grid);
  workbook.addWorksheet("Ghi chép").addRow(["Số liệu tạm tính"]);
  return workbookWithReviewStore(new Uint8Array(await workbook.xlsx.writeBuffer()), {
    ...emptyReviewStore(),
    explanations: [
      {
        sheet: "Phụ lục I",
        key: indicatorKey(report.table!, row),
        rule: error.rule,
        label: row.label,
        cell: error.cell,
        text: "Chỉ tiêu được điều chỉnh",
        by: "Lan",
        at: "2026-11-30T08:00:00.000Z",
      },
    ],
  });
}

describe("readUnitFiles", () => {
  it("counts a receipt's findings as a check of the file does, from the one check that also feeds the merge", async () => {
    const bytes = await unitFile();
    const expected = receiptCounts(reviewFindings((await readWorkbook(bytes)).grids));
    expect(expected.errors).toBeGreaterThan(0);
    expect(expected.explained).toBe(1);

    const { inputs, receipts, notMerged } = await readUnitFiles([{ name: "CNTT-BCVT.xlsx", source: bytes }]);

    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject(expected);
    expect(inputs.map((i) => [i.file, i.table.sheet, i.explanations?.length])).toEqual([
      ["CNTT-BCVT.xlsx", "Phụ lục I", 1],
    ]);
    expect(notMerged.map((n) => n.sheet)).toEqual(["Ghi chép"]);
  });
});
