/**
 * CellRefs: every data cell of a Table with its address, display text and reading. Built for every
 * mapped cell of every row (tens of thousands on a long sheet), so the hot path avoids needless work.
 */
import { columnLetters, cellText, type Cell, type CellRange, type Grid } from "./grid";
import type { CellRef, ParsedValue } from "./model";
import { parseCell } from "./parse/number";
import type { ColumnDef, ColumnRole } from "./template";
import { tidyText } from "./text";

/** Fast lookup of the merged range a cell belongs to (grids may hold thousands of merges). */
export class MergeIndex {
  private readonly byRow = new Map<number, CellRange[]>();

  constructor(merges: CellRange[]) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
    }
  }

  at(row: number, col: number): CellRange | undefined {
    return this.byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }
}

/**
 * Roles whose value a vertical merge shares with every row it spans (one Đơn vị chủ trì merged over
 * several items leads each of them). Not the indicator: a second row under a merged indicator is a
 * continuation (another part of a compound target), not the same indicator twice.
 */
export const SHARED_BY_MERGE: ColumnRole[] = ["leadUnit", "coUnits", "measure", "note"];

/**
 * A cell of the table as read from the grid. Its address and display text are made when asked, not
 * for each of the tens of thousands of cells a long sheet holds: rules name a cell only in a finding,
 * and read the text of text cells, which parseCell has already tidied (measured: bench/README.md).
 * Not spread or serialised anywhere: the getters live on the prototype.
 */
class GridCellRef implements CellRef {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly cell: Cell | undefined,
    readonly parsed: ParsedValue,
    /** The column's letters, shared by every cell of the column. */
    private readonly letters: string,
  ) {}

  get address(): string {
    return this.letters + (this.row + 1);
  }

  get text(): string {
    return this.parsed.kind === "text" ? this.parsed.text : displayText(this.cell);
  }
}

/** Builds CellRefs; in the given columns an empty cell under a vertical merge reads the merge's first cell. */
export function cellReader(grid: Grid, merges: MergeIndex, sharedColumns: Set<number>) {
  const columnNames: string[] = [];
  const letters = (col: number) => (columnNames[col] ??= columnLetters(col));
  return (row: number, col: number, kind: ColumnDef["kind"]): CellRef => {
    let cell: Cell | undefined = grid.rows[row]?.[col];
    if (!cell && sharedColumns.has(col)) {
      const merge = merges.at(row, col);
      if (merge && merge.left === col && merge.top < row) cell = grid.rows[merge.top]?.[col];
    }
    return new GridCellRef(row, col, cell, parseCell(cell, kind), letters(col));
  };
}

/**
 * Tidy display text of a cell. Only text needs tidying (typed text, or an error code as the reader
 * gave it): a number, a boolean or a date shows as ASCII without spaces, which tidyText would return
 * unchanged. Most data cells of a long sheet are numbers.
 */
export function displayText(cell: Cell | undefined): string {
  const value = cell?.value;
  return typeof value === "string" || cell?.error ? tidyText(cellText(cell)) : cellText(cell);
}
