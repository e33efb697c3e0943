/** The Tổng hợp tab's texts, Vietnamese first, English beside (the pane's language switch). */
import { useContext } from "react";
import { LangContext } from "../i18n";
import type { ProgressStage } from "./protocol";

const vi = {
  stage: {
    waiting: "Đang chờ",
    reading: "Đang đọc…",
    recognising: "Đang nhận diện…",
    done: "Đã đọc",
    failed: "Không tổng hợp được",
  } as Record<ProgressStage, string>,
  valueHeaders: ["Ô", "Chỉ tiêu · cột", "Giá trị", "Nguồn"],
  explanation: (text: string) => `Giải trình: ${text}`,
  explained: (text: string) => ` — đã giải trình: ${text}`,
  moreValues: (n: number) => `… và ${n} giá trị khác`,
  keep: (unit: string, lead: boolean, value: string) => `Giữ ${unit}${lead ? " (chủ trì)" : ""}: ${value}`,
  decided: "Đã chọn",
  undecided: "Chưa chọn",
  missingUnitsTitle: "Đơn vị chưa nộp",
  allSent: "Mọi đơn vị chủ trì đã gửi.",
  notSent: (units: string) => `Chưa nộp: ${units}`,
  completeness: (filled: number, total: number, percent: number) =>
    `Hoàn thành ${filled}/${total} chỉ tiêu (${String(percent).replace(".", ",")}%)`,
  stillEmpty: "Còn trống",
  applyExcel: "Áp dụng vào sổ làm việc",
  applyFile: "Áp dụng và tải tệp tổng hợp",
  counts: (values: number, conflicts: number, missing: number, unknown: number, proposals: number) =>
    `${values} giá trị sẽ điền · ${conflicts} xung đột · ${missing} thiếu báo cáo · ${unknown} dòng không khớp mẫu · ${proposals} đề xuất`,
  notMergedTitle: "Không tổng hợp",
  conflictsTitle: "Xung đột",
  conflictsOpen: (n: number) => `Xung đột (${n} chưa chọn)`,
  conflictsHint:
    "Chọn giá trị cần giữ; lựa chọn được ghi vào Nhật ký tổng hợp. Chưa chọn thì giữ giá trị của đơn vị chủ trì.",
  askTitle: (n: number) => `Còn ${n} xung đột chưa chọn`,
  askBody:
    "Các ô này sẽ giữ giá trị của đơn vị chủ trì (hoặc đơn vị gửi đầu tiên khi đơn vị chủ trì chưa gửi). Áp dụng như vậy?",
  askBack: "Quay lại chọn",
  askApply: "Vẫn áp dụng",
  missingTitle: "Thiếu báo cáo",
  unknownTitle: "Dòng không khớp mẫu",
  acceptMatch: "Chấp nhận khớp",
  valuesTitle: "Giá trị theo đơn vị",
  valuesApplied: "Giá trị đã tổng hợp",
  valuesToFill: "Giá trị sẽ điền theo đơn vị",
  checkedTitle: "Kiểm tra bảng tổng hợp",
  templateLabel: "Mẫu tổng hợp (.xlsx)",
  templateReading: "Đang đọc mẫu…",
  templateNone: "Chưa chọn mẫu",
  templateExcel: "Mẫu tổng hợp: sổ làm việc đang mở (không bị sửa cho đến khi bấm Áp dụng).",
  unitSheets: "Trang tính của đơn vị đã có trong sổ",
  unitSheetsHint: "Trang tính của đơn vị đã có trong sổ (nếu có):",
  merge: "Tổng hợp",
  mergeSheets: "Tổng hợp các trang đã chọn",
  unitsHint: "Chọn tệp của các đơn vị (chọn được nhiều tệp cùng lúc).",
  unitsLabel: "Tệp của các đơn vị",
  progress: "Tiến độ",
  wroteExcel: (values: number, sheets: string, log: string) =>
    `Đã ghi ${values} giá trị vào ${sheets} và trang “${log}”.`,
  wroteFile: (name: string) => `Đã tạo tệp ${name} (mẫu gốc không bị sửa).`,
  statusTitle: "Tình trạng nộp",
  statusHeaders: ["Đơn vị", "Tình trạng", "Hồ sơ nhận", ""],
  statusSaved: (at: string) => `lưu lúc ${at}`,
  statusCounts: (errors: number, warnings: number, explained: number) =>
    `${errors} lỗi · ${warnings} cảnh báo · ${explained} đã giải trình`,
  statusUpdated: (by: string, at: string) => `cập nhật: ${by ? `${by}, ` : ""}${at}`,
  returnUnit: "Trả lại",
  returnUnitLabel: (unit: string) => `Trả lại ${unit}`,
  approveUnit: "Đã duyệt",
  approveUnitLabel: (unit: string) => `Duyệt ${unit}`,
  approvedTitle: "Đơn vị đã được duyệt",
  approvedBody: (unit: string, file: string, approvedFile: string, when: string) =>
    `${unit} đã được duyệt lúc ${when} (tệp “${approvedFile}”). Tệp mới “${file}” sẽ thay đổi số liệu đã duyệt. Mở lại việc duyệt và tổng hợp tệp mới?`,
  reopen: "Mở lại và tổng hợp",
  keepApproved: "Giữ số liệu đã duyệt",
  returned: (unit: string, feedback: string, findings: number, consolidated: string) =>
    `Đã trả lại ${unit}: tải về ${feedback} (${findings} phát hiện thành ghi chú trên ô) và ${consolidated} với Tình trạng nộp mới.`,
  approved: (unit: string, consolidated: string) =>
    `Đã duyệt ${unit}: tải về ${consolidated} với Tình trạng nộp mới; tệp mới của ${unit} sẽ được hỏi trước khi tổng hợp.`,
  returnedExcel: (unit: string, feedback: string, findings: number, sheet: string) =>
    `Đã trả lại ${unit}: tải về ${feedback} (${findings} phát hiện thành ghi chú trên ô); trang “${sheet}” của sổ làm việc đã cập nhật.`,
  approvedExcel: (unit: string, sheet: string) =>
    `Đã duyệt ${unit}: trang “${sheet}” của sổ làm việc đã cập nhật; các ô số liệu của ${unit} trên bảng tổng hợp đã khoá chống sửa nhầm (trang được bảo vệ, không đặt mật khẩu); tệp mới của ${unit} sẽ được hỏi trước khi tổng hợp.`,
};

export type MergeStrings = typeof vi;

const en: MergeStrings = {
  stage: {
    waiting: "Waiting",
    reading: "Reading…",
    recognising: "Recognising…",
    done: "Read",
    failed: "Not merged",
  },
  valueHeaders: ["Cell", "Indicator · column", "Value", "Source"],
  explanation: (text) => `Explanation: ${text}`,
  explained: (text) => ` — explained: ${text}`,
  moreValues: (n) => `… and ${n} more values`,
  keep: (unit, lead, value) => `Keep ${unit}${lead ? " (lead)" : ""}: ${value}`,
  decided: "Decided",
  undecided: "Not decided",
  missingUnitsTitle: "Units not yet submitted",
  allSent: "Every lead unit has sent its report.",
  notSent: (units) => `Not submitted: ${units}`,
  completeness: (filled, total, percent) => `${filled}/${total} indicators filled (${percent}%)`,
  stillEmpty: "Still empty",
  applyExcel: "Apply to the workbook",
  applyFile: "Apply and download the consolidated file",
  counts: (values, conflicts, missing, unknown, proposals) =>
    `${values} values to fill · ${conflicts} conflicts · ${missing} missing reports · ${unknown} unmatched rows · ${proposals} proposals`,
  notMergedTitle: "Not merged",
  conflictsTitle: "Conflicts",
  conflictsOpen: (n) => `Conflicts (${n} not decided)`,
  conflictsHint:
    "Choose the value to keep; the choice is written to the merge log. Undecided cells keep the lead unit's value.",
  askTitle: (n) => `${n} ${n === 1 ? "conflict is" : "conflicts are"} not decided`,
  askBody: "These cells will keep the lead unit's value (or the first unit's when the lead unit has not sent). Apply?",
  askBack: "Back to the conflicts",
  askApply: "Apply anyway",
  missingTitle: "Missing reports",
  unknownTitle: "Rows not in the template",
  acceptMatch: "Accept the match",
  valuesTitle: "Values by unit",
  valuesApplied: "Values merged",
  valuesToFill: "Values to fill, by unit",
  checkedTitle: "Check of the consolidated table",
  templateLabel: "Consolidation template (.xlsx)",
  templateReading: "Reading the template…",
  templateNone: "No template chosen",
  templateExcel: "Template: the open workbook (unchanged until you press Apply).",
  unitSheets: "Units' sheets already in the workbook",
  unitSheetsHint: "Units' sheets already in the workbook (if any):",
  merge: "Merge",
  mergeSheets: "Merge the chosen sheets",
  unitsHint: "Choose the units' files (several at once).",
  unitsLabel: "The units' files",
  progress: "Progress",
  wroteExcel: (values, sheets, log) => `Wrote ${values} values into ${sheets} and the sheet “${log}”.`,
  wroteFile: (name) => `Created ${name} (the template is unchanged).`,
  statusTitle: "Submission status",
  statusHeaders: ["Unit", "Status", "Received", ""],
  statusSaved: (at) => `saved ${at}`,
  statusCounts: (errors, warnings, explained) => `${errors} errors · ${warnings} warnings · ${explained} explained`,
  statusUpdated: (by, at) => `updated: ${by ? `${by}, ` : ""}${at}`,
  returnUnit: "Return",
  returnUnitLabel: (unit) => `Return ${unit}`,
  approveUnit: "Approve",
  approveUnitLabel: (unit) => `Approve ${unit}`,
  approvedTitle: "Unit already approved",
  approvedBody: (unit, file, approvedFile, when) =>
    `${unit} was approved at ${when} (file “${approvedFile}”). The new file “${file}” would change approved figures. Reopen the approval and merge the new file?`,
  reopen: "Reopen and merge",
  keepApproved: "Keep the approved figures",
  returned: (unit, feedback, findings, consolidated) =>
    `Returned ${unit}: downloaded ${feedback} (${findings} findings as cell notes) and ${consolidated} with the new status.`,
  approved: (unit, consolidated) =>
    `Approved ${unit}: downloaded ${consolidated} with the new status; a new file of ${unit} will be asked about before it is merged.`,
  returnedExcel: (unit, feedback, findings, sheet) =>
    `Returned ${unit}: downloaded ${feedback} (${findings} findings as cell notes); the workbook's sheet “${sheet}” is updated.`,
  approvedExcel: (unit, sheet) =>
    `Approved ${unit}: the workbook's sheet “${sheet}” is updated; ${unit}'s cells on the consolidated sheet are locked against accidental edits (the sheet is protected, no password); a new file of ${unit} will be asked about before it is merged.`,
};

export const MERGE_STRINGS = { vi, en };

export function useMergeStrings(): MergeStrings {
  return MERGE_STRINGS[useContext(LangContext)];
}
