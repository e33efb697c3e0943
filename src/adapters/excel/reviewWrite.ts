/**
 * The review round's sheets in the open workbook (spec §10): the very hidden `PhuLuc` records and the visible
 * `Tình trạng nộp` rendered from them, both replaced. Queued into the caller's batch (Áp dụng) after the
 * look-up rode on its first sync, or written alone (Trả lại / Đã duyệt): one sync to look up, one batch. Given the
 * merge result in the workbook, Trả lại / Đã duyệt also lock the approved units' cells (protection.ts) in that batch.
 */
import { reviewSheetRows, REVIEW_SHEET_NAME, STATUS_SHEET_NAME, statusSheetRows } from "../../engine/review";
import type { ReviewStore } from "../../engine/review";
import { a1 } from "../../engine/grid";
import type { MergeResult } from "../../engine/merge";
import { queueReplaceSheet } from "./hiddenSheet";
import { queueProtect, queueProtectionLookUp, queueUnprotect } from "./protection";

export interface ReviewSheetsLookUp {
  records: Excel.Worksheet;
  status: Excel.Worksheet;
}

/** Queues the look-up of both sheets, to ride on the caller's next sync. */
export function queueReviewLookUp(context: Excel.RequestContext): ReviewSheetsLookUp {
  const sheets = context.workbook.worksheets;
  const records = sheets.getItemOrNullObject(REVIEW_SHEET_NAME);
  const status = sheets.getItemOrNullObject(STATUS_SHEET_NAME);
  records.load("name");
  status.load("name");
  return { records, status };
}

/**
 * Queues the replacement of both sheets (after the look-up's sync). Without statuses there is no Tình trạng nộp:
 * an old one is deleted, not left to show units the records no longer hold.
 */
export function queueReviewSheets(context: Excel.RequestContext, found: ReviewSheetsLookUp, store: ReviewStore): void {
  queueReplaceSheet(context, found.records, REVIEW_SHEET_NAME, reviewSheetRows(store)).visibility = "VeryHidden";
  if (store.statuses.length === 0) {
    if (!found.status.isNullObject) found.status.delete();
    return;
  }
  const rows = statusSheetRows(store.statuses);
  const status = queueReplaceSheet(context, found.status, STATUS_SHEET_NAME, rows);
  status.getRange(`A1:${a1(0, rows[0].length - 1)}`).format.font.bold = true;
  status.freezePanes.freezeRows(1);
}

/**
 * Replaces both sheets in the open workbook and, given the merge result the workbook holds, sets the approved
 * units' locks: two syncs. Returns the records written (with the sheets PhuLuc protects).
 */
export async function writeReviewSheets(
  context: Excel.RequestContext,
  store: ReviewStore,
  applied?: MergeResult,
): Promise<ReviewStore> {
  const found = queueReviewLookUp(context);
  const protection = applied && queueProtectionLookUp(context, applied, store);
  await context.sync();
  if (protection) queueUnprotect(protection, false);
  const written = protection?.store ?? store;
  queueReviewSheets(context, found, written);
  if (protection) queueProtect(protection);
  await context.sync();
  return written;
}
