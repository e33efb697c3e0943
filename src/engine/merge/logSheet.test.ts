import { isMergeLogSheet, LOG_SHEET_NAME } from "./logSheet";

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
