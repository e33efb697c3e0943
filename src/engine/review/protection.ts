/**
 * Đã duyệt in Excel (spec §10): the approved units' values on the consolidated sheets are protected against
 * accidental edits. Which cells hold a unit's values is the merge's provenance — `SheetMerge.filled`, each
 * consolidated value with the unit it came from (the same record the log and the review read). Pure: the
 * Excel adapter (adapters/excel/protection.ts) applies the plan.
 *
 * Decisions:
 * - Only cells are locked, the approved unit's value cells; every other cell of a sheet PhuLuc protects is
 *   unlocked the first time (Excel locks every cell by default), so the rest of the sheet stays editable.
 * - A unit approved in an earlier round whose file is not in this merge has no provenance here: its cells
 *   keep the lock Excel keeps on them (a cell's `locked` format survives unprotecting and moves with
 *   inserted rows), so a sheet PhuLuc protected before stays protected while any unit is approved.
 * - A unit that is no longer approved (reopened, returned) and is in this merge gets its cells unlocked;
 *   when no unit is approved any more, PhuLuc's protection is lifted and the record dropped.
 */
import type { MergeResult } from "../merge/types";
import type { ReviewStore } from "./store";

/**
 * What the user may still do on a protected consolidated sheet (the adapters spell it for Office.js and for
 * exceljs): format cells, rows and columns (widen a column, colour a row for a meeting), sort and filter (Excel
 * refuses a sort that would move locked cells) and insert rows (a kinh-phi line added by hand). Deleting rows or
 * columns and inserting columns stay refused: a deleted row would take an approved figure with it. Locked cells stay
 * selectable, so the figures can be read and copied. No password, ever: the protection is against accidental
 * edits, not a security boundary (Review → Unprotect Sheet lifts it, on purpose); a password would have to be kept
 * where the workbook's users can read it anyway, and a lost one would lock KHTC out of its own consolidation.
 */
export const PROTECTION_ALLOWS = {
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  sort: true,
  autoFilter: true,
} as const;

export interface SheetProtectionPlan {
  sheet: string;
  /** Cells (A1) holding an approved unit's values: locked. */
  lock: string[];
  /** Cells holding another unit's values: unlocked (it may have been approved before). */
  unlock: string[];
  /** PhuLuc protected the sheet before (its record in the store): the cell locks already there are PhuLuc's. */
  ours: boolean;
  /** The sheet is protected once written. */
  protect: boolean;
}

/** The protection of each consolidated sheet of `result` under the records of `store`. */
export function protectionPlan(result: MergeResult, store: ReviewStore): SheetProtectionPlan[] {
  const approved = new Set(store.statuses.filter((s) => s.state === "da-duyet").map((s) => s.unit));
  const recorded = new Set(store.protectedSheets ?? []);
  return result.sheets.map(({ sheet, filled }) => {
    const lock = filled.filter((f) => approved.has(f.source.unit)).map((f) => f.cell);
    const unlock = filled.filter((f) => !approved.has(f.source.unit)).map((f) => f.cell);
    const ours = recorded.has(sheet);
    return { sheet, lock, unlock, ours, protect: lock.length > 0 || (ours && approved.size > 0) };
  });
}

/** The store recording which sheets PhuLuc protects after applying `plans` (other sheets' records kept). */
export function withProtectedSheets(store: ReviewStore, plans: readonly SheetProtectionPlan[]): ReviewStore {
  const planned = new Set(plans.map((p) => p.sheet));
  const sheets = [
    ...(store.protectedSheets ?? []).filter((sheet) => !planned.has(sheet)),
    ...plans.filter((p) => p.protect).map((p) => p.sheet),
  ];
  const next: ReviewStore = { ...store };
  delete next.protectedSheets;
  if (sheets.length > 0) next.protectedSheets = sheets;
  return next;
}
