/**
 * A whole worksheet part for the lists PhuLuc writes itself (the merge log "Nhật ký tổng hợp", up to
 * ~12,000 rows × 8 texts; "Tình trạng nộp"; the very hidden "PhuLuc" records): text in shared strings,
 * numbers as values, built as one string (no DOM: a model per cell was two thirds of exceljs's write).
 */
import { columnLetters } from "../../../engine/grid";
import type { StyleChange, StylePatch } from "./styles";

/** What a list needs of the shared strings (helper "pkg"'s SharedStringTable has it). */
export interface StringRefs {
  ref(text: string): number;
}

export interface ListSheetOptions {
  strings: StringRefs;
  styles: StylePatch;
  /** The first row bold, and frozen above the others. */
  header?: boolean;
  /** Column widths by 0-based column, in Excel's character units. */
  widths?: number[];
  /** String cells formatted "@", so Excel keeps `=…`, dates and long digits typed over them as text. */
  textFormat?: boolean;
}

const NAMESPACES =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** CT_Worksheet's sequence (§18.3.1.99): dimension, sheetViews, sheetFormatPr, cols, sheetData, …, pageMargins. */
export function listSheetXml(rows: (string | number | null)[][], options: ListSheetOptions): string {
  const { strings, header = false, textFormat = false } = options;
  const styleOf = styleAttributes(options.styles);
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const letters = Array.from({ length: width }, (_, col) => columnLetters(col));
  const sheetRows: string[] = [];
  let lastRow = 0;
  let lastCol = 0;
  // Plain loops and one string per row: this runs for every cell of a 12,000-row log.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const bold = header && r === 0;
    const number = r + 1;
    let cells = "";
    for (let col = 0; col < row.length; col++) {
      const value = row[col];
      if (value === null) continue;
      const ref = letters[col] + number;
      if (typeof value === "number") {
        if (!Number.isFinite(value)) throw new Error(`list sheet: ${ref} is not a number Excel can hold (${value})`);
        cells += `<c r="${ref}"${styleOf(bold, false)}><v>${value}</v></c>`;
      } else {
        cells += `<c r="${ref}"${styleOf(bold, textFormat)} t="s"><v>${strings.ref(value)}</v></c>`;
      }
      if (col > lastCol) lastCol = col;
    }
    if (cells === "") continue;
    sheetRows.push(`<row r="${number}">${cells}</row>`);
    lastRow = number;
  }
  const dimension = lastRow === 0 ? "A1" : `A1:${columnLetters(lastCol)}${lastRow}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet ${NAMESPACES}><dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${header ? FROZEN_FIRST_ROW : ""}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols(options.widths) +
    (sheetRows.length === 0 ? "<sheetData/>" : `<sheetData>${sheetRows.join("")}</sheetData>`) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/** The first row frozen as Excel writes it (CT_Pane §18.3.1.66, with the selection below it). */
const FROZEN_FIRST_ROW =
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';

/**
 * A cell's ` s="…"` by (bold, "@"): nothing for a plain cell, else the default xf derived once it is
 * needed (a list without a header or text gets no new xf).
 */
function styleAttributes(styles: StylePatch): (bold: boolean, text: boolean) => string {
  const made: (string | undefined)[] = [""];
  return (bold, text) => {
    const at = (bold ? 2 : 0) + (text ? 1 : 0);
    let attribute = made[at];
    if (attribute === undefined) {
      const change: StyleChange = {};
      if (bold) change.bold = true;
      if (text) change.numFmt = "@";
      made[at] = attribute = ` s="${styles.derive(0, change)}"`;
    }
    return attribute;
  };
}

/** `<cols>` (CT_Col §18.3.1.13) for the columns given a width; nothing when none is. */
function cols(widths: number[] | undefined): string {
  let xml = "";
  widths?.forEach((width, col) => {
    xml += `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`;
  });
  return xml === "" ? "" : `<cols>${xml}</cols>`;
}
