/**
 * The sheets PhuLuc writes for the review round, beside the Phụ lục: their names and rows. None is a
 * Phụ lục: check skips them with a note, export leaves them out, as it does the merge log.
 */
import type { Finding, Severity } from "../finding";
import type { Localized } from "../locale";
import { isMergeLogSheet } from "../merge/logSheet";
import { foldText } from "../text";
import { REVIEW_SHEET_NAME } from "./store";
import { shownDateTime, STATUS_SHEET_NAME } from "./status";

/** `export --with-explanations`: the explained findings of the submitted sheets. */
export const EXPLANATION_SHEET_NAME = "Giải trình";
/** The feedback workbook's list of findings (Trả lại). */
export const FEEDBACK_SHEET_NAME = "Phát hiện cần xem lại";

const MERGE_LOG: Localized<string> = { vi: "nhật ký tổng hợp", en: "the merge log" };

/** What each internal sheet is, for the notes of check and the skipped list of export. */
const OWN_SHEETS: [string, Localized<string>][] = [
  [REVIEW_SHEET_NAME, { vi: "dữ liệu giải trình và tình trạng nộp của PhuLuc", en: "PhuLuc's review records" }],
  [STATUS_SHEET_NAME, { vi: "bảng tình trạng nộp", en: "the submission status" }],
  [FEEDBACK_SHEET_NAME, { vi: "danh sách phát hiện do KHTC trả lại", en: "the findings KHTC returned" }],
  [EXPLANATION_SHEET_NAME, { vi: "danh sách giải trình kèm file nộp", en: "the list of explanations" }],
];

/** What a sheet PhuLuc wrote for itself is (undefined for any other sheet, e.g. a Phụ lục). */
export function ownSheetKind(name: string): Localized<string> | undefined {
  if (isMergeLogSheet(name)) return MERGE_LOG;
  const folded = foldText(name);
  return OWN_SHEETS.find(([own]) => foldText(own) === folded)?.[1];
}

const SEVERITY_VI: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };

/** The Giải trình list sheet: one row per explained finding. */
export function explanationListRows(findings: readonly Finding[]): string[][] {
  const header = [
    "Trang tính",
    "Ô",
    "Quy tắc",
    "Mức độ",
    "Nội dung",
    "Giải trình",
    "Đơn vị",
    "Người giải trình",
    "Thời điểm",
  ];
  const rows = findings
    .filter((f) => f.explanation)
    .map((f) => [
      f.sheet,
      f.cell,
      f.rule,
      SEVERITY_VI[f.severity],
      f.message,
      f.explanation ?? "",
      f.explanationUnit ?? "",
      f.explanationRecord?.by ?? "",
      shownDateTime(f.explanationRecord?.at),
    ]);
  return [header, ...rows];
}

/** The feedback workbook's list: every finding of the unit's sheets, in Vietnamese, with its giải trình. */
export function feedbackListRows(findings: readonly Finding[]): string[][] {
  const header = ["Trang tính", "Ô", "Mức độ", "Quy tắc", "Nội dung", "Giải trình đã có"];
  return [
    header,
    ...findings.map((f) => [f.sheet, f.cell, SEVERITY_VI[f.severity], f.rule, f.message, f.explanation ?? ""]),
  ];
}

/** The note a finding becomes on its cell in the feedback workbook. */
export function findingNote(finding: Finding): string {
  const explained = finding.explanation ? `\nĐã giải trình: ${finding.explanation}` : "";
  return `${SEVERITY_VI[finding.severity]} [${finding.rule}]: ${finding.message}${explained}`;
}
