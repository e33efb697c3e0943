/**
 * The workbooks a result sheet answers to (spec §9): the approved plan and the previous period's
 * result. Rows are paired as the merge pairs them (merge/match.ts RowMatcher: Mã chỉ tiêu, else
 * section + folded text, else a unique label; a near match is only proposed), and each result sheet
 * is paired with the reference sheet that shares most of its indicators.
 */
import type { Grid } from "../grid";
import { RowMatcher } from "../merge/match";
import { recogniseTable } from "../recognise";
import type { Table, TableRow } from "../model";

/** A plan or previous-period workbook, as recognised. */
export interface ReferenceBook {
  /** The file's name as the user knows it (shown in messages and notes). */
  file: string;
  tables: Table[];
}

export interface References {
  /** The approved plan (Phụ lục I of the Kế hoạch). */
  plan?: ReferenceBook;
  /** The previous period's result workbook of the same year. */
  previous?: ReferenceBook;
}

/** A reference workbook's recognised sheets (sheets no template recognises are left out). */
export function referenceBook(file: string, grids: Grid[]): ReferenceBook {
  return { file, tables: grids.flatMap((grid) => recogniseTable(grid).table ?? []) };
}

export interface RowPair {
  row: TableRow;
  ref: TableRow;
}

export interface Pairing {
  book: ReferenceBook;
  ref: Table;
  pairs: RowPair[];
  /** Reference rows a result row was near to (proposed, not applied): neither compared nor missing. */
  proposals: { row: TableRow; ref: TableRow; similarity: number }[];
  /** How many of the sheet's own rows could be paired at all (sections, items, sub-items). */
  candidates: number;
}

/** The cell a proposal names for a row (as RowMatcher names it). */
function labelCell(row: TableRow): string {
  return row.cells.indicator?.address ?? `A${row.row + 1}`;
}

const PAIRED_KINDS = new Set(["section", "item", "subitem"]);

/** Pairs a sheet's rows with one reference sheet's rows. */
export function pairRows(table: Table, book: ReferenceBook, ref: Table): Pairing {
  const matcher = new RowMatcher(ref, new Set());
  const source = { unit: "", file: book.file, table, rank: 0 };
  const used = new Set<number>();
  const pairs: RowPair[] = [];
  const proposals: Pairing["proposals"] = [];
  let candidates = 0;
  for (const row of table.rows) {
    if (!PAIRED_KINDS.has(row.kind) || !row.label) continue;
    candidates++;
    const { slot, proposal } = matcher.match(source, row, used);
    if (slot) {
      used.add(slot.index);
      pairs.push({ row, ref: slot.row });
    } else if (proposal) {
      const near = matcher.slots.find((s) => labelCell(s.row) === proposal.target.cell);
      if (near) proposals.push({ row, ref: near.row, similarity: proposal.similarity });
    }
  }
  return { book, ref, pairs, proposals, candidates };
}

/** A sheet answers to a reference sheet when at least half of its rows are the reference's rows. */
function answers(pairing: Pairing): boolean {
  return pairing.pairs.length > 0 && pairing.pairs.length * 2 >= pairing.candidates;
}

/** Sheets that can be compared: of the same merge strategy (a plan and its results are both indicator rows). */
export function comparable(a: Table, b: Table): boolean {
  return a.template.policies.mergeStrategy === b.template.policies.mergeStrategy;
}

const pairings = new WeakMap<Table, Map<ReferenceBook, Pairing | null>>();

/**
 * The reference sheet of `book` that shares most rows with `table` (among those `accepts` allows),
 * when the sheet answers to it; undefined when none does. Remembered per table and book: the plan,
 * period and outlier rules all ask.
 */
export function bestPairing(table: Table, book: ReferenceBook, accepts: (ref: Table) => boolean): Pairing | undefined {
  let known = pairings.get(table);
  if (!known) {
    known = new Map();
    pairings.set(table, known);
  }
  if (!known.has(book)) {
    let best: Pairing | undefined;
    for (const ref of book.tables) {
      if (ref === table || !comparable(table, ref) || !accepts(ref)) continue;
      const pairing = pairRows(table, book, ref);
      if (answers(pairing) && (!best || pairing.pairs.length > best.pairs.length)) best = pairing;
    }
    known.set(book, best ?? null);
  }
  return known.get(book) ?? undefined;
}
