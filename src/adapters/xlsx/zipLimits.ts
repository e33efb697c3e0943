/**
 * Spec §8's input limits on what a workbook's zip would inflate to, enforced before any reader inflates
 * anything: the reader (and exceljs, loading a workbook PhuLuc writes into) inflates each part whole into memory, so a 200 KB file whose
 * shared strings inflate to 200 MB takes over a gigabyte. The central directory's sizes are checked
 * first (cheap), then every part is inflated and counted, its output dropped at once (inflatedSize),
 * because a hostile file's headers can lie. Host-free: the CLI and the pane's worker share it.
 */
import { PhuLucError } from "../../engine/errors";
import { vnNumber } from "../../engine/messages";
import { inflatedSize } from "./inflatedSize";
import { INFLATE_RATIO, MAX_PART_RATIO, MERGE_BUDGET_FILES, megabytes, type InflateBudget } from "./inputLimits";
import { duplicatePart, readZipEntries, ZipStructureError, type ZipEntry } from "./zipDirectory";

export interface ZipLimits {
  /** Largest total the parts of one file may inflate to. */
  maxInflatedBytes: number;
  /** What one part may inflate to at any ratio; beyond it, at most MAX_PART_RATIO × its compressed size. */
  partGraceBytes: number;
  budget?: InflateBudget;
}

export function corruptError(fileName: string, cause?: unknown): PhuLucError {
  return new PhuLucError(
    "corrupt",
    `Tệp “${fileName}” bị hỏng hoặc không đúng cấu trúc .xlsx nên không đọc được; hãy mở lại trong Excel và Lưu thành bản mới.`,
    `File “${fileName}” is damaged or not a valid .xlsx; open it in Excel and save a new copy.`,
    { cause },
  );
}

function tamperedError(fileName: string, why: string, whyEn: string): PhuLucError {
  return new PhuLucError(
    "corrupt",
    `Tệp “${fileName}” bị hỏng hoặc đã bị sửa ngoài Excel (${why}); PhuLuc không đọc tệp này để khỏi hiểu sai số liệu. Hãy đề nghị đơn vị gửi lại tệp lưu từ Excel.`,
    `File “${fileName}” is damaged or was altered outside Excel (${whyEn}); PhuLuc does not read it, so as not to misread its figures. Ask for a copy saved from Excel.`,
  );
}

/** Throws a PhuLucError unless the zip is well-formed and stays within the limits; charges the budget. */
export async function checkZipLimits(bytes: Uint8Array, fileName: string, limits: ZipLimits): Promise<void> {
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    if (error instanceof ZipStructureError) throw corruptError(fileName, error);
    throw error;
  }
  const duplicate = duplicatePart(entries);
  if (duplicate !== undefined) {
    throw tamperedError(
      fileName,
      `có hai phần cùng tên “${duplicate}”, Excel và PhuLuc có thể đọc ra số liệu khác nhau`,
      `two parts are named “${duplicate}”; Excel and PhuLuc could read different figures`,
    );
  }
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  assertInflatedSize(declared, fileName, limits);
  for (const entry of entries) assertPartRatio(entry, fileName, limits.partGraceBytes);
  const limit = Math.min(limits.maxInflatedBytes, limits.budget?.remaining ?? Infinity);
  for (const entry of partsToCount(entries, limit, limits.partGraceBytes)) {
    await assertInflatesAsDeclared(bytes, entry, fileName);
  }
  if (limits.budget) limits.budget.remaining -= declared;
}

/** Deflate cannot expand data more than 1032 times (zlib's technical details). */
const DEFLATE_MAX_RATIO = 1032;
const mostItCouldInflateTo = (entry: ZipEntry) =>
  entry.method === 8 ? entry.compressedSize * DEFLATE_MAX_RATIO : entry.compressedSize;

/** The most a part may inflate to (its header having said so): the grace, or MAX_PART_RATIO × its size. */
const partAllowance = (entry: ZipEntry, graceBytes: number) =>
  Math.max(graceBytes, entry.compressedSize * MAX_PART_RATIO);

/**
 * The parts that must be inflated and counted, whatever their headers say: every part that could
 * inflate past its allowance (at the default limit, deflated parts above ~25 KB), then the largest
 * others until what the rest could inflate to at most fits within the total limit. A part whose
 * header lies is refused here; smaller lies, within what memory can bear, by JSZip itself (it
 * compares each part's size with its header, as a damaged file).
 */
function partsToCount(entries: ZipEntry[], limit: number, graceBytes: number): ZipEntry[] {
  const counted = entries.filter((entry) => mostItCouldInflateTo(entry) > partAllowance(entry, graceBytes));
  let worst = entries.reduce(
    (sum, entry) => sum + (counted.includes(entry) ? entry.uncompressedSize : mostItCouldInflateTo(entry)),
    0,
  );
  for (const entry of [...entries].sort((a, b) => b.compressedSize - a.compressedSize)) {
    if (worst <= limit) break;
    if (counted.includes(entry)) continue;
    counted.push(entry);
    worst += entry.uncompressedSize - mostItCouldInflateTo(entry);
  }
  return counted;
}

/**
 * A part inflating beyond the grace (--max-mb) at more than MAX_PART_RATIO times its compressed size
 * is a bomb, even within the total limit: exceljs holds a part about three times over while it parses
 * it, so the issue's 200 MB of shared strings from a 211 KB file would take ~680 MiB.
 */
function assertPartRatio(entry: ZipEntry, fileName: string, graceBytes: number): void {
  if (entry.uncompressedSize <= partAllowance(entry, graceBytes)) return;
  const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
  const name = entry.names[0];
  throw new PhuLucError(
    "too-large",
    `Tệp “${fileName}”: phần “${name}” giải nén từ ${kilobytes(entry.compressedSize)} KB lên tới ${megabytes(entry.uncompressedSize)} MB (gấp ${ratio} lần; một phần lớn hơn ${megabytes(graceBytes)} MB — mức --max-mb — chỉ được nén tối đa ${MAX_PART_RATIO} lần): có thể là tệp “bom nén”; PhuLuc không đọc tệp này.`,
    `File “${fileName}”: part “${name}” inflates from ${kilobytes(entry.compressedSize)} KB to ${megabytes(entry.uncompressedSize)} MB (${ratio} ×; a part above ${megabytes(graceBytes)} MB, the --max-mb limit, may be compressed at most ${MAX_PART_RATIO} ×): possibly a decompression bomb; PhuLuc does not read it.`,
  );
}

const kilobytes = (n: number) => vnNumber(Math.ceil(n / 1024));

function assertInflatedSize(declared: number, fileName: string, { maxInflatedBytes, budget }: ZipLimits): void {
  if (declared > maxInflatedBytes) {
    throw new PhuLucError(
      "too-large",
      `Tệp “${fileName}” khi giải nén lên tới ${megabytes(declared)} MB (giới hạn ${megabytes(maxInflatedBytes)} MB, gấp ${INFLATE_RATIO} lần --max-mb): có thể là tệp “bom nén”; PhuLuc không đọc tệp này.`,
      `File “${fileName}” inflates to ${megabytes(declared)} MB (limit ${megabytes(maxInflatedBytes)} MB, ${INFLATE_RATIO} × --max-mb): possibly a decompression bomb; PhuLuc does not read it.`,
    );
  }
  if (budget && declared > budget.remaining) {
    throw new PhuLucError(
      "too-large",
      `Tệp “${fileName}” không được đọc: các tệp của lần tổng hợp này khi giải nén đã vượt tổng giới hạn ${megabytes(budget.total)} MB (gấp ${INFLATE_RATIO * MERGE_BUDGET_FILES} lần --max-mb). Hãy tổng hợp thành nhiều lần, hoặc kiểm tra các tệp quá lớn.`,
      `File “${fileName}” was not read: this merge's files together inflate beyond the ${megabytes(budget.total)} MB limit (${INFLATE_RATIO * MERGE_BUDGET_FILES} × --max-mb). Merge in several runs, or check the oversized files.`,
    );
  }
}

/** Inflates one part, keeping only the count: stops as soon as it passes the declared size. */
async function assertInflatesAsDeclared(bytes: Uint8Array, entry: ZipEntry, fileName: string): Promise<void> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const name = entry.names[0];
  if (entry.method !== 0 && entry.method !== 8) {
    throw corruptError(fileName, new Error(`compression method ${entry.method} in ${name}`));
  }
  const produced =
    entry.method === 0
      ? data.length
      : await inflatedSize(data, entry.uncompressedSize).catch((error: unknown) => {
          throw corruptError(fileName, error);
        });
  if (produced !== entry.uncompressedSize) {
    const more = produced > entry.uncompressedSize;
    throw tamperedError(
      fileName,
      `phần “${name}” khai ${entry.uncompressedSize} byte nhưng giải nén ra ${more ? "nhiều hơn" : `${produced} byte`}`,
      `part “${name}” declares ${entry.uncompressedSize} bytes but inflates to ${more ? "more" : `${produced} bytes`}`,
    );
  }
}
