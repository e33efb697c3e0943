/**
 * readWorkbook for a caller that builds a new workbook from a file (a unit's feedback): the Grids from
 * PhuLuc's reader, and the exceljs workbook loaded from the same bytes to write the copy from. A file
 * that is written back (the consolidated workbook, the review records) is patched instead (patch/).
 * Kept apart from readWorkbook so that reading alone never loads exceljs.
 */
import ExcelJS from "exceljs";
import { loadKeepingNumFmts } from "./exceljsLoad";
import { readWorkbookFile, type ReadOptions, type WorkbookRead } from "./readWorkbook";
import { corruptError } from "./zipLimits";

export async function loadWorkbook(
  source: string | Uint8Array | ArrayBuffer,
  options: ReadOptions = {},
): Promise<{ read: WorkbookRead; workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  const { read, bytes } = await readWorkbookFile(source, options);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs only reads the buffer; the caller's bytes and the file on disk stay untouched.
    await loadKeepingNumFmts(workbook, bytes);
  } catch (error) {
    throw corruptError(read.fileName, error);
  }
  return { read, workbook, bytes };
}
