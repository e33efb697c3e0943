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
});

export type ColumnDef = z.infer<typeof ColumnDefSchema>;
export type TemplateDef = z.infer<typeof TemplateDefSchema>;
export type CumulativeDef = z.infer<typeof CumulativeSchema>;

/** Validates a definition; throws a ZodError naming the bad field. */
export function defineTemplate(def: z.input<typeof TemplateDefSchema>): TemplateDef {
  return TemplateDefSchema.parse(def);
}
