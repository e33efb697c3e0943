/**
 * `out-of-range`: a share below 0 % or above 100 % in a share column (the percent columns other
 * than Tỷ lệ so với KH, which may well exceed 100 %), and a negative count or amount in a number
 * column. Kế hoạch and Thực hiện are not share columns: growth rates and "per 100 inhabitants"
 * indicators legitimately exceed 100.
 */
import type { Finding } from "../finding";
import { buildFinding, enNumber, vnNumber } from "../messages";
import type { CellRef, Table } from "../model";
import type { ColumnRole } from "../template";
import type { Rule } from "./rule";

function columnsOfKind(table: Table, kind: "number" | "percent"): ColumnRole[] {
  return table.template.columns
    .filter((column) => column.kind === kind && column.role !== "amount" && column.role !== "ratio")
    .map((column) => column.role);
}

export const outOfRange: Rule = {
  id: "out-of-range",
  severity: "error",
  check(table) {
    const findings: Finding[] = [];
    const shareRoles = columnsOfKind(table, "percent");
    // Summable count columns are both roles and amount columns: each cell is judged once, as an amount.
    const amountCols = new Set(table.amountColumns.map((amount) => amount.col));
    const countRoles = columnsOfKind(table, "number").filter(
      (role) => table.columns[role] === undefined || !amountCols.has(table.columns[role]),
    );
    const what =
      table.templateId === "kinh-phi" ? { vi: "kinh phí", en: "the amount" } : { vi: "số lượng", en: "the count" };
    const share = (ref: CellRef, value: number) => {
      const bound = value < 0 ? 0 : 100;
      const style = { percent: true };
      findings.push(
        buildFinding(table, this, {
          cell: ref.address,
          vi: `tỷ lệ ${vnNumber(value, style)} nằm ngoài khoảng 0%–100% (${value < 0 ? "thấp hơn" : "vượt"} ${vnNumber(bound, style)} là ${vnNumber(Math.abs(value - bound), style)}).`,
          en: `the share ${enNumber(value, style)} is outside 0%–100% (${value < 0 ? "below" : "above"} ${enNumber(bound, style)} by ${enNumber(Math.abs(value - bound), style)}).`,
          expected: bound,
          actual: value,
        }),
      );
    };
    const negative = (ref: CellRef, value: number, what: { vi: string; en: string }) =>
      findings.push(
        buildFinding(table, this, {
          cell: ref.address,
          vi: `${what.vi} ${vnNumber(value)} là số âm; phải từ 0 trở lên.`,
          en: `${what.en} ${enNumber(value)} is negative; it must be 0 or more.`,
          expected: 0,
          actual: value,
        }),
      );
    for (const row of table.rows) {
      for (const role of shareRoles) {
        const ref = row.cells[role];
        if (ref?.parsed.kind === "number" && (ref.parsed.value < 0 || ref.parsed.value > 100))
          share(ref, ref.parsed.value);
      }
      for (const role of countRoles) {
        const ref = row.cells[role];
        if (ref?.parsed.kind === "number" && ref.parsed.value < 0) negative(ref, ref.parsed.value, what);
      }
      for (const ref of row.amounts) {
        if (ref.parsed.kind === "number" && ref.parsed.value < 0) negative(ref, ref.parsed.value, what);
      }
    }
    return findings;
  },
};
