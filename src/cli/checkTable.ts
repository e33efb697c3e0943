/** The human-readable rendering of a check: grouped by file and sheet, one line per finding, a summary. */
import type { Severity } from "../engine/finding";
import { tidyText } from "../engine/text";
import {
  countBySeverity,
  countExplainedErrors,
  type CheckResult,
  type FileResult,
  type FindingJson,
  type SheetResult,
} from "./checkResult";

/** How the CLI names a severity (check table, merge summary). */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "LỖI", warning: "CẢNH BÁO", info: "THÔNG TIN" };
const HEADINGS = { severity: "Mức độ", cell: "Ô", rule: "Quy tắc", message: "Nội dung" };

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

/** ` (1 đã giải trình)` when some of the errors carry a giải trình. */
function explainedPart(explained: number): string {
  return explained > 0 ? ` (${explained} đã giải trình)` : "";
}

function sheetHeading(sheet: SheetResult): string {
  const errors = sheet.findings.filter((f) => f.severity === "error");
  const warnings = sheet.findings.length - errors.length;
  const explained = errors.filter((f) => f.explanation).length;
  const template = sheet.template ? `mẫu ${sheet.template}` : "không nhận ra mẫu";
  return `  Trang tính “${sheet.sheet}” (${template}): ${errors.length} lỗi${explainedPart(explained)}, ${warnings} cảnh báo`;
}

function explainedText(f: FindingJson): string {
  if (!f.explanation) return "";
  return ` — đã giải trình: ${tidyText(f.explanation.text)}${f.explanation.by ? ` (${f.explanation.by})` : ""}`;
}

function sheetLines(sheet: SheetResult): string[] {
  const lines = [sheetHeading(sheet)];
  if (sheet.error !== undefined) lines.push(`    KHÔNG KIỂM TRA ĐƯỢC: ${sheet.error}`);
  if (sheet.findings.length > 0) {
    const rows = sheet.findings.map((f) => [
      SEVERITY_LABEL[f.severity],
      f.cell,
      f.rule,
      tidyText(f.message) + explainedText(f),
    ]);
    const head = [HEADINGS.severity, HEADINGS.cell, HEADINGS.rule, HEADINGS.message];
    const widths = [0, 1, 2].map((i) => Math.max(...[head, ...rows].map((r) => [...r[i]].length)));
    const format = (r: string[]) =>
      `    ${pad(r[0], widths[0])}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}`;
    lines.push(format(head), ...rows.map(format));
  }
  for (const note of sheet.notes) lines.push(`    Ghi chú: ${tidyText(note)}`);
  return lines;
}

function fileLines(file: FileResult): string[] {
  const lines = [`Tệp ${file.file}`];
  if (file.error !== undefined) lines.push(`  KHÔNG ĐỌC ĐƯỢC: ${file.error}`);
  for (const sheet of file.sheets) lines.push(...sheetLines(sheet));
  return lines;
}

export function summaryLine(result: CheckResult): string {
  const counts = countBySeverity(result);
  const unreadable = result.files.filter((f) => f.error !== undefined).length;
  const sheets = result.files.reduce((n, f) => n + f.sheets.length, 0);
  const files = `${result.files.length} tệp${unreadable ? ` (${unreadable} không đọc được)` : ""}`;
  return `Tổng kết: ${files}, ${sheets} trang tính; ${counts.error} lỗi${explainedPart(countExplainedErrors(result))}, ${counts.warning} cảnh báo.`;
}

export function renderCheckTable(result: CheckResult): string {
  const blocks = result.files.map((file) => fileLines(file).join("\n"));
  return [...blocks, summaryLine(result)].join("\n\n") + "\n";
}
