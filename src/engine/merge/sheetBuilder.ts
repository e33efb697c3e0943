/** Builds the consolidated grid from the template's, recording every cell it writes for the adapters. */
import type { Cell, Grid } from "../grid";
import type { Table } from "../model";
import type { FilledValue, SheetMerge, SheetPatch } from "./types";
import { cloneRows, type SheetCompleteness } from "./context";
import { shiftRows } from "../formulaRefs";

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
    this.writes.push(write);
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
