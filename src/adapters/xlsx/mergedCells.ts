/**
 * Merged ranges checked before exceljs reads a workbook: exceljs makes a cell object for every cell a
 * merged range covers, wherever it lies, so a 7 KB file merging A10:CV20000 (2 million cells) took
 * 8.7 s and 607 MB in `phuluc check`, and one merging a whole sheet would exhaust memory — all within
 * the zip limits, its sheet XML being tiny. A Phụ lục sheet merges title lines and group headers: a few
 * thousand cells. Host-free: the CLI and the pane's worker share it, after checkZipLimits.
 */
import { inflateSync, strFromU8 } from "fflate";
import { PhuLucError } from "../../engine/errors";
import { vnNumber } from "../../engine/messages";
import { parseA1 } from "../../engine/grid";
import { readZipEntries, type ZipEntry } from "./zipDirectory";
import { nodeZlib } from "./inflatedSize";
import { corruptError } from "./zipLimits";

/** Cells all merged ranges of one workbook may cover (exceljs: ~300 bytes each, so ~60 MB). */
export const MAX_MERGED_CELLS = 200_000;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

/** Throws a PhuLucError when the workbook's merged ranges cover more than MAX_MERGED_CELLS cells. */
export async function checkMergedCells(bytes: Uint8Array, fileName: string): Promise<void> {
  let covered = 0;
  for (const entry of readZipEntries(bytes).filter((e) => WORKSHEET.test(e.names[0]))) {
    covered += mergedCellsIn(await partText(bytes, entry, fileName));
    if (covered > MAX_MERGED_CELLS) {
      throw new PhuLucError(
        "too-large",
        `Tệp “${fileName}” có các vùng gộp ô phủ hơn ${vnNumber(MAX_MERGED_CELLS)} ô (phần “${entry.names[0]}”): PhuLuc không đọc tệp này để khỏi cạn bộ nhớ. Hãy bỏ gộp các vùng ô lớn rồi lưu lại.`,
        `File “${fileName}” has merged ranges covering more than ${MAX_MERGED_CELLS} cells (part “${entry.names[0]}”): PhuLuc does not read it, so as not to run out of memory. Unmerge the large ranges and save it again.`,
      );
    }
  }
}

/** The cells a sheet's merged ranges cover (text in cells is escaped, so it cannot pass for one). */
function mergedCellsIn(xml: string): number {
  let cells = 0;
  for (const [, ref] of xml.matchAll(MERGE_REF)) {
    const [from, to = from] = ref.split(":").map(parseA1);
    if (!from || !to) continue;
    cells += (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
  }
  return cells;
}

/** A part's text; checkZipLimits has bounded what it inflates to. */
export async function partText(bytes: Uint8Array, entry: ZipEntry, fileName: string): Promise<string> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return strFromU8(data);
  const zlib = await nodeZlib();
  try {
    return strFromU8(zlib ? zlib.inflateRawSync(data) : inflateSync(data));
  } catch (error) {
    throw corruptError(fileName, error);
  }
}
