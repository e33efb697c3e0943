/**
 * SheetJS Community Edition (`@e965/xlsx`) read into the same Grids as the exceljs reader PhuLuc used
 * (lib/exceljsReader.ts): measured in bench/reader.ts (issue 15 §7) and not adopted — under 2× faster
 * than exceljs on most cases, slower than PhuLuc's own reader (bench/README.md). test/sheetjsReader.test.ts
 * holds it to readWorkbook's Grids on every workbook the tests build, so each rule below reproduces
 * what the exceljs reader gives, not what SheetJS would give on its own. The bytes pass readWorkbook's
 * own checks (kind, size, zip limits) first.
 */
import * as XLSX from "@e965/xlsx";
import type { Cell, CellRange, Grid } from "../../src/engine/grid";
import {
  acceptedBytes,
  readLimits,
  workbookRead,
  type Limits,
  type ReadOptions,
  type WorkbookRead,
} from "../../src/adapters/xlsx/readWorkbook";
import { checkMergedCells } from "../../src/adapters/xlsx/mergedCells";
import { clipMerges, withTruncation } from "../../src/adapters/xlsx/ooxml/sheetXml";
import { isDateFormat } from "../../src/adapters/xlsx/ooxml/styles";
import { corruptError } from "../../src/adapters/xlsx/zipLimits";

/** readWorkbook through SheetJS: the same checks before parsing, the same Grids and notes after. */
export async function readWorkbookSheetjs(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const { fileName, bytes } = await acceptedBytes(source, options);
  await checkMergedCells(bytes, fileName);
  return workbookRead(fileName, sheetjsGrids(bytes, fileName, readLimits(options)));
}

/** The options that read what a Grid holds and skip what it doesn't (display text, HTML). */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: "buffer",
  dense: true,
  cellFormula: true,
  // Number formats (cell.z) and row properties (hidden) are read only with these two.
  cellNF: true,
  cellStyles: true,
  cellText: false,
  cellHTML: false,
  // exceljs keeps the `_xlfn.` prefix of newer functions in formula text.
  xlfn: true,
};

/** Excel's error codes as SheetJS numbers them in a cell's value. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/**
 * Built-in number formats whose code exceljs spells differently from SheetJS (ids 14, 39, 40):
 * the Grid keeps exceljs' spelling (id 22: Excel's, as both now spell it). (A custom format typed exactly as SheetJS' spelling would be
 * renamed too; it means the same to Excel.)
 */
const EXCELJS_FORMAT: Record<string, string> = {
  "m/d/yy": "mm-dd-yy",
  "#,##0.00;(#,##0.00)": "#,##0.00 ;(#,##0.00)",
  "#,##0.00;[Red](#,##0.00)": "#,##0.00 ;[Red](#,##0.00)",
};

export function sheetjsGrids(bytes: Uint8Array, fileName: string, limits: Limits): Grid[] {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, READ_OPTIONS);
  } catch (error) {
    throw corruptError(fileName, error);
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name];
    // Chart and macro sheets have no cells; exceljs does not list them.
    if (!sheet || sheet["!type"]) return;
    const grid = sheetToGrid(name, sheet, limits, date1904);
    if (workbook.Workbook?.Sheets?.[index]?.Hidden) grid.hidden = true;
    grids.push(grid);
  });
  return grids;
}

function sheetToGrid(name: string, sheet: XLSX.WorkSheet, limits: Limits, date1904: boolean): Grid {
  const data = (sheet["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const rowProps = sheet["!rows"] ?? [];
  const allMerges = (sheet["!merges"] ?? []).map(({ s, e }): CellRange => ({
    top: s.r,
    left: s.c,
    bottom: e.r,
    right: e.c,
  }));
  const covered = coveredCells(allMerges);

  const rows: Grid["rows"] = [];
  const hiddenRows: number[] = [];
  let lastColumn = 0;
  let skippedRows = 0;
  const lastRow = Math.max(data.length - 1, covered.lastRow);
  for (let r = 0; r <= lastRow; r++) {
    const source = data[r];
    const merged = covered.byRow.get(r);
    // exceljs lists a row when it holds a value or a cell of a merged range other than its top-left.
    let lastInRow = merged?.lastColumn ?? -1;
    if (source) for (let c = source.length - 1; c > lastInRow; c--) if (holdsSomething(source[c])) lastInRow = c;
    if (lastInRow < 0) continue;
    if (r >= limits.maxRows) {
      skippedRows++;
      continue;
    }
    while (rows.length < r) rows.push([]);
    lastColumn = Math.max(lastColumn, lastInRow + 1);
    rows.push(source ? readRow(source, merged?.columns, limits.maxColumns, date1904) : []);
    if (rowProps[r]?.hidden) hiddenRows.push(r);
  }

  const grid: Grid = { name, rows, merges: clipMerges(allMerges, limits), hiddenRows };
  return withTruncation(grid, skippedRows, lastColumn - limits.maxColumns);
}

function readRow(
  source: (XLSX.CellObject | undefined)[],
  covered: Set<number> | undefined,
  maxColumns: number,
  date1904: boolean,
): (Cell | undefined)[] {
  const cells: (Cell | undefined)[] = [];
  const end = Math.min(source.length, maxColumns);
  for (let c = 0; c < end; c++) {
    const excelCell = source[c];
    // A merged range keeps its value in its top-left cell only.
    if (!excelCell || covered?.has(c)) continue;
    const cell = readCell(excelCell, date1904);
    if (cell) cells[c] = cell;
  }
  return cells;
}

/** Per row, the cells of merged ranges other than their top-left one. */
function coveredCells(merges: CellRange[]): {
  byRow: Map<number, { columns: Set<number>; lastColumn: number }>;
  lastRow: number;
} {
  const byRow = new Map<number, { columns: Set<number>; lastColumn: number }>();
  let lastRow = -1;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        let row = byRow.get(r);
        if (!row) byRow.set(r, (row = { columns: new Set(), lastColumn: -1 }));
        row.columns.add(c);
        row.lastColumn = Math.max(row.lastColumn, c);
        lastRow = Math.max(lastRow, r);
      }
    }
  }
  return { byRow, lastRow };
}

/** SheetJS keeps a styled empty cell as a stub (`z`); exceljs counts it only when it has a formula. */
function holdsSomething(cell: XLSX.CellObject | undefined): boolean {
  return cell !== undefined && (cell.t !== "z" || cell.f !== undefined);
}

function readCell(source: XLSX.CellObject, date1904: boolean): Cell | undefined {
  const numFmt = source.z === undefined ? undefined : (EXCELJS_FORMAT[String(source.z)] ?? String(source.z));
  const cell: Cell = { value: null };
  if (source.f !== undefined) cell.formula = source.f;
  switch (source.t) {
    case "n":
      cell.value =
        typeof source.v === "number" && numFmt !== undefined && isDateFormat(numFmt)
          ? excelDate(source.v, date1904)
          : (source.v as number);
      break;
    case "s":
    case "b":
      cell.value = source.v as string | boolean;
      break;
    case "e":
      cell.error = ERRORS[source.v as number] ?? String(source.w ?? "#N/A");
      break;
  }
  if (numFmt && numFmt !== "General") cell.numFmt = numFmt;
  if (cell.value === null && !cell.error && !cell.formula) return undefined;
  return cell;
}

/** exceljs' utils.excelToDate: a serial day number as a UTC Date. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
