/**
 * What Excel's refusals mean to the user. An Office.js request that fails rejects with an OfficeExtension.Error
 * whose `code` names the cause; its `message` "isn't intended for consumption by end users; you should use the
 * error code … to determine the error message that your add-in shows" (learn.microsoft.com, "Error handling with
 * the application-specific JavaScript APIs", Error codes and messages). So the pane turns the code into a
 * sentence that says what to do, in Vietnamese first; an unknown code is still named, so support can look it up.
 */
import type { Bilingual } from "../../engine/errors";

/** The codes a user can do something about, from that page's tables; the rest share the generic sentence. */
const BY_CODE: Record<string, Bilingual> = {
  AccessDenied: {
    vi: "trang tính hoặc sổ làm việc đang được bảo vệ, hay bạn chỉ có quyền xem; bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) hoặc mở bản có quyền sửa rồi thử lại",
    en: "the sheet or workbook is protected, or you may only view it; unprotect it (Review › Unprotect Sheet) or open an editable copy and try again",
  },
  InvalidOperationInCellEditMode: {
    vi: "Excel đang ở chế độ sửa ô; nhấn Enter hoặc Esc để thoát khỏi ô đang gõ rồi thử lại",
    en: "Excel is editing a cell; press Enter or Esc to leave the cell you are typing in, then try again",
  },
  ItemNotFound: {
    vi: "không còn thấy trang tính hoặc ô cần dùng (có thể đã bị đổi tên hoặc xoá); hãy kiểm tra lại rồi thử lại",
    en: "the sheet or cell it needs is no longer there (renamed or deleted?); check the workbook and try again",
  },
  InactiveWorkbook: {
    vi: "đang mở nhiều sổ làm việc và sổ này không còn được chọn; bấm vào cửa sổ của sổ này rồi thử lại",
    en: "several workbooks are open and this one lost focus; click into its window and try again",
  },
  InsertDeleteConflict: {
    vi: "không chèn hoặc xoá được dòng ở đây (vướng bảng, ô gộp hoặc bộ lọc); bỏ bộ lọc hoặc tách ô gộp rồi thử lại",
    en: "rows could not be inserted or deleted here (a table, merged cells or a filter is in the way); clear the filter or unmerge and try again",
  },
  FilteredRangeConflict: {
    vi: "vùng đang bật bộ lọc; bỏ lọc (Dữ liệu › Xoá bộ lọc) rồi thử lại",
    en: "the range is filtered; clear the filter (Data › Clear) and try again",
  },
  MergedRangeConflict: {
    vi: "vướng ô gộp; tách ô gộp ở vùng này rồi thử lại",
    en: "merged cells are in the way; unmerge them and try again",
  },
  RequestPayloadSizeLimitExceeded: {
    vi: "dữ liệu gửi sang Excel vượt giới hạn 5 MB của Excel trên web; hãy dùng Excel trên máy tính cho sổ lớn như vậy",
    en: "the data sent to Excel exceeds Excel on the web's 5 MB limit; use desktop Excel for a workbook this large",
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: "dữ liệu Excel trả về vượt giới hạn 5 MB của Excel trên web; hãy dùng Excel trên máy tính cho sổ lớn như vậy",
    en: "the data Excel returned exceeds Excel on the web's 5 MB limit; use desktop Excel for a workbook this large",
  },
  MemoryLimitReached: {
    vi: "Excel hết bộ nhớ cho thao tác này; đóng bớt sổ làm việc khác rồi thử lại",
    en: "Excel ran out of memory for this; close other workbooks and try again",
  },
  ActivityLimitReached: {
    vi: "Excel đang bận vì quá nhiều thao tác liên tiếp; chờ một lát rồi thử lại",
    en: "Excel is busy with too many requests in a row; wait a moment and try again",
  },
  GeneralException: {
    vi: "Excel gặp lỗi bên trong hoặc mất kết nối (mã GeneralException); thử lại, nếu vẫn lỗi hãy lưu sổ, mở lại rồi làm lại",
    en: "Excel had an internal error or lost its connection (code GeneralException); try again, and if it fails again save, reopen and redo it",
  },
  ApiNotFound: {
    vi: "phiên bản Excel này chưa có chức năng cần dùng; hãy cập nhật Office",
    en: "this version of Excel lacks a function PhuLuc needs; update Office",
  },
};

/** True for a rejection that came from Excel: office.js names its OfficeExtension.Error `RichApi.Error` (`name="RichApi.Error"` in dist/excel-*.js) and gives it a string `code`. */
export function isExcelError(error: unknown): error is { code: string; message?: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    (error as { name?: unknown }).name === "RichApi.Error"
  );
}

/** What Excel's refusal means, as a clause to put after "Excel báo:" / "Excel said:". */
export function excelReason(error: { code: string }): Bilingual {
  return (
    BY_CODE[error.code] ?? {
      vi: `Excel không thực hiện được yêu cầu (mã ${error.code}); thử lại, nếu vẫn lỗi hãy báo mã này cho bộ phận hỗ trợ`,
      en: `Excel could not carry out the request (code ${error.code}); try again, and if it fails again report this code to support`,
    }
  );
}

/** The whole message for an Excel refusal shown on its own. */
export function excelErrorMessage(error: { code: string }): Bilingual {
  const reason = excelReason(error);
  return { vi: `Excel từ chối: ${reason.vi}.`, en: `Excel refused: ${reason.en}.` };
}
