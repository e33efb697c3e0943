/**
 * Đã duyệt in the open workbook (spec §10): the approved units' cells of the consolidated sheets are locked and
 * the sheets protected, so nobody overwrites an approved figure by accident. engine/review/protection.ts says
 * which cells; this queues it into the caller's batch: the look-up (`protection.protected`) rides on the caller's
 * first sync, then PhuLuc's own protection is lifted before the writes and set again after them, in the same
 * batch — no sync of its own.
 * No password (engine/review/protection.ts says why, and what the user may still do).
 *
 * Only a protection PhuLuc set (recorded in the PhuLuc sheet, `protectedSheets`) is lifted: a sheet someone
 * else protected is refused with a message before anything is queued, never unprotected behind their back.
 */
import { parseA1 } from "../../engine/grid";
import { PhuLucError } from "../../engine/errors";
import type { MergeResult } from "../../engine/merge";
import {
  PROTECTION_ALLOWS,
  protectionPlan,
  withProtectedSheets,
  type ReviewStore,
  type SheetProtectionPlan,
} from "../../engine/review";

/** PROTECTION_ALLOWS in Office.js' words (Excel.WorksheetProtectionOptions); locked cells stay selectable. */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatCells: PROTECTION_ALLOWS.formatCells,
  allowFormatColumns: PROTECTION_ALLOWS.formatColumns,
  allowFormatRows: PROTECTION_ALLOWS.formatRows,
  allowInsertRows: PROTECTION_ALLOWS.insertRows,
  allowSort: PROTECTION_ALLOWS.sort,
  allowAutoFilter: PROTECTION_ALLOWS.autoFilter,
  allowDeleteRows: false,
  allowDeleteColumns: false,
  allowInsertColumns: false,
  selectionMode: "Normal",
};

export interface ProtectionLookUp {
  plans: SheetProtectionPlan[];
  sheets: Excel.Worksheet[];
  /** The records written after this batch: which sheets PhuLuc protects then. */
  store: ReviewStore;
}

/** Queues the look-up of the consolidated sheets' protection, to ride on the caller's next sync. */
export function queueProtectionLookUp(
  context: Excel.RequestContext,
  result: MergeResult,
  store: ReviewStore,
): ProtectionLookUp {
  const plans = protectionPlan(result, store);
  const sheets = plans.map((plan) => {
    const sheet = context.workbook.worksheets.getItem(plan.sheet);
    sheet.protection.load("protected");
    return sheet;
  });
  return { plans, sheets, store: withProtectedSheets(store, plans) };
}

function protectedByOthers(sheet: string): PhuLucError {
  return new PhuLucError(
    "write-failed",
    `Trang “${sheet}” đang được bảo vệ (không phải do PhuLuc) nên PhuLuc không ghi vào được. Hãy bỏ bảo vệ trang ` +
      `(Xem lại → Bỏ bảo vệ Trang tính) rồi bấm lại; PhuLuc sẽ tự khoá các ô của đơn vị đã duyệt.`,
    `Sheet “${sheet}” is protected (not by PhuLuc), so PhuLuc cannot write to it. Unprotect it (Review → ` +
      `Unprotect Sheet) and try again; PhuLuc locks the approved units' cells itself.`,
  );
}

/**
 * After the look-up's sync, before the writes: lifts PhuLuc's own protection. `writing`: values go into every
 * sheet (Áp dụng); else only sheets whose locks change are touched (Đã duyệt). Throws before queueing anything
 * when a sheet it must touch is protected by someone else.
 */
export function queueUnprotect(found: ProtectionLookUp, writing: boolean): void {
  // A sheet left untouched keeps whatever protection it has, someone else's included.
  const touched = found.plans.map((plan) => writing || plan.protect || plan.ours);
  found.plans.forEach((plan, i) => {
    if (touched[i] && found.sheets[i].protection.protected && !plan.ours) throw protectedByOthers(plan.sheet);
  });
  found.sheets.forEach((sheet, i) => {
    if (touched[i] && sheet.protection.protected) sheet.protection.unprotect();
  });
}

/** Cells as runs of adjacent cells in a row ("D5:F5"): one range command each instead of one per cell. */
function cellRuns(cells: readonly string[]): string[] {
  const sorted = cells
    .map((cell) => ({ cell, at: parseA1(cell)! }))
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  const runs: { first: string; last: string; row: number; col: number }[] = [];
  for (const { cell, at } of sorted) {
    const run = runs[runs.length - 1];
    if (run && run.row === at.row && run.col + 1 === at.col) Object.assign(run, { last: cell, col: at.col });
    else if (!run || run.row !== at.row || run.col !== at.col) runs.push({ first: cell, last: cell, ...at });
  }
  return runs.map((run) => (run.first === run.last ? run.first : `${run.first}:${run.last}`));
}

/** After the writes: the cells' locks, and the protection set again where the plan says so. */
export function queueProtect(found: ProtectionLookUp): void {
  found.plans.forEach((plan, i) => {
    const sheet = found.sheets[i];
    if (!plan.protect) {
      // No approved unit left: Excel's default (every cell locked) back, the sheet left unprotected.
      if (plan.ours) sheet.getRange().format.protection.locked = true;
      return;
    }
    // The first time, every cell is unlocked (Excel locks all by default), so only the approved cells stay locked.
    if (!plan.ours) sheet.getRange().format.protection.locked = false;
    for (const run of cellRuns(plan.unlock)) sheet.getRange(run).format.protection.locked = false;
    for (const run of cellRuns(plan.lock)) sheet.getRange(run).format.protection.locked = true;
    sheet.protection.protect(PROTECTION_OPTIONS);
  });
}
