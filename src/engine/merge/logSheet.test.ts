import { budgetMergeCase } from "../../../test/fixtures/mergeCases";
import { gridFromValues } from "../grid";
import { recogniseTable } from "../recognise";
import { templateSheets } from "./inputs";
import { isMergeLogSheet, LOG_SHEET_NAME, logSheetRows } from "./logSheet";

describe("isMergeLogSheet", () => {
  it("knows the log sheet however its name is typed, and Excel's copy of it", () => {
    for (const name of [
      LOG_SHEET_NAME,
      "NHẬT KÝ TỔNG HỢP",
      " Nhật  ký tổng hợp ",
      LOG_SHEET_NAME.normalize("NFD"),
      "Nhat ky tong hop",
      "Nhật ký tổng hợp (2)",
    ]) {
      expect(isMergeLogSheet(name)).toBe(true);
    }
  });

  it("near misses: the user's own Nhật ký sheets are not the log", () => {
    for (const name of ["Nhật ký", "Nhật ký công tác", "Nhật ký tổng hợp cũ", "Phụ lục I", "Nhật ký tổng hợp (a)"]) {
      expect(isMergeLogSheet(name)).toBe(false);
    }
  });
});

describe("templateSheets", () => {
  it("never takes an earlier merge's log for a Phụ lục to fill, though it reads like a kinh-phi table", () => {
    const { template, result } = budgetMergeCase();
    // A stand-in's note, as when an item's owner unit has not sent yet: with it a log row reads as a header.
    const standIn = "Đơn vị chủ trì chưa gửi; lấy tạm giá trị này.";
    const entries = result.log.map((entry, i) => (i === 0 ? { ...entry, note: standIn } : entry));
    const log = gridFromValues(LOG_SHEET_NAME, logSheetRows(entries));
    expect(recogniseTable(log).table?.template.id).toBe("kinh-phi");
    expect(templateSheets([template.grid, log]).map((sheet) => sheet.grid.name)).toEqual([template.grid.name]);
  });
});
