/**
 * Reading the active worksheet into the engine's Grid in as few round trips as Excel allows.
 * - The first sync queues everything small (name, used range, visible cells, merged areas) with the first
 *   FIRST_BLOCK_ROWS rows: a sheet of that size is read in one sync.
 * - Excel on the web refuses responses over 5 MB (payload.ts): the rest is read in syncs sized from what the first
 *   block weighed, and a sync refused for its size is read again in halves.
 * - getMergedAreasOrNullObject fails over 512 merged areas (typings): when the first sync fails with merged areas
 *   in it, it is made again without them, and the merged areas are read by row bands, halved until each answers.
 */
import type { Cell, CellRange, Grid } from "../../engine/grid";
import { parseAreas } from "./addresses";
import { isPayloadLimit, PAYLOAD_BUDGET, payloadBytes } from "./payload";

export const FIRST_BLOCK_ROWS = 2000;
/** Rows beyond this are left out (and reported in Grid.truncated) to keep the pane responsive. */
export const MAX_ROWS = 100_000;

export interface ReadSheetOptions {
  /** Load merged areas (needs ExcelApi 1.13; see excelCapabilities). */
  mergedAreas?: boolean;
  firstBlockRows?: number;
  maxRows?: number;
}

/** The sheet rows [first, first + count) as an A1 row range ("1:5000"). */
function rowBand(first: number, count: number): string {
  return `${first + 1}:${first + count}`;
}

interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
}

function blockOf(range: Excel.Range): Block | undefined {
  if (range.isNullObject) return undefined;
  const { rowIndex, columnIndex, values, numberFormat, formulas, valueTypes } = range;
  return { rowIndex, columnIndex, values, numberFormat, formulas, valueTypes };
}

interface FirstRead {
  name: string;
  used: CellRange;
  visible: CellRange[];
  /** undefined: not read yet (left out of the first sync). */
  merges?: CellRange[];
  block?: Block;
  blockRows: number;
}

async function readFirst(context: Excel.RequestContext, rows: number, withMerges: boolean): Promise<FirstRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet.getUsedRange(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const first = used.getIntersectionOrNullObject(sheet.getRange(rowBand(0, rows)));
  first.load(["values", "numberFormat", "formulas", "valueTypes", "rowIndex", "columnIndex"]);
  const merged = withMerges ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  const visible = used.getSpecialCellsOrNullObject("Visible");
  visible.load("address");
  try {
    await context.sync();
  } catch (error) {
    // Over 512 merged areas fails the whole batch: try again without them (read by bands afterwards).
    if (withMerges) return readFirst(context, rows, false);
    if (isPayloadLimit(error) && rows > 1) return readFirst(context, Math.ceil(rows / 2), false);
    throw error;
  }
  return {
    name: sheet.name,
    used: {
      top: used.rowIndex,
      left: used.columnIndex,
      bottom: used.rowIndex + used.rowCount - 1,
      right: used.columnIndex + used.columnCount - 1,
    },
    visible: visible.isNullObject ? [] : parseAreas(visible.address),
    merges: merged ? (merged.isNullObject ? [] : parseAreas(merged.address)) : undefined,
    block: blockOf(first),
    blockRows: rows,
  };
}

/** Rows [from, to) of the used range, `perSync` rows a sync; a sync refused for its size is made in halves. */
async function readRest(
  context: Excel.RequestContext,
  used: CellRange,
  from: number,
  to: number,
  perSync: number,
  blocks: Block[],
): Promise<void> {
  if (from >= to) return;
  const count = Math.min(perSync, to - from);
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const range = sheet.getRangeByIndexes(from, used.left, count, used.right - used.left + 1);
  range.load(["values", "numberFormat", "formulas", "valueTypes", "rowIndex", "columnIndex"]);
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadLimit(error) && count > 1) return readRest(context, used, from, to, Math.ceil(count / 2), blocks);
    throw error;
  }
  blocks.push(blockOf(range)!);
  return readRest(context, used, from + count, to, perSync, blocks);
}

/** Merged areas of rows [top, bottom], in one sync, or by halves while Excel refuses (over 512 areas). */
async function readMerges(
  context: Excel.RequestContext,
  used: CellRange,
  top: number,
  bottom: number,
): Promise<CellRange[]> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const areas = sheet
    .getRangeByIndexes(top, used.left, bottom - top + 1, used.right - used.left + 1)
    .getMergedAreasOrNullObject();
  areas.load("address");
  try {
    await context.sync();
  } catch (error) {
    if (top === bottom) throw error;
    const middle = Math.floor((top + bottom) / 2);
    const upper: CellRange[] = await readMerges(context, used, top, middle);
    return [...upper, ...(await readMerges(context, used, middle + 1, bottom))];
  }
  return areas.isNullObject ? [] : parseAreas(areas.address);
}

export async function readActiveSheetGrid(
  context: Excel.RequestContext,
  options: ReadSheetOptions = {},
): Promise<Grid> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const wantMerges = options.mergedAreas !== false;
  const first = await readFirst(context, Math.min(options.firstBlockRows ?? FIRST_BLOCK_ROWS, maxRows), wantMerges);
  const { used } = first;
  const lastRow = Math.min(used.bottom + 1, maxRows);
  const blocks = first.block ? [first.block] : [];
  if (lastRow > first.blockRows) {
    const weighed = first.block ? payloadBytes(first.block) / first.block.values.length : 0;
    const perSync = weighed > 0 ? Math.max(1, Math.floor(PAYLOAD_BUDGET / weighed)) : lastRow;
    await readRest(context, used, Math.max(first.blockRows, used.top), lastRow, perSync, blocks);
  }
  const merges = first.merges ?? (wantMerges ? await readMerges(context, used, used.top, used.bottom) : []);

  const rows: (Cell | undefined)[][] = Array.from({ length: Math.max(lastRow, 0) }, () => []);
  for (const block of blocks) fillRows(rows, block);
  const grid: Grid = { name: first.name, rows, merges, hiddenRows: hiddenRowsOf(used, first.visible) };
  const cutRows = used.bottom + 1 - lastRow;
  if (cutRows > 0) grid.truncated = { rows: cutRows };
  return grid;
}

/** Copies one block's arrays into absolute grid rows (grid row = sheet row, so A1 addresses stay true). */
function fillRows(rows: (Cell | undefined)[][], block: Block): void {
  const { rowIndex, columnIndex, values, numberFormat, formulas, valueTypes } = block;
  values.forEach((valueRow, r) => {
    const target = rows[rowIndex + r];
    if (!target) return;
    valueRow.forEach((value, c) => {
      const cell = toCell(value, numberFormat[r]?.[c], formulas[r]?.[c], valueTypes[r]?.[c]);
      if (cell) target[columnIndex + c] = cell;
    });
  });
}

/** One Office.js cell as a Grid cell: formulas keep their text and their calculated value; errors become Cell.error. */
export function toCell(
  value: unknown,
  numberFormat: unknown,
  formula: unknown,
  valueType: string | undefined,
): Cell | undefined {
  const formulaText = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  const numFmt = typeof numberFormat === "string" && numberFormat !== "General" ? numberFormat : undefined;
  if (valueType === "Error") {
    return {
      value: null,
      error: String(value),
      ...(formulaText ? { formula: formulaText } : {}),
      ...(numFmt ? { numFmt } : {}),
    };
  }
  if ((value === "" || value === null || value === undefined) && !formulaText) return undefined;
  const cellValue =
    typeof value === "number" && numFmt && isDateFormat(numFmt)
      ? dateFromSerial(value)
      : typeof value === "number" || typeof value === "boolean" || typeof value === "string"
        ? value
        : null;
  return { value: cellValue, ...(formulaText ? { formula: formulaText } : {}), ...(numFmt ? { numFmt } : {}) };
}

/**
 * True for a date format ("dd/mm/yyyy", "[$-vi-VN]d mmmm yyyy", "m/d/yy h:mm"): Office.js gives dates as serial
 * numbers, while the xlsx reader gives Dates; both adapters must hand the engine the same Grid.
 */
export function isDateFormat(numFmt: string): boolean {
  const code = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(code) && !/[0#%]/.test(code);
}

/** Excel's 1900 date system (serial 25569 = 1970-01-01), in UTC like the xlsx reader. */
function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** Rows of the used range that no visible area reaches (hidden rows; filtered-out rows count as hidden too). */
function hiddenRowsOf(used: CellRange, visibleAreas: CellRange[]): number[] {
  const hidden: number[] = [];
  for (let row = used.top; row <= used.bottom; row++) {
    if (!visibleAreas.some((a) => row >= a.top && row <= a.bottom)) hidden.push(row);
  }
  return hidden;
}
