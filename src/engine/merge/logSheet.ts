/**
 * The merge log as the rows of the `Nhật ký tổng hợp` sheet, shared by the xlsx writer and the
 * pane's Office.js writer so both files say the same thing.
 */
import { foldText } from "../text";
import type { MergeLogEntry, MergeStatus } from "./types";

export const LOG_SHEET_NAME = "Nhật ký tổng hợp";

/** The folded log sheet name, and Excel's name for a copy of the sheet (`Nhật ký tổng hợp (2)`). */
const LOG_SHEET = new RegExp(`^${foldText(LOG_SHEET_NAME)}(?: \\(\\d+\\))?$`);

/**
 * The one test for the `Nhật ký tổng hợp` sheet a merge writes (check skips it, export leaves it out):
 * by its name however typed (case, diacritics, NFD), or a copy Excel named ` (2)`; another `Nhật ký…`
 * sheet is the user's own.
 */
export function isMergeLogSheet(name: string): boolean {
  return LOG_SHEET.test(foldText(name));
}

export const LOG_HEADER = [
  "Tệp",
  "Trang tính",
  "Ô",
  "Đơn vị",
  "Chỉ tiêu",
  "Giá trị",
  "Trạng thái",
  "Ghi chú/giải trình",
];

export const STATUS_VI: Record<MergeStatus, string> = {
  merged: "Đã tổng hợp",
  agreed: "Trùng khớp",
  conflict: "Xung đột",
  rejected: "Không chọn",
  unknown: "Không khớp mẫu",
  superseded: "Bị thay bằng tệp mới hơn",
  recomputed: "Tính lại",
  "not-merged": "Không tổng hợp",
};

/** A file that could not be merged at all (unreadable, no Phụ lục recognised), or one sheet of it. */
export interface NotMerged {
  file: string;
  /** The sheet, when only that sheet of the file was not merged. */
  sheet?: string;
  /** Vietnamese (the log sheet and the JSON say it). */
  reason: string;
  /** The same in English, for the pane's English switch. */
  reasonEn?: string;
}

/** Header + one row per log entry, then one per file not merged: every input is accounted for. */
export function logSheetRows(log: MergeLogEntry[], notMerged: NotMerged[] = []): string[][] {
  const rows = log.map((entry) => [
    entry.file,
    entry.sheet,
    entry.cell,
    entry.unit,
    entry.indicator,
    entry.value,
    STATUS_VI[entry.status],
    [
      entry.explanation ? `Giải trình: ${entry.explanation}` : "",
      entry.note ?? "",
      entry.target ? `Vào ô ${entry.target.cell}.` : "",
    ]
      .filter(Boolean)
      .join(" "),
  ]);
  const failed = notMerged.map((item) => [
    item.file,
    item.sheet ?? "",
    "",
    "",
    "",
    "",
    "Không tổng hợp được",
    item.reason,
  ]);
  return [LOG_HEADER, ...rows, ...failed];
}
