/**
 * A reference workbook kept small enough to remember with the document (spec §9: the plan and the
 * previous period are picked once per workbook): the grid rows its recognised tables were read from
 * (title, header, data), values and number formats only. Restoring recognises them again, so a
 * snapshot never holds anything the engine would not read from the file itself.
 */
import type { Cell, CellRange, CellValue, Grid } from "../grid";
import { referenceBook, type ReferenceBook } from "./reference";

export interface ReferenceSnapshot {
  file: string;
  sheets: {
    name: string;
    /** Non-empty rows up to the table's last: [grid row, [value, number format] per cell]. */
    rows: [row: number, cells: ([CellValue, string?] | null)[]][];
    /** Merged ranges (a two-row header's group cell is read through them). */
    merges: CellRange[];
  }[];
}

function cellOf(entry: [CellValue, string?] | null): Cell | undefined {
  if (!entry) return undefined;
  const [value, numFmt] = entry;
  return numFmt ? { value, numFmt } : { value };
}

export function snapshotOf(book: ReferenceBook, grids: Grid[]): ReferenceSnapshot {
  const sheets = book.tables.flatMap((table) => {
    const grid = grids.find((g) => g.name === table.sheet);
    if (!grid) return [];
    const last = Math.max(...table.headerRows, ...table.rows.map((row) => row.row));
    const rows: ReferenceSnapshot["sheets"][number]["rows"] = [];
    for (let r = 0; r <= last; r++) {
      const cells = grid.rows[r] ?? [];
      if (cells.every((cell) => !cell || cell.value === null || cell.value === undefined)) continue;
      // A date is kept as its ISO text (JSON has no dates); reference tables compare labels, targets and figures.
      const entry = (cell: Cell | undefined): [CellValue, string?] | null =>
        !cell || cell.value === null
          ? null
          : [cell.value instanceof Date ? cell.value.toISOString() : cell.value, cell.numFmt];
      rows.push([r, cells.map(entry)]);
    }
    const merges = grid.merges.filter((m) => m.top <= last);
    return [{ name: table.sheet, rows, merges }];
  });
  return { file: book.file, sheets };
}

export function restoreSnapshot(snapshot: ReferenceSnapshot): ReferenceBook {
  const grids: Grid[] = snapshot.sheets.map((sheet) => {
    const rows: (Cell | undefined)[][] = [];
    for (const [r, cells] of sheet.rows) rows[r] = cells.map(cellOf);
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: sheet.name, rows, merges: sheet.merges, hiddenRows: [] };
  });
  return referenceBook(snapshot.file, grids);
}

/** What a workbook remembers: the snapshot of its plan and of its previous period, each optional. */
export interface StoredReferences {
  plan?: ReferenceSnapshot;
  previous?: ReferenceSnapshot;
}
