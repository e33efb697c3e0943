/**
 * Áp dụng: writes a merge result into the open workbook in ONE batch (one sync): rows inserted or
 * deleted where kinh-phi/dịch vụ công changed length, the consolidated values, and the
 * `Nhật ký tổng hợp` sheet (replaced when it exists). With `previous` (an earlier result already
 * applied, e.g. before a conflict was settled) only the cells that changed are written.
 */
import type { CellValue } from "../../engine/grid";
import { a1 } from "../../engine/grid";
import { PhuLucError } from "../../engine/errors";
import type { MergeResult, SheetPatch } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows, type NotMerged } from "../../engine/merge/logSheet";
import { changedCells } from "../../engine/merge/patch";
import { becomesFormula, TEXT_FORMAT } from "./textValues";

export interface MergeWriteOptions {
  /** Sheet names of the workbook (known from reading it): decides whether the log sheet is replaced. */
  existingSheets: string[];
  /** The result written last time, when the user settles a conflict after Áp dụng. */
  previous?: MergeResult;
  notMerged?: NotMerged[];
}

/** Office.js keeps a cell when given null: an empty string clears it. Dates go in as yyyy-mm-dd text. */
function excelValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** Runs of adjacent cells in one row: one range write each instead of one per cell. */
function segments(writes: SheetPatch["writes"]): SheetPatch["writes"][] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: SheetPatch["writes"][] = [];
  for (const write of sorted) {
    const last = out[out.length - 1];
    const tail = last?.[last.length - 1];
    if (tail && tail.row === write.row && tail.col === write.col) last[last.length - 1] = write;
    else if (tail && tail.row === write.row && tail.col + 1 === write.col) last.push(write);
    else out.push([write]);
  }
  return out;
}

function queuePatch(sheet: Excel.Worksheet, patch: SheetPatch): void {
  const change = patch.rowChange;
  if (change && change.delta > 0) {
    sheet.getRange(`${change.at + 1}:${change.at + change.delta}`).insert("Down");
  } else if (change && change.delta < 0) {
    sheet.getRange(`${change.at + 1}:${change.at - change.delta}`).delete("Up");
  }
  for (const run of segments(patch.writes)) {
    const first = run[0];
    const address =
      run.length === 1
        ? a1(first.row, first.col)
        : `${a1(first.row, first.col)}:${a1(first.row, first.col + run.length - 1)}`;
    const range = sheet.getRange(address);
    // Formats go first: a text cell must be "@" before its value arrives (textValues.ts).
    const formats = run.map((w) => (becomesFormula(w.value) ? TEXT_FORMAT : w.numFmt));
    if (formats.every(Boolean)) range.numberFormat = [formats as string[]];
    else {
      run.forEach((w, i) => {
        if (formats[i]) sheet.getRange(a1(w.row, w.col)).numberFormat = [[formats[i]!]];
      });
    }
    range.values = [run.map((w) => excelValue(w.value))];
  }
}

export async function mergeWrite(
  context: Excel.RequestContext,
  result: MergeResult,
  options: MergeWriteOptions,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  for (const merged of result.sheets) {
    const before = options.previous?.sheets.find((s) => s.sheet === merged.sheet);
    const patch = before ? changedCells(before, merged) : merged.patch;
    if (!patch) {
      throw new PhuLucError(
        "write-failed",
        `Bố cục trang “${merged.sheet}” đã đổi so với lần áp dụng trước; hãy mở lại mẫu tổng hợp và tổng hợp lại.`,
        `The layout of “${merged.sheet}” changed since the last apply; reopen the template and merge again.`,
      );
    }
    queuePatch(sheets.getItem(merged.sheet), patch);
  }
  if (options.existingSheets.includes(LOG_SHEET_NAME)) sheets.getItem(LOG_SHEET_NAME).delete();
  const log = sheets.add(LOG_SHEET_NAME);
  const rows = logSheetRows(result.log, options.notMerged);
  const logRange = log.getRange(`A1:${a1(rows.length - 1, rows[0].length - 1)}`);
  logRange.numberFormat = rows.map((row) => row.map((v) => (becomesFormula(v) ? TEXT_FORMAT : "General")));
  logRange.values = rows;
  log.getRange("A1:H1").format.font.bold = true;
  log.freezePanes.freezeRows(1);
  await context.sync();
}
