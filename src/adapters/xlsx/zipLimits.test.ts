/**
 * Spec §8's zip limits through readWorkbook, on files built here: decompression bombs (honest and
 * lying headers), parts stored twice, a merge's shared budget. Small limits (--max-mb 1 → 10 MB
 * inflated) keep the bombs small; test/cli/hostile.test.ts runs the default limits end to end.
 */
import ExcelJS from "exceljs";
import { PhuLucError } from "../../engine/errors";
import { bombXlsx, duplicatePartXlsx, zipParts } from "../../../test/helpers/zipBomb";
import { truncatedCopy } from "../../../test/helpers/badFiles";
import { mergeBudget } from "./inputLimits";
import { inflatedSize } from "./inflatedSize";
import { readWorkbook } from "./readWorkbook";
import { duplicatePart, partKey, readZipEntries } from "./zipDirectory";

const MB = 1024 * 1024;

async function failure(bytes: Uint8Array, options: Parameters<typeof readWorkbook>[1]): Promise<PhuLucError> {
  const error = await readWorkbook(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhuLucError);
  return error as PhuLucError;
}

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục II");
  sheet.getCell("A1").value = "STT";
  sheet.getCell("B2").value = 225091;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("zip directory", () => {
  it("lists exceljs' own parts with the sizes they inflate to", async () => {
    const bytes = await workbookBytes();
    const entries = readZipEntries(bytes);
    const sheet = entries.find((e) => e.names.includes("xl/worksheets/sheet1.xml"))!;
    const data = bytes.subarray(sheet.dataStart, sheet.dataStart + sheet.compressedSize);
    expect(await inflatedSize(data, Infinity)).toBe(sheet.uncompressedSize);
    expect(duplicatePart(entries)).toBeUndefined();
  });

  it("resolves part names as JSZip, exceljs and OPC do", () => {
    expect(partKey("/xl/Workbook.xml")).toBe("xl/workbook.xml");
    expect(partKey("xl\\worksheets\\..\\workbook.xml")).toBe("xl/workbook.xml");
    expect(partKey("xl/./styles.xml")).toBe("xl/styles.xml");
  });
});

describe("readWorkbook: decompression bombs", () => {
  it("refuses from the directory a file that declares more than 10 × --max-mb, naming both sizes", async () => {
    const bomb = await bombXlsx(12);
    expect(bomb.length).toBeLessThan(MB); // passes the file-size limit itself
    const error = await failure(bomb, { fileName: "bom.xlsx", maxBytes: MB });
    expect(error.code).toBe("too-large");
    expect(error.messageVi).toBe(
      "Tệp “bom.xlsx” khi giải nén lên tới 12,0 MB (giới hạn 10,0 MB, gấp 10 lần --max-mb): có thể là tệp “bom nén”; PhuLuc không đọc tệp này.",
    );
  });

  it("counts while inflating when the headers lie, and stops", async () => {
    const error = await failure(await bombXlsx(12, { lie: true }), { fileName: "noi-doi.xlsx", maxBytes: MB });
    expect(error.code).toBe("corrupt");
    expect(error.messageVi).toBe(
      "Tệp “noi-doi.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel (phần “xl/sharedStrings.xml” khai 4096 byte nhưng giải nén ra nhiều hơn); PhuLuc không đọc tệp này để khỏi hiểu sai số liệu. Hãy đề nghị đơn vị gửi lại tệp lưu từ Excel.",
    );
  });

  it("leaves a lie too small to matter to JSZip, which compares each part with its header: still damaged", async () => {
    const error = await failure(await bombXlsx(1, { lie: true }), { fileName: "noi-doi-nho.xlsx" });
    expect(error.code).toBe("corrupt");
    expect(error.messageVi).toMatch(/^Tệp “noi-doi-nho\.xlsx” bị hỏng/);
  }, 30_000);

  it("refuses a part above --max-mb that inflates more than 100 times its size, though within 10 × --max-mb", async () => {
    const bomb = await bombXlsx(8);
    const error = await failure(bomb, { fileName: "bom.xlsx", maxBytes: MB });
    expect(error.code).toBe("too-large");
    expect(error.messageVi).toMatch(
      /^Tệp “bom\.xlsx”: phần “xl\/sharedStrings\.xml” giải nén từ \d+ KB lên tới 8,0 MB \(gấp \d{3,4} lần; một phần lớn hơn 1,0 MB — mức --max-mb — chỉ được nén tối đa 100 lần\): có thể là tệp “bom nén”; PhuLuc không đọc tệp này\.$/,
    );
  });

  it("counts a part whose header hides its ratio, and refuses it as tampered before exceljs inflates it", async () => {
    // 4 MB declared as 4 KB: within every total, so only the part's own allowance makes it counted.
    const error = await failure(await bombXlsx(4, { lie: true }), { fileName: "an.xlsx", maxBytes: 2 * MB });
    expect(error.code).toBe("corrupt");
    expect(error.messageVi).toContain("phần “xl/sharedStrings.xml” khai 4096 byte nhưng giải nén ra nhiều hơn");
  });

  it("reads what an honest file could be: any ratio up to --max-mb, and at most 100 × beyond it", async () => {
    const withinGrace = await readWorkbook(await bombXlsx(1, { part: "customXml/item1.xml" }), { maxBytes: 2 * MB });
    expect(withinGrace.grids.map((g) => g.name)).toEqual(["Phụ lục II"]);
    const modest = await bombXlsx(8, { part: "customXml/item1.xml", ratio: 90 });
    const read = await readWorkbook(modest, { maxBytes: MB });
    expect(read.grids.map((g) => g.name)).toEqual(["Phụ lục II"]);
  }, 60_000);

  it("shares one budget between the files of a merge: 40 × --max-mb in all", async () => {
    const maxBytes = MB / 4; // 2.5 MB per file, 10 MB for the merge
    const budget = mergeBudget(maxBytes);
    const twoMb = await bombXlsx(2, { part: "customXml/item1.xml", ratio: 50 });
    for (let i = 0; i < 4; i++) await readWorkbook(twoMb, { maxBytes, budget });
    const error = await failure(twoMb, { fileName: "thu-5.xlsx", maxBytes, budget });
    expect(error.code).toBe("too-large");
    expect(error.messageVi).toMatch(
      /^Tệp “thu-5\.xlsx” không được đọc: các tệp của lần tổng hợp này khi giải nén đã vượt tổng giới hạn 10,0 MB \(gấp 40 lần --max-mb\)/,
    );
    // A refused file takes nothing from the budget; a small one still fits.
    await expect(readWorkbook(await workbookBytes(), { maxBytes, budget })).resolves.toBeDefined();
  }, 60_000);
});

describe("readWorkbook: damaged or tampered zips", () => {
  it("refuses a part stored twice, whichever way the second name is spelt", async () => {
    for (const second of ["xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml", "/xl/worksheets/sheet1.xml"]) {
      const error = await failure(await duplicatePartXlsx("xl/worksheets/sheet1.xml", second), {
        fileName: "hai-ban.xlsx",
      });
      expect(error.code).toBe("corrupt");
      expect(error.messageVi).toContain(`có hai phần cùng tên “${second}”`);
      expect(error.messageVi).toMatch(/^Tệp “hai-ban\.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel/);
    }
  });

  it("calls a cut, shifted or garbled archive damaged, never a zip library's words", async () => {
    const good = await workbookBytes();
    const cut = await failure(truncatedCopy(good, 0.97), { fileName: "cut.xlsx" });
    expect(cut.messageVi).toMatch(/^Tệp “cut\.xlsx” bị hỏng/);
    const garbled = good.slice();
    const sheet = readZipEntries(good).find((e) => e.names.includes("xl/worksheets/sheet1.xml"))!;
    garbled.fill(0xff, sheet.dataStart, sheet.dataStart + sheet.compressedSize);
    const bad = await failure(garbled, { fileName: "garbled.xlsx" });
    expect(bad.code).toBe("corrupt");
    expect(bad.messageVi).not.toMatch(/invalid|Error|zlib/);
  });

  it("refuses an unknown compression method as damaged", async () => {
    const bytes = zipParts([{ name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") }]);
    bytes[8] = 12; // bzip2, in the local header; the central one says the same below
    const central = bytes.length - 22 - (46 + "xl/workbook.xml".length);
    bytes[central + 10] = 12;
    expect((await failure(bytes, { fileName: "bz.xlsx" })).code).toBe("corrupt");
  });
});
