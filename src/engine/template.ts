/**
 * Template definitions are data: a new year's or a new form's Phụ lục is a new definition
 * (validated here with zod), not new code.
 */
import * as z from "zod";

export const COLUMN_ROLES = [
  "stt",
  /** Mã chỉ tiêu: the surest merge key where present. */
  "code",
  /** Chỉ tiêu / Nội dung chỉ tiêu / Nội dung, nhiệm vụ. */
  "indicator",
  /** ĐVT of the indicator. */
  "measure",
  /** Kế hoạch / Năm 2024 / Chỉ tiêu năm. */
  "target",
  /** Thực hiện / Kết quả (number, percentage or text). */
  "actual",
  /** Tỷ lệ (%) so với KH. */
  "ratio",
  /** Đánh giá: Đạt / Vượt / Chưa đạt / Không đạt. */
  "assessment",
  "leadUnit",
  "coUnits",
  "note",
  /** kinh-phi amount columns (several allowed; see Table.amountColumns). */
  "amount",
  /** dich-vu-cong columns. */
  "reportingUnit",
  "dvcTotal",
  "dvcInfo",
  "dvcPartial",
  "dvcFull",
  "dvcIntegrated",
  "onTimeRate",
] as const;

export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const TEMPLATE_IDS = ["chi-tieu", "kinh-phi", "ket-qua", "dich-vu-cong"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** How a column's cells are read. */
export const COLUMN_KINDS = ["text", "number", "percent", "target", "result", "assessment", "unit"] as const;

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, "không phải biểu thức chính quy hợp lệ");

export const ColumnDefSchema = z.object({
  role: z.enum(COLUMN_ROLES),
  required: z.boolean(),
  kind: z.enum(COLUMN_KINDS),
  /**
   * Regular expressions matched against the folded header text (see foldText: no diacritics,
   * lower case, single spaces). For a two-row header the sub-header is tried first, then
   * "group sub", then the group alone.
   */
  synonyms: z.array(regexSource).min(1),
  /** Several columns may take this role (kinh-phi amounts). */
  multiple: z.boolean().default(false),
  /** Header patterns that, within a multiple role, mark the Tổng column. */
  totalSynonyms: z.array(regexSource).default([]),
  /** The header as the form prints it (messages name a missing column by it; export writes it). */
  header: z.string().optional(),
  headerEn: z.string().optional(),
  /**
   * Values add up down the table: subtotal and total rows should equal the sum of the rows they
   * cover (kinh-phi amounts, dich-vu-cong counts). Such columns are listed in Table.amountColumns.
   */
  summable: z.boolean().default(false),
});

const Patterns = z.object({
  /** Folded patterns of the ĐVT cell (`hồ sơ`, `triệu đồng`, `%`). */
  measures: z.array(regexSource).default([]),
  /** Folded patterns of the indicator's wording (`^số lượt`, `^tỷ lệ`, `/100 dân`). */
  wording: z.array(regexSource).default([]),
});

/**
 * Which indicators are cumulative (spec §9): figures that add up over the year (counts of dossiers,
 * services, accounts, amounts disbursed) may not fall from 6 tháng to 9 tháng to cả năm; shares and
 * rates may. Decided from ĐVT and wording; `notCumulative` is tried first, and an indicator neither
 * list names is not judged. `overrides` settles one indicator by its Mã chỉ tiêu or its folded label.
 */
export const CumulativeSchema = z.object({
  cumulative: Patterns,
  notCumulative: Patterns,
  overrides: z.record(z.string(), z.boolean()).default({}),
});

export const REQUIRED_ROLES = ["target", "leadUnit", "actual", "dvcTotal"] as const;

/**
 * What the rules and the merge ask of a template, so that none of them asks which template it is.
 * Each field defaults to the indicator table's answer (chi-tieu).
 */
export const PoliciesSchema = z.object({
  /**
   * Which rows must state which cells (required-empty): `leaves` — every row without children except
   * subtotals and totals (a section without children is itself an indicator); `entry-leaves` — items
   * and sub-items without children; `non-sections` — every row but section headings (totals included).
   */
  required: z
    .object({
      rows: z.enum(["leaves", "entry-leaves", "non-sections"]),
      /** The roles required-empty can name (each has its message). */
      roles: z.array(z.enum(REQUIRED_ROLES)),
      /** At least one amount column must be filled (a budget split by source needs only one). */
      anyAmount: z.boolean().default(false),
    })
    .default({ rows: "leaves", roles: ["target", "leadUnit"], anyAmount: false }),
  /** Where a label must not repeat (duplicate-row): within its section, and per lead unit (owner). */
  duplicateScope: z.object({ section: z.boolean(), owner: z.boolean() }).default({ section: true, owner: false }),
  /** A `Tổng` amount column equals the sum of the row's other amount columns (total-mismatch across). */
  totalsAcross: z.boolean().default(false),
  /** What the figures are: money amounts (kinh phí) or counts; messages name a negative one so. */
  figures: z.enum(["amounts", "counts"]).default("counts"),
  /** The scale check's basis: the other items of an amount column, or none (counts differ by nature). */
  scaleBasis: z.enum(["column-items", "none"]).default("none"),
  /** Lead units must be in the units list, or any owner is accepted (budget tables name outside owners). */
  leadUnits: z.enum(["units-list", "any"]).default("units-list"),
  /** Service counts whose whole and parts are checked (parts-mismatch, the tích hợp share). */
  serviceParts: z.boolean().default(false),
  /** How a merge consolidates the sheet: indicator rows by lead unit, budget items, or one row per unit. */
  mergeStrategy: z.enum(["indicator-rows", "budget-items", "unit-rows"]).default("indicator-rows"),
  /**
   * The single-column roles whose values a unit fills in (amounts are separate), and the period each
   * reports when the form fixes one (`plan`, `result`; period columns are read by recognition).
   */
  values: z.array(z.object({ role: z.enum(COLUMN_ROLES), period: z.enum(["plan", "result"]).optional() })).default([]),
  /** Whether a filled target counts as the row being reported when the form has no result columns. */
  reportedByTarget: z.boolean().default(false),
});

export const TemplateDefSchema = z.object({
  id: z.enum(TEMPLATE_IDS),
  /** Vietnamese and English names shown to the user. */
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  /** Phụ lục heading used in exports and file names when the sheet has none (`PHỤ LỤC I`). */
  defaultHeading: z.string().min(1),
  columns: z.array(ColumnDefSchema).min(2),
  /**
   * How items are numbered: `per-section` restarts at 1 in each Roman section (chi-tieu),
   * `continuous` runs across sections (kinh-phi), `flat` has no sections (ket-qua, dich-vu-cong).
   */
  numbering: z.enum(["per-section", "continuous", "flat"]),
  /** Folded patterns of labels that close a section (`Cộng`) and the table (`Tổng cộng`, `Toàn tỉnh`). */
  subtotalLabels: z.array(regexSource).default([]),
  totalLabels: z.array(regexSource).default([]),
  /** Where a units line (`Đvt: triệu đồng`) above the header sets the money scale. */
  hasUnitLine: z.boolean().default(false),
  /** Indicator templates: which of their figures are cumulative over the year (period-regression). */
  cumulative: CumulativeSchema.optional(),
  policies: PoliciesSchema.default(() => PoliciesSchema.parse({})),
});

export type ColumnDef = z.infer<typeof ColumnDefSchema>;
export type TemplateDef = z.infer<typeof TemplateDefSchema>;
export type CumulativeDef = z.infer<typeof CumulativeSchema>;
export type Policies = z.infer<typeof PoliciesSchema>;

/** Validates a definition; throws a ZodError naming the bad field. */
export function defineTemplate(def: z.input<typeof TemplateDefSchema>): TemplateDef {
  return TemplateDefSchema.parse(def);
}
