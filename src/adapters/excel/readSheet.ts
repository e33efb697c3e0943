/**
 * Reading the active worksheet into the engine's Grid with as few round trips as Excel allows:
 * one `context.sync()` for sheets up to BLOCK_ROWS rows (the first block, merged areas and visible cells are
 * queued together with the used range's size); larger sheets need exactly one more sync that loads all remaining
 * blocks at once. Never a sync per row or per block.
 */
import type { Cell, CellRange, Grid } from "../../engine/grid";
import { parseAreas } from "./addresses";

export const BLOCK_ROWS = 5000;
/** Rows beyond this are left out (and reported in Grid.truncated) to keep the pane responsive. */
export const MAX_ROWS = 100_000;

export interface ReadSheetOptions {
  /** Load merged areas (needs ExcelApi 1.13; see excelCapabilities). */
  mergedAreas?: boolean;
  blockRows?: number;
  maxRows?: number;
}

/** The sheet rows [first, first + count) as an A1 row range ("1:5000"). */
function rowBand(first: number, count: number): string {
  return `${first + 1}:${first + count}`;
}

export async function readActiveSheetGrid(
  context: Excel.RequestContext,
  options: ReadSheetOptions = {},
): Promise<Grid> {
  const blockRows = options.blockRows ?? BLOCK_ROWS;
  const maxRows = options.maxRows ?? MAX_ROWS;
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet.getUsedRange(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const firstBlock = used.getIntersectionOrNullObject(sheet.getRange(rowBand(0, blockRows)));
  firstBlock.load(["values", "numberFormat", "formulas", "valueTypes", "rowIndex", "columnIndex"]);
  const merged = options.mergedAreas === false ? undefined : used.getMergedAreasOrNullObject();
  merged?.load("address");
  const visible = used.getSpecialCellsOrNullObject("Visible");
  visible.load("address");
  await context.sync();

  const lastRow = Math.min(used.rowIndex + used.rowCount, maxRows);
  const blocks = [firstBlock];
  if (lastRow > blockRows) {
    // All remaining blocks in one batch: the loop only queues proxies, the single sync follows it.
    for (let first = blockRows; first < lastRow; first += blockRows) {
      const block = used.getIntersectionOrNullObject(
        sheet.getRange(rowBand(first, Math.min(blockRows, lastRow - first))),
      );
      block.load(["values", "numberFormat", "formulas", "valueTypes", "rowIndex", "columnIndex"]);
      blocks.push(block);
    }
    await context.sync();
  }

  const rows: (Cell | undefined)[][] = Array.from({ length: Math.max(lastRow, 0) }, () => []);
  for (const block of blocks) {
    if (block.isNullObject) continue;
    fillRows(
      rows,
      block.rowIndex,
      block.columnIndex,
      block.values,
      block.numberFormat,
      block.formulas,
      block.valueTypes,
    );
  }

  const usedArea: CellRange = {
    top: used.rowIndex,
    left: used.columnIndex,
    bottom: used.rowIndex + used.rowCount - 1,
    right: used.columnIndex + used.columnCount - 1,
  };
  const grid: Grid = {
    name: sheet.name,
    rows,
    merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
    hiddenRows: hiddenRowsOf(usedArea, visible.isNullObject ? [] : parseAreas(visible.address)),
  };
  const cutRows = used.rowIndex + used.rowCount - lastRow;
  if (cutRows > 0) grid.truncated = { rows: cutRows };
  return grid;
}

/** Copies one block's arrays into absolute grid rows (grid row = sheet row, so A1 addresses stay true). */
function fillRows(
  rows: (Cell | undefined)[][],
  rowIndex: number,
  columnIndex: number,
  values: unknown[][],
  numberFormat: unknown[][],
  formulas: unknown[][],
  valueTypes: string[][],
): void {
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
