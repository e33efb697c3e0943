/**
 * The merge (tổng hợp, spec §6): the consolidated template's sheets + the units' tables → the
 * consolidated sheets, a log of every input row, findings, proposals and completeness.
 */
import type { CellValue, Grid } from "../grid";
import type { Finding } from "../finding";
import type { Table } from "../model";
import type { TemplateId } from "../template";
import type { References } from "../periods/reference";
import type { UnitDef } from "../units";
import type { Explanation } from "../review/explanations";

/** One sheet of the consolidated template workbook, as read and as recognised. */
export interface TemplateSheet {
  grid: Grid;
  table: Table;
}

/**
 * A non-empty cell of a unit's data row in a column the table does not read: its header matched no
 * role of the template (`Ước thực hiện cả năm`), or it has none. Merge accounts for it as not merged.
 */
export interface ExtraCell {
  /** 0-based grid row and column. */
  row: number;
  col: number;
  address: string;
  /** The column's header, or `Cột H` for a column without one. */
  column: string;
  text: string;
}

/** One recognised sheet of a unit's workbook. Several inputs with the same `file` are the sheets of one file. */
export interface UnitInput {
  /**
   * The unit (an id of the units list, or any name). When absent it is inferred: first from the file
   * name (the longest unit id or alias written in it: `PL1_CNTT-BCVT.xlsx`), then from the rows'
   * Đơn vị chủ trì (the unit leading most of the rows it reported); else the file's base name (`DV07.xlsx` → `DV07`).
   */
  unitId?: string;
  file: string;
  table: Table;
  /**
   * ISO date-time the file was last modified: the workbook's own modified date (core properties),
   * else the file's modification time. Of one unit's files for one sheet, a later one replaces an
   * earlier; without dates to compare, neither replaces the other (never the order of arguments).
   */
  receivedAt?: string;
  /** Where receivedAt comes from. */
  receivedFrom?: "workbook" | "file";
  /** Its rows' cells in columns the table does not read. */
  extraCells?: ExtraCell[];
  /** The giải trình its workbook stores (PhuLuc sheet) for findings on this sheet's rows. */
  explanations?: Explanation[];
}

export interface MergeOptions {
  units?: UnitDef[];
  /** Ids of proposals the user accepted: applied as matches on this run. */
  acceptedProposals?: string[];
  /** Conflicts the user settled: conflict id → the unit whose value is kept. */
  resolutions?: Record<string, string>;
  /** The approved plan (and previous period) the consolidated sheets are checked against (spec §9). */
  references?: References;
  /**
   * Units an earlier merge into this consolidated workbook received (its Tình trạng nộp): KHTC merges files as
   * they arrive, so a unit that sent nothing this time is not missing if it sent before.
   */
  receivedEarlier?: string[];
}

/** Where a value came from. */
export interface Provenance {
  file: string;
  sheet: string;
  cell: string;
  unit: string;
}

/**
 * merged: its value went into the consolidated sheet · agreed: same value as the one taken ·
 * conflict: a different value, not taken (merge-conflict) · rejected: a conflict the user settled for
 * another unit · unknown: matches no row of the template (unknown-row) · superseded: a newer file
 * of the same unit replaced it · recomputed: a unit's own subtotal/total, replaced by the recomputed one ·
 * not-merged: kept out, with its reason (a column the template lacks, a note that did not travel, a
 * sheet of another template).
 */
export type MergeStatus =
  "merged" | "agreed" | "conflict" | "rejected" | "unknown" | "superseded" | "recomputed" | "not-merged";

/** What became of one non-empty value of a unit's row. */
export type ValueFate = MergeStatus;

export interface AccountedValue {
  file: string;
  sheet: string;
  /** The value's cell in the unit's sheet. */
  cell: string;
  unit: string;
  /** The row's indicator (item, reporting unit) and the column's header, as the unit's sheet has them. */
  indicator: string;
  column: string;
  /** The value as a person reads it. */
  value: string;
  fate: ValueFate;
  /** In Vietnamese: why it was not merged, what replaced it, what was decided. */
  reason?: string;
  /** The consolidated cell it went to, agreed with or competed for. */
  target?: { sheet: string; cell: string };
}

/** One line of the merge log: one non-empty input row (a row carrying a figure or a giải trình). */
export interface MergeLogEntry {
  file: string;
  sheet: string;
  /** The row's first value cell in the unit's sheet (its label cell when it has no value). */
  cell: string;
  unit: string;
  indicator: string;
  /** The row's values as a person reads them (`Thực hiện: 96%; Đánh giá: Đạt`). */
  value: string;
  status: MergeStatus;
  /** The unit's giải trình (Ghi chú) on this row. */
  explanation?: string;
  /** What the merge decided, in Vietnamese (why it was not taken, the proposal, the choice made). */
  note?: string;
  /** Where the row went in the consolidated sheet. */
  target?: { sheet: string; cell: string };
}

/** A consolidated value and its provenance. */
export interface FilledValue {
  sheet: string;
  /** The consolidated row's indicator (or item, or reporting unit) and the column's header. */
  indicator: string;
  column: string;
  /** Consolidated cell (after kinh-phi/dịch vụ công rows are laid out). */
  cell: string;
  value: CellValue;
  numFmt?: string;
  source: Provenance;
  explanation?: string;
}

/** A fuzzy match, shown to the user, applied only once accepted (`MergeOptions.acceptedProposals`). */
export interface Proposal {
  id: string;
  file: string;
  sheet: string;
  cell: string;
  unit: string;
  label: string;
  target: { sheet: string; cell: string; label: string };
  /** Token similarity 0..1. */
  similarity: number;
}

export interface ConflictChoice {
  unit: string;
  file: string;
  sheet: string;
  cell: string;
  value: CellValue;
  text: string;
  explanation?: string;
}

/** Two or more values for one consolidated cell. `kept` is the unit whose value is in the sheet. */
export interface Conflict {
  /** `Sheet!A1` of the consolidated cell: stable across runs, the key of `MergeOptions.resolutions`. */
  id: string;
  sheet: string;
  cell: string;
  indicator: string;
  column: string;
  kept: string;
  /** The row's lead units (Đơn vị chủ trì): whose value is kept until someone decides. */
  leads: string[];
  choices: ConflictChoice[];
  /** The user settled it (the choice is logged). */
  resolved: boolean;
}

export interface EmptyRow {
  sheet: string;
  cell: string;
  indicator: string;
  leadUnits: string[];
}

export interface Completeness {
  /** Units leading at least one row of the template (ids of the units list, or names as written). */
  expectedUnits: string[];
  /** Units that sent at least one file. */
  sentUnits: string[];
  /** Expected units that sent nothing now, received by an earlier merge (MergeOptions.receivedEarlier). */
  receivedEarlier: string[];
  /** Expected units that sent nothing, now or before. */
  missingUnits: string[];
  /** Indicator rows (rows a unit must fill) and how many are filled after the merge. */
  indicatorRows: number;
  filledRows: number;
  /** filledRows / indicatorRows in percent (100 when there is nothing to fill). */
  percent: number;
  emptyRows: EmptyRow[];
}

/** How the adapters turn the template sheet into the consolidated one. */
export interface SheetPatch {
  sheet: string;
  /** Rows to insert (delta > 0) or delete (delta < 0) at 0-based grid row `at`, before the writes. */
  rowChange?: { at: number; delta: number };
  /** Cells to write, in the consolidated grid's coordinates (value null clears the cell). */
  writes: {
    row: number;
    col: number;
    value: CellValue;
    numFmt?: string;
    /** A total the template computed with a formula keeps one (without "="), over the consolidated rows. */
    formula?: string;
    /** The formula's result is this Excel error (`#DIV/0!`); value is then null. */
    error?: string;
  }[];
}

export interface SheetMerge {
  sheet: string;
  templateId: TemplateId;
  /** The consolidated sheet. */
  grid: Grid;
  patch: SheetPatch;
  filled: FilledValue[];
}

export interface UnitAssignment {
  file: string;
  unit: string;
  /** How the unit was found. */
  from: "given" | "file-name" | "rows" | "none";
}

export interface MergeResult {
  sheets: SheetMerge[];
  log: MergeLogEntry[];
  /** Merge findings and the consolidated sheets' own check findings, sorted. */
  findings: Finding[];
  proposals: Proposal[];
  conflicts: Conflict[];
  completeness: Completeness;
  units: UnitAssignment[];
  /** Every non-empty value of every unit row, once, with its fate: nothing is silently dropped. */
  values: AccountedValue[];
}
