import { fakeContext, fakeSheetFromRows } from "../../test/fakes/fakeExcel";
import { selectCell } from "../adapters/excel/cells";
import { PhuLucError } from "../engine/errors";
import { shownError } from "./shownError";

describe("shownError: what the pane says when an action fails", () => {
  it("turns Excel's refusal into a sentence that says what to do, not its code alone", async () => {
    // The user renamed the sheet after checking it; choosing a finding then selects a cell on a sheet now gone.
    const { context } = fakeContext({
      sheets: [fakeSheetFromRows("Phụ lục II (sửa)", [])],
      activeSheet: "Phụ lục II (sửa)",
      settings: {},
    });
    const failure = await selectCell(context, "Phụ lục II", "D19").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(shownError(failure)).toEqual({
      vi: "Excel từ chối: không còn thấy trang tính hoặc ô cần dùng (có thể đã bị đổi tên hoặc xoá); hãy kiểm tra lại rồi thử lại.",
      en: "Excel refused: the sheet or cell it needs is no longer there (renamed or deleted?); check the workbook and try again.",
    });
  });

  it("names a code it has no sentence for, so support can look it up", () => {
    const refusal = Object.assign(new Error("…"), { name: "RichApi.Error", code: "UnsupportedSheet" });
    expect(shownError(refusal).vi).toBe(
      "Excel từ chối: Excel không thực hiện được yêu cầu (mã UnsupportedSheet); thử lại, nếu vẫn lỗi hãy báo mã này cho bộ phận hỗ trợ.",
    );
  });

  it("keeps PhuLuc's own messages and says an unforeseen error is one", () => {
    expect(shownError(new PhuLucError("corrupt", "Tệp hỏng.", "Corrupt file."))).toEqual({
      vi: "Tệp hỏng.",
      en: "Corrupt file.",
    });
    // A Node error with a code is not Excel's: its message is shown as it is.
    const nodeError = Object.assign(new Error("hết bộ nhớ"), { code: "ENOMEM" });
    expect(shownError(nodeError).vi).toBe("Lỗi không mong đợi: hết bộ nhớ");
  });
});
