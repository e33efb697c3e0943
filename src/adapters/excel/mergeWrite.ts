/**
 * Áp dụng: writes a merge result into the open workbook: rows inserted or deleted where kinh-phi/dịch vụ công
 * changed length, the consolidated values, the `Nhật ký tổng hợp` sheet (replaced when it exists) and, given the
 * review records, the very hidden `PhuLuc` and the `Tình trạng nộp` sheets (reviewWrite.ts) and the approved
 * units' locks (protection.ts: PhuLuc's protection lifted before the writes, set again after them, same batch).
 * With `previous` (an earlier result already applied, e.g. before a conflict was settled) only the changed cells.
 *
 * Excel has no rollback: when a batch fails, the commands before the failing one stay applied. So the rows
 * inserted or deleted are recorded in the document's settings in the same batch, right after the insert, and the
 * record is removed by the last command: a retry after a failure reads it (first sync) and inserts only what is
 * still missing — never the same rows twice. Two syncs; a log too large for one request (5 MB on the web) adds one
 * sync per part.
 */
import type { CellValue } from "../../engine/grid";
import { a1 } from "../../engine/grid";
import { PhuLucError, userMessages } from "../../engine/errors";
import { excelReason, isExcelError } from "./excelErrors";
import type { MergeResult, SheetPatch } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows, type NotMerged } from "../../engine/merge/logSheet";
import { changedCells } from "../../engine/merge/patch";
import { PAYLOAD_BUDGET, payloadBytes } from "./payload";
import type { ReviewStore } from "../../engine/review";
import { becomesFormula, TEXT_FORMAT } from "./textValues";
import { queueReviewLookUp, queueReviewSheets } from "./reviewWrite";
import { queueProtect, queueProtectionLookUp, queueUnprotect } from "./protection";

/** Rows already inserted (delta > 0) or deleted by an apply that did not finish, per sheet. */
export const APPLY_JOURNAL = "phuluc.apply.v1";
type Journal = Record<string, NonNullable<SheetPatch["rowChange"]>>;

export interface MergeWriteOptions {
  /** The result written last time, when the user settles a conflict after Áp dụng. */
  previous?: MergeResult;
  notMerged?: NotMerged[];
  /** The consolidated workbook's records after this merge: `PhuLuc` and `Tình trạng nộp`, replaced in the batch. */
  review?: ReviewStore;
}

/** Office.js keeps a cell when given null: an empty string clears it. Dates go in as yyyy-mm-dd text. */
function excelValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** Runs of adjacent cells in one row: one range write each instead of one per cell. */
function segments(writes: SheetPatch["writes"]): SheetPatch["writes"][] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: SheetPatch["writes"][] = [];
  for (const write of sorted) {
    const last = out[out.length - 1];
    const tail = last?.[last.length - 1];
    if (tail && tail.row === write.row && tail.col === write.col) last[last.length - 1] = write;
    else if (tail && tail.row === write.row && tail.col + 1 === write.col) last.push(write);
    else out.push([write]);
  }
  return out;
}

function layoutChanged(sheet: string): PhuLucError {
  return new PhuLucError(
    "write-failed",
    `Bố cục trang “${sheet}” đã đổi so với lần áp dụng trước; hãy mở lại mẫu tổng hợp và tổng hợp lại.`,
    `The layout of “${sheet}” changed since the last apply; reopen the template and merge again.`,
  );
}

/** Inserts or deletes the rows `wanted` asks for, minus those an unfinished apply already moved. */
function queueRowChange(sheet: Excel.Worksheet, name: string, wanted: SheetPatch["rowChange"], done?: Journal[string]) {
  if (done && wanted && done.at !== wanted.at) throw layoutChanged(name);
  const delta = (wanted?.delta ?? 0) - (done?.delta ?? 0);
  const at = wanted?.at ?? done?.at ?? 0;
  if (delta > 0) sheet.getRange(`${at + 1}:${at + delta}`).insert("Down");
  else if (delta < 0) sheet.getRange(`${at + 1}:${at - delta}`).delete("Up");
}

function queueWrites(sheet: Excel.Worksheet, patch: SheetPatch): void {
  for (const run of segments(patch.writes)) {
    const first = run[0];
    const address =
      run.length === 1
        ? a1(first.row, first.col)
        : `${a1(first.row, first.col)}:${a1(first.row, first.col + run.length - 1)}`;
    const range = sheet.getRange(address);
    // Formats go first: a text cell must be "@" before its value arrives (textValues.ts).
    const formats = run.map((w) => (becomesFormula(w.value) ? TEXT_FORMAT : w.numFmt));
    if (formats.every(Boolean)) range.numberFormat = [formats as string[]];
    else {
      run.forEach((w, i) => {
        if (formats[i]) sheet.getRange(a1(w.row, w.col)).numberFormat = [[formats[i]!]];
      });
    }
    // A total the template computed keeps a formula (excel #2); everything else is written as a value.
    if (run.some((w) => w.formula))
      range.formulas = [run.map((w) => (w.formula ? `=${w.formula}` : excelValue(w.value)))];
    else range.values = [run.map((w) => excelValue(w.value))];
  }
}

/** The log's rows cut into parts that each fit one request. */
function logParts(rows: (string | number)[][]): { first: number; rows: (string | number)[][] }[] {
  const perRow = payloadBytes(rows) / rows.length;
  const size = Math.max(1, Math.floor(PAYLOAD_BUDGET / 2 / perRow));
  const parts = [];
  for (let first = 0; first < rows.length; first += size) parts.push({ first, rows: rows.slice(first, first + size) });
  return parts;
}

function queueLogPart(log: Excel.Worksheet, part: { first: number; rows: (string | number)[][] }): void {
  const range = log.getRange(`${a1(part.first, 0)}:${a1(part.first + part.rows.length - 1, part.rows[0].length - 1)}`);
  range.numberFormat = part.rows.map((row) => row.map((v) => (becomesFormula(v) ? TEXT_FORMAT : "General")));
  range.values = part.rows;
}

async function writeLogParts(context: Excel.RequestContext, parts: ReturnType<typeof logParts>): Promise<void> {
  if (parts.length === 0) return;
  queueLogPart(context.workbook.worksheets.getItem(LOG_SHEET_NAME), parts[0]);
  await context.sync();
  return writeLogParts(context, parts.slice(1));
}

function readJournal(value: unknown): Journal {
  try {
    return typeof value === "string" ? (JSON.parse(value) as Journal) : {};
  } catch {
    return {};
  }
}

export async function mergeWrite(
  context: Excel.RequestContext,
  result: MergeResult,
  options: MergeWriteOptions = {},
): Promise<ReviewStore | undefined> {
  try {
    return await writeMerge(context, result, options);
  } catch (error) {
    throw error instanceof PhuLucError ? error : unfinished(error);
  }
}

/**
 * Excel refused a command midway (connection lost, sheet protected, out of memory): what came before stays written
 * and the journal says so, so the message tells the user that pressing Áp dụng again finishes the job.
 */
function unfinished(cause: unknown): PhuLucError {
  const said = isExcelError(cause) ? excelReason(cause) : userMessages(cause);
  return new PhuLucError(
    "write-failed",
    `Excel chưa ghi xong bảng tổng hợp vào sổ làm việc (Excel báo: ${said.vi}). Phần đã ghi vẫn còn trong sổ; bấm Áp dụng lần nữa để ghi tiếp — các dòng đã chèn sẽ không bị chèn lại.`,
    `Excel did not finish writing the consolidation into the workbook (Excel said: ${said.en}). What was written stays; press Apply again to finish — rows already inserted are not inserted twice.`,
    { cause },
  );
}

/** Returns the review records written (with the sheets PhuLuc protects), when there were any. */
async function writeMerge(
  context: Excel.RequestContext,
  result: MergeResult,
  options: MergeWriteOptions,
): Promise<ReviewStore | undefined> {
  const sheets = context.workbook.worksheets;
  const settings = context.workbook.settings;
  const journalItem = settings.getItemOrNullObject(APPLY_JOURNAL);
  journalItem.load("value");
  const oldLog = sheets.getItemOrNullObject(LOG_SHEET_NAME);
  oldLog.load("name");
  const reviewSheets = options.review && queueReviewLookUp(context);
  const protection = options.review && queueProtectionLookUp(context, result, options.review);
  await context.sync();
  if (protection) queueUnprotect(protection, true);

  const journal = journalItem.isNullObject ? {} : readJournal(journalItem.value);
  const applied: Journal = {};
  for (const merged of result.sheets) {
    const before = options.previous?.sheets.find((s) => s.sheet === merged.sheet);
    const patch = before ? changedCells(before, merged) : merged.patch;
    if (!patch) throw layoutChanged(merged.sheet);
    const sheet = sheets.getItem(merged.sheet);
    queueRowChange(sheet, merged.sheet, patch.rowChange, journal[merged.sheet]);
    if (patch.rowChange) applied[merged.sheet] = patch.rowChange;
    else if (journal[merged.sheet]) applied[merged.sheet] = journal[merged.sheet];
    // Recorded right after the rows moved: if a later command fails, a retry knows they are there.
    if (Object.keys(applied).length) settings.add(APPLY_JOURNAL, JSON.stringify(applied));
    queueWrites(sheet, patch);
  }
  if (!oldLog.isNullObject) oldLog.delete();
  const log = sheets.add(LOG_SHEET_NAME);
  const rows = logSheetRows(result.log, options.notMerged);
  const [first, ...rest] = logParts(rows);
  queueLogPart(log, first);
  log.getRange("A1:H1").format.font.bold = true;
  log.freezePanes.freezeRows(1);
  if (reviewSheets && protection) {
    queueReviewSheets(context, reviewSheets, protection.store);
    queueProtect(protection);
  }
  // The journal goes last, once everything it guards is written (with the last log part when there are several).
  const clearJournal = () => {
    if (Object.keys(applied).length || !journalItem.isNullObject) settings.getItemOrNullObject(APPLY_JOURNAL).delete();
  };
  if (rest.length === 0) clearJournal();
  await context.sync();
  if (rest.length > 0) {
    await writeLogParts(context, rest.slice(0, -1));
    queueLogPart(log, rest[rest.length - 1]);
    clearJournal();
    await context.sync();
  }
  return protection?.store;
}
