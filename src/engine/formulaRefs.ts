/**
 * Formula text moved as Excel moves it, with text in quotes never moved — a "string" or a 'sheet name'
 * (exceljs' own translation moves those too: a sheet named PL1, quoted by Excel because it looks like a
 * cell, filled down one row became PL2, another sheet). Like exceljs, a whole column or row (`B:B`,
 * `5:5`) stays as written. A reference moved off the sheet becomes `#REF!`, as Excel shows it.
 */
import { columnLetters, parseA1 } from "./grid";

/** "strings" and 'sheet names', their doubled quotes included: the parts of a formula that never move. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
/** A name, number or reference, and what follows it when that makes it a function or a sheet name. */
const TOKEN = /[A-Za-z0-9_.$]+([(!])?/g;
/** Text ending in a sheet-qualified cell and `:`, the start of a range whose end follows. */
const QUALIFIED_RANGE_START = /![$A-Za-z]+\$?\d+:$/;
const REFERENCE = /^(\$?)([A-Z]{1,3})(\$?)([1-9]\d*)$/i;
/** XFD, the last column (0-based). */
const LAST_COLUMN = 16383;
/** 1048576, the last row (0-based). */
const LAST_ROW = 1048575;

interface Reference {
  row: number;
  col: number;
  rowFixed: boolean;
  colFixed: boolean;
  /** Qualified by a sheet name (`PL1!B5`, `'Phụ lục I'!B5`). */
  otherSheet: boolean;
}

/** Each cell reference of the formula moved by `move` (0-based row and column; undefined: #REF!). */
function moveReferences(formula: string, move: (ref: Reference) => { row: number; col: number } | undefined): string {
  return formula
    .split(QUOTED)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(TOKEN, (token, after: string | undefined, offset: number) => {
            if (after) return token;
            const match = REFERENCE.exec(token);
            const at = match && parseA1(`${match[2]}${match[4]}`);
            if (!match || !at || at.col > LAST_COLUMN) return token;
            const [, colDollar, , rowDollar] = match;
            // `Sheet!A10:A15`: the range's end is on the sheet its start names.
            const otherSheet = part[offset - 1] === "!" || QUALIFIED_RANGE_START.test(part.slice(0, offset));
            const moved = move({ ...at, rowFixed: !!rowDollar, colFixed: !!colDollar, otherSheet });
            if (!moved || moved.col < 0 || moved.col > LAST_COLUMN || moved.row < 0 || moved.row > LAST_ROW)
              return "#REF!";
            return `${colDollar}${columnLetters(moved.col)}${rowDollar}${moved.row + 1}`;
          }),
    )
    .join("");
}

/** A shared formula's text in another cell of its range: relative references move by the offset, `$` parts stay. */
export function slideFormula(formula: string, rows: number, columns: number): string {
  return moveReferences(formula, (ref) => ({
    row: ref.rowFixed ? ref.row : ref.row + rows,
    col: ref.colFixed ? ref.col : ref.col + columns,
  }));
}

/**
 * A formula of a sheet after `delta` rows were inserted (> 0) or deleted (< 0) at 0-based row `at`, as
 * Excel rewrites it: its references to this sheet's rows from `at` on move with them (`$` or not), a
 * range around the insertion grows, a reference to a deleted row becomes `#REF!`. References to other
 * sheets stay.
 */
export function shiftRows(formula: string, at: number, delta: number): string {
  return moveReferences(formula, (ref) => {
    if (ref.otherSheet || ref.row < at) return ref;
    if (delta < 0 && ref.row < at - delta) return undefined;
    return { row: ref.row + delta, col: ref.col };
  });
}
