/**
 * `not-a-number`: a number or percent column holding something that is not a number (spec §3).
 * Text that parses the Vietnamese way is accepted with a warning naming the parsed value (store it
 * as a number); text that doesn't, an Excel error value or a date is an error. Formulas whose result
 * was never cached are not judged here (checkGrid says so in the notes), nor is a lone dash, which
 * Vietnamese tables use for "none".
 */
import type { Finding } from "../finding";
import { buildFinding, enNumber, quote, vnNumber } from "../messages";
import type { CellRef, Table } from "../model";
import { englishReading } from "../parse/number";
import type { ColumnRole } from "../template";
import type { Rule } from "./rule";

const NUMERIC_KINDS = new Set(["number", "percent"]);
const DASH = /^[-–—]$/;

/**
 * The table's cells whose column must hold numbers: number/percent roles and every amount column
 * (summable count columns may be both a role and an amount column: each cell is listed once, as its
 * amount).
 */
function numericCells(table: Table): CellRef[] {
  const amountCols = new Set(table.amountColumns.map((amount) => amount.col));
  const roles = table.template.columns
    .filter((column) => NUMERIC_KINDS.has(column.kind) && column.role !== "amount")
    .map((column) => column.role as ColumnRole)
    .filter((role) => table.columns[role] === undefined || !amountCols.has(table.columns[role]));
  const cells: CellRef[] = [];
  for (const row of table.rows) {
    for (const role of roles) {
      const ref = row.cells[role];
      if (ref) cells.push(ref);
    }
    cells.push(...row.amounts);
  }
  return cells;
}

export const notANumber: Rule = {
  id: "not-a-number",
  severity: "error",
  check(table) {
    const findings: Finding[] = [];
    for (const ref of numericCells(table)) {
      const parsed = ref.parsed;
      const cell = ref.address;
      if (parsed.kind === "number" && parsed.fromText) {
        const style = { percent: parsed.percent, maxDecimals: parsed.decimals };
        findings.push(
          buildFinding(table, this, {
            cell,
            severity: "warning",
            vi: `ô chứa văn bản ${quote(ref.text)}, đọc được là ${vnNumber(parsed.value, style)}; nên lưu dạng số.`,
            en: `the cell holds the text ${quote(ref.text)}, read as ${enNumber(parsed.value, style)}; store it as a number.`,
            expected: parsed.value,
            actual: ref.text,
          }),
        );
      } else if (parsed.kind === "text" && !DASH.test(parsed.text)) {
        const english = englishReading(parsed.text);
        const hintVi = english === undefined ? "" : ` (có thể máy đặt dấu phân cách kiểu Anh: ${enNumber(english)}?)`;
        const hintEn = english === undefined ? "" : ` (English separators would read ${enNumber(english)})`;
        findings.push(
          buildFinding(table, this, {
            cell,
            vi: `cột này phải là số nhưng ô ghi ${quote(parsed.text)}, không đọc được thành số${hintVi}.`,
            en: `this column must hold numbers but the cell says ${quote(parsed.text)}, which is not a number${hintEn}.`,
            actual: parsed.text,
          }),
        );
      } else if (parsed.kind === "error") {
        findings.push(
          buildFinding(table, this, {
            cell,
            vi: `ô có giá trị lỗi ${parsed.code} thay vì một số; kiểm tra công thức.`,
            en: `the cell shows the error ${parsed.code} instead of a number; check its formula.`,
            actual: parsed.code,
          }),
        );
      } else if (parsed.kind === "date" || parsed.kind === "boolean") {
        const shown = parsed.kind === "date" ? parsed.iso : String(parsed.value);
        findings.push(
          buildFinding(table, this, {
            cell,
            vi: `cột này phải là số nhưng ô chứa ${parsed.kind === "date" ? "ngày" : "giá trị đúng/sai"} ${shown}; kiểm tra định dạng ô.`,
            en: `this column must hold numbers but the cell holds a ${parsed.kind} ${shown}; check the cell format.`,
            actual: shown,
          }),
        );
      }
    }
    return findings;
  },
};
