/**
 * Row heights for wrapped text, estimated from the text length and the column widths. Written
 * explicitly because viewers differ: LibreOffice keeps exceljs's default height for rows that have
 * none, so long indicators would spill over the next row in the printed file.
 */
import type { CellRange } from "../grid";
import type { SubmissionCell } from "./model";

/**
 * Lower-case Times New Roman 12 pt letters per Excel width unit (a unit is a Calibri 11 digit),
 * measured on the rendered seeds; capitals are about half as wide again, spaces half; bold is wider.
 */
const CHARS_PER_UNIT = 1.35;
const CAPITAL_WIDTH = 1.55;
const SPACE_WIDTH = 0.55;
const BOLD_FACTOR = 0.9;
/** Points per line of a 12 pt font, and padding above and below. */
const LINE_HEIGHT = 15;
const PADDING = 3;

/** Lines a paragraph takes when wrapped at word boundaries, as Excel and LibreOffice wrap. */
/** Width of a word in lower-case letters. */
function textWidth(word: string): number {
  let width = 0;
  for (const ch of word) width += ch !== ch.toLowerCase() ? CAPITAL_WIDTH : 1;
  return width;
}

function wrappedLines(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.trim().split(/\s+/)) {
    const length = textWidth(word);
    if (used === 0) used = length;
    else if (used + SPACE_WIDTH + length <= perLine) used += SPACE_WIDTH + length;
    else {
      lines++;
      used = length;
    }
    // A word longer than the line breaks inside itself.
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

function linesOf(cell: SubmissionCell, width: number): number {
  if (cell.value === null || cell.formula || !cell.style.wrap) return 1;
  const text = typeof cell.value === "string" ? cell.value : String(cell.value);
  const scale = (12 / cell.style.size) * (cell.style.bold ? BOLD_FACTOR : 1);
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT * scale) - 1);
  return text.split("\n").reduce((n, part) => n + wrappedLines(part, perLine), 0);
}

/** Height in points of each row (undefined where the default single line fits). */
export function rowHeights(
  rows: (SubmissionCell | undefined)[][],
  merges: CellRange[],
  columnWidths: number[],
): (number | undefined)[] {
  return rows.map((cells, r) => {
    let height = 0;
    (cells ?? []).forEach((cell, c) => {
      if (!cell) return;
      const merge = merges.find((m) => m.top <= r && m.bottom >= r && m.left <= c && m.right >= c);
      // A cell merged down several rows (a two-row header) shares its height with them: not estimated.
      if (merge && merge.bottom > merge.top) return;
      const width = columnWidths.slice(c, (merge?.right ?? c) + 1).reduce((a, b) => a + b, 0);
      const lineHeight = (LINE_HEIGHT * cell.style.size) / 12;
      height = Math.max(height, linesOf(cell, width) * lineHeight + PADDING);
    });
    return height > LINE_HEIGHT + PADDING ? Math.ceil(height) : undefined;
  });
}
