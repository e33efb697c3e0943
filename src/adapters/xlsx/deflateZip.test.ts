import ExcelJS from "exceljs";
import { deflateStoredEntries } from "./deflateZip";
import { readWorkbook } from "./readWorkbook";

/** A workbook with text, numbers with a format, a merge and a second sheet: what the merge output holds. */
function sampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục I");
  sheet.addRow(["STT", "Chỉ tiêu", "Thực hiện"]);
  for (let i = 1; i <= 200; i++) sheet.addRow([String(i), `Tỷ lệ hồ sơ trực tuyến ${i}`, i / 1000]);
  sheet.getCell("C5").numFmt = "0%";
  sheet.mergeCells("A203:C203");
  workbook.addWorksheet("Nhật ký tổng hợp").addRow(["Tệp", "Trạng thái"]);
  return workbook;
}

describe("deflateStoredEntries", () => {
  it("deflates a stored xlsx into a smaller file exceljs reads back with the same cells", async () => {
    const stored = new Uint8Array(await sampleWorkbook().xlsx.writeBuffer({ zip: { compression: "STORE" } }));
    const deflated = deflateStoredEntries(stored);

    expect(deflated.length).toBeLessThan(stored.length / 3);
    const [before, after] = await Promise.all([readWorkbook(stored), readWorkbook(deflated)]);
    expect(after.grids).toEqual(before.grids);
    expect(after.grids[0].rows[4][2]).toEqual({ value: 0.004, numFmt: "0%" });
    expect(after.grids[0].merges).toEqual([{ top: 202, left: 0, bottom: 202, right: 2 }]);
  });

  it("copies entries that are already deflated, so a second pass changes nothing", async () => {
    const deflated = new Uint8Array(await sampleWorkbook().xlsx.writeBuffer());
    const again = deflateStoredEntries(deflated);

    expect(again.length).toBe(deflated.length);
    expect((await readWorkbook(again)).grids).toEqual((await readWorkbook(deflated)).grids);
  });

  it("refuses bytes that are not a zip instead of writing a broken file", () => {
    expect(() => deflateStoredEntries(new TextEncoder().encode("not a zip at all, just some text here"))).toThrow(
      /zip/,
    );
  });
});
