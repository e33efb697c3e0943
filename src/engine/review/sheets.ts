/**
 * The sheets PhuLuc writes for the review round, beside the Phụ lục: their names and rows. None is a
 * Phụ lục: check skips them with a note, export leaves them out, as it does the merge log.
 */
import type { Finding, Severity } from "../finding";
import { cellText, type Grid } from "../grid";
import type { Localized } from "../locale";
import { isMergeLogSheet, LOG_HEADER } from "../merge/logSheet";
import { foldText } from "../text";
import { emptyReviewStore, REVIEW_SHEET_NAME, reviewSheetRows } from "./store";
import { shownDateTime, STATUS_SHEET_HEADER, STATUS_SHEET_NAME } from "./status";

/** `export --with-explanations`: the explained findings of the submitted sheets. */
export const EXPLANATION_SHEET_NAME = "Giải trình";
/** The feedback workbook's list of findings (Trả lại). */
export const FEEDBACK_SHEET_NAME = "Phát hiện cần xem lại";

const MERGE_LOG: Localized<string> = { vi: "nhật ký tổng hợp", en: "the merge log" };

/** What each internal sheet is, for the notes of check and the skipped list of export. */
const OWN_SHEETS: [string, Localized<string>][] = [
  [REVIEW_SHEET_NAME, { vi: "dữ liệu giải trình và tình trạng nộp", en: "the review records" }],
  [STATUS_SHEET_NAME, { vi: "bảng tình trạng nộp", en: "the submission status" }],
  [FEEDBACK_SHEET_NAME, { vi: "danh sách phát hiện KHTC trả lại", en: "the findings KHTC returned" }],
  [EXPLANATION_SHEET_NAME, { vi: "danh sách giải trình kèm file nộp", en: "the list of explanations" }],
];

/** What a sheet PhuLuc wrote for itself is (undefined for any other sheet, e.g. a Phụ lục). */
export function ownSheetKind(name: string): Localized<string> | undefined {
  if (isMergeLogSheet(name)) return MERGE_LOG;
  const folded = foldText(name);
  return OWN_SHEETS.find(([own]) => foldText(own) === folded)?.[1];
}

/**
 * A sheet of PhuLuc's own, as it wrote it: one of its names, and its first row the header PhuLuc writes
 * there. Check skips such a sheet even when its rows read like a table (the log of a kinh-phi merge does:
 * `Nhu cầu kinh phí năm 2024: 6.440` under `Giá trị`), while a Phụ lục a user named so is still checked.
 */
export function isOwnSheetAsWritten(grid: Grid): boolean {
  if (!ownSheetKind(grid.name)) return false;
  const first = (grid.rows[0] ?? []).map((cell) => cellText(cell).trim());
  while (first.length > 0 && first[first.length - 1] === "") first.pop();
  return ownHeaders().some((header) => header.length === first.length && header.every((h, i) => h === first[i]));
}

let headers: string[][] | undefined;
/** The headers PhuLuc writes first in its sheets, from the functions that write them. */
function ownHeaders(): string[][] {
  headers ??= [
    LOG_HEADER,
    STATUS_SHEET_HEADER.vi,
    STATUS_SHEET_HEADER.en,
    reviewSheetRows(emptyReviewStore())[0].map(String),
    feedbackListRows([])[0],
    explanationListRows([])[0],
  ];
  return headers;
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
