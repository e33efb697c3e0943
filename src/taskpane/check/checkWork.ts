/**
 * The checking the pane hands to its worker (check.worker.ts), also run on the page where there is no Worker:
 * an opened .xlsx read and every sheet checked, or one sheet read from Excel checked.
 */
import { checkGrid } from "../../engine/check";
import type { Grid } from "../../engine/grid";
import { checkedSheet, type CheckedSheet } from "./checkedSheet";

export type CheckProgress = { stage: "reading" } | { stage: "checking"; done: number; total: number };

export interface CheckedFile {
  fileName: string;
  sheets: CheckedSheet[];
  /** Notes about the workbook as a whole (hidden sheets, skipped rows). */
  notes: string[];
}

export async function checkFileBytes(
  name: string,
  bytes: ArrayBuffer,
  onProgress: (progress: CheckProgress) => void,
): Promise<CheckedFile> {
  onProgress({ stage: "reading" });
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readWorkbook");
  const read = await readWorkbook(new Uint8Array(bytes), { fileName: name });
  const sheets: CheckedSheet[] = [];
  for (const grid of read.grids) {
    onProgress({ stage: "checking", done: sheets.length, total: read.grids.length });
    sheets.push(checkedSheet(checkGrid(grid)));
  }
  return { fileName: read.fileName, sheets, notes: read.notes };
}

export function checkOneGrid(grid: Grid): CheckedSheet {
  return checkedSheet(checkGrid(grid));
}
