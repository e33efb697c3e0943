/**
 * The units' files → merge inputs, the same for the CLI and the pane's worker: each file is read,
 * its Phụ lục sheets recognised and its tables kept, and its workbook let go before the next file is
 * read, so memory holds the tables, not every workbook. Each file read is also a receipt (Tình trạng
 * nộp): its SHA-256 and the findings of its sheets on arrival. A file that cannot be read, or has no Phụ lục
 * sheet, is set aside with the reason; a non-empty sheet not recognised beside recognised ones is
 * listed too (nothing is dropped without a word).
 */
import { PhuLucError, userMessages } from "../../engine/errors";
import type { Words } from "../../engine/locale";
import { unitInputs } from "../../engine/merge/inputs";
import type { NotMerged } from "../../engine/merge/logSheet";
import type { UnitInput } from "../../engine/merge/types";
import { readWorkbookFile, type ReadOptions } from "./readWorkbook";
import { checkSheets, receiptCounts, sheetFindings, type Receipt } from "../../engine/review";
import { sha256Hex } from "../sha256";

export interface UnitFile {
  /** The name the merge and its messages use (the file's base name). */
  name: string;
  /** A path (Node) or the file's bytes. */
  source: string | Uint8Array | ArrayBuffer;
  /** ISO time the file itself was last modified: used when the workbook does not say when it was saved. */
  lastModified?: string;
}

/** A file as received (Tình trạng nộp): the unit is the merge's to decide. */
export type FileReceipt = Omit<Receipt, "unit">;

export type UnitFileStage = "reading" | "recognising" | "done" | "failed";

/** The workbook's own modified date (docProps/core.xml), when it has a valid one. */
export function workbookModified(modified: Date | undefined): string | undefined {
  return modified instanceof Date && !Number.isNaN(modified.getTime()) ? modified.toISOString() : undefined;
}

export async function readUnitFiles(
  files: UnitFile[],
  options: ReadOptions = {},
  progress: (file: string, stage: UnitFileStage, message?: Words) => void = () => {},
): Promise<{ inputs: UnitInput[]; notMerged: NotMerged[]; receipts: FileReceipt[] }> {
  const inputs: UnitInput[] = [];
  const notMerged: NotMerged[] = [];
  const receipts: FileReceipt[] = [];
  for (const file of files) {
    try {
      progress(file.name, "reading");
      const { read, bytes, modified } = await readWorkbookFile(file.source, { ...options, fileName: file.name });
      const saved = workbookModified(modified);
      const dated: Pick<UnitInput, "receivedAt" | "receivedFrom"> = saved
        ? { receivedAt: saved, receivedFrom: "workbook" }
        : file.lastModified
          ? { receivedAt: file.lastModified, receivedFrom: "file" }
          : {};
      progress(file.name, "recognising");
      // Each sheet is recognised and checked once: the merge takes its table, the receipt its findings.
      const reports = checkSheets(read.grids);
      const found = unitInputs(file.name, read.grids, dated, (grid) => reports.get(grid)?.table);
      if (found.inputs.length === 0) {
        throw new PhuLucError(
          "bad-template",
          `Tệp “${file.name}” không có trang tính nào theo mẫu Phụ lục.`,
          `File “${file.name}” has no Phụ lục sheet.`,
        );
      }
      inputs.push(...found.inputs);
      receipts.push({
        file: file.name,
        ...(dated.receivedAt ? { modified: dated.receivedAt } : {}),
        sha256: await sha256Hex(bytes),
        ...receiptCounts(sheetFindings(read.grids, reports)),
      });
      for (const sheet of found.unrecognised) {
        notMerged.push({
          file: file.name,
          sheet,
          reason: `Trang tính “${sheet}” của tệp “${file.name}” không theo mẫu Phụ lục nào nên không được tổng hợp.`,
          reasonEn: `Sheet “${sheet}” of file “${file.name}” follows no Phụ lục template, so it was not merged.`,
        });
      }
      const sheets = found.inputs.map((input) => input.table.sheet).join(", ");
      progress(file.name, "done", { vi: sheets, en: sheets });
    } catch (error) {
      const reason = userMessages(error);
      notMerged.push({ file: file.name, reason: reason.vi, reasonEn: reason.en });
      progress(file.name, "failed", reason);
    }
  }
  return { inputs, notMerged, receipts };
}
