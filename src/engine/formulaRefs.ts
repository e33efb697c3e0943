/**
 * Formula text moved as Excel moves it, with text in quotes never moved — a "string" or a 'sheet name'
 * (exceljs' own translation moves those too: a sheet named PL1, quoted by Excel because it looks like a
 * cell, filled down one row became PL2, another sheet). A whole column (`B:B`) stays as written; a whole
 * row range (`5:9`) moves when rows are inserted or deleted, not when a shared formula slides (as exceljs).
 * A reference moved off the sheet becomes `#REF!`, as Excel shows it.
 */
import { columnLetters, parseA1 } from "./grid";

/** Rows inserted (delta > 0) or deleted (delta < 0) at 0-based row `at`. */
export interface RowChange {
  at: number;
  delta: number;
}

/** One end of a reference (0-based); a whole row range's ends have no column. */
interface End {
  row: number;
  col: number;
  rowFixed: boolean;
  colFixed: boolean;
}

interface Reference {
  /** The sheet it is qualified by, unquoted (`'It''s'!A1` → It's); a 3-D reference's `First:Last`. */
  sheet: string | undefined;
  /** A cell's one end, a range's two. */
  ends: End[];
  /** `5:9`, `$5:$5`: whole rows. */
  wholeRows: boolean;
}

/** The reference's ends moved (an undefined one shown `#REF!`), or undefined: the whole reference `#REF!`. */
type Move = (ref: Reference) => (End | undefined)[] | undefined;

const NAME_CHAR = "[A-Za-z0-9_.\\u0080-\\uFFFF]";
const CELL = "(\\$?)([A-Za-z]{1,3})(\\$?)([1-9]\\d*)";
/**
 * What a formula is read as, left to right: a "string"; a reference — its sheet (quoted, bare, `[1]` an external
 * book's, or a 3-D `First:Last`, whose first name Excel quotes when it looks like a cell: `A1:B2!C3` is a range
 * and a reference on sheet B2, as exceljs reads it) and `!`, a cell or a range of cells or of whole rows — not
 * followed by what would make it a name or a function; a [structured reference]; other quoted text; a name,
 * function or number, skipped whole.
 */
const PIECE = new RegExp(
  [
    `"(?:[^"]|"")*"`,
    `(?:('(?:[^']|'')*'|(?:\\[\\d+\\])?(?!\\$?[A-Za-z]{1,3}\\$?[1-9]\\d*:)${NAME_CHAR}+(?::${NAME_CHAR}+)?)!)?` +
      `(?:${CELL}(?::${CELL})?|(\\$?)([1-9]\\d*):(\\$?)([1-9]\\d*))(?![A-Za-z0-9_.$(!\\u0080-\\uFFFF])`,
    `\\[(?:[^[\\]]|\\[[^\\]]*\\])*\\]`,
    `'(?:[^']|'')*'`,
    `[A-Za-z0-9_.$\\u0080-\\uFFFF]+`,
  ].join("|"),
  "g",
);
/** XFD, the last column (0-based). */
const LAST_COLUMN = 16383;
/** 1048576, the last row (0-based). */
const LAST_ROW = 1048575;

function cellEnd(colDollar: string, letters: string, rowDollar: string, row: string): End | undefined {
  const at = parseA1(`${letters}${row}`);
  return at && at.col <= LAST_COLUMN ? { ...at, colFixed: !!colDollar, rowFixed: !!rowDollar } : undefined;
}

function written(end: End | undefined, wholeRows: boolean): string {
  if (!end || end.col < 0 || end.col > LAST_COLUMN || end.row < 0 || end.row > LAST_ROW) return "#REF!";
  const row = `${end.rowFixed ? "$" : ""}${end.row + 1}`;
  return wholeRows ? row : `${end.colFixed ? "$" : ""}${columnLetters(end.col)}${row}`;
}

/** Each reference of the formula moved by `move`; the text around it, its sheet as written, kept. */
function moveReferences(formula: string, move: Move): string {
  return formula.replace(
    PIECE,
    (piece, quotedOrBare?: string, c1?: string, l1?: string, r1?: string, n1?: string, ...rest: string[]) => {
      const [c2, l2, r2, n2, rowsDollar1, rows1, rowsDollar2, rows2] = rest;
      if (n1 === undefined && rows1 === undefined) return piece; // a string, a name, quoted text
      const wholeRows = rows1 !== undefined;
      const start = wholeRows
        ? { row: Number(rows1) - 1, col: 0, rowFixed: !!rowsDollar1, colFixed: false }
        : cellEnd(c1!, l1!, r1!, n1!);
      const end = wholeRows
        ? { row: Number(rows2) - 1, col: 0, rowFixed: !!rowsDollar2, colFixed: false }
        : n2 === undefined
          ? undefined
          : cellEnd(c2, l2, r2, n2);
      if (!start || (n2 !== undefined && !end)) return piece; // past column XFD: a name such as ZZZ2019
      const prefix = quotedOrBare === undefined ? "" : `${quotedOrBare}!`;
      const sheet =
        quotedOrBare === undefined
          ? undefined
          : quotedOrBare.startsWith("'")
            ? quotedOrBare.slice(1, -1).replace(/''/g, "'")
            : quotedOrBare;
      const ends = end ? [start, end] : [start];
      const moved = move({ sheet, ends, wholeRows });
      if (!moved) return `${prefix}#REF!`;
      // Kept as written when nothing moved (`b5` stays lower case).
      if (moved.every((e, i) => e && e.row === ends[i].row && e.col === ends[i].col)) return piece;
      return prefix + moved.map((e) => written(e, wholeRows)).join(":");
    },
  );
}

/** A shared formula's text in another cell of its range: relative references move by the offset, `$` parts stay. */
export function slideFormula(formula: string, rows: number, columns: number): string {
  const slide = (end: End) => ({
    ...end,
    row: end.rowFixed ? end.row : end.row + rows,
    col: end.colFixed ? end.col : end.col + columns,
  });
  return moveReferences(formula, ({ ends, wholeRows }) => (wholeRows ? ends : ends.map(slide)));
}

/** A row's new place; undefined when it was deleted. */
export function movedRow(row: number, { at, delta }: RowChange): number | undefined {
  if (row < at) return row;
  if (delta < 0 && row < at - delta) return undefined;
  return row + delta;
}

/** Rows top..bottom after the change; undefined when all were deleted. */
export function movedSpan(top: number, bottom: number, change: RowChange): [number, number] | undefined {
  const { at, delta } = change;
  // A deleted end lands on the first row after the deletion (top) or the last before it (bottom).
  const newTop = movedRow(top, change) ?? at;
  const newBottom = movedRow(bottom, change) ?? at - 1;
  if (delta < 0 && newBottom < newTop) return undefined;
  return [newTop, newBottom];
}

/** A reference's ends after the change: a range grows around an insertion and shrinks across a deletion. */
function shiftedEnds([start, end]: End[], change: RowChange): End[] | undefined {
  if (!end) {
    const row = movedRow(start.row, change);
    return row === undefined ? undefined : [{ ...start, row }];
  }
  const upper = start.row <= end.row;
  const span = movedSpan(upper ? start.row : end.row, upper ? end.row : start.row, change);
  if (!span) return undefined;
  const [top, bottom] = upper ? span : [span[1], span[0]];
  return [
    { ...start, row: top },
    { ...end, row: bottom },
  ];
}

/**
 * A formula after `delta` rows were inserted (> 0) or deleted (< 0) at 0-based row `at` of a sheet, as Excel
 * rewrites it: references to the sheet's rows from `at` on move with them (`$` or not), a range around an
 * insertion grows, one across a deletion shrinks, one wholly deleted becomes `#REF!`.
 * Without `sheet`, the formula is on that sheet: its unqualified references move, those naming any sheet stay.
 * With `sheet`, the formula is elsewhere (another sheet, a defined name, a chart): only references qualified by
 * that sheet's name move (compared as Excel does, case-insensitively; quoted or not). A 3-D reference
 * (`Sheet1:Sheet3!A1`) never moves: it spans sheets whose rows did not all move.
 */
export function shiftRows(formula: string, at: number, delta: number, options: { sheet?: string } = {}): string {
  const change = { at, delta };
  const sheet = options.sheet?.toLowerCase();
  if (sheet !== undefined && !formula.includes("!")) return formula;
  return moveReferences(formula, (ref) => {
    const ours = sheet === undefined ? ref.sheet === undefined : ref.sheet?.toLowerCase() === sheet;
    return ours ? shiftedEnds(ref.ends, change) : ref.ends;
  });
}

/** A reference a formula makes: its sheet as written (none: the formula's own), and the cells' 0-based bounds. */
export interface CitedRange {
  sheet: string | undefined;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Every reference of the formula (whole rows span every column); names, strings and functions are not. */
export function formulaReferences(formula: string): CitedRange[] {
  const cited: CitedRange[] = [];
  moveReferences(formula, (ref) => {
    const [start, end = start] = ref.ends;
    cited.push({
      sheet: ref.sheet,
      top: Math.min(start.row, end.row),
      bottom: Math.max(start.row, end.row),
      left: ref.wholeRows ? 0 : Math.min(start.col, end.col),
      right: ref.wholeRows ? LAST_COLUMN : Math.max(start.col, end.col),
    });
    return ref.ends;
  });
  return cited;
}
