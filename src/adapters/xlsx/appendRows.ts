/**
 * Appends rows of text to one sheet of a workbook exceljs has written, in the sheet's XML itself. The
 * merge log (`Nhật ký tổng hợp`) is one row per unit row — 12,000 rows of 8 texts for 40 files × 300
 * rows — and exceljs's object model spent two thirds of the consolidated workbook's write on it (a
 * model per cell, its style hashed, its XML built node by node; bench/README.md). The rows are written
 * as exceljs writes them: each text a shared string (`t="s"`, deduplicated, appended to
 * `xl/sharedStrings.xml`), no style, so a reader sees the same cells.
 */
import { columnLetters, parseA1 } from "../../engine/grid";
import type { WorkbookParts } from "./workbookParts";

const SHARED_STRINGS = "xl/sharedStrings.xml";

/** Escapes text as exceljs's xmlEncode does: the five entities, and control characters XML cannot hold dropped. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ENTITIES[ch] ?? "");
}

const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/** The shared strings part with `added` appended (its counts updated), and each text's index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private refs = 0;

  constructor(private readonly unique: number) {}

  ref(text: string): number {
    this.refs++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.unique + this.items.length;
      this.index.set(text, at);
      // As exceljs's TextXform: leading or trailing space, or a line break, is kept by xml:space.
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
      this.items.push(`<si><t${space}>${xmlText(text)}</t></si>`);
    }
    return at;
  }

  /** The part with the new strings before `</sst>` and count / uniqueCount raised. */
  patch(xml: string): string {
    const open = /<sst\b[^>]*>/.exec(xml);
    const end = xml.lastIndexOf("</sst>");
    if (!open || end < 0) throw new Error(`${SHARED_STRINGS}: no <sst> element`);
    const tag = open[0]
      .replace(/\bcount="(\d+)"/, (_, n: string) => `count="${Number(n) + this.refs}"`)
      .replace(/\buniqueCount="(\d+)"/, () => `uniqueCount="${this.unique + this.items.length}"`);
    return (
      xml.slice(0, open.index) +
      tag +
      xml.slice(open.index + open[0].length, end) +
      this.items.join("") +
      xml.slice(end)
    );
  }
}

function uniqueCount(xml: string): number {
  const match = /<sst\b[^>]*\buniqueCount="(\d+)"/.exec(xml);
  if (!match) throw new Error(`${SHARED_STRINGS}: no uniqueCount`);
  return Number(match[1]);
}

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
  const strings = new SharedStrings(uniqueCount(sst));
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
  parts[SHARED_STRINGS] = strings.patch(sst);
}
