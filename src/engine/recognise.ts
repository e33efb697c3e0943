/**
 * Grid → Table: finds the header row of a Phụ lục in the first 30 rows, decides which template it
 * is, maps columns to roles, reads the units and title lines above it, and hands the data rows to
 * structure.ts.
 *
 * Decisions:
 * - Every row of the first 30 is tried as a one-row header, and as the top of a two-row header
 *   where it holds a group cell (merged across columns, or followed by empty cells with sub-headers
 *   beneath). Each column is matched sub-header first, then "group sub", then the group alone.
 * - A template is a candidate when at least max(2, required − 1) of its required columns match
 *   (so a sheet lacking one required column is still recognised and gets `missing-column`).
 *   Candidates are ranked by header cells matched, then fewest required columns missing, then
 *   fewest unmatched header cells, then one-row over two-row, then the earlier row, then template
 *   order. So `STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ | Đánh giá` (no Đơn vị chủ trì) is a
 *   complete ket-qua rather than a chi-tieu missing a column.
 * - A row right under the header holding only column numbers (`(1)`, `(2)` … or `A`, `B`, `1` …)
 *   is part of the header, not data.
 */
import { cellReader, MergeIndex, SHARED_BY_MERGE } from "./cellRefs";
import { a1, cellText, type Grid } from "./grid";
import { makeFinding, type Finding } from "./finding";
import { foldHeader, periodOf } from "./headerText";
import { readColumnNumberRow } from "./legend";
import type { AmountColumn, LegendFormula, PeriodColumn, Table, UnitLine } from "./model";
import { missingColumn as missingColumnRule } from "./rules/missing-column";
import { unknownTemplate as unknownTemplateRule } from "./rules/unknown-template";
import { buildTableRows } from "./structure";
import type { ColumnDef, ColumnRole, TemplateDef } from "./template";
import { TEMPLATES } from "./templates";
import { foldText, tidyText, trimText } from "./text";

/** How far down the header is looked for (spec §2). */
export const HEADER_SEARCH_ROWS = 30;
/**
 * How far right header cells are read: a Phụ lục has a dozen columns; a sheet with thousands of
 * filled columns must not cost thousands of header matches per row.
 */
export const HEADER_SEARCH_COLUMNS = 200;

export interface Recognition {
  table?: Table;
  findings: Finding[];
}

interface CompiledColumn {
  def: ColumnDef;
  synonyms: RegExp[];
  totals: RegExp[];
}

const compiledCache = new WeakMap<TemplateDef, CompiledColumn[]>();

function compile(template: TemplateDef): CompiledColumn[] {
  let compiled = compiledCache.get(template);
  if (!compiled) {
    compiled = template.columns.map((def) => ({
      def,
      synonyms: def.synonyms.map((s) => new RegExp(s)),
      totals: def.totalSynonyms.map((s) => new RegExp(s)),
    }));
    compiledCache.set(template, compiled);
  }
  return compiled;
}

/** One header column: folded texts to try in order, and the text to show. */
interface HeaderColumn {
  col: number;
  tries: string[];
  display: string;
}

interface Assignment {
  col: number;
  column: CompiledColumn;
  isTotal: boolean;
  display: string;
}

interface Candidate {
  template: TemplateDef;
  order: number;
  headerRows: number[];
  assignments: Assignment[];
  /** Further result columns once Thực hiện is taken: the periods of a `Kết quả thực hiện` group. */
  periods: Assignment[];
  missing: ColumnDef[];
  unmatched: HeaderColumn[];
}

function textAt(grid: Grid, row: number, col: number): string {
  return tidyText(cellText(grid.rows[row]?.[col]));
}

function rowWidth(grid: Grid, row: number): number {
  return Math.min(grid.rows[row]?.length ?? 0, HEADER_SEARCH_COLUMNS);
}

/** Header columns of `row` read as a one-row header (cells hidden under a merge are skipped). */
function singleRowColumns(grid: Grid, row: number): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (let col = 0; col < rowWidth(grid, row); col++) {
    const display = textAt(grid, row, col);
    if (display) columns.push({ col, tries: [foldHeader(display)], display });
  }
  return columns;
}

/**
 * Header columns of rows `top` and `top + 1` read as a two-row header, or undefined when `top`
 * holds no group cell: a cell merged across columns (not down into the sub-header row), or —
 * when the sheet lost its merges — a cell followed by empty cells that have sub-headers beneath.
 */
function twoRowColumns(grid: Grid, merges: MergeIndex, top: number): HeaderColumn[] | undefined {
  const sub = top + 1;
  const width = Math.max(rowWidth(grid, top), rowWidth(grid, sub));
  // A title merged across the table (nothing else on its row) is not a group over the header beneath it.
  let first = -1;
  let last = -1;
  for (let col = 0; col < width; col++) {
    if (textAt(grid, top, col)) {
      if (first < 0) first = col;
      last = col;
    }
  }
  const isTitle = (m: { left: number; right: number }) => m.left <= first && m.right >= last;
  const groupOf: (string | undefined)[] = [];
  let hasGroup = false;
  let lastTopText = "";
  let lastTopCol = -1;
  for (let col = 0; col < width; col++) {
    const merge = merges.at(top, col);
    const own = textAt(grid, top, col);
    const subText = merges.at(sub, col)?.top === top ? "" : textAt(grid, sub, col);
    if (merge && isTitle(merge)) continue;
    if (merge && merge.top === top && merge.bottom === top && merge.right > merge.left) {
      groupOf[col] = textAt(grid, top, merge.left);
      hasGroup = true;
    } else if (own) {
      groupOf[col] = own;
      lastTopText = own;
      lastTopCol = col;
      continue;
    } else if (!merge && subText && lastTopText && col === lastTopCol + 1) {
      // Merges lost (or "centre across selection"): an empty top cell with a sub-header beneath
      // continues the group on its left.
      groupOf[col] = lastTopText;
      lastTopCol = col;
      hasGroup = true;
    }
  }
  if (!hasGroup) return undefined;
  const columns: HeaderColumn[] = [];
  for (let col = 0; col < width; col++) {
    const group = groupOf[col] ?? "";
    const subText = merges.at(sub, col)?.top === top ? "" : textAt(grid, sub, col);
    if (group && subText && group !== subText) {
      const g = foldHeader(group);
      const s = foldHeader(subText);
      columns.push({ col, tries: [s, `${g} ${s}`, g], display: subText });
    } else if (group || subText) {
      const display = group || subText;
      columns.push({ col, tries: [foldHeader(display)], display });
    }
  }
  return columns;
}

function matches(patterns: RegExp[], text: string): boolean {
  return patterns.some((p) => p.test(text));
}

/** Maps header columns to the template's roles, left to right, first matching role wins. */
function assign(template: TemplateDef, order: number, headerRows: number[], columns: HeaderColumn[]): Candidate {
  const compiled = compile(template);
  const taken = new Set<ColumnRole>();
  const assignments: Assignment[] = [];
  const periods: Assignment[] = [];
  const unmatched: HeaderColumn[] = [];
  const actual = compiled.find((c) => c.def.role === "actual");
  for (const column of columns) {
    let found: Assignment | undefined;
    for (const text of column.tries) {
      const hit = compiled.find(
        (c) => (c.def.multiple || !taken.has(c.def.role)) && (matches(c.synonyms, text) || matches(c.totals, text)),
      );
      if (hit) {
        const isTotal = column.tries.slice(0, column.tries.indexOf(text) + 1).some((t) => matches(hit.totals, t));
        found = { col: column.col, column: hit, isTotal, display: column.display };
        break;
      }
    }
    if (found) {
      taken.add(found.column.def.role);
      assignments.push(found);
    } else if (actual && taken.has("actual") && column.tries.some((t) => matches(actual.synonyms, t))) {
      periods.push({ col: column.col, column: actual, isTotal: false, display: column.display });
    } else unmatched.push(column);
  }
  const missing = template.columns.filter((def) => def.required && !taken.has(def.role));
  return { template, order, headerRows, assignments, periods, missing, unmatched };
}

function qualifies(candidate: Candidate): boolean {
  const required = candidate.template.columns.filter((def) => def.required).length;
  return required - candidate.missing.length >= Math.max(2, required - 1);
}

/** Negative when `a` is the better header reading. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.assignments.length + b.periods.length - a.assignments.length - a.periods.length ||
    a.missing.length - b.missing.length ||
    a.unmatched.length - b.unmatched.length ||
    a.headerRows.length - b.headerRows.length ||
    a.headerRows[0] - b.headerRows[0] ||
    a.order - b.order
  );
}

function findHeader(grid: Grid, merges: MergeIndex, templates: TemplateDef[]): Candidate | undefined {
  let best: Candidate | undefined;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let row = 0; row < limit; row++) {
    const readings: { rows: number[]; columns: HeaderColumn[] }[] = [];
    const single = singleRowColumns(grid, row);
    if (single.length >= 2) readings.push({ rows: [row], columns: single });
    const double = row + 1 < grid.rows.length ? twoRowColumns(grid, merges, row) : undefined;
    if (double) readings.push({ rows: [row, row + 1], columns: double });
    for (const reading of readings) {
      templates.forEach((template, order) => {
        const candidate = assign(template, order, reading.rows, reading.columns);
        if (qualifies(candidate) && (!best || compareCandidates(candidate, best) < 0)) best = candidate;
      });
    }
  }
  return best;
}

/**
 * Result columns of several periods (`Kết quả thực hiện` over `6 tháng` / `9 tháng` / `Cả năm`):
 * each is a value of its own period, and `columns.actual` becomes the one compared with the target
 * (spec §2.0): the column a formula legend divides by the target (`(8)=(7)/(4)`); else a result
 * column naming no period (`Thực hiện` beside `Ước thực hiện cả năm` is the result, the estimate an
 * extra); else the column of the target's own period (an annual target: `Cả năm`, `Năm`,
 * `Ước thực hiện năm`), a count before an estimate; else the latest period; among equals, the rightmost.
 */
function resultPeriods(
  grid: Grid,
  header: Candidate,
  columns: Table["columns"],
  legend: LegendFormula[],
): PeriodColumn[] {
  const read = [...header.assignments.filter((a) => a.column.def.role === "actual"), ...header.periods]
    .map((a) => ({ col: a.col, header: a.display, period: periodOf(foldHeader(a.display)) }))
    .sort((x, y) => x.col - y.col);
  const periods = read.map(({ col, header, period }) => ({
    col,
    header,
    ...(period ?? { months: 12, estimate: false }),
  }));
  const cols = new Set(periods.map((p) => p.col));
  const byLegend = legend.find(
    (f) =>
      f.operator === "/" && cols.has(f.sources[0]) && (columns.target === undefined || f.sources[1] === columns.target),
  );
  const unnamed = read.filter((r) => r.period === undefined);
  const targetText =
    columns.target === undefined ? "" : header.headerRows.map((r) => textAt(grid, r, columns.target!)).join(" ");
  const targetMonths = periodOf(foldHeader(targetText))?.months ?? 12;
  const same = periods.filter((p) => p.months === targetMonths);
  const counted = same.filter((p) => !p.estimate);
  const latest = Math.max(...periods.map((p) => p.months));
  const chosen =
    byLegend?.sources[0] ??
    unnamed.at(-1)?.col ??
    (counted.length ? counted : same.length ? same : periods.filter((p) => p.months === latest)).at(-1)!.col;
  columns.actual = chosen;
  return periods;
}

/** `Đvt: triệu đồng`, `ĐVT: đồng`, `(Đơn vị tính: nghìn đồng)`, `Đơn vị: tỷ đồng`. */
const UNIT_LINE = /^\(?\s*(dvt|don vi tinh|don vi)\s*[:.]\s*(.+?)\s*\)?$/;
/** A money unit in an amount header: `Kinh phí (triệu đồng)`. */
const HEADER_UNIT = /\(\s*((?:trieu|nghin|ngan|ty)?\s*(?:dong|vnd))\s*\)/;

/** Multiplier to đồng of a folded money unit; undefined when the text is not one. */
export function moneyScale(u: string): number | undefined {
  if (/^(trieu|tr\.?) ?(dong|d|vnd)\b/.test(u)) return 1e6;
  if (/^(nghin|ngan) ?(dong|d|vnd)\b/.test(u)) return 1e3;
  if (/^ty ?(dong|d|vnd)\b/.test(u)) return 1e9;
  if (/^(dong|vnd|d)$/.test(u)) return 1;
  return undefined;
}

function readUnitLine(grid: Grid, beforeRow: number): UnitLine | undefined {
  for (let row = 0; row < beforeRow; row++) {
    for (let col = 0; col < rowWidth(grid, row); col++) {
      const text = textAt(grid, row, col);
      const match = text ? UNIT_LINE.exec(foldText(text)) : null;
      const scale = match ? moneyScale(match[2]) : undefined;
      if (scale !== undefined) return { text, address: a1(row, col), scale };
    }
  }
  return undefined;
}

function unitFromHeaders(grid: Grid, headerRows: number[], amountColumns: AmountColumn[]): UnitLine | undefined {
  for (const amount of amountColumns) {
    for (const row of headerRows) {
      const text = textAt(grid, row, amount.col);
      const match = HEADER_UNIT.exec(foldText(text));
      const scale = match ? moneyScale(match[1]) : undefined;
      if (scale !== undefined) return { text, address: a1(row, amount.col), scale };
    }
  }
  return undefined;
}

/**
 * Text of each non-empty row above the header, the units line left out. Inner spaces are kept:
 * `Kế hoạch số:    /KH-STTTT ngày    tháng 9` leaves room to write the number and date in.
 */
function readTitleLines(grid: Grid, beforeRow: number, unitLine: UnitLine | undefined): string[] {
  const lines: string[] = [];
  for (let row = 0; row < beforeRow; row++) {
    const parts: string[] = [];
    for (let col = 0; col < rowWidth(grid, row); col++) {
      const text = trimText(cellText(grid.rows[row][col]));
      if (text && a1(row, col) !== unitLine?.address) parts.push(text);
    }
    if (parts.length) lines.push(parts.join(" "));
  }
  return lines;
}

function isBlankGrid(grid: Grid): boolean {
  return grid.rows.every((cells) => cells.every((cell) => cellText(cell).trim() === ""));
}

function columnName(def: ColumnDef): string {
  return def.header ?? def.role;
}

/** `Tên mẫu (id): “STT”, “Nội dung, nhiệm vụ”, …` — quoted, as some headers hold commas. */
function requiredColumnsList(templates: TemplateDef[], english: boolean): string {
  return templates
    .map((t) => {
      const names = t.columns
        .filter((c) => c.required)
        .map((c) => `“${(english && c.headerEn) || columnName(c)}”`)
        .join(", ");
      return `${english ? t.nameEn : t.nameVi} (${t.id}): ${names}`;
    })
    .join("; ");
}

function unknownTemplate(grid: Grid, templates: TemplateDef[]): Finding {
  return makeFinding(
    unknownTemplateRule,
    { sheet: grid.name, cell: "A1" },
    {
      sheet: grid.name,
      searchedRows: HEADER_SEARCH_ROWS,
      columns: { vi: requiredColumnsList(templates, false), en: requiredColumnsList(templates, true) },
    },
  );
}

function missingColumn(grid: Grid, template: TemplateDef, def: ColumnDef, address: string): Finding {
  return makeFinding(
    missingColumnRule,
    { sheet: grid.name, cell: address },
    {
      column: { vi: columnName(def), en: def.headerEn ?? columnName(def) },
      template: { id: template.id, name: { vi: template.nameVi, en: template.nameEn } },
      header: address,
      expected: columnName(def),
      actual: null,
    },
  );
}

/** Reads a sheet through the template whose header it holds (spec §2). */
export function recogniseTable(grid: Grid, templates: TemplateDef[] = TEMPLATES): Recognition {
  const merges = new MergeIndex(grid.merges);
  const header = findHeader(grid, merges, templates);
  // A blank sheet (Excel's spare Sheet2, Sheet3) is not a wrong Phụ lục: nothing to read, nothing to report.
  if (!header) return { findings: isBlankGrid(grid) ? [] : [unknownTemplate(grid, templates)] };

  const { template } = header;
  const headerRows = [...header.headerRows];
  const lastHeaderRow = headerRows[headerRows.length - 1];
  const numbers = readColumnNumberRow(
    grid,
    lastHeaderRow + 1,
    header.assignments.length + header.periods.length + header.unmatched.length,
    HEADER_SEARCH_COLUMNS,
  );
  if (numbers) headerRows.push(lastHeaderRow + 1);
  const legend = numbers?.formulas ?? [];
  const top = headerRows[0];
  const firstHeaderCol = Math.min(...[...header.assignments, ...header.periods, ...header.unmatched].map((a) => a.col));
  const headerAddress = a1(top, firstHeaderCol);

  const columns: Table["columns"] = {};
  const headers: Table["headers"] = {};
  const amountColumns: AmountColumn[] = [];
  for (const a of header.assignments) {
    headers[a.col] = a.display;
    if (!a.column.def.multiple) columns[a.column.def.role] = a.col;
    if (a.column.def.summable || a.column.def.multiple) {
      amountColumns.push({ header: a.display, col: a.col, isTotal: a.isTotal });
    }
  }
  amountColumns.sort((x, y) => x.col - y.col);
  // `(6)=(4)+(5)`: the legend names the Tổng of the other amount columns.
  for (const formula of legend) {
    const amount = amountColumns.find((a) => a.col === formula.col);
    const others = new Set(amountColumns.filter((a) => a !== amount).map((a) => a.col));
    if (amount && formula.operator === "+" && formula.sources.every((c) => others.has(c))) amount.isTotal = true;
  }
  // A lone amount column is the amount, not a Tổng of others.
  if (amountColumns.length < 2) for (const amount of amountColumns) amount.isTotal = false;
  for (const u of [...header.periods, ...header.unmatched]) headers[u.col] = u.display;
  const periods = header.periods.length ? resultPeriods(grid, header, columns, legend) : undefined;

  const unitLine = readUnitLine(grid, top) ?? unitFromHeaders(grid, headerRows, amountColumns);
  const kinds = new Map([...header.assignments, ...header.periods].map((a) => [a.col, a.column.def.kind]));
  const sharedColumns = new Set(
    SHARED_BY_MERGE.flatMap((role) => (columns[role] === undefined ? [] : [columns[role]])),
  );
  const { rows, stoppedAt } = buildTableRows({
    grid,
    template,
    columns,
    amountColumns,
    kinds,
    firstRow: headerRows[headerRows.length - 1] + 1,
    read: cellReader(grid, merges, sharedColumns),
  });

  const table: Table = {
    sheet: grid.name,
    template,
    templateId: template.id,
    headerRows,
    headerAddress,
    columns,
    headers,
    amountColumns,
    extraColumns: header.unmatched.map((u) => u.col),
    rows,
    unitLine,
    titleLines: readTitleLines(grid, top, unitLine),
  };
  if (stoppedAt) table.stoppedAt = stoppedAt;
  if (periods) table.periods = periods;
  if (legend.length) table.legend = legend;
  const findings = header.missing.map((def) => missingColumn(grid, template, def, headerAddress));
  return { table, findings };
}
