/**
 * Reads an input file in Node, refusing before a byte is read anything that is not a regular file
 * (a folder, the zero device, a FIFO, a socket) or is above the size limit: `readFile` on the zero
 * device grows without bound and on a FIFO waits forever for a writer.
 */
import { PhuLucError } from "../../engine/errors";
import { fileLabel, fileSystemError } from "./fileErrors";
import { assertFileSize } from "./inputLimits";

/** `path` names the file in file-system messages, `fileName` in the others (as for bytes). */
export async function readRegularFile(path: string, fileName: string, maxBytes: number): Promise<Uint8Array> {
  // Node only; the pane always passes bytes. webpackIgnore keeps the browser bundle free of node:fs.
  const fs = await import(/* webpackIgnore: true */ "node:fs/promises");
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before fstat can refuse it.
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const handle = await fs.open(path, flags).catch((error: unknown) => {
    throw fileSystemError(error, path, "read", fileName);
  });
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw fileSystemError({ code: "EISDIR" }, path, "read", fileName);
    if (!stat.isFile()) {
      throw new PhuLucError(
        "not-xlsx",
        `${fileLabel(path, fileName)} không phải tệp thông thường (là thiết bị, ống dẫn FIFO hay socket); PhuLuc chỉ đọc tệp .xlsx.`,
        `${fileLabel(path, fileName)} is not a regular file (a device, FIFO or socket); PhuLuc only reads .xlsx files.`,
      );
    }
    assertFileSize(stat.size, fileName, maxBytes);
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
