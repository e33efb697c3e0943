/**
 * The host-free picture of one worksheet. Both adapters (PhuLuc's .xlsx reader for files, Office.js for the open
 * workbook) produce a Grid; nothing downstream knows which one did.
 */

/** What a cell holds after Excel has calculated it. Formulas carry their cached result here. */
export type CellValue = number | string | boolean | Date | null;

export interface Cell {
  /** The displayed value (for a formula: its cached result; null when none was cached). */
  value: CellValue;
  /** Excel error shown in the cell (`#REF!`, `#DIV/0!`…); `value` is then null. */
  error?: string;
  /** The formula without its leading `=`, when the cell has one. */
  formula?: string;
  /** Number format code (`0%`, `#,##0`, `General`…). A `%` format means the number is a share. */
  numFmt?: string;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name as the user sees it. */
  name: string;
  /** rows[r][c], 0-based; a missing entry is an empty cell. Rows may have different lengths. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  /** 0-based indexes of hidden rows. */
  hiddenRows: number[];
  /** What the adapter left out to keep memory bounded (reported to the user, never silent). */
  truncated?: { rows?: number; columns?: number };
  /** True when the sheet is hidden in Excel (it is still read and checked, and the user is told). */
  hidden?: boolean;
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.rows[row]?.[col];
}

/** Column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based cell: (14, 3) → "D15". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "D15" into 0-based { row: 14, col: 3 }; returns undefined for anything else. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match) return undefined;
  const col = [...match[1].toUpperCase()].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, col };
}

/** The merged range a cell belongs to, if any. */
export function mergeContaining(grid: Grid, row: number, col: number): CellRange | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Text of a cell as a person reads it (numbers in plain JS form; errors as their code). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * The first non-blank text of a row, trimmed ("" for none). Rows are sparse — a reader leaves holes
 * for empty cells, and a hole is not even `undefined` to `map` — so this walks indexes.
 */
export function firstTextOf(cells: readonly (Cell | undefined)[] | undefined): string {
  if (!cells) return "";
  for (let c = 0; c < cells.length; c++) {
    const text = cellText(cells[c]).trim();
    if (text) return text;
  }
  return "";
}

/** An empty grid with the given rows of plain values: the shape tests and the bench build sheets with. */
export function gridFromValues(name: string, values: CellValue[][], merges: CellRange[] = []): Grid {
  return {
    name,
    rows: values.map((row) => row.map((value) => (value === null || value === "" ? undefined : { value }))),
    merges,
    hiddenRows: [],
  };
}
