/**
 * The table part of a submission sheet: the consolidated sheet's header and data rows, cell by cell,
 * with two deliberate changes — numbers typed as text in number columns become the numbers the
 * check read them as, and subtotal/total rows become live SUM formulas with cached results.
 */
import { a1, cellAt, type Cell, type Grid } from "../grid";
import type { CellRef, ParsedValue, Table } from "../model";
import { formatVietnameseNumber } from "../parse/number";
import type { ColumnDef, ColumnRole } from "../template";
import { expectedTotals } from "../totals";
import type { HorizontalAlign, SubmissionCell, SubmissionStyle } from "./model";

export const TABLE_FONT_SIZE = 12;

/** Column kinds whose text-typed numbers are written as numbers (targets and text stay as typed). */
const NUMERIC_KINDS = new Set<ColumnDef["kind"]>(["number", "percent", "result"]);
const CENTRED_ROLES = new Set<ColumnRole>(["stt", "measure", "target", "assessment", "leadUnit", "coUnits"]);

export interface TableRegion {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  headerLast: number;
}

/** From the first header row to the last table row, across the header's columns. */
export function tableRegion(grid: Grid, table: Table): TableRegion {
  const firstRow = Math.min(...table.headerRows);
  const headerLast = Math.max(...table.headerRows);
  const lastRow = Math.max(headerLast, ...table.rows.map((r) => r.row));
  const cols: number[] = [];
  for (const r of table.headerRows) {
    (grid.rows[r] ?? []).forEach((cell, c) => {
      if (cell && cell.value !== null && cell.value !== "") cols.push(c);
    });
  }
  for (const m of grid.merges) if (m.top <= headerLast && m.bottom >= firstRow) cols.push(m.left, m.right);
  return { firstRow, lastRow, headerLast, firstCol: Math.min(...cols), lastCol: Math.max(...cols) };
}

function kindOfRole(table: Table, role: ColumnRole): ColumnDef["kind"] | undefined {
  return table.template.columns.find((c) => c.role === role)?.kind;
}

interface KnownCell {
  ref: CellRef;
  kind: ColumnDef["kind"];
  role: ColumnRole;
}

/** Every cell the recogniser read, by `row:col`, with the kind of its column. */
function knownCells(table: Table): Map<string, KnownCell> {
  const known = new Map<string, KnownCell>();
  for (const row of table.rows) {
    for (const [role, ref] of Object.entries(row.cells) as [ColumnRole, CellRef][]) {
      const kind = kindOfRole(table, role);
      if (kind) known.set(`${ref.row}:${ref.col}`, { ref, kind, role });
    }
    for (const ref of row.amounts) known.set(`${ref.row}:${ref.col}`, { ref, kind: "number", role: "amount" });
  }
  return known;
}

function numberFormat(decimals: number, percent: boolean): string {
  const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** A text-typed number as the number the check read (`1.250` → 1250; `94,2%` → 0.942 shown `0.0%`). */
function numberFromParsed(parsed: Extract<ParsedValue, { kind: "number" }>): { value: number; numFmt: string } {
  if (!parsed.percent) return { value: parsed.value, numFmt: numberFormat(parsed.decimals, false) };
  // Percent points back to the share Excel stores; round off binary noise (0.942, not 0.94200000001).
  const share = Number((parsed.value / 100).toFixed(parsed.decimals + 2));
  return { value: share, numFmt: numberFormat(Math.max(parsed.decimals, 1), true) };
}

function isGeneral(numFmt: string | undefined): boolean {
  return !numFmt || numFmt.toLowerCase() === "general";
}

export interface ConvertedCell {
  cell: SubmissionCell;
  note?: string;
}

/** One data cell: as typed, except a text-typed number in a number column. Text is never a formula. */
function dataCell(
  source: Cell | undefined,
  known: KnownCell | undefined,
  style: SubmissionStyle,
  address: string,
): ConvertedCell {
  const parsed = known?.ref.parsed;
  if (parsed?.kind === "number" && parsed.fromText && NUMERIC_KINDS.has(known!.kind)) {
    const { value, numFmt } = numberFromParsed(parsed);
    return { cell: { value, numFmt, style: { ...style, align: style.align === "center" ? "center" : "right" } } };
  }
  if (!source) return { cell: { value: null, style } };
  if (source.error) return { cell: { value: null, error: source.error, style } };
  const value = source.value;
  let numFmt = isGeneral(source.numFmt) ? undefined : source.numFmt;
  if (typeof value === "number" && !numFmt && known && NUMERIC_KINDS.has(known.kind)) {
    numFmt = numberFormat(parsed?.kind === "number" ? parsed.decimals : 0, false);
  }
  // Numbers right-aligned, except in centred columns (targets such as 100% next to text targets, STT).
  const align: HorizontalAlign | undefined =
    typeof value === "number" && style.align !== "center" ? "right" : style.align;
  const cell: SubmissionCell = { value, numFmt, style: { ...style, align } };
  if (source.formula && value === null) {
    return { cell, note: `Ô ${address} có công thức chưa được tính (=${source.formula}): để trống trong file nộp.` };
  }
  // Other formulas are written as their values: their references would not survive the new layout.
  return { cell };
}

/** Consecutive runs of integers: [3,4,5,7] → [[3,5],[7,7]]. */
function runs(values: number[]): [number, number][] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v === last[1] + 1) last[1] = v;
    else out.push([v, v]);
  }
  return out;
}

/**
 * `SUM(D10:D11,D13)` over cells of the submission sheet (0-based): cells in one column (a total
 * down) or one row (a Tổng across) are joined into ranges; anything else is listed cell by cell.
 */
export function sumFormula(cells: { row: number; col: number }[]): string {
  const range = (r1: number, c1: number, r2: number, c2: number) =>
    r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
  let parts: string[];
  if (cells.every((c) => c.col === cells[0].col)) {
    parts = runs(cells.map((c) => c.row)).map(([a, b]) => range(a, cells[0].col, b, cells[0].col));
  } else if (cells.every((c) => c.row === cells[0].row)) {
    parts = runs(cells.map((c) => c.col)).map(([a, b]) => range(cells[0].row, a, cells[0].row, b));
  } else {
    parts = cells.map((c) => a1(c.row, c.col));
  }
  return `SUM(${parts.join(",")})`;
}

function decimalsOf(ref: CellRef): number {
  return ref.parsed.kind === "number" && !ref.parsed.percent ? ref.parsed.decimals : 0;
}

export interface TableCells {
  /** Cells by grid row (region rows only), by column offset from region.firstCol. */
  rows: Map<number, SubmissionCell[]>;
  notes: string[];
}

function alignOf(table: Table, col: number): HorizontalAlign {
  const role = (Object.entries(table.columns) as [ColumnRole, number][]).find(([, c]) => c === col)?.[0];
  if (role && CENTRED_ROLES.has(role)) return "center";
  return table.amountColumns.some((a) => a.col === col) ? "right" : "left";
}

/**
 * Cells of the region, keyed by grid row. `exportRowOf` maps a grid row to its 0-based row in the
 * submission sheet (for the SUM formulas' addresses).
 */
export function tableCells(
  grid: Grid,
  table: Table,
  region: TableRegion,
  exportRowOf: (gridRow: number) => number,
): TableCells {
  const known = knownCells(table);
  const rowsByGridRow = new Map(table.rows.map((r) => [r.row, r]));
  const rows = new Map<number, SubmissionCell[]>();
  const notes: string[] = [];
  const base: SubmissionStyle = { size: TABLE_FONT_SIZE, border: true, wrap: true };

  for (let r = region.firstRow; r <= region.lastRow; r++) {
    const isHeader = r <= region.headerLast;
    const tableRow = rowsByGridRow.get(r);
    const bold = isHeader || (tableRow !== undefined && tableRow.kind !== "item" && tableRow.kind !== "subitem");
    const cells: SubmissionCell[] = [];
    for (let c = region.firstCol; c <= region.lastCol; c++) {
      const source = cellAt(grid, r, c);
      if (isHeader) {
        cells.push({ value: source?.value ?? null, style: { ...base, bold: true, align: "center" } });
        continue;
      }
      const style: SubmissionStyle = { ...base, bold: bold || undefined, align: alignOf(table, c) };
      const converted = dataCell(source, known.get(`${r}:${c}`), style, `${grid.name}!${a1(r, c)}`);
      if (converted.note) notes.push(converted.note);
      cells.push(converted.cell);
    }
    rows.set(r, cells);
  }

  const written = new Set<string>();
  for (const total of expectedTotals(table)) {
    const { cell: target, parts } = total;
    const key = `${target.row}:${target.col}`;
    // A total row's Tổng cell is both a down and an across sum: the first (down) is written.
    if (written.has(key)) continue;
    written.add(key);
    const cells = rows.get(target.row)!;
    const previous = cells[target.col - region.firstCol];
    cells[target.col - region.firstCol] = {
      value: total.expected,
      formula: sumFormula(parts.map((p) => ({ row: exportRowOf(p.row), col: p.col - region.firstCol }))),
      numFmt: numberFormat(Math.max(0, ...parts.map(decimalsOf)), false),
      style: { ...previous.style, align: "right" },
    };
    if (target.parsed.kind === "number" && Math.abs(target.parsed.value - total.expected) > 1e-9) {
      notes.push(
        `Ô ${grid.name}!${target.address}: bảng ghi ${formatVietnameseNumber(target.parsed.value)}, ` +
          `file nộp ghi công thức tổng = ${formatVietnameseNumber(total.expected)}.`,
      );
    }
  }
  return { rows, notes };
}
