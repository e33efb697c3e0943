/**
 * What the user is told when the consolidated template cannot be patched. The reader reads past XML whose tags
 * do not nest (ooxml/xml.ts), so a template it accepted may still have a part a patch cannot rewrite: an unclosed
 * `<sheetData>` or `<row>`, an empty styles part. The patch modules throw the reader's XmlError there, and the
 * one that holds the part (WorkbookFile, WorksheetXml) makes it this message naming the part or sheet: Excel
 * repairs such a file when it opens it, so saving it again from Excel is the way out. Other errors are bugs and
 * stay as they are.
 */
import { PhuLucError, type Bilingual } from "../../../engine/errors";
import { XmlError } from "../ooxml/xml";

export const sheetPlace = (sheet: string): Bilingual => ({ vi: `trang “${sheet}”`, en: `sheet “${sheet}”` });
export const partPlace = (part: string): Bilingual => ({ vi: `phần “${part}”`, en: `part “${part}”` });

/** `error` as the user's message when it is an XmlError (XML a patch cannot read) in `place`; else as it is. */
export function templateXmlError(error: unknown, place: Bilingual): unknown {
  return error instanceof XmlError ? damagedTemplate(place, error) : error;
}

/** The template's XML at `place` is broken in a way a patch cannot rewrite. */
export function damagedTemplate(place: Bilingual, cause: XmlError): PhuLucError {
  return new PhuLucError(
    "bad-template",
    `Mẫu tổng hợp bị hỏng ở ${place.vi} (XML không đúng cấu trúc) nên PhuLuc không ghi vào được. Hãy mở mẫu trong ` +
      `Excel (đồng ý nếu Excel hỏi có sửa tệp không), lưu lại rồi tổng hợp lại.`,
    `The consolidated template is damaged in ${place.en} (malformed XML), so PhuLuc cannot write into it. Open the ` +
      `template in Excel (agree if Excel offers to repair it), save it and merge again.`,
    { cause },
  );
}

/** A sheet PhuLuc writes whole (the log, the review records) whose name the template gives a sheet without cells. */
export function notAWorksheet(sheet: string): PhuLucError {
  return new PhuLucError(
    "bad-template",
    `Mẫu tổng hợp có trang “${sheet}” nhưng đó không phải trang tính có ô (trang biểu đồ, hoặc phần chứa trang đã ` +
      `mất) nên PhuLuc không ghi trang “${sheet}” của mình vào được. Hãy xoá hoặc đổi tên trang đó trong Excel, lưu ` +
      `lại rồi tổng hợp lại.`,
    `The consolidated template has a sheet “${sheet}” that is not a worksheet (a chart sheet, or its part is ` +
      `missing), so PhuLuc cannot write its own “${sheet}” sheet. Delete or rename that sheet in Excel, save it and ` +
      `merge again.`,
  );
}
