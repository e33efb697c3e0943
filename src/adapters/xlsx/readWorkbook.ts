/**
 * Reads an .xlsx file or buffer into Grids with exceljs, in Node (path or bytes) and in the browser
 * (bytes). Bad files are classified from their bytes first, so the user gets a Vietnamese message
 * that names the file and says what to do, never a zip library's stack trace. The input is only read.
 *
 * Memory: exceljs' in-memory reader in both Node and the browser, because header detection and the
 * formula notes need the merged ranges and shared formulas its streaming reader drops (measured:
 * bench/README.md); the grid keeps at most maxRows × maxColumns, and a file above maxBytes, whose
 * zip would inflate beyond its limit (zipLimits) or whose merged ranges would make millions of cells
 * (mergedCells), is refused before exceljs reads it.
 */
import ExcelJS from "exceljs";
import { parseA1, type Cell, type CellRange, type CellValue, type Grid } from "../../engine/grid";
import { PhuLucError } from "../../engine/errors";
import { makeNote, type Note } from "../../engine/notes/note";
import { sheetHidden, sheetTooLong, sheetTooWide } from "../../engine/notes/workbook";
import { fileKind, zipKind } from "./fileKind";
import { assertFileSize, DEFAULT_MAX_BYTES, INFLATE_RATIO, type InflateBudget } from "./inputLimits";
import { fillEmptyTextResults } from "./emptyTextResults";
import { checkMergedCells } from "./mergedCells";
import { readRegularFile } from "./readRegularFile";
import { slideFormula } from "./slideFormula";
import { checkZipLimits, corruptError } from "./zipLimits";

export interface ReadOptions {
  /** Name used in messages and results (defaults to the path's base name, or "sổ tính"). */
  fileName?: string;
  /** Rows read per sheet; later rows are skipped and counted in `grid.truncated`. */
  maxRows?: number;
  /** Columns read per sheet; later columns are skipped and counted in `grid.truncated`. */
  maxColumns?: number;
  /**
   * Largest file accepted, in bytes. exceljs holds the whole workbook in memory, about 100 times the
   * file's size (a 6 MB file of 100,000 rows takes 600 MB), so a far larger file is refused with a
   * message rather than left to exhaust memory. Phụ lục workbooks are well under 1 MB.
   */
  maxBytes?: number;
  /** Largest total the file's zip parts may inflate to (spec §8: 10 × maxBytes). */
  maxInflatedBytes?: number;
  /** Shared by the files of one merge: what they may inflate to together. */
  budget?: InflateBudget;
}

export interface WorkbookRead {
  fileName: string;
  grids: Grid[];
  /** Vietnamese plain statements about the workbook as a whole (hidden sheets, skipped rows/columns). */
  notes: Note[];
}

/** How much of each sheet is read (ReadOptions' maxRows and maxColumns, defaulted). */
export interface Limits {
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_MAX_ROWS = 50_000;
export const DEFAULT_MAX_COLUMNS = 200;

export async function readWorkbook(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  return (await loadWorkbook(source, options)).read;
}

/**
 * readWorkbook that also hands back the loaded exceljs workbook, so a caller that writes into the
 * same file (the merge's template) does not parse it a second time, and the bytes read (to hash).
 */
export async function loadWorkbook(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<{ read: WorkbookRead; workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  const { fileName, bytes } = await acceptedBytes(source, options);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs only reads the buffer; the caller's bytes and the file on disk stay untouched.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw corruptError(fileName, error);
  }
  const limits = readLimits(options);
  const grids = workbook.worksheets.map((sheet) => worksheetToGrid(sheet, limits));
  await fillEmptyTextResults(bytes, fileName, grids);
  return { read: workbookRead(fileName, grids), workbook, bytes };
}

/**
 * The file's bytes once they are known to be an .xlsx within the limits: its kind from its bytes,
 * its size, and what its zip would inflate to, all before any reader inflates anything.
 */
export async function acceptedBytes(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const fileName = options.fileName ?? (typeof source === "string" ? baseName(source) : "sổ tính");
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = typeof source === "string" ? await readRegularFile(source, fileName, maxBytes) : toBytes(source);
  assertSpreadsheetBytes(bytes, fileName);
  assertFileSize(bytes.length, fileName, maxBytes);
  await checkZipLimits(bytes, fileName, {
    maxInflatedBytes: options.maxInflatedBytes ?? maxBytes * INFLATE_RATIO,
    partGraceBytes: maxBytes,
    budget: options.budget,
  });
  await checkMergedCells(bytes, fileName);
  return { fileName, bytes };
}

export function readLimits(options: ReadOptions): Limits {
  return {
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
  };
}

/** The workbook as read, with what the user is told about it; a workbook needs one sheet. */
export function workbookRead(fileName: string, grids: Grid[]): WorkbookRead {
  if (grids.length === 0) {
    throw new PhuLucError(
      "no-sheets",
      `Tệp “${fileName}” không có trang tính nào.`,
      `File “${fileName}” has no worksheets.`,
    );
  }
  return { fileName, grids, notes: grids.flatMap(gridReadNotes) };
}

export function hiddenSheetNote(grid: Grid): Note[] {
  return grid.hidden ? [makeNote(sheetHidden, { sheet: grid.name })] : [];
}

/** What reading did to a sheet that the user should be told: hidden, or cut to the limits. */
function gridReadNotes(grid: Grid): Note[] {
  const notes = hiddenSheetNote(grid);
  if (grid.truncated?.rows) {
    notes.push(makeNote(sheetTooLong, { sheet: grid.name, read: grid.rows.length, skipped: grid.truncated.rows }));
  }
  if (grid.truncated?.columns)
    notes.push(makeNote(sheetTooWide, { sheet: grid.name, skipped: grid.truncated.columns }));
  return notes;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function toBytes(source: Uint8Array | ArrayBuffer): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

function assertSpreadsheetBytes(bytes: Uint8Array, fileName: string): void {
  switch (fileKind(bytes)) {
    case "zip":
      return assertXlsxZip(bytes, fileName);
    case "encrypted-ooxml":
      throw new PhuLucError(
        "encrypted",
        `Tệp “${fileName}” được bảo vệ bằng mật khẩu; hãy mở trong Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
        `File “${fileName}” is password-protected; remove the password in Excel and save it again.`,
      );
    case "legacy-xls":
      throw new PhuLucError(
        "legacy-xls",
        `Tệp “${fileName}” là định dạng Excel 97-2003 (.xls); hãy mở trong Excel và Lưu thành .xlsx.`,
        `File “${fileName}” is in the Excel 97-2003 format (.xls); open it in Excel and save it as .xlsx.`,
      );
    case "empty":
      throw new PhuLucError("not-xlsx", `Tệp “${fileName}” rỗng (0 byte).`, `File “${fileName}” is empty.`);
    case "other":
      throw new PhuLucError(
        "not-xlsx",
        `Tệp “${fileName}” không phải sổ tính Excel .xlsx (có thể là tệp khác bị đổi đuôi).`,
        `File “${fileName}” is not an Excel .xlsx workbook (perhaps another file renamed).`,
      );
  }
}

function assertXlsxZip(bytes: Uint8Array, fileName: string): void {
  switch (zipKind(bytes)) {
    case "xlsx":
      return;
    case "xlsb":
      throw new PhuLucError(
        "not-xlsx",
        `Tệp “${fileName}” là sổ tính nhị phân Excel (.xlsb); hãy mở trong Excel và Lưu thành .xlsx.`,
        `File “${fileName}” is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx.`,
      );
    case "ods":
      throw new PhuLucError(
        "not-xlsx",
        `Tệp “${fileName}” là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice hoặc Excel và Lưu thành .xlsx.`,
        `File “${fileName}” is an OpenDocument spreadsheet (.ods); save it as .xlsx.`,
      );
    case "other":
      throw new PhuLucError(
        "not-xlsx",
        `Tệp “${fileName}” là tệp nén (zip) nhưng không phải sổ tính Excel .xlsx.`,
        `File “${fileName}” is a zip archive but not an Excel .xlsx workbook.`,
      );
  }
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

/** Records what the limits left out of a sheet (`grid.truncated`), when anything was. */
export function withTruncation(grid: Grid, skippedRows: number, skippedColumns: number): Grid {
  if (skippedRows > 0 || skippedColumns > 0) {
    grid.truncated = {};
    if (skippedRows > 0) grid.truncated.rows = skippedRows;
    if (skippedColumns > 0) grid.truncated.columns = skippedColumns;
  }
  return grid;
}

type ExcelValue = ExcelJS.CellValue | undefined;

function readCell(excelCell: ExcelJS.Cell): Cell | undefined {
  const raw: ExcelValue = excelCell.value;
  if (raw === null || raw === undefined) return undefined;
  const cell: Cell = { value: null };
  if (typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw)) {
    cell.formula = formulaText(excelCell, raw);
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

/**
 * A formula cell's text; a shared formula's other cells get the master's text slid to them, not
 * exceljs' translation, which moves quoted text too (slideFormula).
 */
function formulaText(
  excelCell: ExcelJS.Cell,
  raw: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue,
): string | undefined {
  if (!("sharedFormula" in raw)) return excelCell.formula ?? undefined;
  const text = excelCell.worksheet.getCell(raw.sharedFormula).formula;
  const [at, from] = [excelCell.fullAddress, parseA1(raw.sharedFormula)];
  return text && from ? slideFormula(text, at.row - 1 - from.row, at.col - 1 - from.col) : undefined;
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

/** The merged ranges (0-based) as far as the rows and columns read: those starting beyond are dropped. */
export function clipMerges(merges: CellRange[], limits: Limits): CellRange[] {
  return merges
    .filter((m) => m.top < limits.maxRows && m.left < limits.maxColumns)
    .map((m) => ({
      ...m,
      bottom: Math.min(m.bottom, limits.maxRows - 1),
      right: Math.min(m.right, limits.maxColumns - 1),
    }));
}
