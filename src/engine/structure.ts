/**
 * The rows of a table: their kind (section, item, sub-item, subtotal, total), level, parent and
 * section, and which rows each subtotal/total/section row should add up (`covers`).
 *
 * Decisions:
 * - STTs are read by stt.ts. A Roman numeral is a section (level 0); a lettered part `A`, `B` … (a
 *   "phần" above or instead of Roman sections in budget tables) is a section too; the model has one
 *   section level, so letter parts and Roman sections are siblings.
 * - `1`, `2` … is an item (level 1); `1.1` is level 2, `1.1.1` level 3. Relative markers — `a`,
 *   `a)`, `i`, `-`, `+`, `*`, `•` and rows with content but no STT — go one level below the row
 *   they follow, and a marker already open at some depth returns to that depth (`a`, `-`, `b`).
 *   Level 1 is an item, deeper is a sub-item: a `-` directly under a section is an item.
 * - A row with no numbering STT whose label is `Cộng`, `Cộng mục I`, `Tổng` … is a subtotal (a
 *   total when no section is open); `Tổng cộng`, `Tổng số`, `Toàn tỉnh`, `Cộng toàn bộ` a total.
 *   A final bare `Tổng` after two or more sections, with no other total, is the total.
 * - Reading stops at a signature/footer block (`Nơi nhận`, `GIÁM ĐỐC`, `KT. GIÁM ĐỐC`, `Người lập
 *   biểu`, `An Giang, ngày …`), at the heading of another appendix (`PHỤ LỤC II`), at the first
 *   blank or unnumbered row after a total row, or after 10 blank rows in a row; where content was
 *   left below, Table.stoppedAt says so. Blank rows and a header repeated on a later page are
 *   skipped; hidden rows are kept and flagged.
 * - Without an STT column (dich-vu-cong) every row with content is an item.
 * - covers: a subtotal covers the rows of its section since the section's previous subtotal, or —
 *   when its label names another section (`Cộng A` closing part A's Roman sections) — the named
 *   section and every section since; a section with an amount covers its rows; the total covers
 *   every row of the table, wherever it stands (dich-vu-cong may put `Toàn tỉnh` first). "Rows"
 *   means items, going down to sub-items only where an item states no amount of its own (and to
 *   items only where a section's items state amounts), so nothing is counted twice; sections
 *   without items are covered themselves when they state an amount.
 */
import { cellText, firstTextOf, type Cell, type Grid } from "./grid";
import type { AmountColumn, CellRef, Table, TableRow, TableStop } from "./model";
import type { ColumnDef, ColumnRole, TemplateDef } from "./template";
import { opensSection, readStt } from "./stt";
import { foldText } from "./text";

type Kind = ColumnDef["kind"];

export interface RowSource {
  grid: Grid;
  template: TemplateDef;
  columns: Partial<Record<ColumnRole, number>>;
  amountColumns: AmountColumn[];
  /** Kind of each mapped column, by column index. */
  kinds: Map<number, Kind>;
  /** First grid row after the header (and its column-number row). */
  firstRow: number;
  read: (row: number, col: number, kind: Kind) => CellRef;
}

/** What an STT says about a row's place. */
export type SttMarker =
  | { type: "section" }
  | { type: "item" }
  | { type: "decimal"; depth: number }
  /** `a`, `-`, `+` …: one level below whatever it follows; the key groups equal markers. */
  | { type: "relative"; key: string };

const ITEM: SttMarker = { type: "item" };

/** Where an STT places its row (stt.ts reads it); undefined when it is empty or not a numbering. */
export function classifyStt(text: string): SttMarker | undefined {
  const stt = readStt(text);
  switch (stt.kind) {
    case "roman":
    case "part":
      return { type: "section" };
    case "number":
      return ITEM;
    case "dotted":
      return { type: "decimal", depth: stt.depth };
    case "letter":
      return { type: "relative", key: "letter" };
    case "roman-lower":
      return { type: "relative", key: "roman-lower" };
    case "bullet":
      return { type: "relative", key: stt.bullet };
    case "none":
      return undefined;
  }
}

/** What closes a table's data (spec §2.0): notes, footnotes, sources, signature blocks. */
const FOOTER = [
  /^(ghi chu|chu thich|luu y|nguon( so lieu)?)\s*[:.]/,
  /^ghi chu$/,
  /^\(\*+\)/,
  /^\*+ /,
  /^\(\d{1,2}\) +[^\d\s(=]/,
  /^\(?(da ky|ky,? ghi ro|ky ten|ky va ghi)\b/,
  /^noi nhan\b/,
  /^(kt|tm|tl|q|ktl)\.? ?(giam doc|chu tich|truong|ubnd|so|ban)\b/,
  /^(pho )?giam doc\b/,
  /^(pho )?chu tich\b/,
  /^nguoi (lap|ghi)( bieu)?\b/,
  /^(thu truong|truong phong|ke toan truong)\b/,
  /^[a-z ]{2,30}, ngay\b.*\bthang\b/,
  /^ngay\b.*\bthang\b.*\bnam\b/,
];

/** True when a row holds a number anywhere (a data row typed without STT still has its figures). */
function hasNumber(cells: readonly (Cell | undefined)[] | undefined): boolean {
  if (!cells) return false;
  for (let c = 0; c < cells.length; c++) if (typeof cells[c]?.value === "number") return true;
  return false;
}

/** A run of this many empty rows ends the table (the check says so when content follows). */
export const BLANK_RUN_END = 10;

/** The heading of another appendix pasted below this one (`PHỤ LỤC II`). */
const NEXT_TABLE = /^phu luc\b/;

function isFooter(folded: string): boolean {
  return FOOTER.some((p) => p.test(folded));
}

interface Open {
  key: string;
  level: number;
  index?: number;
}

/** Tracks open numbering levels to give each row its level and parent. */
class LevelStack {
  private stack: Open[] = [{ key: "root", level: 0 }];

  section(index: number) {
    this.stack = [{ key: "section", level: 0, index }];
  }

  close() {
    this.stack = [{ key: "root", level: 0 }];
  }

  /** Places a row at an absolute level (items, decimals); returns its parent. */
  atLevel(key: string, level: number, index: number): number | undefined {
    while (this.stack.length > 1 && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1].index;
    this.stack.push({ key, level, index });
    return parent;
  }

  /** Places a row one level below the deepest open row, or at the level its marker already has. */
  relative(key: string, index: number): { level: number; parent?: number } {
    const at = this.stack.findIndex((o, i) => i > 0 && o.key === key);
    const level = at > 0 ? this.stack[at].level : this.stack[this.stack.length - 1].level + 1;
    return { level, parent: this.atLevel(key, level, index) };
  }
}

function isBlankRow(cells: readonly (Cell | undefined)[] | undefined): boolean {
  if (!cells) return true;
  for (const cell of cells) if (cellText(cell).trim() !== "") return false;
  return true;
}

function compileAll(patterns: string[]): RegExp[] {
  return patterns.map((p) => new RegExp(p));
}

/** The first non-empty row at or after `from`, if any. */
function nextContentRow(grid: Grid, from: number): number | undefined {
  for (let r = from; r < grid.rows.length; r++) if (!isBlankRow(grid.rows[r])) return r;
  return undefined;
}

/**
 * Reads the data rows under the header into TableRows with kinds, levels, parents and covers, and
 * says where it stopped when content was left below (Table.stoppedAt).
 */
export function buildTableRows(source: RowSource): { rows: TableRow[]; stoppedAt?: TableStop } {
  const { grid, template, columns, amountColumns, kinds, read } = source;
  const subtotalLabels = compileAll(template.subtotalLabels);
  const totalLabels = compileAll(template.totalLabels);
  const sttHeader = compileAll(template.columns.find((c) => c.role === "stt")?.synonyms ?? []);
  const hidden = new Set(grid.hiddenRows);
  const sttCol = columns.stt;
  const labelRole: ColumnRole = columns.indicator !== undefined ? "indicator" : "reportingUnit";
  const labelCol = columns[labelRole];
  // Plain objects, not [role, col, kind] tuples: this runs for every cell (bench/README.md).
  const mapped = (Object.entries(columns) as [ColumnRole, number][]).map(([role, col]) => ({
    role,
    col,
    kind: kinds.get(col) ?? "text",
  }));
  const amountCols = amountColumns.map((a) => ({ col: a.col, kind: kinds.get(a.col) ?? "number" }));

  const rows: TableRow[] = [];
  const levels = new LevelStack();
  let section: number | undefined;
  let afterTotal = false;
  let blankRun = 0;
  let stoppedAt: TableStop | undefined;

  for (let r = source.firstRow; r < grid.rows.length; r++) {
    const gridRow = grid.rows[r];
    const afterBlank = blankRun > 0;
    if (isBlankRow(gridRow)) {
      if (afterTotal || (rows.length > 0 && ++blankRun >= BLANK_RUN_END)) {
        const next = nextContentRow(grid, r + 1);
        if (next !== undefined) {
          const footer = isFooter(foldText(firstTextOf(grid.rows[next]).slice(0, 120)));
          stoppedAt = { row: next, reason: footer ? "footer" : afterTotal ? "after-total" : "blank-run" };
        }
        break;
      }
      continue;
    }
    blankRun = 0;
    const cells: TableRow["cells"] = {};
    for (const { role, col, kind } of mapped) cells[role] = read(r, col, kind);
    const amounts = amountCols.map(({ col, kind }) => read(r, col, kind));
    // The STT cell was read with the row's other cells: its display text, not a second tidying.
    const stt = cells.stt?.text ?? "";
    const marker = classifyStt(stt);
    let label = labelCol === undefined ? "" : (cells[labelRole]?.text ?? "");
    // `Tổng cộng` is often typed in the STT cell, merged across STT and the label column.
    if (!label && stt && !marker) label = stt;
    // Only unnumbered rows can be totals or footers; their labels are short, so a prefix is enough.
    const folded = marker ? "" : foldText((label || firstTextOf(gridRow)).slice(0, 120));

    if (!marker && isFooter(folded)) {
      stoppedAt = { row: r, reason: "footer" };
      break;
    }
    if (!marker && NEXT_TABLE.test(folded)) {
      stoppedAt = { row: r, reason: "next-table" };
      break;
    }
    if (afterTotal && !marker && sttCol !== undefined) {
      stoppedAt = { row: r, reason: "after-total" };
      break;
    }
    // Text without STT and without a figure, below an empty row: a note under the table.
    if (!marker && afterBlank && sttCol !== undefined && rows.length > 0 && !hasNumber(gridRow)) {
      stoppedAt = { row: r, reason: "footer" };
      break;
    }
    // The header repeated on a later page (`STT | Chỉ tiêu | …` copied down) is not data.
    if (!marker && stt && sttHeader.some((p) => p.test(foldText(stt)))) continue;

    const index = rows.length;
    const closing = marker ? undefined : closingKind(folded, subtotalLabels, totalLabels, section !== undefined);
    const place = placeRow(marker, closing);
    if (place.kind === "section") {
      section = index;
      levels.section(index);
    }
    const rowSection = place.kind === "section" || place.kind === "total" ? undefined : section;
    let level = 0;
    let parent = place.kind === "subtotal" ? section : undefined;
    if (place.kind === "entry") {
      // Items and sub-items; rows with content but no STT are continuations or unnumbered sub-rows.
      const opened =
        place.level !== undefined
          ? { level: place.level, parent: levels.atLevel(place.key, place.level, index) }
          : sttCol === undefined
            ? { level: 1, parent: undefined }
            : levels.relative(place.key, index);
      ({ level, parent } = opened);
    }
    // One literal with every field in the same order: rows stay one hidden class (50,000-row sheets).
    rows.push({
      index,
      row: r,
      kind: place.kind === "entry" ? (level <= 1 ? "item" : "subitem") : place.kind,
      stt,
      level,
      parent,
      section: rowSection,
      label,
      cells,
      amounts,
      covers: undefined,
      hidden: hidden.has(r),
      inherited: undefined,
    });
    if (place.kind === "total") {
      afterTotal = template.numbering !== "flat";
      section = undefined;
      levels.close();
    }
  }
  promoteFinalTotal(rows);
  inheritFromItems(rows);
  assignCovers(rows);
  return { rows, stoppedAt };
}

type Place =
  | { kind: "section" | "subtotal" | "total" }
  /** An item or sub-item: at an absolute level (1, 1.1) or relative to the rows above (a, -, no STT). */
  | { kind: "entry"; key: string; level?: number };

function placeRow(marker: SttMarker | undefined, closing: "subtotal" | "total" | undefined): Place {
  if (!marker) return closing ? { kind: closing } : { kind: "entry", key: "unnumbered" };
  switch (marker.type) {
    case "section":
      return { kind: "section" };
    case "item":
      return { kind: "entry", key: "item", level: 1 };
    case "decimal":
      return { kind: "entry", key: `decimal${marker.depth}`, level: marker.depth };
    case "relative":
      return { kind: "entry", key: marker.key };
  }
}

function closingKind(
  folded: string,
  subtotalLabels: RegExp[],
  totalLabels: RegExp[],
  inSection: boolean,
): "subtotal" | "total" | undefined {
  if (subtotalLabels.some((p) => p.test(folded))) return inSection ? "subtotal" : "total";
  if (totalLabels.some((p) => p.test(folded))) return "total";
  return undefined;
}

const INHERITED = ["target", "leadUnit"] as const;

function stated(ref: CellRef | undefined): boolean {
  return ref !== undefined && (ref.parsed.kind !== "empty" || ref.parsed.mark !== undefined);
}

/** Sub-items take their item's Kế hoạch and Đơn vị chủ trì unless they state their own (spec §2.0). */
function inheritFromItems(rows: TableRow[]) {
  for (const row of rows) {
    if (row.kind !== "subitem" || row.parent === undefined) continue;
    for (const role of INHERITED) {
      if (!(role in row.cells) || stated(row.cells[role])) continue;
      const parent = rows[row.parent];
      const from = stated(parent.cells[role]) ? parent.cells[role] : parent.inherited?.[role];
      if (from) (row.inherited ??= {})[role] = from;
    }
  }
}

/**
 * A bare `Tổng` closing the last of several sections, with no total row, totals the table; so does a bare
 * `Cộng` there when no other section closes with one (a table whose sections have subtotals gives each its
 * own, so a lone final `Cộng` after sections without one is the grand total units type).
 */
function promoteFinalTotal(rows: TableRow[]) {
  const last = rows[rows.length - 1];
  const label = last && foldText(last.label);
  if (!last || last.kind !== "subtotal" || !/^(tong|cong)[:.]?$/.test(label)) return;
  if (rows.some((r) => r.kind === "total") || rows.filter((r) => r.kind === "section").length < 2) return;
  if (label.startsWith("cong") && rows.some((r) => r !== last && r.kind === "subtotal")) return;
  last.kind = "total";
  last.parent = undefined;
  last.section = undefined;
}

function hasAmount(row: TableRow): boolean {
  return row.amounts.some((a) => a.parsed.kind !== "empty");
}

/** The section a subtotal's label names (`Cộng A`, `Cộng mục II`, `Cộng (III)`), the latest with that STT. */
function namedSection(rows: TableRow[], subtotal: TableRow): TableRow | undefined {
  const match = /^(?:cong|tong)(?: cong)?(?: (?:muc|phan))? \(?([a-z]|[ivxlcdm]+)\)?[:.]?$/.exec(
    foldText(subtotal.label),
  );
  if (!match) return undefined;
  const named = readStt(match[1].toUpperCase());
  if (!opensSection(named)) return undefined;
  for (let i = subtotal.index - 1; i >= 0; i--) {
    const row = rows[i];
    if (row.kind !== "section") continue;
    const stt = readStt(row.stt);
    if (opensSection(stt) && stt.kind === named.kind && stt.value === named.value) return row;
  }
  return undefined;
}

/** Sets `covers` on subtotal, total and amount-carrying section rows (see the module's decisions). */
export function assignCovers(rows: TableRow[]) {
  const children = new Map<number | undefined, TableRow[]>();
  for (const row of rows) {
    if (row.kind === "subtotal" || row.kind === "total") continue;
    const key = row.kind === "section" ? undefined : (row.parent ?? row.section);
    const list = children.get(key);
    if (list) list.push(row);
    else children.set(key, [row]);
  }
  const kids = (index: number | undefined) => children.get(index) ?? [];
  const anyDescendantAmount = (row: TableRow): boolean =>
    kids(row.index).some((k) => hasAmount(k) || anyDescendantAmount(k));

  const coverDown = (list: TableRow[]): number[] => {
    const out: number[] = [];
    for (const row of list) {
      const below = kids(row.index);
      const stopHere =
        below.length === 0 || (row.kind === "section" ? hasAmount(row) && !anyDescendantAmount(row) : hasAmount(row));
      if (stopHere) {
        if (row.kind !== "section" || hasAmount(row)) out.push(row.index);
      } else out.push(...coverDown(below));
    }
    return out;
  };

  let boundary = -1;
  for (const row of rows) {
    if (row.kind === "section") {
      boundary = row.index;
      if (hasAmount(row) && kids(row.index).length) row.covers = coverDown(kids(row.index));
    } else if (row.kind === "subtotal") {
      const named = namedSection(rows, row);
      if (named && named.index !== row.section) {
        // `Cộng A` after parts I, II of A: the named part with every section since it.
        const between = rows.filter((r) => r.kind === "section" && r.index > named.index && r.index < row.index);
        row.covers = coverDown([...kids(named.index), ...between].sort((a, b) => a.index - b.index));
      } else {
        const scope = row.section === undefined ? kids(undefined) : kids(row.section);
        row.covers = coverDown(scope.filter((k) => k.index > boundary && k.index < row.index));
      }
      boundary = row.index;
    } else if (row.kind === "total") {
      row.covers = coverDown(kids(undefined));
      boundary = row.index;
    }
  }
}

/** Convenience for tests and consumers: the rows a row covers. */
export function coveredRows(table: Table, row: TableRow): TableRow[] {
  return (row.covers ?? []).map((i) => table.rows[i]);
}
