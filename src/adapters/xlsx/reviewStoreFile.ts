/**
 * A copy of an existing workbook's bytes with its review records replaced (patch/reviewStore.ts: the very hidden
 * PhuLuc sheet, and Tình trạng nộp when there are statuses): the pane's file mode (Giải trình downloads the
 * copy; the user's file is never written) and the CLI's approve, return and explain. Only the records' sheets and
 * the parts that list them (workbook.xml, its relationships, content types, shared strings, styles) are patched;
 * every other part — charts, printer settings, conditional formats, custom properties — is the input's bytes.
 * exceljs, which wrote this before, rewrote the whole workbook and lost what its model lacks.
 */
import { PhuLucError } from "../../engine/errors";
import type { ReviewStore } from "../../engine/review";
import { deflateFiles, WorkbookFile, type ZipFiles } from "./patch/package";
import { putReviewStore } from "./patch/reviewStore";
import { StylePatch } from "./patch/styles";

export interface ReviewStoreWrite {
  /** The file's name in the message when it cannot be patched. */
  fileName?: string;
  /** Zips the parts: fflate's deflate unless the caller has a faster one (the CLI: Node's zlib). */
  zip?: (files: ZipFiles) => Uint8Array;
}

/** Throws a PhuLucError naming the file when its parts are not what PhuLuc can patch (the input is never written). */
export async function workbookWithReviewStore(
  bytes: Uint8Array | ArrayBuffer,
  store: ReviewStore,
  options: ReviewStoreWrite = {},
): Promise<Uint8Array> {
  try {
    const input = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const file = await WorkbookFile.open(input, (xml) => new StylePatch(xml));
    putReviewStore(file, store);
    return (options.zip ?? deflateFiles)(file.files());
  } catch (error) {
    if (error instanceof PhuLucError) throw error;
    const name = options.fileName ?? "sổ tính";
    const detail = error instanceof Error ? error.message : String(error);
    throw new PhuLucError(
      "write-failed",
      `PhuLuc không ghi được giải trình và tình trạng nộp vào “${name}”: một phần của tệp không đúng cấu trúc PhuLuc ` +
        `sửa được (${detail}). Hãy mở tệp trong Excel, Lưu thành bản mới rồi thử lại.`,
      `PhuLuc cannot write the review records into “${name}”: a part of it is not as PhuLuc can patch (${detail}). ` +
        `Open it in Excel, save a new copy and try again.`,
      { cause: error },
    );
  }
}
