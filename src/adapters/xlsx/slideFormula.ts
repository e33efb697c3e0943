/**
 * A shared formula's text in another cell of its range, as Excel shows it there: relative references
 * move by the cell's offset from the master, `$` parts stay. Text in quotes never moves — a "string"
 * or a 'sheet name' — which exceljs' own translation moves too: a sheet named PL1 (quoted by Excel
 * because it looks like a cell) filled down one row became PL2, another sheet. Like exceljs, a whole
 * column or row (`B:B`, `5:5`) stays as written.
 */
import { columnLetters, parseA1 } from "../../engine/grid";

/** "strings" and 'sheet names', their doubled quotes included: the parts of a formula that never move. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
/** A name, number or reference, and what follows it when that makes it a function or a sheet name. */
const TOKEN = /[A-Za-z0-9_.$]+([(!])?/g;
const REFERENCE = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d*)$/i;
/** XFD, the last column (0-based). */
const LAST_COLUMN = 16383;
/** 1048576, the last row (0-based). */
const LAST_ROW = 1048575;

export function slideFormula(formula: string, rows: number, columns: number): string {
  return formula
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(TOKEN, (token, after?: string) => slide(token, after, rows, columns)),
    )
    .join("");
}

function slide(token: string, after: string | undefined, rows: number, columns: number): string {
  if (after) return token;
  const match = REFERENCE.exec(token);
  const at = match && parseA1(`${match[2]}${match[4]}`);
  if (!match || !at || at.col > LAST_COLUMN) return token;
  const [, columnDollar, , rowDollar] = match;
  const col = columnDollar ? at.col : at.col + columns;
  const row = rowDollar ? at.row : at.row + rows;
  // Moved off the sheet: what Excel shows for such a reference.
  if (col < 0 || col > LAST_COLUMN || row < 0 || row > LAST_ROW) return "#REF!";
  return `${columnDollar}${columnLetters(col)}${rowDollar}${row + 1}`;
}
