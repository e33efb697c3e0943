import ExcelJS from "exceljs";
import { reviewStoreOf, type ReviewStore } from "../../engine/review";
import { readWorkbook } from "./readWorkbook";
import { sha256Hex } from "../sha256";
import { addFindingNotes, writeReviewStore } from "./reviewSheets";
import type { Finding } from "../../engine/finding";

const store: ReviewStore = {
  explanations: [
    {
      sheet: "Phụ lục I",
      key: "linh vuc|so thue bao",
      rule: "attainment-mismatch",
      label: "Số thuê bao",
      cell: "E17",
      text: "=22/23 theo chỉ tiêu điều chỉnh",
      by: "Lan",
      at: "2026-12-02T09:00:00.000Z",
    },
  ],
  statuses: [
    {
      unit: "CNTT-BCVT",
      state: "da-nhan",
      file: "CNTT-BCVT.xlsx",
      sha256: "0123",
      errors: 1,
      warnings: 0,
      explained: 1,
      by: "",
      at: "2026-12-02T10:00:00.000Z",
    },
    { unit: "TTBCXB", state: "chua-nop", by: "", at: "2026-12-02T10:00:00.000Z" },
  ],
  preserved: [],
};

async function written(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Phụ lục I").getCell("E17").value = 100;
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("the review sheets in an .xlsx file", () => {
  it("PhuLuc is very hidden, reads back as written, and Tình trạng nộp is visible", async () => {
    const bytes = await written((workbook) => writeReviewStore(workbook, store));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.getWorksheet("PhuLuc")?.state).toBe("veryHidden");
    expect(back.getWorksheet("Tình trạng nộp")?.state).toBe("visible");
    expect(back.getWorksheet("Tình trạng nộp")?.getCell("B2").value).toBe("Đã nhận");
    const read = await readWorkbook(bytes);
    expect(reviewStoreOf(read.grids)).toEqual(store);
  });

  it("writing again replaces both sheets, never adds a second", async () => {
    const bytes = await written((workbook) => {
      writeReviewStore(workbook, store);
      writeReviewStore(workbook, { ...store, explanations: [] });
    });
    const read = await readWorkbook(bytes);
    expect(read.grids.map((g) => g.name)).toEqual(["Phụ lục I", "PhuLuc", "Tình trạng nộp"]);
    expect(reviewStoreOf(read.grids).explanations).toEqual([]);
  });

  it("records without statuses remove an old Tình trạng nộp instead of leaving its stale units", async () => {
    const bytes = await written((workbook) => {
      writeReviewStore(workbook, store);
      writeReviewStore(workbook, { ...store, statuses: [] });
    });
    const read = await readWorkbook(bytes);
    expect(read.grids.map((g) => g.name)).toEqual(["Phụ lục I", "PhuLuc"]);
  });

  it("the sheets PhuLuc protects are a record of their own, read back", async () => {
    const bytes = await written((workbook) => writeReviewStore(workbook, { ...store, protectedSheets: ["Phụ lục I"] }));
    expect(reviewStoreOf((await readWorkbook(bytes)).grids)).toEqual({ ...store, protectedSheets: ["Phụ lục I"] });
  });

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
