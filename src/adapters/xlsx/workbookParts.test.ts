import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { partBytes, workbookParts } from "./workbookParts";

/** 1 × 1 transparent PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

async function workbook(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Phụ lục I");
  sheet.addRows([
    ["Chỉ tiêu", "Thực hiện"],
    ["Tỷ lệ “trực tuyến” <80%>", 0.95],
  ]);
  sheet.getCell("B2").numFmt = "0.0%";
  sheet.getCell("A2").note = "Ghi chú";
  sheet.mergeCells("A3:B3");
  sheet.addImage(book.addImage({ base64: `data:image/png;base64,${PNG}`, extension: "png" }), "D2:E4");
  book.addWorksheet("PhuLuc", { state: "veryHidden" }).addRow(["giải trình"]);
  // Written once before: exceljs fills in its model as it writes, and a loaded workbook is written so too.
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(await book.xlsx.writeBuffer());
  return loaded;
}

describe("workbookParts", () => {
  it("renders the parts exceljs's writeBuffer zips, in its order and byte for byte (folders, notes, media)", async () => {
    const book = await workbook();
    const zipped = unzipSync(new Uint8Array(await book.xlsx.writeBuffer({ zip: { compression: "STORE" } })));
    const parts = partBytes(await workbookParts(book));

    expect(Object.keys(parts)).toEqual(Object.keys(zipped));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["xl/", "xl/media/image1.png", "xl/comments1.xml"]));
    for (const name of Object.keys(zipped)) expect([name, parts[name]]).toEqual([name, zipped[name]]);
  });
});
