/**
 * The Table: a Grid read through a Template. Rules, attainment, merge and export read only this,
 * never raw cells, and every value keeps the address it came from.
 */
import type { Cell } from "./grid";
import type { TemplateDef, TemplateId, ColumnRole } from "./template";

/** A cell's content read the Vietnamese way (spec §3). */
export type ParsedValue =
  /**
   * Nothing. `mark` is `x` or `-` when the unit wrote one of those in a value cell (spec §3: the
   * statistics mark for "not applicable / no data"): empty for sums, yet a deliberate answer.
   */
  | { kind: "empty"; mark?: string }
  /**
   * A number. For percentage columns `value` is in percent points (94.2 for 94,2 %), whether the
   * cell held 0.942 formatted `0%`, the number 94.2, or the text "94,2%".
   * `decimals` is how many decimals the user wrote or the format shows (for rounding tolerance);
   * `fromText` is true when the cell held text that parsed (a warning: store it as a number).
   */
  | { kind: "number"; value: number; decimals: number; fromText: boolean; percent: boolean }
  /** Text that does not parse as a number. */
  | { kind: "text"; text: string }
  /** An Excel error value (#REF!, #DIV/0! …). */
  | { kind: "error"; code: string }
  /** A formula whose result was never cached: unknown until Excel recalculates. */
  | { kind: "uncalculated"; formula: string }
  | { kind: "date"; iso: string }
  | { kind: "boolean"; value: boolean };

/** A target as written in a Kế hoạch cell (spec §3). Values of percentage targets are in percent points. */
export type Target =
  /** `100%`, `>10%`, `Trên 95%`, `Phấn đấu 50%`, `Tối thiểu 90%`, a plain number. */
  | { kind: "atLeast"; value: number; strict: boolean; percent: boolean; text: string }
  /** `Không quá 5`, `Dưới 10%`, `≤ 3`: lower is better. */
  | { kind: "atMost"; value: number; strict: boolean; percent: boolean; text: string }
  /** `30% - 50%`: met from its lower bound. */
  | { kind: "range"; min: number; max: number; percent: boolean; text: string }
  /** `70% Đài … cấp huyện; 100% đài … cấp xã`: several sub-targets. */
  | { kind: "compound"; parts: { label: string; target: Target }[]; text: string }
  /** Text with no number: assessed by hand. */
  | { kind: "qualitative"; text: string }
  | { kind: "empty"; text: "" };

export type Assessment = "Vượt" | "Đạt" | "Chưa đạt" | "Không đạt";

/** One cell of the table: where it is, what it holds, and how it reads. */
export interface CellRef {
  /** A1 address on the sheet. */
  address: string;
  /** 0-based grid coordinates. */
  row: number;
  col: number;
  cell: Cell | undefined;
  /** Tidy display text (NFC, spaces collapsed). */
  text: string;
  parsed: ParsedValue;
}

export type RowKind =
  /** Roman-numeral STT (I, II…) with a title; may carry its own target or subtotal. */
  | "section"
  /** Numbered item (1, 2 …). */
  | "item"
  /** Deeper level: `1.1`, `a`, `-`, `+`. */
  | "subitem"
  /** `Cộng` row closing a section. */
  | "subtotal"
  /** `Tổng cộng` / `Toàn tỉnh` closing the table. */
  | "total";

export interface TableRow {
  /** Index of this row in `Table.rows`. */
  index: number;
  /** 0-based grid row. */
  row: number;
  kind: RowKind;
  /** STT as written (tidied). */
  stt: string;
  /** 0 = section, 1 = item, 2+ = sub-levels; totals are 0. */
  level: number;
  /** Index in `Table.rows` of the nearest enclosing row (section for items, item for subitems). */
  parent?: number;
  /** Index in `Table.rows` of the enclosing section row. */
  section?: number;
  /** The indicator / content / reporting-unit text (tidied), the row's identity for humans. */
  label: string;
  /** Cells by role, for single-column roles. */
  cells: Partial<Record<ColumnRole, CellRef>>;
  /** Amount cells of `kinh-phi`, one per amount column (same order as `Table.amountColumns`). */
  amounts: CellRef[];
  /**
   * For `section` (when it states a subtotal), `subtotal` and `total` rows: indexes in `Table.rows`
   * of the rows whose amounts this row should equal the sum of.
   */
  covers?: number[];
  /** True when the grid row is hidden in Excel (kept and checked, but said). */
  hidden: boolean;
  /**
   * For sub-items (`a)`, `b)`, `-`, `+`) that leave Kế hoạch or Đơn vị chủ trì empty: the nearest
   * enclosing row's cell they inherit (spec §2.0). Absent when the row states its own.
   */
  inherited?: Partial<Record<"target" | "leadUnit", CellRef>>;
  /** Giải trình stored in the workbook's PhuLuc sheet for findings on this row (review/explanations.ts). */
  storedExplanation?: string;
}

export interface AmountColumn {
  /** Header text as written (`Vốn đầu tư`, `Nhu cầu kinh phí năm 2024`). */
  header: string;
  col: number;
  /** True for a `Tổng` column that should equal the sum of the other amount columns. */
  isTotal: boolean;
}

/** Money unit declared by a units line (`Đvt: triệu đồng`); multiplier to đồng. */
export interface UnitLine {
  text: string;
  address: string;
  /** 1 for đồng, 1e3 nghìn đồng, 1e6 triệu đồng, 1e9 tỷ đồng. */
  scale: number;
}

export interface Table {
  sheet: string;
  template: TemplateDef;
  templateId: TemplateId;
  /** 0-based grid rows of the header (one or two rows) and of the optional column-number row. */
  headerRows: number[];
  /** A1 address of the first header cell (where sheet-level findings point). */
  headerAddress: string;
  /** 0-based column of each single-column role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Header text as written, by column index (kept for export and for extra columns). */
  headers: Record<number, string>;
  amountColumns: AmountColumn[];
  /** Columns whose header matched no role: kept, ignored by rules. */
  extraColumns: number[];
  rows: TableRow[];
  unitLine?: UnitLine;
  /** Title lines above the header (`PHỤ LỤC II`, the title, `(Ban hành kèm theo …)`). */
  titleLines: string[];
  /**
   * Where reading stopped with content still below (structure.ts): the 0-based grid row of the
   * first non-empty row not read as table data, and why — a signature/footer block, rows after the
   * total row, a long run of empty rows, or the heading of another Phụ lục on the same sheet.
   * Absent when the table runs to the sheet's last row.
   */
  stoppedAt?: TableStop;
  /**
   * Result columns by reporting period, when the header has more than one (spec §2.0). The one the
   * target is compared with is `columns.actual`; the others are values of their own period.
   */
  periods?: PeriodColumn[];
  /** Formula legends of the column-number row, when it has any. */
  legend?: LegendFormula[];
}

/** A formula legend of the column-number row: `(6)=(5)/(4)` computes grid column `col` from `sources`. */
export interface LegendFormula {
  col: number;
  /** `/` a ratio of the first source to the second; `+` a sum of the sources. */
  operator: "/" | "+" | "other";
  sources: number[];
}

/** A result column of one reporting period (`6 tháng`, `9 tháng`, `Cả năm`, `Ước thực hiện năm`). */
export interface PeriodColumn {
  col: number;
  header: string;
  months: number;
  estimate: boolean;
}

export interface TableStop {
  row: number;
  reason: "footer" | "after-total" | "blank-run" | "next-table";
}
