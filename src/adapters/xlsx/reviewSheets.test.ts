import ExcelJS from "exceljs";
import { sha256Hex } from "../sha256";
import { addFindingNotes } from "./reviewSheets";
import type { Finding } from "../../engine/finding";

describe("the review sheets of the workbooks PhuLuc builds", () => {
  it("findings become notes on their cells, after the cell's own note", async () => {
    const finding = {
      rule: "attainment-mismatch",
      severity: "error",
      sheet: "Phụ lục I",
      cell: "E17",
      message: "Ô E17: sai.",
    } as Finding;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Phụ lục I");
    // exceljs reads back notes of cells that hold a value only (an empty cell's note is written, and Excel shows it).
    sheet.getCell("E17").value = 100;
    sheet.getCell("E17").note = "Ghi chú của đơn vị";
    expect(addFindingNotes(sheet, [finding, { ...finding, rule: "numbering", severity: "warning" } as Finding])).toBe(
      1,
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const note = back.getWorksheet("Phụ lục I")!.getCell("E17").note;
    const text = typeof note === "string" ? note : note.texts!.map((t) => t.text).join("");
    expect(text).toBe(
      "Ghi chú của đơn vị\n\nLỗi [attainment-mismatch]: Ô E17: sai.\n\nCảnh báo [numbering]: Ô E17: sai.",
    );
  });

  it("hashes bytes with SHA-256 (the FIPS 180-2 test vector for “abc”)", async () => {
    expect(await sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
