/**
 * Đã duyệt in the consolidated .xlsx (file mode and the CLI's merge): the approved units' cells locked and the
 * sheet protected, as the pane does in the open workbook (adapters/excel/protection.ts), so the file opened in
 * Excel guards them too. engine/review/protection.ts says which cells, what the user may still do, and why there
 * is no password. exceljs writes the protection as it is told: nothing to lift before writing.
 *
 * As in the pane, only a protection PhuLuc set (recorded in the PhuLuc sheet, `protectedSheets`) is replaced: a
 * consolidated sheet someone else protected (with a password, maybe) is refused before anything is written.
 */
import type ExcelJS from "exceljs";
import { PhuLucError } from "../../engine/errors";
import type { MergeResult } from "../../engine/merge";
import { PROTECTION_ALLOWS, protectionPlan, withProtectedSheets, type ReviewStore } from "../../engine/review";

/** A cell's Locked format, on a style of its own (exceljs may share one style object between loaded cells). */
function setLocked(cell: ExcelJS.Cell, locked: boolean): void {
  cell.style = { ...cell.style, protection: { locked } };
}

/** Every cell unlocked: the sheet's cells, and its columns' style for the empty cells Excel draws there. */
function unlockAll(sheet: ExcelJS.Worksheet): void {
  for (let c = 1; c <= sheet.columnCount; c++) sheet.getColumn(c).protection = { locked: false };
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => setLocked(cell, false)),
  );
}

/** exceljs keeps the `<sheetProtection>` it read as `sheetProtection` (not in its typings). */
function isProtected(sheet: ExcelJS.Worksheet): boolean {
  return !!(sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
}

/** Throws when a consolidated sheet of `result` is protected, but not by PhuLuc (per `store`'s records). */
export function refuseOthersProtection(workbook: ExcelJS.Workbook, result: MergeResult, store?: ReviewStore): void {
  const ours = new Set(store?.protectedSheets ?? []);
  for (const { sheet: name } of result.sheets) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet || !isProtected(sheet) || ours.has(name)) continue;
    throw new PhuLucError(
      "write-failed",
      `Trang “${name}” của mẫu tổng hợp đang được bảo vệ (không phải do PhuLuc) nên PhuLuc không ghi vào được. Hãy mở ` +
        `mẫu trong Excel, bỏ bảo vệ trang (Xem lại → Bỏ bảo vệ Trang tính), lưu lại rồi tổng hợp lại; PhuLuc sẽ tự ` +
        `khoá các ô của đơn vị đã duyệt.`,
      `Sheet “${name}” of the consolidated template is protected (not by PhuLuc), so PhuLuc cannot write to it. Open ` +
        `the template in Excel, unprotect the sheet (Review → Unprotect Sheet), save it and merge again; PhuLuc locks ` +
        `the approved units' cells itself.`,
    );
  }
}

/** Locks and protects per the plan of `result` under `store`; returns the records with the sheets PhuLuc protects. */
export async function protectApproved(
  workbook: ExcelJS.Workbook,
  result: MergeResult,
  store: ReviewStore,
): Promise<ReviewStore> {
  const plans = protectionPlan(result, store);
  for (const plan of plans) {
    const sheet = workbook.getWorksheet(plan.sheet);
    if (!sheet) continue;
    if (!plan.protect) {
      // No approved unit left: PhuLuc's protection lifted (the cells' Locked format no longer matters).
      if (plan.ours) sheet.unprotect();
      continue;
    }
    if (!plan.ours) unlockAll(sheet);
    for (const cell of plan.unlock) setLocked(sheet.getCell(cell), false);
    for (const cell of plan.lock) setLocked(sheet.getCell(cell), true);
    await sheet.protect("", { ...PROTECTION_ALLOWS, selectLockedCells: true, selectUnlockedCells: true });
  }
  return withProtectedSheets(store, plans);
}
