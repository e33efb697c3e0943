/**
 * A result sheet against the previous period's (spec §9): which sheet of the previous workbook it is
 * compared with, the two periods, and whether cumulative figures may be compared (same year, the
 * previous period earlier). Worked out once per sheet and said in one note, naming the file, the sheet
 * and the periods used.
 */
import type { Table } from "../model";
import { periodOf, periodText, type Period } from "./period";
import { bestPairing, type Pairing, type ReferenceBook } from "./reference";

export interface PeriodComparison {
  pairing: Pairing;
  current: Period;
  previous: Period;
  /** Cumulative figures may be compared: not known to be another year, nor a later or equal period. */
  cumulative: boolean;
  /** Why they may not (Vietnamese), when they may not. */
  why?: string;
}

const comparisons = new WeakMap<Table, Map<ReferenceBook, PeriodComparison | null>>();

function compare(table: Table, book: ReferenceBook, file: string | undefined): PeriodComparison | null {
  const pairing = bestPairing(table, book, () => true);
  if (!pairing) return null;
  const current = periodOf(table, file);
  const previous = periodOf(pairing.ref, book.file);
  let why: string | undefined;
  if (current.year !== undefined && previous.year !== undefined && current.year !== previous.year) {
    why = `kỳ trước thuộc năm ${previous.year}, kỳ này năm ${current.year}`;
  } else if (current.months !== undefined && previous.months !== undefined && previous.months >= current.months) {
    why = `kỳ trước (${periodText(previous)}) không sớm hơn kỳ này (${periodText(current)})`;
  }
  return { pairing, current, previous, cumulative: why === undefined, why };
}

/** The comparison of `table` with the previous workbook; undefined when no sheet of it matches. */
export function periodComparison(table: Table, book: ReferenceBook, file?: string): PeriodComparison | undefined {
  let known = comparisons.get(table);
  if (!known) {
    known = new Map();
    comparisons.set(table, known);
  }
  if (!known.has(book)) known.set(book, compare(table, book, file));
  return known.get(book) ?? undefined;
}

/** The note that says which previous period a sheet was compared with (or why it was not). */
export function periodNote(table: Table, book: ReferenceBook, comparison: PeriodComparison | undefined): string {
  if (!comparison) {
    return `Trang tính “${table.sheet}” không có đủ dòng chung với tệp kỳ trước ${book.file} để so sánh; chưa so với kỳ trước.`;
  }
  const { pairing, current, previous } = comparison;
  const label = (period: Period) => periodText(period) || "chưa rõ kỳ";
  const head =
    `Đã so với kỳ trước: tệp ${book.file}, trang tính “${pairing.ref.sheet}” (${label(previous)}; kỳ này: ` +
    `${label(current)}; ${pairing.pairs.length} dòng khớp)`;
  return comparison.why ? `${head}; không so số lũy kế vì ${comparison.why}.` : `${head}.`;
}
