/**
 * One worksheet part → a Grid, as the exceljs reader made it (its rules, kept here, are those
 * test/ooxmlReader.test.ts holds this reader to):
 * - a row is listed when it holds a value, a formula or a cell a merged range covers; a styled empty
 *   cell does not count; rows beyond maxRows are counted in `truncated`, columns beyond maxColumns too;
 * - a merged range keeps its value in its top-left cell: the others read empty; ranges that overlap
 *   make the file unreadable (exceljs refused it);
 * - numbers in a date or time format are Dates (UTC, 1900 or 1904 date system), as exceljs' isDateFmt;
 * - a shared formula's cells get the master's formula moved by their offset (slideFormula; unlike
 *   exceljs, text in quotes — a "string", a 'sheet name' — never moves);
 * - a formula's cached empty text (`t="str"` with an empty `<v>`) is "", not "never calculated".
 * Where exceljs loses or alters what Excel shows, this reader keeps what Excel shows (decided in
 * issue 15's reader work, each asserted in test/ooxmlReader.test.ts or listed in bench/README.md):
 * - a formula's cached text, TRUE or error in a date format stays text, TRUE or the error (exceljs
 *   made an Invalid Date, or 1899-12-31 of TRUE); a `t="d"` ISO date is that date (exceljs read its year);
 * - a hyperlinked number stays a number and a hyperlinked formula keeps its formula (exceljs made both text);
 * - a formula cell without formula text (a data table's corner, a shared formula whose master is
 *   missing) shows its cached value (exceljs dropped the cell);
 * - text is unescaped once (exceljs unescaped a formula's text result and `t="str"` twice, so a typed
 *   `&lt;` read `<`); CDATA text is read (exceljs dropped it); a phonetic run of an inline string is not;
 * - rows and cells written without their `r` follow the previous one (exceljs refused the file);
 * - a number format is kept as written, escapes included (`0\\%` shows 84 as 84%: exceljs dropped the
 *   backslash, which made it 8400%); a duration (`[h]:mm`) or a format whose letters are escaped or quoted
 *   stays a number; -0 reads 0, as Excel shows it.
 */
import { type Cell, type CellRange, type CellValue, type Grid } from "../../../engine/grid";
import { slideFormula } from "../../../engine/formulaRefs";
import { runText } from "./sharedStrings";
import type { CellFormat } from "./styles";
import { Token, XmlError, XmlScanner } from "./xml";

export interface SheetContext {
  strings: (string | null)[] | undefined;
  format: (styleId: number) => CellFormat;
  date1904: boolean;
  maxRows: number;
  maxColumns: number;
  /** Counts the cells merged ranges cover; throws past the limit (checkMergedCells' regex may miss a range). */
  countMerged: (cells: number) => void;
}

/** A row's entry for a column: a Grid cell, HELD (counts for the row, shows nothing), or nothing. */
type Entry = Cell | typeof HELD | undefined;
const HELD = 0;
/** A styled empty cell: nothing, but it replaces a cell written before at its place. */
const EMPTIED = 1;

interface Row {
  hidden: boolean;
  entries: Entry[];
}

interface SharedMaster {
  row: number;
  col: number;
  formula: string;
}

/** Reads the sheet's XML (rows, cells, merged ranges) into a Grid named `name`. */
export function sheetGrid(xml: string, name: string, context: SheetContext): Grid {
  const rows = new Map<number, Row>();
  const merges: CellRange[] = [];
  const masters = new Map<string, SharedMaster>();
  const scanner = new XmlScanner(xml);
  let row: Row | undefined;
  let rowNumber = 0;
  let col = -1;
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token !== Token.Open) continue;
    switch (scanner.name) {
      case "row": {
        const r = scanner.attribute("r");
        const hidden = scanner.attribute("hidden");
        rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
        row = { hidden: hidden === "1" || hidden === "true", entries: [] };
        // A row written twice: the later one replaces the earlier, as in exceljs.
        rows.set(rowNumber, row);
        col = -1;
        break;
      }
      case "c": {
        if (!row) throw new XmlError("cell outside a row");
        scanner.pick(CELL_ATTRIBUTES, cellAttributes);
        const [r, type, s] = cellAttributes;
        col = r === undefined ? col + 1 : columnOf(r);
        const styleId = s === undefined ? 0 : parseInt(s, 10);
        const entry = readCell(scanner, type, styleId, rowNumber, col, context, masters);
        // A styled empty cell written after another at its place empties it, as in exceljs.
        if (entry !== undefined) row.entries[col] = entry === EMPTIED ? undefined : entry;
        break;
      }
      case "mergeCell": {
        const range = rangeOf(scanner.attribute("ref") ?? "");
        if (range) merges.push(range);
        break;
      }
      case "worksheet":
      case "sheetData":
      case "mergeCells":
        break;
      default:
        scanner.skipElement();
    }
  }
  context.countMerged(merges.reduce((n, m) => n + (m.bottom - m.top + 1) * (m.right - m.left + 1), 0));
  coverMerges(rows, merges);
  return gridOf(name, rows, merges, context);
}

const CELL_ATTRIBUTES = ["r", "t", "s"] as const;
const cellAttributes: (string | undefined)[] = [];

function readCell(
  scanner: XmlScanner,
  type: string | undefined,
  styleId: number,
  rowNumber: number,
  col: number,
  context: SheetContext,
  masters: Map<string, SharedMaster>,
): Entry | typeof EMPTIED {
  let formula: string | undefined;
  let shareType: string | undefined;
  let si: string | undefined;
  let ref: string | undefined;
  let value: string | undefined;
  let valueSeen = false;
  let runs: string[] | undefined;
  if (!scanner.selfClosing) {
    for (let token; (token = scanner.next()) !== Token.End;) {
      if (token === Token.Close) {
        if (scanner.name === "c") break;
        continue;
      }
      if (token !== Token.Open) continue;
      switch (scanner.name) {
        case "f": {
          shareType = scanner.attribute("t");
          if (shareType) {
            si = scanner.attribute("si");
            ref = scanner.attribute("ref");
          }
          const text = scanner.elementText();
          formula = text === "" ? undefined : text;
          break;
        }
        case "v":
          valueSeen = true;
          value = append(value, scanner.elementText());
          break;
        case "is":
          break;
        case "t":
          // An inline string's own <t>: exceljs keeps its `_xHHHH_` escapes as written.
          value = append(value, scanner.elementText());
          break;
        case "r":
          (runs ??= []).push(runText(scanner));
          break;
        default:
          scanner.skipElement(); // <rPh>, <extLst>
      }
    }
  }
  const format = styleId ? context.format(styleId) : undefined;

  if (formula !== undefined || shareType) {
    let result: CellValue | { error: string } = null;
    if (value !== undefined) result = typedValue(type, value, context, format);
    else if (valueSeen && type === "str") result = ""; // Excel's cached empty text
    let text = formula;
    if (shareType === "shared" && si !== undefined) {
      if (ref && formula !== undefined) masters.set(si, { row: rowNumber, col, formula });
      else if (!ref && formula === undefined) {
        const master = masters.get(si);
        if (master) text = slideFormula(master.formula, rowNumber - master.row, col - master.col);
      }
    }
    // Without a formula of its own or a master (a data table's first cell), the cached value shows.
    return gridCell(text, result, format);
  }
  if (runs !== undefined) return gridCell(undefined, runs.join(""), format);
  if (value === undefined) return styleId ? EMPTIED : undefined;
  let shown: CellValue | { error: string };
  if (type === "s") {
    const index = parseInt(value, 10);
    const text = context.strings?.[index];
    if (text === undefined) throw new XmlError(`shared string ${value} missing`);
    if (text === null) return HELD;
    shown = text;
  } else if (type === "inlineStr") {
    shown = value;
  } else {
    shown = typedValue(type, value, context, format);
  }
  return gridCell(undefined, shown, format);
}

/** A `<v>` (or a formula's cached result) read as its type says; numbers in a date format as Dates. */
function typedValue(
  type: string | undefined,
  text: string,
  context: SheetContext,
  format: CellFormat | undefined,
): CellValue | { error: string } {
  switch (type) {
    case "str":
    case "inlineStr":
      return text;
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d": {
      const serial = isoSerial(text, context.date1904);
      return format?.isDate ? excelDate(serial, context.date1904) : serial;
    }
    default: {
      const number = parseFloat(text) + 0; // + 0: -0 reads 0
      return format?.isDate ? excelDate(number, context.date1904) : number;
    }
  }
}

/** The Grid cell (readWorkbook's readCell): HELD when it shows nothing but counts for its row. */
function gridCell(
  formula: string | undefined,
  shown: CellValue | { error: string },
  format: CellFormat | undefined,
): Entry {
  const cell: Cell = { value: null };
  if (formula !== undefined) cell.formula = formula;
  if (shown !== null && typeof shown === "object" && !(shown instanceof Date)) cell.error = shown.error;
  else cell.value = shown;
  if (format?.numFmt && format.numFmt !== "General") cell.numFmt = format.numFmt;
  if (cell.value === null && cell.error === undefined && cell.formula === undefined) return HELD;
  return cell;
}

const append = (value: string | undefined, text: string) =>
  text === "" ? value : value === undefined ? text : value + text;

/** exceljs' utils.excelToDate, its arithmetic kept step for step (the same milliseconds). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** A `t="d"` cell's ISO 8601 text as a serial day number (a time without a zone is the sheet's own). */
function isoSerial(text: string, date1904: boolean): number {
  const trimmed = text.trim();
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed.slice(10)) || !trimmed.includes("T");
  const ms = Date.parse(zoned ? trimmed : `${trimmed}Z`);
  if (Number.isNaN(ms)) throw new XmlError(`date ${text}`);
  return ms / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

/** A cell reference's 0-based column (its letters, either case); the writer's patches read references with it too. */
export function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (col === 0) throw new XmlError(`cell reference ${address}`);
  return col - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A merged range's `ref` (`A1:C2`, or one cell) as a 0-based range; undefined when unreadable. */
export function rangeOf(ref: string): CellRange | undefined {
  const [from, to = from] = ref.split(":").map((end) => CELL.exec(end.trim()));
  if (!from || !to) return undefined;
  const a = { row: Number(from[2]) - 1, col: columnOf(from[1]) };
  const b = { row: Number(to[2]) - 1, col: columnOf(to[1]) };
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Empties the cells merged ranges cover, as held (their rows count as used). */
function coverMerges(rows: Map<number, Row>, merges: CellRange[]): void {
  const taken = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      let row = rows.get(r + 1);
      for (let c = m.left; c <= m.right; c++) {
        const key = r * 16_384 + c;
        if (taken.has(key)) throw new XmlError("merged ranges overlap");
        taken.add(key);
        if (r === m.top && c === m.left) continue;
        if (!row) rows.set(r + 1, (row = { hidden: false, entries: [] }));
        row.entries[c] = HELD;
      }
    }
  }
}

function gridOf(name: string, sheetRows: Map<number, Row>, merges: CellRange[], limits: SheetContext): Grid {
  const rows: Grid["rows"] = [];
  const hiddenRows: number[] = [];
  let lastColumn = 0;
  let skippedRows = 0;
  for (const number of [...sheetRows.keys()].sort((a, b) => a - b)) {
    if (!(number >= 1)) continue;
    const { entries, hidden } = sheetRows.get(number)!;
    let last = entries.length;
    while (last > 0 && entries[last - 1] === undefined) last--;
    if (last === 0) continue;
    if (number > limits.maxRows) {
      skippedRows++;
      continue;
    }
    const r = number - 1;
    while (rows.length < r) rows.push([]);
    lastColumn = Math.max(lastColumn, last);
    const cells: (Cell | undefined)[] = [];
    const end = Math.min(last, limits.maxColumns);
    for (let c = 0; c < end; c++) {
      const entry = entries[c];
      if (entry) cells[c] = entry;
    }
    rows.push(cells);
    if (hidden) hiddenRows.push(r);
  }
  const grid: Grid = { name, rows, merges: clipMerges(merges, limits), hiddenRows };
  return withTruncation(grid, skippedRows, lastColumn - limits.maxColumns);
}

/** Records what the limits left out of a sheet (`grid.truncated`), when anything was. */
export function withTruncation(grid: Grid, skippedRows: number, skippedColumns: number): Grid {
  if (skippedRows > 0 || skippedColumns > 0) {
    grid.truncated = {};
    if (skippedRows > 0) grid.truncated.rows = skippedRows;
    if (skippedColumns > 0) grid.truncated.columns = skippedColumns;
  }
  return grid;
}

/** The merged ranges (0-based) as far as the rows and columns read: those starting beyond are dropped. */
export function clipMerges(merges: CellRange[], limits: { maxRows: number; maxColumns: number }): CellRange[] {
  return merges
    .filter((m) => m.top < limits.maxRows && m.left < limits.maxColumns)
    .map((m) => ({
      ...m,
      bottom: Math.min(m.bottom, limits.maxRows - 1),
      right: Math.min(m.right, limits.maxColumns - 1),
    }));
}
