/**
 * Merged ranges checked before the reader makes a workbook's Grids: a reader marks every cell a merged
 * range covers (exceljs made a cell object for each), wherever it lies, so a 7 KB file merging A10:CV20000 (2 million cells) took
 * 8.7 s and 607 MB in `phuluc check`, and one merging a whole sheet would exhaust memory — all within
 * the zip limits, its sheet XML being tiny. A Phụ lục sheet merges title lines and group headers: a few
 * thousand cells. Host-free: the CLI and the pane's worker share it, after checkZipLimits.
 */
import { PhuLucError } from "../../engine/errors";
import { vnNumber } from "../../engine/messages";
import { parseA1 } from "../../engine/grid";
import { Package } from "./ooxml/parts";
import { corruptError } from "./zipLimits";

/** Cells all merged ranges of one workbook may cover (exceljs: ~300 bytes each, so ~60 MB). */
export const MAX_MERGED_CELLS = 200_000;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref=(?:"([^"]+)"|'([^']+)')/g;

/**
 * Throws a PhuLucError when the workbook's merged ranges cover more than MAX_MERGED_CELLS cells. Given
 * the reader's package, the sheets' texts it inflates stay for the reader to parse.
 */
export async function checkMergedCells(source: Uint8Array | Package, fileName: string): Promise<void> {
  const pkg = source instanceof Uint8Array ? await Package.open(source) : source;
  let covered = 0;
  for (const key of pkg.keys().filter((k) => WORKSHEET.test(k))) {
    covered += mergedCellsIn(partText(pkg, key, fileName));
    if (covered > MAX_MERGED_CELLS) throw mergedCellsError(fileName, pkg.nameOf(key));
  }
}

export function mergedCellsError(fileName: string, part: string): PhuLucError {
  return new PhuLucError(
    "too-large",
    `Tệp “${fileName}” có các vùng gộp ô phủ hơn ${vnNumber(MAX_MERGED_CELLS)} ô (phần “${part}”): PhuLuc không đọc tệp này để khỏi cạn bộ nhớ. Hãy bỏ gộp các vùng ô lớn rồi lưu lại.`,
    `File “${fileName}” has merged ranges covering more than ${MAX_MERGED_CELLS} cells (part “${part}”): PhuLuc does not read it, so as not to run out of memory. Unmerge the large ranges and save it again.`,
  );
}

/** The cells a sheet's merged ranges cover (text in cells is escaped, so it cannot pass for one). */
function mergedCellsIn(xml: string): number {
  let cells = 0;
  // The scan starts at the first merged range's tag, after the sheet's cells.
  const first = xml.indexOf("mergeCell");
  if (first < 0) return 0;
  MERGE_REF.lastIndex = xml.lastIndexOf("<", first);
  for (let match; (match = MERGE_REF.exec(xml));) {
    const [, double, single] = match;
    const [from, to = from] = (double ?? single).split(":").map(parseA1);
    if (!from || !to) continue;
    cells += (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
  }
  return cells;
}

function partText(pkg: Package, key: string, fileName: string): string {
  try {
    return pkg.text(key)!;
  } catch (error) {
    throw corruptError(fileName, error);
  }
}
