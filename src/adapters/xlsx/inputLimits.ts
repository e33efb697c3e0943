/**
 * Spec §8's limits on what PhuLuc reads, host-free so the CLI and the pane (its worker, and the main
 * thread before it reads a picked file) refuse the same files with the same Vietnamese message.
 */
import { PhuLucError } from "../../engine/errors";

/** `--max-mb`'s default. exceljs holds a workbook in memory at about 100 times its file size. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
/** Spec §8: a file's parts may inflate to at most this many times the file-size limit. */
export const INFLATE_RATIO = 10;
/**
 * A part inflating beyond --max-mb may do so at most this many times its compressed size. Real parts
 * (XML whose cell references and values change from row to row) compress far less; a bomb's repeated
 * bytes near deflate's 1032. Apache POI refuses the same (ZipSecureFile's minimum inflate ratio 0.01).
 */
export const MAX_PART_RATIO = 100;
/** A merge reads at most this many files' worth of the per-file inflate limit, all its files together. */
export const MERGE_BUDGET_FILES = 4;

/** What all the files of one merge may inflate to together; each file read takes its share. */
export interface InflateBudget {
  readonly total: number;
  remaining: number;
}

export function mergeBudget(maxBytes = DEFAULT_MAX_BYTES): InflateBudget {
  const total = maxBytes * INFLATE_RATIO * MERGE_BUDGET_FILES;
  return { total, remaining: total };
}

/** Megabytes the Vietnamese way (decimal comma), one decimal. */
export const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1).replace(".", ",");

/** Refuses a file above the size limit before its bytes are read (or, given bytes, before they are parsed). */
export function assertFileSize(size: number, fileName: string, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size <= maxBytes) return;
  throw new PhuLucError(
    "too-large",
    `Tệp “${fileName}” quá lớn (${megabytes(size)} MB; giới hạn ${megabytes(maxBytes)} MB); hãy chỉ giữ các trang Phụ lục cần kiểm tra rồi lưu thành tệp mới.`,
    `File “${fileName}” is too large (${megabytes(size)} MB; limit ${megabytes(maxBytes)} MB); keep only the Phụ lục sheets to check and save a new file.`,
  );
}

/** A file the user picked in the pane, read into memory only once its size is within the limit. */
export async function readPickedFile(
  file: Blob & { name: string },
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<ArrayBuffer> {
  assertFileSize(file.size, file.name, maxBytes);
  return file.arrayBuffer();
}
