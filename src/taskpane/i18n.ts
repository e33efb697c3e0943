/** Every string the pane shows, Vietnamese first, English beside (the pane's language switch). */
import { createContext, useContext } from "react";
import type { RuleId } from "../engine/finding";
import type { Locale } from "../engine/locale";
import { ruleDefinition } from "../engine/rules";

export type Lang = Locale;

const vi = {
  appTitle: "PhuLuc — Kiểm tra Phụ lục",
  switchLanguage: "English",
  tabCheck: "Kiểm tra",
  tabMerge: "Tổng hợp",
  tabExport: "Xuất file nộp",
  connecting: "Đang kết nối Excel…",
  notInExcel: "Không chạy trong Excel",
  notInExcelHint:
    "Ngăn này đang mở trong trình duyệt thường. Bạn vẫn có thể kiểm tra một tệp: bấm “Mở file .xlsx”. Để kiểm tra trực tiếp trong sổ tính, hãy mở PhuLuc từ nút “Kiểm tra Phụ lục” trên thẻ Trang đầu của Excel.",
  openFile: "Mở file .xlsx",
  reading: "Đang đọc tệp…",
  check: "Kiểm tra",
  checking: "Đang kiểm tra…",
  autoRecheck: "Tự kiểm tra lại khi sheet thay đổi.",
  template: "Mẫu nhận diện",
  noTemplate: "Không nhận diện được mẫu Phụ lục",
  sheet: "Trang tính",
  errors: (n: number) => `${n} lỗi`,
  warnings: (n: number) => `${n} cảnh báo`,
  allOk: "OK — không có lỗi hay cảnh báo",
  groupError: "Lỗi",
  groupWarning: "Cảnh báo",
  groupInfo: "Thông tin",
  filterRule: "Lọc theo quy tắc",
  allRules: "Tất cả quy tắc",
  expected: "Đúng ra",
  actual: "Đang ghi",
  difference: "Chênh lệch",
  goToCell: "Chọn ô trong Excel",
  showMore: (rest: number) => `Hiện thêm (còn ${rest})`,
  mark: "Đánh dấu",
  unmark: "Bỏ đánh dấu",
  marking: "Đang tô màu các ô có lỗi…",
  unmarking: "Đang trả lại màu cũ…",
  markedCount: (n: number) => `${n} ô đang được đánh dấu`,
  compute: "Tính tỷ lệ & đánh giá",
  computing: "Đang ghi tỷ lệ và đánh giá…",
  computeNothing:
    "Không có ô Tỷ lệ hay Đánh giá nào cần điền (sheet không có các cột này, hoặc không có chỉ tiêu tính được).",
  computeDone: (n: number) => `Đã điền ${n} ô.`,
  replaceTitle: "Thay thế giá trị đã nhập?",
  replaceBody: (n: number) =>
    `${n} ô Tỷ lệ/Đánh giá đã có giá trị do đơn vị nhập và khác với kết quả tính. PhuLuc chỉ điền ô trống, trừ khi bạn đồng ý thay thế:`,
  replaceYes: "Thay thế cả các ô này",
  fillEmptyOnly: "Chỉ điền ô trống",
  cancel: "Hủy",
  chartTitle: "Tỷ lệ thực hiện so với kế hoạch",
  chartEmpty: "Chưa có chỉ tiêu nào có cả kế hoạch và kết quả để tính tỷ lệ.",
  verdict: { Vượt: "Vượt", Đạt: "Đạt", "Chưa đạt": "Chưa đạt" } as Record<string, string>,
  notes: "Lưu ý",
  errorTitle: "Có lỗi",
  dismiss: "Đóng",
  noSheets: "Tệp không có sheet nào.",
  fileLabel: "Tệp",
};

export type Strings = typeof vi;

const en: Strings = {
  appTitle: "PhuLuc — Appendix checker",
  switchLanguage: "Tiếng Việt",
  tabCheck: "Check",
  tabMerge: "Merge",
  tabExport: "Export submission",
  connecting: "Connecting to Excel…",
  notInExcel: "Not running in Excel",
  notInExcelHint:
    "This pane is open in a plain browser. You can still check a file: press “Open .xlsx file”. To check the open workbook, start PhuLuc from the “Check appendix” button on Excel's Home tab.",
  openFile: "Open .xlsx file",
  reading: "Reading the file…",
  check: "Check",
  checking: "Checking…",
  autoRecheck: "Re-checks when the sheet changes.",
  template: "Recognised template",
  noTemplate: "No appendix template recognised",
  sheet: "Sheet",
  errors: (n: number) => `${n} ${n === 1 ? "error" : "errors"}`,
  warnings: (n: number) => `${n} ${n === 1 ? "warning" : "warnings"}`,
  allOk: "OK — no errors or warnings",
  groupError: "Errors",
  groupWarning: "Warnings",
  groupInfo: "Information",
  filterRule: "Filter by rule",
  allRules: "All rules",
  expected: "Expected",
  actual: "Found",
  difference: "Difference",
  goToCell: "Select the cell in Excel",
  showMore: (rest: number) => `Show more (${rest} left)`,
  mark: "Mark",
  unmark: "Unmark",
  marking: "Colouring the flagged cells…",
  unmarking: "Restoring the original fills…",
  markedCount: (n: number) => `${n} cells marked`,
  compute: "Compute ratio & assessment",
  computing: "Writing ratios and assessments…",
  computeNothing:
    "No Ratio or Assessment cell to fill (the sheet lacks these columns, or no indicator can be computed).",
  computeDone: (n: number) => `Filled ${n} cells.`,
  replaceTitle: "Replace typed values?",
  replaceBody: (n: number) =>
    `${n} Ratio/Assessment cells already hold a value typed by the unit that differs from the computed one. PhuLuc fills empty cells only, unless you agree to replace:`,
  replaceYes: "Replace these cells too",
  fillEmptyOnly: "Fill empty cells only",
  cancel: "Cancel",
  chartTitle: "Attainment against plan",
  chartEmpty: "No indicator has both a plan and a result to compute.",
  verdict: { Vượt: "Exceeded", Đạt: "Met", "Chưa đạt": "Not met" },
  notes: "Notes",
  errorTitle: "Something went wrong",
  dismiss: "Dismiss",
  noSheets: "The file has no sheets.",
  fileLabel: "File",
};

export const STRINGS: Record<Lang, Strings> = { vi, en };

/** A rule's label, from its definition (rules/index.ts). */
export function ruleLabel(rule: RuleId, lang: Lang): string {
  return ruleDefinition(rule).label[lang];
}

export const LangContext = createContext<Lang>("vi");

export function useStrings(): { lang: Lang; t: Strings } {
  const lang = useContext(LangContext);
  return { lang, t: STRINGS[lang] };
}
