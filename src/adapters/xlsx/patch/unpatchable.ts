/**
 * A part of a workbook a patch cannot rewrite. The reader reads past XML whose tags do not nest (ooxml/xml.ts),
 * so a file it accepted may still have a part a patch cannot rewrite: an unclosed `<sheetData>` or `<row>`, an
 * empty styles part; or a sheet PhuLuc writes whole may have its name taken by a sheet without cells. The patch
 * modules throw the reader's XmlError there, and the one that holds the part (WorkbookFile, WorksheetXml) makes
 * it an UnpatchablePart saying where and the way out (Excel repairs such a file when it opens it, so saving it
 * again from Excel is usually that). The caller, which knows whose file it is — the consolidated template
 * (writeConsolidated), a workbook the review records go into (reviewStoreFile) — makes it the user's message.
 * Other errors are bugs and stay as they are.
 */
import { PhuLucError, type Bilingual, type PhuLucErrorCode } from "../../../engine/errors";
import { XmlError } from "../ooxml/xml";

export class UnpatchablePart extends Error {
  /** `problem` follows the file's name (“… bị hỏng ở phần …”); `remedy` follows “Hãy” (“mở trong Excel …”). */
  constructor(
    readonly problem: Bilingual,
    readonly remedy: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(problem.en, options);
    this.name = "UnpatchablePart";
  }
}

export const sheetPlace = (sheet: string): Bilingual => ({ vi: `trang “${sheet}”`, en: `sheet “${sheet}”` });
export const partPlace = (part: string): Bilingual => ({ vi: `phần “${part}”`, en: `part “${part}”` });

/** `error` as an UnpatchablePart when it is an XmlError (XML a patch cannot read) in `place`; else as it is. */
export function xmlProblem(error: unknown, place: Bilingual): unknown {
  return error instanceof XmlError ? damaged(place, error) : error;
}

/** The XML at `place` is broken in a way a patch cannot rewrite. */
export function damaged(place: Bilingual, cause: XmlError): UnpatchablePart {
  return new UnpatchablePart(
    { vi: `bị hỏng ở ${place.vi} (XML không đúng cấu trúc)`, en: `is damaged in ${place.en} (malformed XML)` },
    {
      vi: "mở tệp trong Excel (đồng ý nếu Excel hỏi có sửa tệp không), lưu lại",
      en: "open it in Excel (agree if Excel offers to repair it), save it",
    },
    { cause },
  );
}

/** A sheet PhuLuc writes whole (the log, the review records) whose name the file gives a sheet without cells. */
export function notAWorksheet(sheet: string): UnpatchablePart {
  return new UnpatchablePart(
    {
      vi: `có trang “${sheet}” không phải trang tính có ô (trang biểu đồ, hoặc phần chứa trang đã mất), trùng tên trang PhuLuc ghi`,
      en: `has a sheet “${sheet}” that is not a worksheet (a chart sheet, or its part is missing), the name of a sheet PhuLuc writes`,
    },
    { vi: "xoá hoặc đổi tên trang đó trong Excel, lưu lại", en: "delete or rename that sheet in Excel, save it" },
  );
}

/**
 * The user's message for `error` in the file `subject` names (`Mẫu tổng hợp`, `Tệp “DV01.xlsx”`), ending with
 * what to do once it is saved again (`tổng hợp lại`).
 */
export function cannotPatch(
  error: UnpatchablePart,
  code: PhuLucErrorCode,
  subject: Bilingual,
  then: Bilingual,
): PhuLucError {
  return new PhuLucError(
    code,
    `${subject.vi} ${error.problem.vi} nên PhuLuc không ghi vào được. Hãy ${error.remedy.vi} rồi ${then.vi}.`,
    `${subject.en} ${error.problem.en}, so PhuLuc cannot write into it. ${capitalised(error.remedy.en)} and ${then.en}.`,
    { cause: error },
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
