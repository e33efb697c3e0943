/** Builds the consolidated grid from the template's, recording every cell it writes for the adapters. */
import type { Cell, Grid } from "../grid";
import type { Table } from "../model";
import type { FilledValue, SheetMerge, SheetPatch } from "./types";
import { cloneRows, type SheetCompleteness } from "./context";
import { formulaReferences, shiftRows } from "../formulaRefs";
import { readsOnlyCells, SheetFormulas, type Computed } from "../formulaEval";

export class SheetBuilder {
  readonly rows: (Cell | undefined)[][];
  readonly writes: SheetPatch["writes"] = [];

  constructor(readonly template: Grid) {
    this.rows = cloneRows(template.rows);
    this.shape = template;
  }

  set(row: number, col: number, cell: Cell | undefined): void {
    (this.rows[row] ??= [])[col] = cell;
    const write: SheetPatch["writes"][number] = { row, col, value: cell?.value ?? null };
    if (cell?.numFmt) write.numFmt = cell.numFmt;
    if (cell?.formula) write.formula = cell.formula;
    if (cell?.error) write.error = cell.error;
    this.writes.push(write);
  }

  /**
   * Every formula of the sheet computed again over the merged values (formulaEval.ts): the template cached its
   * results over a blank form (`Tỷ lệ` `=D14/C14*100` cached `#DIV/0!`), which check and export would read. A
   * result that differs from the cache is written with the formula. One PhuLuc cannot compute keeps its cache
   * while nothing it cites changed (a lookup over the form's own columns); else the cache is dropped (the cell
   * reads as not calculated, and the writer asks Excel to calculate on open).
   */
  private recalculate(): void {
    const formulas = new SheetFormulas(this.grid());
    const changed = new Set(this.writes.map(({ row, col }) => `${row},${col}`));
    const uncomputed: { row: number; col: number; cell: Cell }[] = [];
    this.rows.forEach((cells, row) =>
      cells.forEach((cell, col) => {
        if (cell?.formula === undefined) return;
        const result = formulas.cellResult(row, col);
        if (result === undefined) return void uncomputed.push({ row, col, cell });
        const next = withResult(cell, result);
        if (!sameResult(cell, next)) this.setChanged(row, col, next, changed);
      }),
    );
    // A formula citing one whose cache was just dropped is stale too: until none is left to drop.
    for (let dropped = true; dropped;) {
      dropped = false;
      for (const { row, col, cell } of uncomputed) {
        if (changed.has(`${row},${col}`) || !citesChanged(cell.formula!, changed)) continue;
        this.setChanged(row, col, withResult(cell, undefined), changed);
        dropped = true;
      }
    }
  }

  private setChanged(row: number, col: number, cell: Cell, changed: Set<string>): void {
    this.set(row, col, cell);
    changed.add(`${row},${col}`);
  }

  private shape: Grid;

  grid(): Grid {
    return { ...this.shape, rows: this.rows };
  }

  /** Merged ranges and hidden rows after rows were inserted or deleted. */
  replaceTemplateShape(shape: Grid): void {
    this.shape = shape;
  }

  patch(rowChange?: SheetPatch["rowChange"]): SheetPatch {
    return rowChange
      ? { sheet: this.template.name, rowChange, writes: this.writes }
      : { sheet: this.template.name, writes: this.writes };
  }

  /** The sheet's merge result, with each expected unit listed once. */
  finish(
    table: Table,
    filled: FilledValue[],
    completeness: SheetCompleteness,
    rowChange?: SheetPatch["rowChange"],
  ): { sheet: SheetMerge; completeness: SheetCompleteness } {
    this.recalculate();
    return {
      sheet: {
        sheet: table.sheet,
        templateId: table.templateId,
        grid: this.grid(),
        patch: this.patch(rowChange),
        filled,
      },
      completeness: {
        ...completeness,
        expected: [...new Set(completeness.expected)],
        reporting: [...new Set(completeness.reporting)],
      },
    };
  }
}

/**
 * Whether the formula may read a cell the merge changed: one of its own sheet's references covers one, it cites
 * another sheet (which this merge may have changed too), or it reads what it does not name (a defined name).
 */
function citesChanged(formula: string, changed: Set<string>): boolean {
  if (!readsOnlyCells(formula)) return true;
  return formulaReferences(formula).some((ref) => {
    if (ref.sheet !== undefined) return true;
    for (const key of changed) {
      const [row, col] = key.split(",").map(Number);
      if (row >= ref.top && row <= ref.bottom && col >= ref.left && col <= ref.right) return true;
    }
    return false;
  });
}

/** The formula cell holding `result` (an error as the reader stores a cached one); undefined drops the cache. */
function withResult(cell: Cell, result: Computed | undefined): Cell {
  const rest: Cell = { ...cell };
  delete rest.error;
  if (result === undefined) return { ...rest, value: null };
  return typeof result === "object" ? { ...rest, value: null, error: result.error } : { ...rest, value: result };
}

/** Same result, numbers to Excel's 15 significant digits (a cached 75 is not rewritten as 75.00000000000001). */
function sameResult(a: Cell, b: Cell): boolean {
  if ((a.error ?? "") !== (b.error ?? "")) return false;
  if (typeof a.value === "number" && typeof b.value === "number") {
    return a.value.toPrecision(15) === b.value.toPrecision(15);
  }
  return (a.value ?? null) === (b.value ?? null);
}

/** A row of the rebuilt region: its cells, and the template row it was (for the recognised totals). */
export type RegionRow = (Cell | undefined)[];

/**
 * Replaces template rows `first`..`first + oldCount - 1` with `rows` (kinh-phi union, dịch vụ công
 * rows per unit): rows below move, merged ranges and hidden rows below move with them, and every cell
 * of the new region is written (null clears what the template had there).
 */
export function replaceRegion(
  builder: SheetBuilder,
  first: number,
  oldCount: number,
  rows: RegionRow[],
  width: number,
) {
  const delta = rows.length - oldCount;
  // Rows go in (or out) just above the region's last row, usually Tổng cộng: it keeps its own style
  // at the bottom, and inserted rows take the style of the row above them.
  const rowChange = delta === 0 ? undefined : { at: first + Math.max(0, Math.min(oldCount, rows.length) - 1), delta };
  if (rowChange) rows = rows.map((row) => withShiftedFormulas(row, rowChange));
  builder.rows.splice(first, oldCount, ...rows.map((row) => [...row]));
  // The rest of the sheet's formulas too, as Excel rewrites them (the writer's changeRows does in the file):
  // recalculate reads them, and writes them back when their result changed.
  if (rowChange) {
    builder.rows.forEach((row, r) => {
      if (r < first || r >= first + rows.length) builder.rows[r] = withShiftedFormulas(row, rowChange);
    });
  }
  const end = first + oldCount;
  const shifted = builder.grid();
  const moved: Grid = {
    ...shifted,
    merges: builder.template.merges
      .filter((m) => m.bottom < first || m.top >= end)
      .map((m) => (m.top >= end ? { ...m, top: m.top + delta, bottom: m.bottom + delta } : m)),
    hiddenRows: builder.template.hiddenRows.filter((r) => r < first || r >= end).map((r) => (r >= end ? r + delta : r)),
  };
  builder.replaceTemplateShape(moved);
  rows.forEach((row, i) => {
    for (let col = 0; col < width; col++) builder.set(first + i, col, row[col]);
  });
  return rowChange;
}

/**
 * A template row's cells with their formulas rewritten as Excel's row insertion would (a Toàn tỉnh rate
 * `=D7/B7` pushed down a row reads `=D8/B8`); written as they were, they would point at another row.
 */
function withShiftedFormulas(row: RegionRow, change: { at: number; delta: number }): RegionRow {
  return row.map((cell) =>
    cell?.formula ? { ...cell, formula: shiftRows(cell.formula, change.at, change.delta) } : cell,
  );
}
