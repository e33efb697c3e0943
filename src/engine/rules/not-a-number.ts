/**
 * `not-a-number`: a number or percent column holding something that is not a number (spec §3).
 * Text that parses the Vietnamese way is accepted with a warning naming the parsed value (store it
 * as a number); text that doesn't, an Excel error value or a date is an error. Formulas whose result
 * was never cached are not judged here (checkGrid says so in the notes), nor is a lone dash, which
 * Vietnamese tables use for "none".
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { NumberStyle } from "../messages";
import type { CellRef, Table } from "../model";
import { FORMATS } from "../locale";
import { englishReading } from "../parse/number";
import type { ColumnRole } from "../template";
import type { SheetRule } from "./rule";

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

type NotANumberParams = FindingParams &
  (
    | { kind: "text-number"; text: string; value: number; style: NumberStyle }
    | { kind: "text"; text: string; englishReading?: number }
    | { kind: "error"; code: string }
    | { kind: "date" | "boolean"; shown: string }
  );

export const notANumber: SheetRule<"not-a-number", NotANumberParams> = {
  id: "not-a-number",
  severity: "error",
  tags: ["sheet", "format"],
  label: { vi: "Không phải số", en: "Not a number" },
  message: {
    vi: (p, f) => {
      switch (p.kind) {
        case "text-number":
          return `ô chứa văn bản ${f.quote(p.text)}, đọc được là ${f.number(p.value, p.style)}; nên lưu dạng số.`;
        case "text": {
          const hint =
            p.englishReading === undefined
              ? ""
              : ` (có thể máy đặt dấu phân cách kiểu Anh: ${FORMATS.en.number(p.englishReading)}?)`;
          return `cột này phải là số nhưng ô ghi ${f.quote(p.text)}, không đọc được thành số${hint}.`;
        }
        case "error":
          return `ô có giá trị lỗi ${p.code} thay vì một số; kiểm tra công thức.`;
        default:
          return `cột này phải là số nhưng ô chứa ${p.kind === "date" ? "ngày" : "giá trị đúng/sai"} ${p.shown}; kiểm tra định dạng ô.`;
      }
    },
    en: (p, f) => {
      switch (p.kind) {
        case "text-number":
          return `the cell holds the text ${f.quote(p.text)}, read as ${f.number(p.value, p.style)}; store it as a number.`;
        case "text": {
          const hint =
            p.englishReading === undefined ? "" : ` (English separators would read ${f.number(p.englishReading)})`;
          return `this column must hold numbers but the cell says ${f.quote(p.text)}, which is not a number${hint}.`;
        }
        case "error":
          return `the cell shows the error ${p.code} instead of a number; check its formula.`;
        default:
          return `this column must hold numbers but the cell holds a ${p.kind} ${p.shown}; check the cell format.`;
      }
    },
  },
  examples: [
    { kind: "text-number", text: "2.120", value: 2120, style: {}, expected: 2120, actual: "2.120" },
    { kind: "text", text: "224.591,5", englishReading: 224.5915, actual: "224.591,5" },
    { kind: "error", code: "#REF!", actual: "#REF!" },
    { kind: "date", shown: "2024-03-01", actual: "2024-03-01" },
  ],
  check(table) {
    const findings: Finding[] = [];
    for (const ref of numericCells(table)) {
      const parsed = ref.parsed;
      const place = { sheet: table.sheet, cell: ref.address };
      if (parsed.kind === "number" && parsed.fromText) {
        const style = { percent: parsed.percent, maxDecimals: parsed.decimals };
        findings.push(
          makeFinding(
            this,
            { ...place, severity: "warning" },
            {
              kind: "text-number",
              text: ref.text,
              value: parsed.value,
              style,
              expected: parsed.value,
              actual: ref.text,
            },
          ),
        );
      } else if (parsed.kind === "text" && !DASH.test(parsed.text)) {
        const english = englishReading(parsed.text);
        findings.push(
          makeFinding(this, place, {
            kind: "text",
            text: parsed.text,
            ...(english === undefined ? {} : { englishReading: english }),
            actual: parsed.text,
          }),
        );
      } else if (parsed.kind === "error") {
        findings.push(makeFinding(this, place, { kind: "error", code: parsed.code, actual: parsed.code }));
      } else if (parsed.kind === "date" || parsed.kind === "boolean") {
        const shown = parsed.kind === "date" ? parsed.iso : String(parsed.value);
        findings.push(makeFinding(this, place, { kind: parsed.kind, shown, actual: shown }));
      }
    }
    return findings;
  },
};
