/**
 * The exceljs reader PhuLuc used until its own (src/adapters/xlsx/ooxml), kept as the oracle that
 * test/ooxmlReader.test.ts holds the new reader to, and as the bench's baseline (bench/reader.ts):
 * exceljs' in-memory reader, its cells converted to Grids (what readWorkbook's worksheetToGrid did), with
 * the same checks before parsing and a formula's cached empty text restored after (emptyTextResults).
 */
import ExcelJS from "exceljs";
import type { Cell, CellRange, CellValue, Grid } from "../../src/engine/grid";
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
import { corruptError } from "../../src/adapters/xlsx/zipLimits";
import { fillEmptyTextResults } from "./emptyTextResults";

/** readWorkbook through exceljs: the same checks before parsing, the Grids exceljs' model gives. */
export async function readWorkbookExceljs(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const { fileName, bytes } = await acceptedBytes(source, options);
  await checkMergedCells(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw corruptError(fileName, error);
  }
  const limits = readLimits(options);
  const grids = workbook.worksheets.map((sheet) => worksheetToGrid(sheet, limits));
  await fillEmptyTextResults(bytes, grids);
  return workbookRead(fileName, grids);
}

function worksheetToGrid(sheet: ExcelJS.Worksheet, limits: Limits): Grid {
  const rows: Grid["rows"] = [];
  const hiddenRows: number[] = [];
  let lastColumn = 0;
  let skippedRows = 0;

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > limits.maxRows) {
      skippedRows++;
      return;
    }
    const r = rowNumber - 1;
    while (rows.length < r) rows.push([]);
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (excelCell, colNumber) => {
      lastColumn = Math.max(lastColumn, colNumber);
      if (colNumber > limits.maxColumns) return;
      // A merged range keeps its value in its top-left cell only; exceljs echoes it into the others.
      if (excelCell.isMerged && excelCell.master !== excelCell) return;
      const cell = readCell(excelCell);
      if (cell) cells[colNumber - 1] = cell;
    });
    rows.push(cells);
    if (row.hidden) hiddenRows.push(r);
  });

  const grid: Grid = { name: sheet.name, rows, merges: readMerges(sheet, limits), hiddenRows };
  if (sheet.state === "hidden" || sheet.state === "veryHidden") grid.hidden = true;
  return withTruncation(grid, skippedRows, lastColumn - limits.maxColumns);
}

type ExcelValue = ExcelJS.CellValue | undefined;

function readCell(excelCell: ExcelJS.Cell): Cell | undefined {
  const raw: ExcelValue = excelCell.value;
  if (raw === null || raw === undefined) return undefined;
  const cell: Cell = { value: null };
  if (typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw)) {
    // exceljs translates a shared formula from its master cell.
    cell.formula = excelCell.formula ?? undefined;
    // `cell.result`, not `value.result`: exceljs' copy of the value drops a cached 0 or FALSE, which
    // then read as a formula never calculated (a cached empty text its parser loses: emptyTextResults).
    setValue(cell, excelCell.result as ExcelValue);
  } else {
    setValue(cell, raw);
  }
  const numFmt = excelCell.numFmt;
  if (numFmt && numFmt !== "General") cell.numFmt = numFmt;
  if (cell.value === null && !cell.error && !cell.formula) return undefined;
  return cell;
}

/** Puts a value (or a formula's cached result) into the cell: plain value, or error code. */
function setValue(cell: Cell, raw: ExcelValue): void {
  const value = plainValue(raw);
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    cell.error = value.error;
  } else {
    cell.value = value;
  }
}

function plainValue(raw: ExcelValue): CellValue | { error: string } {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean" || raw instanceof Date) {
    return raw;
  }
  if ("error" in raw) return { error: String(raw.error) };
  if ("richText" in raw) return raw.richText.map((run) => run.text).join("");
  if ("hyperlink" in raw) return plainText((raw as { text?: unknown }).text);
  if ("text" in raw) return plainText((raw as { text?: unknown }).text);
  return null;
}

/** Hyperlink text may itself be rich text. */
function plainText(text: unknown): string {
  if (typeof text === "string") return text;
  if (text && typeof text === "object" && "richText" in text) {
    return (text as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  }
  return text == null ? "" : String(text);
}

/** exceljs keeps merges in a private map of ranges (1-based); the public model would copy every row. */
function readMerges(sheet: ExcelJS.Worksheet, limits: Limits): CellRange[] {
  const merges = (sheet as unknown as { _merges?: Record<string, { model: CellRange }> })._merges ?? {};
  return clipMerges(
    Object.values(merges).map(({ model }) => ({
      top: model.top - 1,
      left: model.left - 1,
      bottom: model.bottom - 1,
      right: model.right - 1,
    })),
    limits,
  );
}
