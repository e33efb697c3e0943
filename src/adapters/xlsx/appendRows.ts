/**
 * Appends rows of text to one sheet of a workbook exceljs has written, in the sheet's XML itself. The
 * merge log (`Nhật ký tổng hợp`) is one row per unit row — 12,000 rows of 8 texts for 40 files × 300
 * rows — and exceljs's object model spent two thirds of the consolidated workbook's write on it (a
 * model per cell, its style hashed, its XML built node by node; bench/README.md). The rows are written
 * as exceljs writes them: each text a shared string (`t="s"`, deduplicated, appended to
 * `xl/sharedStrings.xml`), no style, so a reader sees the same cells.
 */
import { columnLetters, parseA1 } from "../../engine/grid";
import { SharedStringTable } from "./patch/sharedStrings";
import type { WorkbookParts } from "./workbookParts";

const SHARED_STRINGS = "xl/sharedStrings.xml";

/**
 * `parts`: a workbook as exceljs rendered it (workbookParts); `sheetPath`: the sheet's part
 * (`xl/worksheets/sheet2.xml`), whose rows end at `firstRow - 1` (1-based). Appends `rows` from
 * `firstRow` on to that part, and their strings to the shared strings, in place.
 */
export function appendTextRows(parts: WorkbookParts, sheetPath: string, firstRow: number, rows: string[][]): void {
  const sheet = parts[sheetPath];
  const sst = parts[SHARED_STRINGS];
  if (typeof sheet !== "string" || typeof sst !== "string") {
    throw new Error(`workbook: no ${sheetPath} or ${SHARED_STRINGS}`);
  }
  const strings = new SharedStringTable(sst);
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const letters = Array.from({ length: width }, (_, col) => columnLetters(col));
  const xml: string[] = [];
  rows.forEach((row, i) => {
    const r = firstRow + i;
    let cells = "";
    row.forEach((text, col) => (cells += `<c r="${letters[col]}${r}" t="s"><v>${strings.ref(text)}</v></c>`));
    xml.push(`<row r="${r}" spans="1:${row.length}" x14ac:dyDescent="0.25">${cells}</row>`);
  });
  const end = sheet.lastIndexOf("</sheetData>");
  if (end < 0) throw new Error(`${sheetPath}: no </sheetData>`);
  // The sheet now spans to the last row, and to the widest of its columns and the new rows'.
  const dimension = (ref: string) => {
    const [from, to = from] = ref.split(":");
    const right = Math.max((parseA1(to)?.col ?? 0) + 1, letters.length);
    return `${from}:${columnLetters(right - 1)}${firstRow + rows.length - 1}`;
  };
  // <dimension> comes before the rows: replaced there, not in the whole part (a copy of its megabytes).
  const head = sheet
    .slice(0, end)
    .replace(/<dimension ref="([^"]+)"\/>/, (tag, ref: string) =>
      rows.length > 0 ? `<dimension ref="${dimension(ref)}"/>` : tag,
    );
  parts[sheetPath] = head + xml.join("") + sheet.slice(end);
  parts[SHARED_STRINGS] = strings.toXml();
}
