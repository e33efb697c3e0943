/** How a message names a cell of a reference workbook: `tệp ke-hoach.xlsx, trang tính “Phụ lục I”, ô C14`. */
import type { CellRef, Table, TableRow } from "../model";
import type { ReferenceBook } from "./reference";

export function whereVi(book: ReferenceBook, ref: Table, cell: string): string {
  return `tệp ${book.file}, trang tính “${ref.sheet}”, ô ${cell}`;
}

export function whereEn(book: ReferenceBook, ref: Table, cell: string): string {
  return `file ${book.file}, sheet “${ref.sheet}”, cell ${cell}`;
}

/** The address of a row's label cell (for rows whose value cell is absent). */
export function labelAddress(row: TableRow): string {
  const ref: CellRef | undefined = row.cells.indicator ?? row.cells.reportingUnit;
  return ref?.address ?? `A${row.row + 1}`;
}
