/**
 * The review round's sheets in an .xlsx workbook (exceljs), for the CLI and the pane's file mode:
 * the very hidden `PhuLuc` sheet (records, engine/review/store.ts), the visible `Tình trạng nộp`
 * sheet rendered from them, list sheets (Giải trình, the feedback's findings), and the findings as
 * cell notes. Reading needs nothing here: `readWorkbook` reads PhuLuc like any sheet and
 * `reviewStoreOf(read.grids)` parses it.
 *
 * `veryHidden` (exceljs `WorksheetState`, written as `<sheet state="veryHidden">` in workbook.xml):
 * Excel's Unhide dialog does not list the sheet, so nobody edits the records by accident; Office.js
 * reads it as `Excel.SheetVisibility.veryHidden`.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../../engine/finding";
import { parseA1 } from "../../engine/grid";
import {
  REVIEW_SHEET_NAME,
  STATUS_SHEET_NAME,
  findingNote,
  reviewSheetRows,
  statusSheetRows,
  type ReviewStore,
} from "../../engine/review";

function replaceSheet(workbook: ExcelJS.Workbook, name: string, state: ExcelJS.WorksheetState): ExcelJS.Worksheet {
  const existing = workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (existing) workbook.removeWorksheet(existing.id);
  return workbook.addWorksheet(name, { state });
}

/** A plain list sheet: bold frozen header, the given column widths. */
export function writeListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: (string | number)[][],
  widths: number[] = [],
): ExcelJS.Worksheet {
  const sheet = replaceSheet(workbook, name, "visible");
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return sheet;
}

/**
 * Writes the store into the workbook's very hidden PhuLuc sheet (replacing it), and the Tình trạng nộp sheet when
 * there are statuses; without any, an old Tình trạng nộp is removed rather than left showing stale units.
 */
export function writeReviewStore(workbook: ExcelJS.Workbook, store: ReviewStore): void {
  const sheet = replaceSheet(workbook, REVIEW_SHEET_NAME, "veryHidden");
  for (const values of reviewSheetRows(store)) {
    const row = sheet.addRow(values);
    // Text stays text when someone's Excel reopens it (`=…`, a date-like time, a long hash).
    row.eachCell((cell) => {
      if (typeof cell.value === "string") cell.numFmt = "@";
    });
  }
  if (store.statuses.length === 0) {
    const stale = workbook.worksheets.find((ws) => ws.name.toLowerCase() === STATUS_SHEET_NAME.toLowerCase());
    if (stale) workbook.removeWorksheet(stale.id);
  } else {
    writeListSheet(
      workbook,
      STATUS_SHEET_NAME,
      statusSheetRows(store.statuses),
      [14, 12, 28, 18, 66, 6, 9, 13, 18, 18],
    );
  }
}

/** An exceljs note as plain text (a rich-text note's runs joined). */
function noteText(note: string | ExcelJS.Comment | undefined): string {
  return typeof note === "string" ? note : (note?.texts?.map((t) => t.text).join("") ?? "");
}

/** Each finding as a note on its cell (after the cell's own note, if it has one). */
export function addFindingNotes(sheet: ExcelJS.Worksheet, findings: readonly Finding[]): number {
  const byCell = new Map<string, string[]>();
  for (const f of findings) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), findingNote(f)]);
  for (const [address, notes] of byCell) {
    const at = parseA1(address);
    if (!at) continue;
    const own = noteText(sheet.findCell(at.row + 1, at.col + 1)?.note);
    sheet.getCell(at.row + 1, at.col + 1).note = [own, ...notes].filter(Boolean).join("\n\n");
  }
  return byCell.size;
}
