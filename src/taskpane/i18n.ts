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
  findingsList: "Danh sách lỗi và cảnh báo",
  chosenFinding: "Lỗi đang chọn",
  reachCell: (sheet: string, cell: string) =>
    `Trong Excel: mở trang tính “${sheet}”, bấm Ctrl+G (Đi tới), gõ ${cell} rồi bấm Enter.`,
  results: "Kết quả kiểm tra",
  checkingSheet: (k: number, n: number) => `Đang kiểm tra trang tính ${k}/${n}…`,
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
  chartTitle: "Chỉ tiêu đạt theo từng mục",
  chartEmpty: "Chưa có chỉ tiêu nào có cả kế hoạch và kết quả để tính tỷ lệ.",
  chartNoSection: "Ngoài các mục",
  chartCounts: (met: number, total: number) => `${met}/${total} đạt`,
  chartMore: (n: number) => `… và ${n} mục khác đạt tốt hơn.`,
  notes: "Lưu ý",
  errorTitle: "Có lỗi",
  dismiss: "Đóng",
  noSheets: "Tệp không có sheet nào.",
  fileLabel: "Tệp",
  exportIntro:
    "Tạo file .xlsx chỉ gồm các Phụ lục tổng hợp: tổng là công thức, phông Times New Roman, khối tiêu đề theo Nghị định 30/2020/NĐ-CP, khổ A4 ngang.",
  exportHeaderTitle: "Thông tin tiêu đề (lưu ngay khi nhập)",
  exportFields: {
    coQuanChuQuan: { label: "Cơ quan chủ quản" },
    coQuanBanHanh: { label: "Cơ quan ban hành" },
    soKyHieu: { label: "Số, ký hiệu", hint: "In sau “Số:”, ví dụ 123/BC-STTTT" },
    diaDanh: { label: "Địa danh" },
    kyBaoCao: { label: "Kỳ báo cáo (trong tên file)", hint: "Ví dụ 9T-2024" },
    tenVietTat: { label: "Tên viết tắt cơ quan (trong tên file)", hint: "Ví dụ STTTT" },
    vanBanKemTheo: { label: "Văn bản kèm theo", hint: "In “(Kèm theo …)” dưới tên Phụ lục" },
  } as Record<string, { label: string; hint?: string }>,
  exportDate: "Ngày văn bản",
  exportDateHint: "Ngày/tháng/năm, ví dụ 01/10/2025. Để trống: in “ngày … tháng … năm …”, tên file lấy ngày hôm nay",
  exportUnits: "Danh sách đơn vị (dùng khi kiểm tra trước khi xuất)",
  exportUnitsHint: "Mỗi dòng một đơn vị: mã | tên đầy đủ | bí danh; bí danh",
  exportSaved: "Đã lưu thông tin tiêu đề.",
  exportButton: "Xuất file nộp",
  exportChecking: "Đang kiểm tra trước khi xuất…",
  exportBuilding: "Đang tạo file nộp…",
  exportDone: (fileName: string, delivery: "excel" | "download") =>
    `Đã xuất ${fileName} (${delivery === "excel" ? "đã mở thành sổ làm việc mới, hãy lưu lại" : "đã tải về"}).`,
  exportErrorsTitle: (n: number) => `Còn ${n} lỗi trong các Phụ lục`,
  exportErrorsBody: "File nộp sẽ mang các lỗi này. Nên sửa trước khi xuất.",
  exportErrorsMore: (n: number) => `… và ${n} lỗi khác.`,
  exportAnyway: "Vẫn xuất",
  exportLoading: "Đang tải cài đặt…",
  exportDefaults: "Đang dùng cài đặt mặc định.",
  exportPickFile: "Chọn file tổng hợp…",
  exportPickFileLabel: "Chọn file tổng hợp",
  exportPickFirst: "Chọn file tổng hợp (.xlsx) trước.",
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
  findingsList: "Errors and warnings",
  chosenFinding: "Chosen finding",
  reachCell: (sheet: string, cell: string) =>
    `In Excel: open the sheet “${sheet}”, press Ctrl+G (Go To), type ${cell} and press Enter.`,
  results: "Check results",
  checkingSheet: (k: number, n: number) => `Checking sheet ${k} of ${n}…`,
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
  chartTitle: "Targets met by section",
  chartEmpty: "No indicator has both a plan and a result to compute.",
  chartNoSection: "Outside sections",
  chartCounts: (met: number, total: number) => `${met}/${total} met`,
  chartMore: (n: number) => `… and ${n} better sections.`,
  notes: "Notes",
  errorTitle: "Something went wrong",
  dismiss: "Dismiss",
  noSheets: "The file has no sheets.",
  fileLabel: "File",
  exportIntro:
    "Builds an .xlsx holding only the consolidated appendices: totals as formulas, Times New Roman, the header block of Decree 30/2020/NĐ-CP, A4 landscape.",
  exportHeaderTitle: "Header texts (saved as you type)",
  exportFields: {
    coQuanChuQuan: { label: "Governing body" },
    coQuanBanHanh: { label: "Issuing body" },
    soKyHieu: { label: "Number and code", hint: "Printed after “Số:”, e.g. 123/BC-STTTT" },
    diaDanh: { label: "Place" },
    kyBaoCao: { label: "Reporting period (in the file name)", hint: "E.g. 9T-2024" },
    tenVietTat: { label: "Body's short name (in the file name)", hint: "E.g. STTTT" },
    vanBanKemTheo: { label: "Accompanying document", hint: "Printed as “(Kèm theo …)” under the appendix title" },
  },
  exportDate: "Document date",
  exportDateHint: "Day/month/year, e.g. 01/10/2025. Empty: prints “ngày … tháng … năm …”, the file name takes today",
  exportUnits: "Units list (used by the check before export)",
  exportUnitsHint: "One unit a line: id | full name | alias; alias",
  exportSaved: "Header texts saved.",
  exportButton: "Export submission",
  exportChecking: "Checking before export…",
  exportBuilding: "Building the submission file…",
  exportDone: (fileName: string, delivery: "excel" | "download") =>
    `Exported ${fileName} (${delivery === "excel" ? "opened as a new workbook: save it" : "downloaded"}).`,
  exportErrorsTitle: (n: number) => `${n} ${n === 1 ? "error remains" : "errors remain"} in the appendices`,
  exportErrorsBody: "The submission file will carry these errors. Better fix them first.",
  exportErrorsMore: (n: number) => `… and ${n} more.`,
  exportAnyway: "Export anyway",
  exportLoading: "Loading settings…",
  exportDefaults: "Using the default settings.",
  exportPickFile: "Choose the consolidated file…",
  exportPickFileLabel: "Choose the consolidated file",
  exportPickFirst: "Choose the consolidated file (.xlsx) first.",
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
