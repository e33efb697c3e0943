/**
 * The review round's sheets in the workbooks PhuLuc builds with exceljs (a unit's feedback, the submission
 * file): list sheets (the feedback's findings, Giải trình) and the findings as cell notes. The review records
 * themselves (very hidden `PhuLuc`, `Tình trạng nộp`) are patched into a workbook's own parts by
 * patch/reviewStore.ts; reading needs nothing here: `readWorkbook` reads PhuLuc like any sheet and
 * `reviewStoreOf(read.grids)` parses it.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../../engine/finding";
import { parseA1 } from "../../engine/grid";
import { findingNote } from "../../engine/review";

/** A plain list sheet (replacing one of the same name, compared as Excel does): bold frozen header, the given column widths. */
export function writeListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: (string | number)[][],
  widths: number[] = [],
): ExcelJS.Worksheet {
  const existing = workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(name);
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return sheet;
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
