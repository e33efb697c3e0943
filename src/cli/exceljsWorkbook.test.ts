import { createRequire } from "node:module";
import { unzipSync } from "fflate";
import ExcelJS, { joinInRuns } from "./exceljsWorkbook";

interface XmlStream {
  _xml: string[];
  openNode(name: string, attributes?: Record<string, string>): void;
  writeText(text: string): void;
  closeNode(): void;
  readonly xml: string;
}
const XmlStream = createRequire(__filename)("exceljs/lib/utils/xml-stream") as new () => XmlStream;

describe("the CLI's exceljs", () => {
  it.each([0, 1, 4095, 4096, 4097, 10_000])("joins %i pieces in runs as join does", (count) => {
    const pieces = Array.from({ length: count }, (_, i) => `<c r="A${i}">${"é".repeat(i % 3)}</c>`);
    expect(joinInRuns(pieces)).toBe(pieces.join(""));
  });

  it("renders an XmlStream as exceljs does: its open elements closed, then every piece in order", () => {
    const stream = new XmlStream();
    stream.openNode("sheetData");
    for (let r = 1; r <= 3_000; r++) {
      stream.openNode("row", { r: String(r) });
      stream.writeText(`Dòng ${r} & “${r}”`);
      stream.closeNode();
    }
    const xml = stream.xml;
    expect(xml).toBe(stream._xml.join(""));
    expect(stream._xml.length).toBeGreaterThan(4096);
    expect(xml.endsWith('<row r="3000">Dòng 3000 &amp; “3000”</row></sheetData>')).toBe(true);
  });

  it("writes a workbook exceljs reads back", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Phụ lục I");
    for (let r = 1; r <= 2_000; r++) sheet.addRow([`Chỉ tiêu ${r}`, r, r / 100]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(Object.keys(unzipSync(bytes))).toContain("xl/worksheets/sheet1.xml");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.getWorksheet("Phụ lục I")!.getRow(2_000).values).toEqual([undefined, "Chỉ tiêu 2000", 2000, 20]);
  });
});
