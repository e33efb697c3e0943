/**
 * Trả lại (spec §10): the feedback workbook for one unit — its own file with each finding of its sheets as a
 * note on its cell, and a sheet listing the findings in Vietnamese. The file received is loaded from its bytes
 * and never written; the copy is returned.
 */
import { FEEDBACK_SHEET_NAME, feedbackListRows, isReviewSheet, reviewFindings } from "../../engine/review";
import { loadWorkbook } from "./loadWorkbook";
import type { ReadOptions } from "./readWorkbook";
import { addFindingNotes, writeListSheet } from "./reviewSheets";

export interface Feedback {
  bytes: Uint8Array;
  findings: number;
  errors: number;
}

/**
 * The feedback copy of a unit's workbook, loaded from its bytes. `sheet`: the unit's report is that sheet of the
 * workbook (pasted into the consolidated workbook): the copy holds that sheet alone — nothing else of the
 * consolidated workbook goes to the unit.
 */
export async function feedbackWorkbook(
  bytes: ArrayBuffer,
  fileName: string,
  options: ReadOptions = {},
  sheet?: string,
): Promise<Feedback> {
  const received = await loadWorkbook(new Uint8Array(bytes.slice(0)), { ...options, fileName });
  if (sheet !== undefined) {
    for (const ws of [...received.workbook.worksheets]) if (ws.name !== sheet) received.workbook.removeWorksheet(ws.id);
    // The PhuLuc records stay in the read grids only: they hold the giải trình of the sheet's findings.
    received.read.grids = received.read.grids.filter((g) => g.name === sheet || isReviewSheet(g.name));
  }
  return feedbackOf(received);
}

/** The feedback copy of a workbook already loaded (the CLI checks the file's SHA-256 first). */
export async function feedbackOf(received: Awaited<ReturnType<typeof loadWorkbook>>): Promise<Feedback> {
  const findings = reviewFindings(received.read.grids);
  for (const sheet of received.workbook.worksheets)
    addFindingNotes(
      sheet,
      findings.filter((f) => f.sheet === sheet.name),
    );
  writeListSheet(received.workbook, FEEDBACK_SHEET_NAME, feedbackListRows(findings), [14, 8, 10, 22, 80, 40]);
  return {
    bytes: new Uint8Array(await received.workbook.xlsx.writeBuffer()),
    findings: findings.length,
    errors: findings.filter((f) => f.severity === "error").length,
  };
}
