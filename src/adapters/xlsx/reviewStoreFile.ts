/**
 * File mode (no Excel): a copy of a workbook's bytes with its PhuLuc records replaced (reviewSheets.ts writes
 * them: the very hidden PhuLuc sheet, and Tình trạng nộp when there are statuses). The user's file is never
 * written: the pane offers the copy for download.
 */
import ExcelJS from "exceljs";
import type { ReviewStore } from "../../engine/review";
import { loadKeepingNumFmts } from "./exceljsLoad";
import { writeReviewStore } from "./reviewSheets";

export async function workbookWithReviewStore(bytes: ArrayBuffer, store: ReviewStore): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await loadKeepingNumFmts(workbook, bytes);
  writeReviewStore(workbook, store);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
