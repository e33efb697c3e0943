/**
 * A result sheet against the previous period's (spec §9): which sheet of the previous workbook it is
 * compared with, the two periods, and whether cumulative figures may be compared (same year, the
 * previous period earlier). Worked out once per sheet and said in one note, naming the file, the sheet
 * and the periods used.
 */
import type { Table } from "../model";
import { makeNote, type Note } from "../notes/note";
import { previousCompared, previousNotPaired } from "../notes/references";
import { periodOf, type Period } from "./period";
import { bestPairing, type Pairing, type ReferenceBook } from "./reference";

export interface PeriodComparison {
  pairing: Pairing;
  current: Period;
  previous: Period;
  /** Cumulative figures may be compared: not known to be another year, nor a later or equal period. */
  cumulative: boolean;
  /** Why they may not, when they may not: another year, or a period not earlier than this one. */
  why?: "other-year" | "not-earlier";
}

const comparisons = new WeakMap<Table, Map<ReferenceBook, PeriodComparison | null>>();

function compare(table: Table, book: ReferenceBook, file: string | undefined): PeriodComparison | null {
  const pairing = bestPairing(table, book, () => true);
  if (!pairing) return null;
  const current = periodOf(table, file);
  const previous = periodOf(pairing.ref, book.file);
  let why: PeriodComparison["why"];
  if (current.year !== undefined && previous.year !== undefined && current.year !== previous.year) {
    why = "other-year";
  } else if (current.months !== undefined && previous.months !== undefined && previous.months >= current.months) {
    why = "not-earlier";
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
export function periodNote(table: Table, book: ReferenceBook, comparison: PeriodComparison | undefined): Note {
  if (!comparison) return makeNote(previousNotPaired, { sheet: table.sheet, file: book.file });
  const { pairing, current, previous, why } = comparison;
  const params = { file: book.file, sheet: pairing.ref.sheet, rows: pairing.pairs.length, previous, current };
  return makeNote(previousCompared, why ? { ...params, why } : params);
}
