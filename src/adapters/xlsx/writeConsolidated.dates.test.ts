import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { MergeResult } from "../../engine/merge";
import { parseStrict } from "../../../test/helpers/xmlCheck";
import { readWorkbook } from "./readWorkbook";
import { writeConsolidated } from "./writeConsolidated";

const DAY = new Date(Date.UTC(2025, 11, 15));

/** Each cell's xf's numFmtId in the written workbook, by address. */
function numFmtIds(out: Uint8Array, refs: string[]): number[] {
  const files = unzipSync(out);
  const xfs: number[] = [];
  let inCellXfs = false;
  for (const element of parseStrict(strFromU8(files["xl/styles.xml"]))) {
    if (element.depth === 1) inCellXfs = element.name === "cellXfs";
    else if (inCellXfs && element.depth === 2) xfs.push(Number(element.attributes.numFmtId));
  }
  const cells = parseStrict(strFromU8(files["xl/worksheets/sheet1.xml"])).filter((e) => e.name === "c");
  return refs.map((ref) => xfs[Number(cells.find((c) => c.attributes.r === ref)?.attributes.s ?? 0)]);
}

describe("writeConsolidated writing a date", () => {
  it("gives a cell whose format shows no date the short date (built-in 14); a date format, or one asked for, stays", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Tình hình");
    sheet.addRow(["Đơn vị", "Số tiền", "Ngày nộp", "Ghi chú", "Ngày duyệt"]);
    sheet.addRow(["Xã An", 1500, new Date(Date.UTC(2025, 0, 2)), "x"]);
    Object.assign(sheet.getCell("B2"), { numFmt: "#,##0", border: { top: { style: "thin" } } });
    sheet.getCell("C2").numFmt = "dd/mm/yyyy";
    const template = new Uint8Array(await book.xlsx.writeBuffer());
    const at = (col: number, numFmt?: string) => ({ row: 1, col, value: DAY, ...(numFmt ? { numFmt } : {}) });
    const writes = [at(1), at(2), at(3), at(4), { ...at(0), numFmt: "yyyy-mm-dd" }];
    const result = { sheets: [{ sheet: "Tình hình", patch: { sheet: "Tình hình", writes } }], log: [] };

    const out = await writeConsolidated(template, result as unknown as MergeResult);

    const [grid] = (await readWorkbook(out)).grids;
    expect(grid.rows[1].map((cell) => cell?.value)).toEqual([DAY, DAY, DAY, DAY, DAY]);
    const [asked, number, date, text, none] = numFmtIds(out, ["A2", "B2", "C2", "D2", "E2"]);
    expect([number, text, none]).toEqual([14, 14, 14]);
    expect(date).toBeGreaterThanOrEqual(164); // the template's own dd/mm/yyyy
    expect(grid.rows[1][2]?.numFmt).toBe("dd/mm/yyyy");
    expect(grid.rows[1][0]?.numFmt).toBe("yyyy-mm-dd");
    expect(asked).toBeGreaterThanOrEqual(164);
    // B2's border stays: the date format is set on a copy of its xf.
    const outBook = new ExcelJS.Workbook();
    await outBook.xlsx.load(out as unknown as ArrayBuffer);
    expect(outBook.getWorksheet("Tình hình")!.getCell("B2").border).toEqual({ top: { style: "thin" } });
  });
});
