/**
 * Consolidated sheets + settings → the submission workbook model (spec §7): only the Phụ lục
 * sheets, each laid out per Nghị định 30/2020/NĐ-CP — header block, Phụ lục heading, units line,
 * the bordered table with its header rows repeated on every printed page — A4 landscape.
 */
import { PhuLucError } from "../errors";
import { cellText, type CellRange, type Grid } from "../grid";
import type { Table } from "../model";
import type { Settings } from "../settings";
import { documentDate, exportFileName } from "./fileName";
import { headerBlockLines, phuLucHeading, type HeaderBlockLine } from "./heading";
import { PAGE_LAYOUT, type Submission, type SubmissionCell, type SubmissionSheet, type SubmissionStyle } from "./model";
import { rowHeights } from "./rowHeights";
import { ownSheetKind } from "../review/sheets";
import { TABLE_FONT_SIZE, tableCells, tableRegion } from "./tableCells";

export interface ConsolidatedSheet {
  grid: Grid;
  /** The recognised table (from checkGrid / recogniseTable); sheets without one are not Phụ lục. */
  table?: Table;
}

const HEADER_FONT_SIZE = 13;

/** Why a sheet is not submitted, or undefined when it is. */
function skipReason(sheet: ConsolidatedSheet): string | undefined {
  const own = ownSheetKind(sheet.grid.name);
  if (own) return `${own.vi} (chỉ dùng nội bộ)`;
  if (sheet.grid.hidden) return "trang tính ẩn (trang phụ trợ)";
  if (!sheet.table) return "không phải bảng Phụ lục (không nhận ra mẫu)";
  return undefined;
}

/** Widths in Excel character units: the content column wide, the others fitted to their longest word or line. */
function columnWidths(grid: Grid, table: Table, firstCol: number, lastCol: number, lastRow: number): number[] {
  const widths: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    if (c === table.columns.indicator || c === table.columns.reportingUnit) {
      widths.push(50);
      continue;
    }
    let longestWord = 4;
    let longestText = 4;
    for (let r = Math.min(...table.headerRows); r <= lastRow; r++) {
      const text = cellText(grid.rows[r]?.[c]);
      longestText = Math.max(longestText, text.length);
      for (const word of text.split(/\s+/)) longestWord = Math.max(longestWord, word.length);
    }
    widths.push(Math.min(28, Math.max(longestWord + 3, Math.min(longestText, 14) + 2)));
  }
  return widths;
}

/** Widths the header block needs to keep each line on one row (Quốc hiệu and the date line are the longest). */
const LEFT_BLOCK_WIDTH = 40;
const RIGHT_BLOCK_WIDTH = 50;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Where the header block's right half starts (about 40 % of the width on the left), and the widths
 * widened where a half is too narrow for its lines — printing is fitted to the page width anyway.
 */
function headerSplit(widths: number[]): { split: number; widths: number[] } {
  if (widths.length < 2) return { split: widths.length, widths };
  let split = widths.length - 1;
  for (let k = 1; k < widths.length; k++) {
    if (sum(widths.slice(0, k)) >= sum(widths) * 0.4) {
      split = k;
      break;
    }
  }
  const widen = (part: number[], need: number) => {
    const have = sum(part);
    return have >= need ? part : part.map((w) => Math.round((w * need) / have));
  };
  return {
    split,
    widths: [...widen(widths.slice(0, split), LEFT_BLOCK_WIDTH), ...widen(widths.slice(split), RIGHT_BLOCK_WIDTH)],
  };
}

function buildSheet(grid: Grid, table: Table, settings: Settings): { sheet: SubmissionSheet; notes: string[] } {
  const region = tableRegion(grid, table);
  const width = region.lastCol - region.firstCol + 1;
  const { split, widths } = headerSplit(columnWidths(grid, table, region.firstCol, region.lastCol, region.lastRow));
  const rows: (SubmissionCell | undefined)[][] = [];
  const merges: CellRange[] = [];
  /** Puts text in row r from column `left` to `right` (merged). */
  const put = (r: number, left: number, right: number, value: string, style: SubmissionStyle) => {
    (rows[r] ??= [])[left] = { value, style: { wrap: true, ...style } };
    if (right > left) merges.push({ top: r, left, bottom: r, right });
  };
  const line = (value: string, style: SubmissionStyle) => put(rows.length, 0, width - 1, value, style);

  for (const { left, right } of headerBlockLines(settings)) {
    const r = rows.length;
    const style = (line: HeaderBlockLine): SubmissionStyle => ({
      size: line.size,
      bold: line.bold,
      italic: line.italic,
      align: "center",
    });
    put(r, 0, split - 1, left.text, style(left));
    put(r, split, width - 1, right.text, style(right));
  }
  rows.push([]);

  const heading = phuLucHeading(grid, table, settings);
  line(heading.heading, { size: HEADER_FONT_SIZE, bold: true, align: "center" });
  line(heading.title.toUpperCase(), { size: HEADER_FONT_SIZE, bold: true, align: "center" });
  if (heading.attachedTo) line(heading.attachedTo, { size: HEADER_FONT_SIZE, italic: true, align: "center" });
  if (heading.unitLine) line(heading.unitLine, { size: TABLE_FONT_SIZE, italic: true, align: "right" });
  else rows.push([]);

  const offset = rows.length - region.firstRow;
  const exportRowOf = (gridRow: number) => gridRow + offset;
  const cells = tableCells(grid, table, region, exportRowOf);
  for (let r = region.firstRow; r <= region.lastRow; r++) rows[exportRowOf(r)] = cells.rows.get(r)!;

  for (const m of grid.merges) {
    const inside =
      m.top >= region.firstRow && m.bottom <= region.lastRow && m.left >= region.firstCol && m.right <= region.lastCol;
    if (inside) {
      merges.push({
        top: exportRowOf(m.top),
        bottom: exportRowOf(m.bottom),
        left: m.left - region.firstCol,
        right: m.right - region.firstCol,
      });
    }
  }
  const hiddenRows = grid.hiddenRows.filter((r) => r >= region.firstRow && r <= region.lastRow).map(exportRowOf);
  const notes = [...cells.notes];
  if (hiddenRows.length)
    notes.push(`${grid.name}: ${hiddenRows.length} dòng ẩn vẫn ẩn trong file nộp và vẫn được cộng vào tổng.`);

  return {
    sheet: {
      name: grid.name,
      phuLuc: heading.label,
      rows,
      merges,
      columnWidths: widths,
      rowHeights: rowHeights(rows, merges, widths),
      printTitleRows: { first: exportRowOf(region.firstRow), last: exportRowOf(region.headerLast) },
      hiddenRows,
      page: PAGE_LAYOUT,
    },
    notes,
  };
}

/** The sheets that will be submitted (not the log, not hidden, recognised as a Phụ lục). */
export function submittedSheets(sheets: ConsolidatedSheet[]): ConsolidatedSheet[] {
  return sheets.filter((sheet) => skipReason(sheet) === undefined);
}

/**
 * Builds the submission. `today` dates the file name when the settings carry no date.
 * Throws PhuLucError when no sheet is a Phụ lục.
 */
export function buildSubmission(sheets: ConsolidatedSheet[], settings: Settings, today: Date = new Date()): Submission {
  const skipped: Submission["skipped"] = [];
  const built: SubmissionSheet[] = [];
  const notes: string[] = [];
  for (const sheet of sheets) {
    const reason = skipReason(sheet);
    if (reason) {
      skipped.push({ sheet: sheet.grid.name, reason });
      continue;
    }
    const result = buildSheet(sheet.grid, sheet.table!, settings);
    built.push(result.sheet);
    notes.push(...result.notes);
  }
  if (!built.length) {
    throw new PhuLucError(
      "no-sheets",
      "Không có bảng Phụ lục nào để xuất (chỉ có nhật ký, trang ẩn hoặc trang không nhận ra mẫu).",
      "No Phụ lục table to export (only the log, hidden sheets or unrecognised sheets).",
    );
  }
  const fileName = exportFileName(
    settings,
    built.map((s) => s.phuLuc),
    documentDate(settings, today),
  );
  return { sheets: built, fileName, skipped, notes };
}
