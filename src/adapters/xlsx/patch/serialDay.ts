/** A date as Excel's serial day (exceljs' dateToExcel): the 1900 system, or 1904's 1,462 days later. */
export function serialDay(date: Date, date1904: boolean): number {
  return date.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}
