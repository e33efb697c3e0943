/**
 * The review records put into a workbook's own parts (WorkbookFile): the very hidden `PhuLuc` sheet (the rows
 * of engine/review/store.ts) and `Tình trạng nộp` rendered from them, each a whole list sheet (listSheet.ts).
 * The one writer of the records into an .xlsx: the merge puts them with the consolidated sheets
 * (writeConsolidated.ts); approve, return, explain and the pane's file mode put them alone into a file that
 * exists (reviewStoreFile.ts), every other part of it kept as it was.
 *
 * `veryHidden` (`<sheet state="veryHidden">`, CT_Sheet §18.2.19): Excel's Unhide dialog does not list the
 * sheet, so nobody edits the records by accident; Office.js reads it as `Excel.SheetVisibility.veryHidden`.
 */
import type { CellValue } from "../../../engine/grid";
import {
  REVIEW_SHEET_NAME,
  STATUS_SHEET_NAME,
  reviewSheetRows,
  statusSheetRows,
  type ReviewStore,
} from "../../../engine/review";
import { listSheetXml } from "./listSheet";
import type { WorkbookFile } from "./package";
import { serialDay } from "./serialDay";
import type { StylePatch } from "./styles";

const STATUS_WIDTHS = [14, 12, 28, 18, 66, 6, 9, 13, 18, 18];

/** The very hidden PhuLuc records sheet, and Tình trạng nộp when there are statuses (else a stale one removed). */
export function putReviewStore(file: WorkbookFile<StylePatch>, store: ReviewStore): void {
  const common = { strings: file.strings, styles: file.styles };
  const records = reviewSheetRows(store).map((row) => row.map((value) => recordValue(value, file.date1904)));
  // Text stays text when someone's Excel reopens it (`=…`, a date-like time, a long hash).
  file.putSheet(REVIEW_SHEET_NAME, listSheetXml(records, { ...common, textFormat: true }), "veryHidden");
  if (store.statuses.length === 0) {
    if (file.sheet(STATUS_SHEET_NAME)) file.removeSheet(STATUS_SHEET_NAME);
  } else {
    file.putSheet(
      STATUS_SHEET_NAME,
      listSheetXml(statusSheetRows(store.statuses), { ...common, header: true, widths: STATUS_WIDTHS }),
    );
  }
}

/** A record's field as a list sheet cell: a date as its serial, TRUE/FALSE as the words Excel shows. */
function recordValue(value: CellValue, date1904: boolean): string | number | null {
  if (value instanceof Date) return serialDay(value, date1904);
  return typeof value === "boolean" ? String(value).toUpperCase() : value;
}
