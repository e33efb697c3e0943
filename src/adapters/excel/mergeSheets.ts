/** The open workbook's sheet names (one sync), for choosing sheets that hold a unit's report. */
export async function listSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((sheet) => sheet.name);
}
