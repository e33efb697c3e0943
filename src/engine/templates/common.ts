/**
 * Column definitions several templates share. Synonyms are regular expressions on folded header
 * text (foldText: no diacritics, đ → d, lower case, single spaces); anchors keep `Đơn vị chủ trì`
 * apart from `Đơn vị phối hợp` and the target `Chỉ tiêu năm` apart from the indicator `Chỉ tiêu`.
 */
import type { z } from "zod";
import type { ColumnDefSchema } from "../template";

type ColumnInput = z.input<typeof ColumnDefSchema>;

export const STT: ColumnInput = {
  role: "stt",
  required: true,
  kind: "text",
  header: "STT",
  synonyms: ["^s ?tt\\.?$", "^so (tt|thu tu)$", "^tt$"],
};

/** `Mã chỉ tiêu`: the surest merge key where a sheet has it. */
export const CODE: ColumnInput = {
  role: "code",
  required: false,
  kind: "text",
  header: "Mã chỉ tiêu",
  headerEn: "Indicator code",
  synonyms: ["^ma( chi tieu| so| nhiem vu| du an)?$"],
};

export const MEASURE: ColumnInput = {
  role: "measure",
  required: false,
  kind: "text",
  header: "ĐVT",
  headerEn: "Unit of measure",
  synonyms: ["^dvt$", "^don vi tinh$", "^don vi do$"],
};

export const LEAD_UNIT: ColumnInput = {
  role: "leadUnit",
  required: true,
  kind: "unit",
  header: "Đơn vị chủ trì",
  headerEn: "Lead unit",
  synonyms: [
    "^(don vi|co quan|phong) (chu tri|thuc hien|phu trach)\\b",
    "^chu tri( thuc hien)?$",
    "^don vi chu tri, (thuc hien|phu trach)$",
  ],
};

export const CO_UNITS: ColumnInput = {
  role: "coUnits",
  required: false,
  kind: "unit",
  header: "Đơn vị phối hợp",
  headerEn: "Cooperating units",
  synonyms: ["^(don vi|co quan) phoi hop\\b", "^phoi hop( thuc hien)?$"],
};

export const ASSESSMENT: ColumnInput = {
  role: "assessment",
  required: false,
  kind: "assessment",
  header: "Đánh giá",
  headerEn: "Assessment",
  synonyms: ["^(tu )?danh gia\\b", "^muc do (dat|hoan thanh)\\b"],
};

export const NOTE: ColumnInput = {
  role: "note",
  required: false,
  kind: "text",
  header: "Ghi chú",
  headerEn: "Notes",
  synonyms: ["^ghi chu\\b", "^giai trinh\\b"],
};

/** Thực hiện / Kết quả: a number, a percentage or text (`Thực hiện thường xuyên`). */
export const ACTUAL: ColumnInput = {
  role: "actual",
  required: false,
  kind: "result",
  header: "Thực hiện",
  headerEn: "Actual",
  synonyms: [
    "^(uoc )?(ket qua )?thuc hien\\b(?!.*\\bso voi\\b)",
    "^ket qua\\b(?!.*\\bso voi\\b)",
    "^uoc th\\b",
    "^th( nam)?( \\d{4})?$",
  ],
};

/** Kế hoạch as the header of a target column (`Năm 2024`, `Kế hoạch 2024`, `Chỉ tiêu năm`, `KH`). */
export const TARGET: ColumnInput = {
  role: "target",
  required: true,
  kind: "target",
  header: "Kế hoạch",
  headerEn: "Target",
  synonyms: [
    "^nam \\d{4}$",
    "^ke hoach\\b",
    "^chi tieu (nam|ke hoach|giao|\\d{4})\\b",
    "^kh\\b",
    "^muc tieu( nam)?( \\d{4})?$",
    // `Nội dung | Chỉ tiêu`: once Nội dung took the indicator role, a bare Chỉ tiêu is the target.
    "^chi tieu$",
  ],
};

/** Tỷ lệ (%) so với KH; `Tỷ lệ (%)` alone under a `Kết quả thực hiện` group. */
export const RATIO: ColumnInput = {
  role: "ratio",
  required: false,
  kind: "percent",
  header: "Tỷ lệ (%) so với KH",
  headerEn: "Attainment (% of target)",
  synonyms: [
    "^ty le\\b.*\\b(so voi|\\/) ?(kh|ke hoach)\\b",
    "^ty le (\\(%\\)|%)$",
    "^ty le$",
    "^ty le (dat|hoan thanh|thuc hien)\\b",
    "^% (so voi |\\/ ?)?(kh|ke hoach)\\b",
    "^ket qua thuc hien ty le\\b",
  ],
};

/** `Chỉ tiêu` / `Nội dung chỉ tiêu`: the indicator's wording. */
export const INDICATOR: ColumnInput = {
  role: "indicator",
  required: true,
  kind: "text",
  header: "Chỉ tiêu",
  headerEn: "Indicator",
  synonyms: ["^(noi dung |ten )?(cac )?chi tieu( nganh| chu yeu| nghi quyet)?$", "^noi dung chi tieu\\b", "^noi dung$"],
};

/** Labels of rows that close a section (checked before TOTAL_LABELS: `Tổng cộng mục I` is a subtotal). */
export const SUBTOTAL_LABELS = [
  "^cong( (muc|phan) [ivxlcd\\d]+)?[:.]?$",
  "^cong (muc|phan)\\b",
  // `Cộng II`, `Cộng (II)`, `Cộng A` (a letter part).
  "^cong \\(?([ivxlc]+|[a-z])\\)?[:.]?$",
  "^tong[:.]?$",
  "^tong (cong )?(muc|phan) ([ivxlcd\\d]+|[a-z])\\b",
];

/** Labels of the row that closes the table. */
export const TOTAL_LABELS = [
  "^tong cong\\b",
  // Only a bare `Tổng số`: an unnumbered `Tổng số hộ …` row describes, it does not total.
  "^tong so( chung| toan (tinh|nganh))?[:.]?$",
  "^toan tinh\\b",
  "^toan nganh\\b",
  "^(cong|tong) toan bo\\b",
];
