/** Moving to a cell and writing values: each is one batch, one sync. */

export interface CellUpdate {
  sheet: string;
  /** A1 address of a single cell. */
  address: string;
  value: string | number;
  /** Number format to give the cell with the value (e.g. "0.00%" for a share). */
  numberFormat?: string;
}

/** Activates the sheet and selects the cell, so the user sees what a finding is about. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}

/** Writes all updates in one batch (one sync, whatever their number). */
export async function writeCells(context: Excel.RequestContext, updates: readonly CellUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  for (const u of updates) {
    const range = context.workbook.worksheets.getItem(u.sheet).getRange(u.address);
    range.values = [[u.value]];
    if (u.numberFormat) range.numberFormat = [[u.numberFormat]];
  }
  await context.sync();
}
