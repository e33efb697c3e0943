/**
 * A sheet of PhuLuc's own records kept in the workbook, very hidden (Excel.SheetVisibility.veryHidden: Excel's
 * Unhide does not list it, so nobody edits it by accident): the `PhuLuc` sheet of giải trình and Tình trạng
 * nộp records (engine/review/store.ts lays out its rows). Reading: learning whether the sheet exists rides on
 * a sync (its own, or another read's); one more reads its values when it does. Writing: one sync to learn whether it exists, then one batch that
 * replaces it, its values as given (text formatted `@`, so `=…` and date-like text stay text), and hides it.
 */
import { a1, type CellValue, type Grid } from "../../engine/grid";
import { TEXT_FORMAT } from "./textValues";

/**
 * Queues the look-up of the sheet, to ride along with another read's sync; the function it returns (called after
 * that sync) gives the sheet's values as a grid (row 1 = grid row 0) — one more sync when the sheet exists —
 * or undefined when the workbook has no such sheet.
 */
export function queueHiddenSheetRead(context: Excel.RequestContext, name: string): () => Promise<Grid | undefined> {
  const lookUp = () => context.workbook.worksheets.getItemOrNullObject(name).load("name");
  let sheet = lookUp();
  return async () => {
    try {
      if (sheet.isNullObject) return undefined;
    } catch {
      // The sync it rode on failed and was made again without it (a refused read retried in parts): look now.
      sheet = lookUp();
      await context.sync();
      if (sheet.isNullObject) return undefined;
    }
    const used = sheet.getUsedRange(true);
    used.load("values, rowIndex, columnIndex");
    await context.sync();
    const rows: Grid["rows"] = [];
    (used.values as unknown[][]).forEach((values, r) => {
      const cells = (rows[used.rowIndex + r] = [] as Grid["rows"][number]);
      values.forEach((value, c) => {
        if (value !== "" && value !== null && value !== undefined)
          cells[used.columnIndex + c] = { value: value as CellValue };
      });
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: sheet.name, rows, merges: [], hiddenRows: [] };
  };
}

/** The sheet's values as a grid, or undefined when the workbook has none (one sync, two when it exists). */
export async function readHiddenSheet(context: Excel.RequestContext, name: string): Promise<Grid | undefined> {
  const read = queueHiddenSheetRead(context, name);
  await context.sync();
  return read();
}

/** Writes `rows` from A1 of `sheet` in one range: text cells formatted `@` before their values (textValues.ts). */
export function queueSheetRows(sheet: Excel.Worksheet, rows: readonly (readonly CellValue[])[]): void {
  if (rows.length === 0) return;
  const width = Math.max(1, ...rows.map((row) => row.length));
  const square = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const range = sheet.getRange(`A1:${a1(rows.length - 1, width - 1)}`);
  range.numberFormat = square.map((row) => row.map((v) => (typeof v === "string" ? TEXT_FORMAT : "General")));
  range.values = square.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v)));
}

/**
 * Queues the replacement of a sheet whose look-up (`old`, its name loaded) was synced: the old one deleted, a new
 * one added with `rows`. Returns the new sheet for the caller's further commands (visibility, header format).
 */
export function queueReplaceSheet(
  context: Excel.RequestContext,
  old: Excel.Worksheet,
  name: string,
  rows: readonly (readonly CellValue[])[],
): Excel.Worksheet {
  if (!old.isNullObject) old.delete();
  const sheet = context.workbook.worksheets.add(name);
  queueSheetRows(sheet, rows);
  return sheet;
}

/** Replaces the sheet (creating it when missing) with `rows` and makes it very hidden. */
export async function writeVeryHiddenSheet(
  context: Excel.RequestContext,
  name: string,
  rows: CellValue[][],
): Promise<void> {
  const old = context.workbook.worksheets.getItemOrNullObject(name);
  old.load("name");
  await context.sync();
  queueReplaceSheet(context, old, name, rows).visibility = "VeryHidden";
  await context.sync();
}
