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
import { DerivedStyles } from "./derivedStyles";

/** A cell's Locked format, on a style of its own (derivedStyles.ts: never the loaded style, shared by many cells). */
function setLocked(styles: DerivedStyles, cell: ExcelJS.Cell, locked: boolean): void {
  styles.set(cell, locked ? "locked" : "unlocked", { protection: { locked } });
}

/** Every cell unlocked: the sheet's cells, and its columns' style for the empty cells Excel draws there. */
function unlockAll(styles: DerivedStyles, sheet: ExcelJS.Worksheet): void {
  for (let c = 1; c <= sheet.columnCount; c++) {
    // As `column.protection = …` (each row's cell in the column made), without setting it in place in the
    // column's and the cells' style objects, which exceljs shares.
    const column = sheet.getColumn(c);
    // eslint-disable-next-line office-addins/call-sync-before-read -- an exceljs column, not an Office.js proxy
    column.style = { ...column.style, protection: { locked: false } };
    column.eachCell((cell) => setLocked(styles, cell, false));
  }
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => setLocked(styles, cell, false)),
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
  const styles = new DerivedStyles();
  for (const plan of plans) {
    const sheet = workbook.getWorksheet(plan.sheet);
    if (!sheet) continue;
    if (!plan.protect) {
      // No approved unit left: PhuLuc's protection lifted (the cells' Locked format no longer matters).
      if (plan.ours) sheet.unprotect();
      continue;
    }
    if (!plan.ours) unlockAll(styles, sheet);
    for (const cell of plan.unlock) setLocked(styles, sheet.getCell(cell), false);
    for (const cell of plan.lock) setLocked(styles, sheet.getCell(cell), true);
    await sheet.protect("", { ...PROTECTION_ALLOWS, selectLockedCells: true, selectUnlockedCells: true });
  }
  return withProtectedSheets(store, plans);
}
