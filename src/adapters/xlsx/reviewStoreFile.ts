/**
 * A copy of an existing workbook's bytes with its review records replaced (patch/reviewStore.ts: the very hidden
 * PhuLuc sheet, and Tình trạng nộp when there are statuses): the pane's file mode (Giải trình downloads the
 * copy; the user's file is never written) and the CLI's approve, return and explain. Only the records' sheets and
 * the parts that list them (workbook.xml, its relationships, content types, shared strings, styles) are patched;
 * every other part — charts, printer settings, conditional formats, custom properties — is the input's bytes.
 * exceljs, which wrote this before, rewrote the whole workbook and lost what its model lacks.
 */
import type { ReviewStore } from "../../engine/review";
import { deflateFiles, WorkbookFile, type ZipFiles } from "./patch/package";
import { putReviewStore } from "./patch/reviewStore";
import { StylePatch } from "./patch/styles";
import { cannotPatch, UnpatchablePart } from "./patch/unpatchable";

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
  const input = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    const file = await WorkbookFile.open(input, (xml) => new StylePatch(xml));
    putReviewStore(file, store);
    return (options.zip ?? deflateFiles)(file.files());
  } catch (error) {
    if (!(error instanceof UnpatchablePart)) throw error;
    const name = options.fileName;
    throw cannotPatch(
      error,
      "write-failed",
      name ? { vi: `Tệp “${name}”`, en: `File “${name}”` } : { vi: "Sổ tính", en: "The workbook" },
      {
        vi: "thử lại (giải trình và tình trạng nộp chưa được ghi)",
        en: "try again (the review records were not written)",
      },
    );
  }
}
