import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { PhuLucError } from "../../engine/errors";
import { cellAt, parseA1, type Grid } from "../../engine/grid";
import { readWorkbook } from "./readWorkbook";
import {
  docxBytes,
  emptyZipBytes,
  odsBytes,
  xlsbBytes,
  encryptedXlsxBytes,
  legacyXlsBytes,
  randomBytes,
  textFileBytes,
  truncatedCopy,
} from "../../../test/helpers/badFiles";
import { bytesOf, emptyTextResultWorkbook, valuesWorkbook, wideWorkbook } from "../../../test/helpers/readerWorkbooks";

const dir = mkdtempSync(join(tmpdir(), "phuluc-read-"));

const at = (grid: Grid, address: string) => {
  const { row, col } = parseA1(address)!;
  return cellAt(grid, row, col);
};

describe("readWorkbook: values as Excel shows them", () => {
  let grid: Grid;
  let hiddenSheet: Grid;
  let notes: string[];

  beforeAll(async () => {
    const bytes = await bytesOf(valuesWorkbook);
    const read = await readWorkbook(bytes, { fileName: "kinh-phi.xlsx" });
    [grid, hiddenSheet] = read.grids;
    notes = read.notes.map((n) => n.message);
  });

  it("keeps numbers, shares with their format, booleans and dates", () => {
    expect(grid.name).toBe("Phụ lục II");
    expect(at(grid, "A1")).toEqual({ value: "Tổng cộng" });
    expect(at(grid, "B1")).toEqual({ value: 224591, numFmt: "#,##0" });
    expect(at(grid, "C1")).toEqual({ value: 0.942, numFmt: "0%" });
    expect(at(grid, "D1")?.value).toBe(true);
    expect(at(grid, "E1")?.value).toEqual(new Date(Date.UTC(2024, 5, 30)));
  });

  it("gives formulas with their cached result, or null when none was cached", () => {
    expect(at(grid, "A2")).toEqual({ value: 46884, formula: "SUM(B3:B4)" });
    expect(at(grid, "B2")).toEqual({ value: null, formula: "SUM(B3:B4)" });
    expect(at(grid, "C4")).toEqual({ value: 12880, formula: "B4*2" });
  });

  it("keeps a formula's cached 0 and FALSE (exceljs' cell value drops them)", async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet("Tổng");
      sheet.getCell("A1").value = { formula: "SUM(B1:B3)", result: 0 };
      sheet.getCell("A2").value = { formula: "B1>0", result: false };
    });
    const [sheet] = (await readWorkbook(bytes)).grids;
    expect(at(sheet, "A1")).toEqual({ value: 0, formula: "SUM(B1:B3)" });
    expect(at(sheet, "A2")).toEqual({ value: false, formula: "B1>0" });
  });

  it('reads a formula cached as empty text as "", not as never calculated (exceljs\' parser drops it)', async () => {
    const read = await readWorkbook(await bytesOf(emptyTextResultWorkbook));
    const [sheet, other] = read.grids;
    expect(sheet.name).toBe("Đánh giá & <kết quả>");
    expect(at(sheet, "B1")).toEqual({ value: "", formula: 'IF(A1>5,"Đạt","")' });
    expect(at(sheet, "B2")).toEqual({ value: "", formula: 'IF(A2>5,"Đạt","")' });
    expect(at(sheet, "B3")).toEqual({ value: null, formula: "A1*2" });
    expect(at(other, "C3")).toEqual({ value: "", formula: 'IF(1>2,"x","")' });
  });

  it("gives error values as errors", () => {
    expect(at(grid, "C2")).toEqual({ value: null, error: "#REF!" });
    expect(at(grid, "D2")).toEqual({ value: null, error: "#DIV/0!", formula: "1/0" });
  });

  it("flattens rich text and hyperlinks to their text, and leaves NFD text as written", () => {
    expect(at(grid, "A5")?.value).toBe("Dự án IOC");
    expect(at(grid, "B5")?.value).toBe("Cổng DVC");
    expect(at(grid, "A6")?.value).toBe("Chỉ tiêu".normalize("NFD"));
  });

  it("keeps a merged value in its top-left cell only, with the range", () => {
    expect(at(grid, "A7")?.value).toBe("I. Các dự án");
    expect(at(grid, "B7")).toBeUndefined();
    expect(at(grid, "A8")).toBeUndefined();
    expect(grid.merges).toEqual([{ top: 6, left: 0, bottom: 7, right: 2 }]);
  });

  it("lists hidden rows and keeps a hidden sheet, saying so", () => {
    expect(grid.hiddenRows).toEqual([8]);
    expect(at(grid, "A9")?.value).toBe("ẩn");
    expect(hiddenSheet).toMatchObject({ name: "Nháp", hidden: true });
    expect(notes).toEqual(["Trang tính “Nháp” đang bị ẩn; vẫn được đọc và kiểm tra."]);
  });
});

describe("readWorkbook: bounded size", () => {
  it("reads at most maxRows × maxColumns and says how much it skipped", async () => {
    const bytes = await bytesOf(wideWorkbook);
    const read = await readWorkbook(bytes, { fileName: "rong.xlsx", maxRows: 20, maxColumns: 10 });
    const [grid] = read.grids;
    expect(grid.rows).toHaveLength(20);
    expect(Math.max(...grid.rows.map((r) => r.length))).toBe(10);
    expect(grid.truncated).toEqual({ rows: 10, columns: 2 });
    expect(read.notes.map((n) => n.message)).toEqual([
      "Trang tính “Rộng” quá dài: chỉ đọc 20 dòng đầu, bỏ qua 10 dòng sau.",
      "Trang tính “Rộng” quá rộng: bỏ qua 2 cột cuối.",
    ]);
  });

  it("refuses a file above maxBytes with a message instead of exhausting memory", async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet("A").getCell("A1").value = "x".repeat(5000);
    });
    await expect(readWorkbook(bytes, { fileName: "to.xlsx", maxBytes: 1024 })).rejects.toMatchObject({
      code: "too-large",
      messageVi: expect.stringMatching(/^Tệp “to\.xlsx” quá lớn \(\d+,\d MB; giới hạn 0,0 MB\)/),
    });
    await expect(readWorkbook(bytes, { maxBytes: bytes.length })).resolves.toMatchObject({ fileName: "sổ tính" });
  });

  it("does not mark a sheet within the limits as truncated", async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet("Nhỏ").getCell("J20").value = 1;
    });
    const read = await readWorkbook(bytes, { maxRows: 20, maxColumns: 10 });
    expect(read.grids[0].truncated).toBeUndefined();
    expect(read.grids[0].rows).toHaveLength(20);
    expect(read.notes).toEqual([]);
  });
});

describe("readWorkbook: files that are not readable workbooks", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await bytesOf((workbook) => {
      workbook.addWorksheet("A").getCell("A1").value = "STT";
    });
  });

  async function failure(bytes: Uint8Array, name: string): Promise<PhuLucError> {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const error = await readWorkbook(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PhuLucError);
    expect((error as PhuLucError).messageVi).toContain(`“${name}”`);
    return error as PhuLucError;
  }

  it("names an Excel 97-2003 file and says to save it as .xlsx", async () => {
    const error = await failure(legacyXlsBytes(), "bao-cao-cu.xlsx");
    expect(error.code).toBe("legacy-xls");
    expect(error.messageVi).toBe(
      "Tệp “bao-cao-cu.xlsx” là định dạng Excel 97-2003 (.xls); hãy mở trong Excel và Lưu thành .xlsx.",
    );
  });

  it("tells a password-protected workbook from an old .xls", async () => {
    const error = await failure(encryptedXlsxBytes(), "mat-khau.xlsx");
    expect(error.code).toBe("encrypted");
    expect(error.messageVi).toMatch(/mật khẩu/);
  });

  it("rejects random bytes, a renamed text file, an empty file and a zip that is no workbook", async () => {
    expect((await failure(randomBytes(5000), "nhieu.xlsx")).code).toBe("not-xlsx");
    expect((await failure(textFileBytes(), "bang.csv.xlsx")).code).toBe("not-xlsx");
    expect((await failure(new Uint8Array(0), "rong.xlsx")).code).toBe("not-xlsx");
    expect((await failure(emptyZipBytes(), "nen.xlsx")).code).toBe("not-xlsx");
  });

  it("says what an .ods, an .xlsb or a Word file is", async () => {
    const ods = await failure(odsBytes(), "bang-tinh.xlsx");
    expect(ods.messageVi).toMatch(
      /bảng tính OpenDocument \(\.ods\); hãy mở bằng LibreOffice hoặc Excel và Lưu thành \.xlsx/,
    );
    const xlsb = await failure(xlsbBytes(), "nhi-phan.xlsb");
    expect(xlsb.messageVi).toMatch(/sổ tính nhị phân Excel \(\.xlsb\)/);
    const docx = await failure(docxBytes(), "van-ban.xlsx");
    expect(docx.messageVi).toMatch(/tệp nén \(zip\) nhưng không phải sổ tính Excel/);
    expect([ods.code, xlsb.code, docx.code]).toEqual(["not-xlsx", "not-xlsx", "not-xlsx"]);
  });

  it("calls a damaged .xlsx corrupt", async () => {
    const error = await failure(truncatedCopy(good), "hong.xlsx");
    expect(error.code).toBe("corrupt");
    expect(error.messageVi).toMatch(/bị hỏng/);
  });

  it("says when the file does not exist", async () => {
    const error = await readWorkbook(join(dir, "khong-co.xlsx")).catch((e: PhuLucError) => e);
    expect(error).toMatchObject({ code: "file-not-found" });
    expect((error as PhuLucError).messageVi).toContain("“khong-co.xlsx”");
  });
});

describe("readWorkbook: the input is only read", () => {
  it("leaves the file's bytes and modification time as they were", async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet("A").getCell("A1").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    });
    const path = join(dir, "giu-nguyen.xlsx");
    writeFileSync(path, bytes);
    const before = statSync(path).mtimeMs;
    await readWorkbook(path);
    expect(statSync(path).mtimeMs).toBe(before);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });

  it("accepts an ArrayBuffer (as the browser gives it) without changing it", async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet("A").getCell("A1").value = 5;
    });
    const copy = bytes.slice();
    const read = await readWorkbook(copy.buffer);
    expect(read.fileName).toBe("sổ tính");
    expect(read.grids[0].rows[0][0]).toEqual({ value: 5 });
    expect(copy).toEqual(bytes);
  });
});
