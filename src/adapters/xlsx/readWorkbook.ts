/**
 * Reads an .xlsx file or buffer into Grids with PhuLuc's own reader (ooxml/), in Node (path or bytes)
 * and in the browser (bytes). Bad files are classified from their bytes first, so the user gets a
 * Vietnamese message that names the file and says what to do, never a zip library's stack trace. The
 * input is only read.
 *
 * Memory: the grid keeps at most maxRows × maxColumns, and a file above maxBytes, whose zip would
 * inflate beyond its limit (zipLimits) or whose merged ranges would cover millions of cells
 * (mergedCells), is refused before its sheets are parsed.
 */
import type { Grid } from "../../engine/grid";
import { PhuLucError } from "../../engine/errors";
import { makeNote, type Note } from "../../engine/notes/note";
import { sheetHidden, sheetTooLong, sheetTooWide } from "../../engine/notes/workbook";
import { fileKind, zipKind } from "./fileKind";
import { assertFileSize, DEFAULT_MAX_BYTES, INFLATE_RATIO, type InflateBudget } from "./inputLimits";
import { readOoxml } from "./ooxml/readOoxml";
import { readRegularFile } from "./readRegularFile";
import { checkZipLimits } from "./zipLimits";

export interface ReadOptions {
  /** Name used in messages and results (defaults to the path's base name, or "sổ tính"). */
  fileName?: string;
  /** Rows read per sheet; later rows are skipped and counted in `grid.truncated`. */
  maxRows?: number;
  /** Columns read per sheet; later columns are skipped and counted in `grid.truncated`. */
  maxColumns?: number;
  /**
   * Largest file accepted, in bytes. exceljs (still loading the workbooks PhuLuc writes into) holds the
   * whole workbook in memory, about 100 times the file's size (a 6 MB file of 100,000 rows takes 600 MB),
   * so a far larger file is refused with a message rather than left to exhaust memory. Phụ lục
   * workbooks are well under 1 MB.
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
  return (await readWorkbookFile(source, options)).read;
}

/** readWorkbook that also hands back the bytes read (to hash) and the workbook's own modified date. */
export async function readWorkbookFile(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<{ read: WorkbookRead; bytes: Uint8Array; modified?: Date }> {
  const { fileName, bytes } = await acceptedBytes(source, options);
  const { grids, modified } = await readOoxml(bytes, fileName, readLimits(options));
  return { read: workbookRead(fileName, grids), bytes, modified };
}

/**
 * The file's bytes once they are known to be an .xlsx within the limits: its kind from its bytes,
 * its size, and what its zip would inflate to, all before any reader inflates anything (the merged
 * ranges are counted by the reader: checkMergedCells).
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
