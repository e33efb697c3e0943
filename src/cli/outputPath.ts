/**
 * Where the CLI writes (spec §8): `-o` is never one of the inputs — compared by resolved path and by
 * device and inode, so a symbolic or hard link to an input is caught — an existing file is replaced
 * only with `--force`, and a folder that is missing or not writable gets a Vietnamese message naming
 * it. The file is written beside its target and renamed over it, so a failed write (a full disk)
 * leaves no half-written output, and even a link made after the check only loses its name, never an
 * input's content.
 */
import { constants, promises as fs, type Stats } from "node:fs";
import path from "node:path";
import { fileSystemError } from "../adapters/xlsx/fileErrors";
import { PhuLucError } from "../engine/errors";

export interface InputFile {
  path: string;
  /** What the file is to the user, in Vietnamese: "tệp mẫu", "tệp nguồn", "tệp của đơn vị"… */
  role: string;
}

const statOrNothing = (file: string) => fs.stat(file).catch(() => undefined);

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;
}

async function realPath(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file));
}

/** Throws a PhuLucError unless `output` may be written: not an input, new or `force`d, in a writable folder. */
export async function checkOutputPath(output: string, inputs: InputFile[], force: boolean): Promise<void> {
  const target = await fs.stat(output).catch((error: { code?: string }) => {
    if (error.code === "ENOENT") return undefined;
    throw fileSystemError(error, output, "write");
  });
  const resolved = await realPath(output);
  for (const input of inputs) {
    const stat = await statOrNothing(input.path);
    const linked = target !== undefined && stat !== undefined && sameFile(target, stat);
    if (linked || resolved === (await realPath(input.path))) {
      throw new PhuLucError(
        "bad-argument",
        `Tệp kết quả “${output}” trùng ${input.role} “${input.path}”${linked && path.resolve(output) !== path.resolve(input.path) ? " (cùng một tệp qua liên kết)" : ""}; hãy chọn tên khác để ${input.role} không bị ghi đè.`,
        `The output “${output}” is the input “${input.path}”; choose another name so it is not overwritten.`,
      );
    }
  }
  if (target?.isDirectory()) throw fileSystemError({ code: "EISDIR" }, output, "write");
  if (target && !target.isFile()) {
    throw new PhuLucError(
      "bad-argument",
      `“${output}” không phải tệp thông thường (là thiết bị, ống dẫn FIFO hay socket); hãy chọn một tệp .xlsx để ghi.`,
      `“${output}” is not a regular file; choose an .xlsx file to write.`,
    );
  }
  if (target && !force) {
    throw new PhuLucError(
      "bad-argument",
      `Tệp “${output}” đã có; PhuLuc không ghi đè khi chưa được phép: thêm --force để thay tệp này, hoặc chọn tên khác.`,
      `“${output}” already exists; add --force to replace it, or choose another name.`,
    );
  }
  await checkFolder(path.dirname(path.resolve(output)));
}

async function checkFolder(folder: string): Promise<void> {
  const stat = await fs.stat(folder).catch((error: { code?: string }) => {
    if (error.code === "ENOENT") {
      throw new PhuLucError(
        "write-failed",
        `Thư mục “${folder}” không tồn tại; hãy tạo thư mục này hoặc chọn nơi ghi khác.`,
        `Folder “${folder}” does not exist.`,
      );
    }
    throw fileSystemError(error, folder, "write");
  });
  if (!stat.isDirectory()) throw fileSystemError({ code: "ENOTDIR" }, folder, "write");
  await fs.access(folder, constants.W_OK).catch((error: unknown) => {
    throw new PhuLucError(
      "write-failed",
      `Không có quyền ghi vào thư mục “${folder}”; hãy chọn nơi ghi khác.`,
      `No permission to write in “${folder}”.`,
      { cause: error },
    );
  });
}

/** Writes `bytes` to a new file beside `output`, then renames it over `output`. */
export async function writeOutput(output: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(
    path.dirname(output),
    `.${path.basename(output)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, output);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw fileSystemError(error, output, "write");
  }
}
