/**
 * What subtotal and total cells should say: the sums the total-mismatch rule checks, the merge
 * recomputes and the export writes as SUM formulas. Rows to add come from `covers` (structure.ts);
 * a `Tổng` amount column (kinh-phi split by source) should equal the other amount columns across.
 */
import type { CellRef, Table, TableRow } from "./model";

export interface CoveredSum {
  sum: number;
  /** False when a covered cell holds something unreadable (text, an error, an uncalculated formula). */
  complete: boolean;
}

export interface ExpectedTotal {
  /** Index in `table.rows` of the subtotal/total/section row (or, across, of any row). */
  rowIndex: number;
  /** Index in `table.amountColumns` (and in each row's `amounts`). */
  amountIndex: number;
  /** "down": the sum of the rows the row covers; "across": the row's other amount columns. */
  direction: "down" | "across";
  cell: CellRef;
  /** The cells added up, in table order (for formulas and provenance). */
  parts: CellRef[];
  expected: number;
  complete: boolean;
}

/** Removes binary float noise from a sum of decimals (0.1 + 0.2 → 0.3). */
function clean(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function addUp(parts: CellRef[]): CoveredSum {
  let sum = 0;
  let complete = true;
  for (const part of parts) {
    if (part.parsed.kind === "number") sum += part.parsed.value;
    else if (part.parsed.kind !== "empty") complete = false;
  }
  return { sum: clean(sum), complete };
}

function coveredCells(table: Table, row: TableRow, amountIndex: number): CellRef[] {
  return (row.covers ?? []).map((i) => table.rows[i].amounts[amountIndex]).filter((c): c is CellRef => !!c);
}

/** The sum of one amount column over the rows `row` covers; empty cells count as 0. */
export function sumCovered(table: Table, row: TableRow, amountIndex: number): CoveredSum {
  return addUp(coveredCells(table, row, amountIndex));
}

const isEmpty = (ref: CellRef) => ref.parsed.kind === "empty";

/**
 * Every cell that should hold a sum, with that sum. Down: subtotal and total rows (an empty cell
 * is listed when its rows add up to more than 0) and section rows that state an amount. Across:
 * the `Tổng` amount column of every row that has something in its amount cells.
 */
export function expectedTotals(table: Table): ExpectedTotal[] {
  const out: ExpectedTotal[] = [];
  const totalColumn = table.amountColumns.findIndex((a) => a.isTotal);
  for (const row of table.rows) {
    if (row.covers) {
      row.amounts.forEach((cell, amountIndex) => {
        const parts = coveredCells(table, row, amountIndex);
        const { sum, complete } = addUp(parts);
        if (isEmpty(cell) && (row.kind === "section" || sum === 0)) return;
        out.push({ rowIndex: row.index, amountIndex, direction: "down", cell, parts, expected: sum, complete });
      });
    }
    if (totalColumn >= 0) {
      const cell = row.amounts[totalColumn];
      const parts = row.amounts.filter((_, i) => i !== totalColumn);
      if (cell && parts.length && !(isEmpty(cell) && parts.every(isEmpty))) {
        const { sum, complete } = addUp(parts);
        out.push({
          rowIndex: row.index,
          amountIndex: totalColumn,
          direction: "across",
          cell,
          parts,
          expected: sum,
          complete,
        });
      }
    }
  }
  return out;
}
