/**
 * A file-system error (Node's `code`: ENOENT, EISDIR, EACCES…) as a Vietnamese message naming the
 * path, for reading inputs and writing outputs alike: the user never sees an errno. Host-free text;
 * only Node produces these errors.
 */
import { PhuLucError, type PhuLucErrorCode } from "../../engine/errors";

export type FileAction = "read" | "write";

interface Wording {
  vi: string;
  en: string;
}

function wording(code: string | undefined, file: string, action: FileAction): Wording {
  // `file` is already quoted (fileLabel).
  const reading = action === "read";
  switch (code) {
    case "ENOENT":
      return reading
        ? { vi: `Không tìm thấy tệp ${file}.`, en: `File ${file} not found.` }
        : { vi: `Thư mục để ghi ${file} không tồn tại.`, en: `The folder to write ${file} in does not exist.` };
    case "EISDIR":
      return reading
        ? { vi: `${file} là một thư mục, không phải tệp .xlsx.`, en: `${file} is a folder.` }
        : { vi: `${file} là một thư mục; hãy nêu tên tệp cần ghi.`, en: `${file} is a folder; name a file.` };
    case "ENOTDIR":
      return {
        vi: `Đường dẫn ${file} không hợp lệ: một phần của nó là tệp chứ không phải thư mục.`,
        en: `Path ${file} is invalid: part of it is a file, not a folder.`,
      };
    case "EACCES":
    case "EPERM":
      return reading
        ? { vi: `Không có quyền đọc tệp ${file}.`, en: `No permission to read ${file}.` }
        : { vi: `Không có quyền ghi ${file} (thư mục hoặc tệp chỉ cho đọc).`, en: `No permission to write ${file}.` };
    case "EROFS":
      return { vi: `Ổ đĩa chứa ${file} chỉ cho đọc, không ghi được.`, en: `${file} is on a read-only disk.` };
    case "ENOSPC":
    case "EDQUOT":
      return { vi: `Ổ đĩa đã đầy, không ghi được ${file}.`, en: `The disk is full; cannot write ${file}.` };
    case "ENAMETOOLONG":
      return { vi: `Đường dẫn ${file} quá dài.`, en: `Path ${file} is too long.` };
    case "ELOOP":
      return { vi: `Đường dẫn ${file} có liên kết vòng quanh.`, en: `Path ${file} has a link loop.` };
    case "EBUSY":
    case "ETXTBSY":
      return {
        vi: `Tệp ${file} đang được chương trình khác dùng (đang mở trong Excel?); hãy đóng lại rồi thử lại.`,
        en: `${file} is in use by another program; close it and try again.`,
      };
    case "EMFILE":
    case "ENFILE":
      return {
        vi: `Đang mở quá nhiều tệp, chưa mở được ${file}; hãy thử lại.`,
        en: `Too many open files for ${file}.`,
      };
    default:
      return reading
        ? {
            vi: `Không đọc được tệp ${file} (lỗi hệ thống ${code ?? "không rõ"}).`,
            en: `Cannot read ${file} (${code}).`,
          }
        : { vi: `Không ghi được ${file} (lỗi hệ thống ${code ?? "không rõ"}).`, en: `Cannot write ${file} (${code}).` };
  }
}

function errorCode(code: string | undefined, action: FileAction): PhuLucErrorCode {
  if (action === "write") return "write-failed";
  return code === "EISDIR" ? "not-xlsx" : "file-not-found";
}

/** “name” (path) when the path says more than the name, else “path”. */
export function fileLabel(path: string, name?: string): string {
  return name && name !== path ? `“${name}” (${path})` : `“${path}”`;
}

/** `name`, when given, is how the other messages call the file (its base name). */
export function fileSystemError(error: unknown, path: string, action: FileAction, name?: string): PhuLucError {
  if (error instanceof PhuLucError) return error;
  const code = (error as { code?: string } | undefined)?.code;
  const { vi, en } = wording(code, fileLabel(path, name), action);
  return new PhuLucError(errorCode(code, action), vi, en, { cause: error });
}
