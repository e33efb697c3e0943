/** Small readers the rules share: a cell's number, its address, its target, a result's figure. */
import { a1 } from "../grid";
import type { CellRef, Table, TableRow, Target } from "../model";
import { NUMBER_PATTERN, numberFromDigits } from "../parse/number";
import { parseRatioText, ratioPercent } from "../parse/ratioText";
import { parseTargetCell } from "../parse/target";
import type { ColumnRole } from "../template";

/** The number a cell holds (percent points for shares), or undefined for anything else. */
export function numberOf(ref: CellRef | undefined): number | undefined {
  return ref?.parsed.kind === "number" ? ref.parsed.value : undefined;
}

/**
 * True when the cell holds nothing a reader would count as a value. `x` or `-` in a value cell is
 * no figure, but it is an answer (not applicable): not blank.
 */
export function isBlank(ref: CellRef | undefined): boolean {
  if (!ref) return true;
  const parsed = ref.parsed;
  return (parsed.kind === "empty" && parsed.mark === undefined) || (parsed.kind === "text" && ref.text.trim() === "");
}

/** A row's own cell in a role, or the one a sub-item inherits from its item (spec §2.0). */
export function ownOrInherited(row: TableRow, role: "target" | "leadUnit"): CellRef | undefined {
  const own = row.cells[role];
  return isBlank(own) ? (row.inherited?.[role] ?? own) : own;
}

/**
 * Address of a row's cell in a role's column, even when the table left the empty cell out; the
 * row's first cell when the sheet has no such column.
 */
export function addressOf(table: Table, row: TableRow, role: ColumnRole): string {
  const ref = row.cells[role];
  if (ref) return ref.address;
  const col = table.columns[role];
  return a1(row.row, col ?? 0);
}

/** Indexes of rows that are some row's parent: a section or item with children. */
export function parentsOf(table: Table): Set<number> {
  const parents = new Set<number>();
  for (const row of table.rows) if (row.parent !== undefined) parents.add(row.parent);
  return parents;
}

/** Rows that carry data of their own (items and sub-items; sections and totals are structure). */
export function isEntry(row: TableRow): boolean {
  return row.kind === "item" || row.kind === "subitem";
}

/**
 * Targets already read, per table: by cell (attainment and assessment rules both ask) and by text (the
 * same Kế hoạch is typed row after row). Sharing is safe because parseTarget depends on the text alone
 * and a Target never changes once made. Measurements: bench/README.md.
 */
const tableTargets = new WeakMap<Table, { byRef: Map<CellRef, Target>; byText: Map<string, Target> }>();

function readTarget(byText: Map<string, Target>, ref: CellRef): Target {
  const text = ref.cell?.value;
  if (typeof text !== "string" || ref.cell?.error) return parseTargetCell(ref.cell);
  let target = byText.get(text);
  if (!target) {
    target = parseTargetCell(ref.cell);
    byText.set(text, target);
  }
  return target;
}

/** The target a Kế hoạch cell states; a numeric cell is never re-parsed (parseTargetCell). */
export function targetOf(table: Table, ref: CellRef | undefined): Target {
  if (!ref) return { kind: "empty", text: "" };
  let known = tableTargets.get(table);
  if (!known) {
    known = { byRef: new Map(), byText: new Map() };
    tableTargets.set(table, known);
  }
  let target = known.byRef.get(ref);
  if (!target) {
    target = readTarget(known.byText, ref);
    known.byRef.set(ref, target);
  }
  return target;
}

/** A function that remembers its answer per text: lead units and Đánh giá repeat down a sheet. */
export function perText<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, read(text));
    return seen.get(text) as T;
  };
}

/** A percentage as written: its value in percent points and the decimals shown. */
export interface Stated {
  value: number;
  decimals: number;
}

export const PERCENT_IN_TEXT = new RegExp(`(?<![\\d.,])(${NUMBER_PATTERN})\\s*%`, "g");

/** The one percentage a text states (`94,2% (179/188)`); undefined when it states none or several. */
export function percentInText(text: string): Stated | undefined {
  const found = [...text.matchAll(PERCENT_IN_TEXT)].map((match) => numberFromDigits(match[1]));
  const distinct = new Set(found.map((f) => f.value));
  return distinct.size === 1 ? found[0] : undefined;
}

/**
 * The figure a Thực hiện / Kết quả cell reports, for attainment: a number, the one percentage its
 * text states, or its `179/188` ratio in percent points. Undefined for text results.
 */
export function resultValueOf(ref: CellRef | undefined): { value: number; percent: boolean } | undefined {
  if (!ref) return undefined;
  const parsed = ref.parsed;
  if (parsed.kind === "number") return { value: parsed.value, percent: parsed.percent };
  if (parsed.kind !== "text") return undefined;
  const stated = percentInText(parsed.text);
  if (stated) return { value: stated.value, percent: true };
  const ratio = parseRatioText(parsed.text);
  const value = ratio && ratioPercent(ratio);
  return value === undefined ? undefined : { value, percent: true };
}
