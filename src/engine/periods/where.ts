/** How a message names a cell of a reference workbook: `tệp ke-hoach.xlsx, trang tính “Phụ lục I”, ô C14`. */
import type { Locale } from "../locale";
import type { CellRef, Table, TableRow } from "../model";
import type { ReferenceBook } from "./reference";

/** A cell of another workbook, as a finding's params carry it. */
export interface Where {
  file: string;
  sheet: string;
  cell: string;
}

export function whereOf(book: ReferenceBook, ref: Table, cell: string): Where {
  return { file: book.file, sheet: ref.sheet, cell };
}

export function whereText(where: Where, locale: Locale): string {
  return locale === "vi"
    ? `tệp ${where.file}, trang tính “${where.sheet}”, ô ${where.cell}`
    : `file ${where.file}, sheet “${where.sheet}”, cell ${where.cell}`;
}

/** The address of a row's label cell (for rows whose value cell is absent). */
export function labelAddress(row: TableRow): string {
  const ref: CellRef | undefined = row.cells.indicator ?? row.cells.reportingUnit;
  return ref?.address ?? `A${row.row + 1}`;
}
