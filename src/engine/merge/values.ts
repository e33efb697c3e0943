/** Reading, comparing and showing the values a merge moves between sheets. */
import type { Cell, CellValue } from "../grid";
import type { CellRef, ParsedValue, Table, TableRow } from "../model";
import type { ColumnRole } from "../template";
import { foldText } from "../text";
import { vnNumber } from "../messages";
import type { ExtraCell } from "./types";
import { columnName } from "../headerText";

/**
 * The single-column roles whose values a unit fills in (the template's policies; amounts are separate).
 * One list per template: a merge asks for it at every row it logs.
 */
export function valueRoles(table: Pick<Table, "template">): readonly ColumnRole[] {
  let roles = VALUE_ROLES.get(table.template);
  if (!roles) VALUE_ROLES.set(table.template, (roles = table.template.policies.values.map((value) => value.role)));
  return roles;
}

const VALUE_ROLES = new WeakMap<Table["template"], readonly ColumnRole[]>();

/** The roles that say an indicator row has been reported (results when the form has them, else targets). */
export function reportRoles(table: Pick<Table, "template" | "columns">): ColumnRole[] {
  const { columns } = table;
  const results = (["actual", "ratio", "assessment"] as ColumnRole[]).filter((role) => columns[role] !== undefined);
  if (table.template.policies.reportedByTarget && results.length === 0)
    return columns.target !== undefined ? ["target"] : [];
  return results;
}

export function isEmptyRef(ref: CellRef | undefined): boolean {
  return !ref || ref.parsed.kind === "empty" || (ref.parsed.kind === "text" && ref.parsed.text.trim() === "");
}

/** Same value for a person: numbers by value (percentages in points), text ignoring case and diacritics. */
export function sameValue(a: ParsedValue, b: ParsedValue): boolean {
  if (a.kind === "number" && b.kind === "number") {
    return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  }
  return foldText(displayParsed(a)) === foldText(displayParsed(b));
}

export function displayParsed(parsed: ParsedValue): string {
  switch (parsed.kind) {
    case "empty":
      return "";
    case "number":
      return vnNumber(parsed.value, { percent: parsed.percent });
    case "text":
      return parsed.text;
    case "error":
      return parsed.code;
    case "uncalculated":
      return `=${parsed.formula}`;
    case "date":
      return parsed.iso;
    case "boolean":
      return parsed.value ? "TRUE" : "FALSE";
  }
}

/** The number a value holds (percent points for shares), if any. */
export function numberOf(ref: CellRef | undefined): number | undefined {
  return ref?.parsed.kind === "number" ? ref.parsed.value : undefined;
}

/** The cell to put in the consolidated sheet: the unit's value and format, without its formula. */
export function copyCell(cell: Cell | undefined): Cell | undefined {
  if (!cell || (cell.value === null && !cell.error)) return undefined;
  const copy: Cell = { value: cell.value };
  if (cell.numFmt) copy.numFmt = cell.numFmt;
  return copy;
}

export function cellValueOf(cell: Cell | undefined): CellValue {
  return cell?.value ?? null;
}

/**
 * The cells of a row that carry a figure: its value roles and its amounts, each cell once (a summable
 * role such as dich-vu-cong's counts is also among the amounts).
 */
export function valueRefs(row: TableRow, roles: readonly ColumnRole[]): CellRef[] {
  const refs = roles.map((role) => row.cells[role]).filter((ref): ref is CellRef => !isEmptyRef(ref));
  for (const ref of row.amounts) if (!isEmptyRef(ref) && !refs.some((r) => r.col === ref.col)) refs.push(ref);
  return refs;
}

/** The giải trình a unit typed in the row's Ghi chú, and the ones it stored for the row's findings (PhuLuc sheet). */
export function explanationOf(row: TableRow): string | undefined {
  const note = row.cells.note;
  const typed = note && !isEmptyRef(note) ? note.text : undefined;
  if (!row.storedExplanation || typed?.includes(row.storedExplanation)) return typed;
  return typed ? `${typed}; ${row.storedExplanation}` : row.storedExplanation;
}

/** Columns that say which row it is and who leads it, not a figure the unit reports. */
const IDENTITY_ROLES = new Set<ColumnRole>([
  "stt",
  "code",
  "indicator",
  "reportingUnit",
  "leadUnit",
  "coUnits",
  "measure",
]);

/** One non-empty value of a unit's row, wherever it stands: a role, an amount or an extra column. */
export interface ValueCell {
  col: number;
  address: string;
  /** The column's header in the unit's sheet. */
  column: string;
  text: string;
  role?: ColumnRole;
  /** Index in the row's amounts. */
  amount?: number;
  extra?: boolean;
}

/** Whether one of the cells found so far is in column `col` (a row holds a handful: a scan, not a Set per row). */
function hasColumn(cells: readonly ValueCell[], col: number): boolean {
  for (const cell of cells) if (cell.col === col) return true;
  return false;
}

function refCell(table: Table, ref: CellRef, what: Pick<ValueCell, "role" | "amount">): ValueCell {
  return {
    col: ref.col,
    address: ref.address,
    column: columnName(table, ref.col),
    text: displayParsed(ref.parsed),
    ...what,
  };
}

/**
 * Every non-empty value of a row (figures, Ghi chú, extra columns), each cell once, in column order.
 * Run for every row a merge logs, so its roles are walked in place (not as `Object.entries` pairs).
 */
export function rowValueCells(table: Table, row: TableRow, extras: readonly ExtraCell[] = []): ValueCell[] {
  const cells: ValueCell[] = [];
  for (const key in row.cells) {
    const role = key as ColumnRole;
    const ref = row.cells[role];
    if (!IDENTITY_ROLES.has(role) && ref && !isEmptyRef(ref) && !hasColumn(cells, ref.col))
      cells.push(refCell(table, ref, { role }));
  }
  row.amounts.forEach((ref, amount) => {
    if (!isEmptyRef(ref) && !hasColumn(cells, ref.col)) cells.push(refCell(table, ref, { amount }));
  });
  for (const extra of extras) {
    if (hasColumn(cells, extra.col)) continue;
    cells.push({ col: extra.col, address: extra.address, column: extra.column, text: extra.text, extra: true });
  }
  return cells.sort((a, b) => a.col - b.col);
}
