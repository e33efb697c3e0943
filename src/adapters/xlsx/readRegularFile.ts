/**
 * Reads an input file in Node, refusing before a byte is read anything that is not a regular file
 * (a folder, the zero device, a FIFO, a socket) or is above the size limit: `readFile` on the zero
 * device grows without bound and on a FIFO waits forever for a writer.
 */
import { PhuLucError } from "../../engine/errors";
import { fileLabel, fileSystemError } from "./fileErrors";
import { assertFileSize } from "./inputLimits";

/** What the caller reads, as its messages call it. */
export interface ExpectedFile {
  vi: string;
  en: string;
  /** Refuses a size above the limit; by default the workbook limit's message (assertFileSize). */
  assertSize?: (size: number, fileName: string, maxBytes: number) => void;
}

export const XLSX_FILE: ExpectedFile = { vi: "tệp .xlsx", en: ".xlsx files" };

/**
 * `path` names the file in file-system messages, `fileName` in the others (as for bytes); `expected`
 * says what else the file should have been.
 */
export async function readRegularFile(
  path: string,
  fileName: string,
  maxBytes: number,
  expected: ExpectedFile = XLSX_FILE,
): Promise<Uint8Array> {
  // Node only; the pane always passes bytes. webpackIgnore keeps the browser bundle free of node:fs.
  const fs = await import(/* webpackIgnore: true */ "node:fs/promises");
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before fstat can refuse it.
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const handle = await fs.open(path, flags).catch((error: unknown) => {
    throw fileSystemError(error, path, "read", fileName);
  });
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw new PhuLucError(
        "not-xlsx",
        `${fileLabel(path, fileName)} là một thư mục, không phải ${expected.vi}.`,
        `${fileLabel(path, fileName)} is a folder.`,
      );
    }
    if (!stat.isFile()) {
      throw new PhuLucError(
        "not-xlsx",
        `${fileLabel(path, fileName)} không phải tệp thông thường (là thiết bị, ống dẫn FIFO hay socket); PhuLuc chỉ đọc ${expected.vi}.`,
        `${fileLabel(path, fileName)} is not a regular file (a device, FIFO or socket); PhuLuc only reads ${expected.en}.`,
      );
    }
    (expected.assertSize ?? assertFileSize)(stat.size, fileName, maxBytes);
    // Exactly the size fstat gave: a file that grows meanwhile is not followed.
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    throw fileSystemError(error, path, "read", fileName);
  } finally {
    await handle.close();
  }
}
