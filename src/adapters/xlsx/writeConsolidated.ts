/**
 * Writes the consolidated workbook: the template workbook loaded from its bytes (the template file
 * itself is never written), each consolidated sheet patched in place (rows inserted above Tổng cộng
 * where kinh-phi/dịch vụ công grew, values written with their number formats), and the
 * `Nhật ký tổng hợp` log sheet added (replaced when the template already has one), and the review
 * records (PhuLuc, Tình trạng nộp) when given.
 */
import ExcelJS from "exceljs";
import { PhuLucError } from "../../engine/errors";
import type { MergeResult, SheetPatch } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows, type NotMerged } from "../../engine/merge/logSheet";
import type { ReviewStore } from "../../engine/review";
import { appendTextRows } from "./appendRows";
import { DerivedStyles } from "./derivedStyles";
import { protectApproved, refuseOthersProtection } from "./protectApproved";
import { loadKeepingNumFmts } from "./exceljsLoad";
import { shiftRows } from "../../engine/formulaRefs";
import { writeReviewStore } from "./reviewSheets";
import { deflateFiles, partBytes, workbookParts, type ZipFiles } from "./workbookParts";

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(text: string): Range | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
  if (!match) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(match[2]), left: col(match[1]), bottom: Number(match[4]), right: col(match[3]) };
}

/**
 * Inserts or deletes whole rows. exceljs moves merged ranges unreliably when rows shift, so the
 * ranges below the change are unmerged first and merged again at their new place.
 */
function changeRows(sheet: ExcelJS.Worksheet, change: NonNullable<SheetPatch["rowChange"]>): void {
  const at = change.at + 1;
  const formulas = formulaCells(sheet);
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((r): r is Range => !!r);
  const below = merges.filter((r) => r.top >= at);
  for (const r of below) sheet.unMergeCells(r.top, r.left, r.bottom, r.right);
  if (change.delta > 0) {
    sheet.insertRows(
      at,
      Array.from({ length: change.delta }, () => []),
      "i",
    );
  } else {
    sheet.spliceRows(at, -change.delta);
  }
  for (const r of below) {
    if (change.delta < 0 && r.top < at - change.delta) continue;
    sheet.mergeCells(r.top + change.delta, r.left, r.bottom + change.delta, r.right);
  }
  shiftFormulas(sheet, formulas, change);
}

/**
 * The sheet's formulas, read before its rows move (a shared formula's cells each with its own text).
 * exceljs moves the cells but not the references in their formulas, and re-slides a shared formula
 * from its master at the cell's new place, so a Toàn tỉnh rate `=D7/B7` pushed down two rows would
 * divide a xã's figures once Excel recalculates.
 */
function formulaCells(sheet: ExcelJS.Worksheet): { row: number; col: number; formula: string; result: unknown }[] {
  const cells: { row: number; col: number; formula: string; result: unknown }[] = [];
  sheet.eachRow((row, rowNumber) =>
    row.eachCell((cell, colNumber) => {
      // `formula` is undefined but on formula cells (a shared formula's: its master's, slid by exceljs).
      if (cell.formula) cells.push({ row: rowNumber - 1, col: colNumber, formula: cell.formula, result: cell.result });
    }),
  );
  return cells;
}

/** Each formula written back where its cell moved, rewritten as Excel's own row insertion would (shiftRows). */
function shiftFormulas(
  sheet: ExcelJS.Worksheet,
  formulas: ReturnType<typeof formulaCells>,
  { at, delta }: NonNullable<SheetPatch["rowChange"]>,
): void {
  for (const { row, col, formula, result } of formulas) {
    if (delta < 0 && row >= at && row < at - delta) continue; // its row was deleted
    const value = { formula: shiftRows(formula, at, delta), result } as ExcelJS.CellFormulaValue;
    sheet.getCell((row >= at ? row + delta : row) + 1, col).value = value;
  }
}

function applyPatch(sheet: ExcelJS.Worksheet, patch: SheetPatch, styles: DerivedStyles): void {
  if (patch.rowChange) changeRows(sheet, patch.rowChange);
  for (const write of patch.writes) {
    const cell = sheet.getCell(write.row + 1, write.col + 1);
    cell.value = write.formula
      ? ({ formula: write.formula, result: write.value as number } as ExcelJS.CellFormulaValue)
      : write.value;
    if (write.numFmt) styles.set(cell, write.numFmt, { numFmt: write.numFmt });
  }
}

async function loadTemplate(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await loadKeepingNumFmts(workbook, bytes);
  return workbook;
}

/**
 * The log sheet with its header, widths and frozen first row; its rows (all text) are appended to
 * the written file by appendTextRows, which writes them far faster than exceljs's object model.
 */
function addLogSheet(workbook: ExcelJS.Workbook, header: string[]): ExcelJS.Worksheet {
  const existing = workbook.getWorksheet(LOG_SHEET_NAME);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(LOG_SHEET_NAME);
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  [28, 16, 8, 14, 60, 36, 22, 50].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return sheet;
}

/**
 * `template` is the template's bytes, or the workbook already loaded from them (loadWorkbook), which
 * is then patched in place instead of parsing the template again.
 */
export async function writeConsolidated(
  template: Uint8Array | ArrayBuffer | ExcelJS.Workbook,
  result: MergeResult,
  options: {
    notMerged?: NotMerged[];
    /** The review records after this merge (giải trình carried, Tình trạng nộp updated): PhuLuc + Tình trạng nộp sheets. */
    review?: ReviewStore;
    /** Zips the written parts: fflate's deflate unless the caller has a faster one (the CLI: Node's zlib). */
    zip?: (files: ZipFiles) => Uint8Array;
  } = {},
): Promise<Uint8Array> {
  const workbook = template instanceof ExcelJS.Workbook ? template : await loadTemplate(template);
  refuseOthersProtection(workbook, result, options.review);
  const styles = new DerivedStyles();
  for (const merged of result.sheets) {
    const sheet = workbook.getWorksheet(merged.sheet);
    if (!sheet) {
      throw new PhuLucError(
        "write-failed",
        // PhuLuc's reader reads sheets exceljs (which writes) does not find, e.g. a part not named sheetN.xml
        // as the Open XML SDK wrote them; Excel names them afresh when it saves.
        `Không ghi được vào trang tính “${merged.sheet}” của mẫu tổng hợp: tệp mẫu được lưu theo cách PhuLuc đọc được nhưng không ghi vào được. Hãy mở tệp mẫu trong Excel, Lưu lại (Ctrl+S) rồi tổng hợp lại.`,
        `Sheet “${merged.sheet}” of the consolidated template can be read but not written into (the file was saved in a way the writer does not follow). Open the template in Excel, save it again and merge again.`,
      );
    }
    applyPatch(sheet, merged.patch, styles);
  }
  const [header, ...rows] = logSheetRows(result.log, options.notMerged ?? []);
  const log = addLogSheet(workbook, header);
  // The approved units' cells locked first: the records then say which sheets PhuLuc protects.
  if (options.review) writeReviewStore(workbook, await protectApproved(workbook, result, options.review));
  const parts = await workbookParts(workbook);
  appendTextRows(parts, `xl/worksheets/sheet${log.id}.xml`, 2, rows);
  return (options.zip ?? deflateFiles)(partBytes(parts));
}
