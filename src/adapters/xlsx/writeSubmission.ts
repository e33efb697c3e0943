/**
 * Submission model → .xlsx bytes with exceljs (Node and browser: only `writeBuffer`, no file system).
 * Every value is written as the model says: strings as strings (a unit's `=HYPERLINK(…)` text stays
 * text), formulas only where the model has one, always with its cached result.
 */
import ExcelJS from "exceljs";
import type { Submission, SubmissionCell, SubmissionSheet } from "../../engine/export/model";
import { EXPLANATION_SHEET_NAME } from "../../engine/review";
import { writeListSheet } from "./reviewSheets";
import { PhuLucError } from "../../engine/errors";

const FONT_NAME = "Times New Roman";
const THIN: Partial<ExcelJS.Border> = { style: "thin" };

function cellValue(cell: SubmissionCell): ExcelJS.CellValue {
  if (cell.formula) return { formula: cell.formula, result: cell.value as number } as ExcelJS.CellFormulaValue;
  if (cell.error) return { error: cell.error } as ExcelJS.CellErrorValue;
  return cell.value;
}

function writeCell(target: ExcelJS.Cell, cell: SubmissionCell): void {
  target.value = cellValue(cell);
  const { style } = cell;
  target.font = { name: FONT_NAME, size: style.size, bold: style.bold, italic: style.italic };
  target.alignment = { horizontal: style.align, vertical: "middle", wrapText: style.wrap };
  if (style.border) target.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (cell.numFmt) target.numFmt = cell.numFmt;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SubmissionSheet): void {
  const { page } = sheet;
  const ws = workbook.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: page.paperSize,
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${sheet.printTitleRows.first + 1}:${sheet.printTitleRows.last + 1}`,
    },
    headerFooter: { oddFooter: page.footer, differentFirst: false, differentOddEven: false } as ExcelJS.HeaderFooter,
    views: [{ showGridLines: false }],
  });
  sheet.columnWidths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells?.forEach((cell, c) => {
      if (cell) writeCell(row.getCell(c + 1), cell);
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  sheet.rowHeights.forEach((height, r) => {
    if (height !== undefined) ws.getRow(r + 1).height = height;
  });
  for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
}

/**
 * The .xlsx file's bytes. Throws PhuLucError("write-failed") naming the file when exceljs fails.
 * `explanations`: the rows of a "Giải trình" list sheet added after the Phụ lục (export --with-explanations).
 */
export async function writeSubmission(
  submission: Submission,
  options: { explanations?: string[][] } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PhuLuc";
  try {
    for (const sheet of submission.sheets) writeSheet(workbook, sheet);
    if (options.explanations) {
      writeListSheet(workbook, EXPLANATION_SHEET_NAME, options.explanations, [14, 8, 22, 10, 60, 50, 14, 18, 18]);
    }
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PhuLucError(
      "write-failed",
      `Không tạo được file nộp ${submission.fileName}: ${detail}`,
      `Could not build the submission file ${submission.fileName}: ${detail}`,
      { cause: error },
    );
  }
}
