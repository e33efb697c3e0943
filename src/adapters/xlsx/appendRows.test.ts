import ExcelJS from "exceljs";
import { zipFiles } from "../../cli/zipFiles";
import { appendTextRows } from "./appendRows";
import { deflateFiles, partBytes, workbookParts } from "./workbookParts";

const ROWS = [
  ["DV01.xlsx", "Phụ lục I", "D5", "DV01", "Tỷ lệ <hồ sơ> & “trực tuyến”", "Thực hiện: 95%", "Đã tổng hợp", ""],
  ["  leading space", "trailing ", "line\nbreak", "bell\u0007dropped", "'quoted'", '"double"', "", "DV01.xlsx"],
  ["short row"],
];

async function cellsOf(bytes: Uint8Array | ArrayBuffer, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => ((rows[r - 1] ??= [])[c - 1] = cell.value));
  });
  return { rows, workbook };
}

/** A workbook with a header row on "Log" and another sheet sharing some strings. */
function workbookWith(rows: string[][]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Data").addRow(["DV01.xlsx", 12.5]);
  const log = workbook.addWorksheet("Log");
  log.addRows([["Tệp", "Trang tính"], ...rows]);
  log.getRow(1).font = { bold: true };
  return workbook;
}

describe("appendTextRows", () => {
  it.each([
    ["fflate (the pane)", deflateFiles],
    ["Node's zlib (the CLI)", zipFiles],
  ])("reads back as the same cells as the rows written through exceljs, zipped by %s", async (_, zip) => {
    const viaExceljs = await workbookWith(ROWS).xlsx.writeBuffer();
    const header = workbookWith([]);
    const id = header.getWorksheet("Log")!.id;
    const parts = await workbookParts(header);

    appendTextRows(parts, `xl/worksheets/sheet${id}.xml`, 2, ROWS);
    const appended = zip(partBytes(parts));

    const [expected, actual] = await Promise.all([cellsOf(viaExceljs, "Log"), cellsOf(appended, "Log")]);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows[2][3]).toBe("belldropped");
    expect(actual.workbook.getWorksheet("Log")!.getCell("A1").font?.bold).toBe(true);
    expect((await cellsOf(appended, "Data")).rows).toEqual([["DV01.xlsx", 12.5]]);
    const stored = await header.xlsx.writeBuffer({ zip: { compression: "STORE" } });
    expect(appended.length).toBeLessThan(stored.byteLength / 2);
  });

  it("refuses a sheet the workbook does not have instead of writing a broken file", async () => {
    const parts = await workbookParts(workbookWith([]));
    expect(() => appendTextRows(parts, "xl/worksheets/sheet9.xml", 2, ROWS)).toThrow(/sheet9/);
  });
});
