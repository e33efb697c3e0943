/**
 * The submission workbook, host-free: what the xlsx adapter writes cell by cell. Built by
 * buildSubmission from consolidated sheets; no exceljs here so the engine stays pure.
 */
import type { CellRange } from "../grid";

export type HorizontalAlign = "left" | "center" | "right";

export interface SubmissionStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (Times New Roman throughout). */
  size: number;
  align?: HorizontalAlign;
  /** Thin border on all four sides (table cells). */
  border?: boolean;
  wrap?: boolean;
}

export interface SubmissionCell {
  /** The value; for a formula, its cached result (so viewers that don't recalculate show it). */
  value: string | number | boolean | Date | null;
  /** A formula without its leading `=` (only the totals the export writes itself). */
  formula?: string;
  /** An Excel error code the source cell showed (`#REF!`). */
  error?: string;
  numFmt?: string;
  style: SubmissionStyle;
}

export interface PageLayout {
  /** OOXML paper size: 9 = A4. */
  paperSize: 9;
  orientation: "landscape";
  /** Fit to one page wide, as many pages tall as needed (0 = automatic). */
  fitToWidth: 1;
  fitToHeight: 0;
  /** Footer in Excel's header/footer codes. */
  footer: string;
}

export interface SubmissionSheet {
  name: string;
  /** Phụ lục number as in its heading (`I`, `II`; empty for a heading without one). */
  phuLuc: string;
  /** rows[r][c], 0-based. */
  rows: (SubmissionCell | undefined)[][];
  merges: CellRange[];
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Row heights in points where wrapped text needs more than one line (undefined: default height). */
  rowHeights: (number | undefined)[];
  /** 0-based rows repeated at the top of every printed page (the table's header rows). */
  printTitleRows: { first: number; last: number };
  hiddenRows: number[];
  page: PageLayout;
}

export interface Submission {
  sheets: SubmissionSheet[];
  /** `<cơ quan>_<phụ lục>_<kỳ>_<yyyymmdd>.xlsx` */
  fileName: string;
  /** Sheets left out and why (Vietnamese), shown to the user. */
  skipped: { sheet: string; reason: string }[];
  /** Plain Vietnamese statements about what the export changed or could not carry over. */
  notes: string[];
}

export const PAGE_LAYOUT: PageLayout = {
  paperSize: 9,
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  footer: '&C&"Times New Roman,Regular"Trang &P/&N',
};
