/**
 * The review records written into a workbook that exists (workbookWithReviewStore): read back by PhuLuc's reader
 * and exceljs, and every part but the records' own sheets and the lists that name them kept byte for byte — on
 * the KHTC template whose chart, printer settings and dxf number format exceljs rewrote or dropped.
 */
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { PhuLucError } from "../../engine/errors";
import { reviewStoreOf, type ReviewStore } from "../../engine/review";
import { partChanges, partsOf } from "../../../test/helpers/packageParts";
import { MAIN_NS, plainWorksheet, xlsxFromParts, XML_DECLARATION } from "../../../test/helpers/xlsxFromParts";
import { DXF_NUMFMT, GUIDE, SHEET, khtcTemplate } from "../../../test/fixtures/khtcTemplate";
import { readWorkbook } from "./readWorkbook";
import { workbookWithReviewStore } from "./reviewStoreFile";

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

/** A unit's workbook as exceljs writes it: Phụ lục I with E17 = 100. */
async function unitWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Phụ lục I").getCell("E17").value = 100;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const names = async (bytes: Uint8Array) => (await readWorkbook(bytes)).grids.map((g) => g.name);

describe("the review records written into an existing workbook", () => {
  it("PhuLuc is very hidden, reads back as written, and Tình trạng nộp is visible", async () => {
    const bytes = await workbookWithReviewStore(await unitWorkbook(), store);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.getWorksheet("PhuLuc")?.state).toBe("veryHidden");
    expect(back.getWorksheet("Tình trạng nộp")?.state).toBe("visible");
    expect(back.getWorksheet("Tình trạng nộp")?.getCell("B2").value).toBe("Đã nhận");
    expect(back.getWorksheet("Phụ lục I")?.getCell("E17").value).toBe(100);
    expect(reviewStoreOf((await readWorkbook(bytes)).grids)).toEqual(store);
  });

  it("writing again replaces both sheets, never adds a second", async () => {
    const once = await workbookWithReviewStore(await unitWorkbook(), store);
    const twice = await workbookWithReviewStore(once, { ...store, explanations: [] });
    expect(await names(twice)).toEqual(["Phụ lục I", "PhuLuc", "Tình trạng nộp"]);
    expect(reviewStoreOf((await readWorkbook(twice)).grids)).toEqual({ ...store, explanations: [] });
    // The same parts rewritten: no sheetN.xml added for a sheet that is already there.
    expect(partChanges(once, twice).added).toEqual([]);
  });

  it("records without statuses remove an old Tình trạng nộp instead of leaving its stale units", async () => {
    const once = await workbookWithReviewStore(await unitWorkbook(), store);
    const bytes = await workbookWithReviewStore(once, { ...store, statuses: [] });
    expect(await names(bytes)).toEqual(["Phụ lục I", "PhuLuc"]);
  });

  it("the sheets PhuLuc protects are a record of their own, read back", async () => {
    const bytes = await workbookWithReviewStore(await unitWorkbook(), { ...store, protectedSheets: ["Phụ lục I"] });
    expect(reviewStoreOf((await readWorkbook(bytes)).grids)).toEqual({ ...store, protectedSheets: ["Phụ lục I"] });
  });

  it("keeps every other part of the KHTC template byte for byte: chart, printer settings, the dxf's number format", async () => {
    const template = await khtcTemplate();
    const bytes = await workbookWithReviewStore(template, store);
    // Decided by hand: the two records' sheets are new parts after the template's sheet1 and sheet2; only the lists
    // that name them (workbook, its relationships, content types) and the ones their cells add to change.
    expect(partChanges(template, bytes)).toEqual({
      changed: [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
        "xl/workbook.xml",
      ],
      added: ["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"],
      removed: [],
    });
    // exceljs wrote this dxf's format as formatCode="[object Object]"; appended to, styles.xml keeps it as written.
    const styles = strFromU8(partsOf(bytes)["xl/styles.xml"]);
    expect(styles).toContain(`<numFmt numFmtId="${DXF_NUMFMT.id}" formatCode="#,##0&quot; tr.đ&quot;"/>`);
    const [before, after] = [await readWorkbook(template), await readWorkbook(bytes)];
    expect(after.grids.map((g) => g.name)).toEqual([SHEET, GUIDE, "PhuLuc", "Tình trạng nộp"]);
    expect(after.grids.slice(0, 2)).toEqual(before.grids);
  });

  it("a file whose parts PhuLuc cannot patch is refused with a message naming it, never a raw error", async () => {
    // A styles part with no <styleSheet> content: the records' text format has nowhere to go.
    const broken = xlsxFromParts(
      {
        "xl/worksheets/sheet1.xml": plainWorksheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
        "xl/styles.xml": `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}"/>`,
      },
      ["Phụ lục I"],
    );
    const failure = await workbookWithReviewStore(broken, store, { fileName: "DV01.xlsx" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PhuLucError);
    expect(failure).toMatchObject({ code: "write-failed" });
    expect((failure as PhuLucError).messageVi).toBe(
      "Tệp “DV01.xlsx” bị hỏng ở phần “xl/styles.xml” (XML không đúng cấu trúc) nên PhuLuc không ghi vào được. Hãy " +
        "mở tệp trong Excel (đồng ý nếu Excel hỏi có sửa tệp không), lưu lại rồi thử lại (giải trình và tình trạng " +
        "nộp chưa được ghi).",
    );
  });
});
