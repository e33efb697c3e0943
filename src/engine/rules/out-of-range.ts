/**
 * `out-of-range`: a share below 0 % or above 100 % in a share column (the percent columns other
 * than Tỷ lệ so với KH, which may well exceed 100 %), and a negative count or amount in a number
 * column. Kế hoạch and Thực hiện are not share columns: growth rates and "per 100 inhabitants"
 * indicators legitimately exceed 100.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { CellRef, Table } from "../model";
import type { ColumnRole } from "../template";
import type { SheetRule } from "./rule";

type OutOfRangeParams = FindingParams & { actual: number; expected: number } & (
    | { kind: "share"; difference: number }
    /** A negative amount (kinh-phi) or count. */
    | { kind: "negative"; of: "amount" | "count" }
  );

function columnsOfKind(table: Table, kind: "number" | "percent"): ColumnRole[] {
  return table.template.columns
    .filter((column) => column.kind === kind && column.role !== "amount" && column.role !== "ratio")
    .map((column) => column.role);
}

export const outOfRange: SheetRule<"out-of-range", OutOfRangeParams> = {
  id: "out-of-range",
  severity: "error",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Giá trị ngoài khoảng", en: "Out of range" },
  message: {
    vi: (p, f) => {
      if (p.kind === "negative")
        return `${p.of === "amount" ? "kinh phí" : "số lượng"} ${f.number(p.actual)} là số âm; phải từ 0 trở lên.`;
      const style = { percent: true };
      return (
        `tỷ lệ ${f.number(p.actual, style)} nằm ngoài khoảng 0%–100% (${p.actual < 0 ? "thấp hơn" : "vượt"} ` +
        `${f.number(p.expected, style)} là ${f.number(p.difference, style)}).`
      );
    },
    en: (p, f) => {
      if (p.kind === "negative")
        return `${p.of === "amount" ? "the amount" : "the count"} ${f.number(p.actual)} is negative; it must be 0 or more.`;
      const style = { percent: true };
      return (
        `the share ${f.number(p.actual, style)} is outside 0%–100% (${p.actual < 0 ? "below" : "above"} ` +
        `${f.number(p.expected, style)} by ${f.number(p.difference, style)}).`
      );
    },
  },
  examples: [
    { kind: "share", actual: 104.5, expected: 100, difference: 4.5 },
    { kind: "negative", of: "amount", actual: -6440, expected: 0 },
  ],
  check(table) {
    const findings: Finding[] = [];
    const shareRoles = columnsOfKind(table, "percent");
    // Summable count columns are both roles and amount columns: each cell is judged once, as an amount.
    const amountCols = new Set(table.amountColumns.map((amount) => amount.col));
    const countRoles = columnsOfKind(table, "number").filter(
      (role) => table.columns[role] === undefined || !amountCols.has(table.columns[role]),
    );
    const of = table.template.policies.figures === "amounts" ? "amount" : "count";
    const share = (ref: CellRef, value: number) => {
      const bound = value < 0 ? 0 : 100;
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: ref.address },
          { kind: "share", actual: value, expected: bound, difference: Math.abs(value - bound) },
        ),
      );
    };
    const negative = (ref: CellRef, value: number) =>
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: ref.address },
          { kind: "negative", of, actual: value, expected: 0 },
        ),
      );
    for (const row of table.rows) {
      for (const role of shareRoles) {
        const ref = row.cells[role];
        if (ref?.parsed.kind === "number" && (ref.parsed.value < 0 || ref.parsed.value > 100))
          share(ref, ref.parsed.value);
      }
      for (const role of countRoles) {
        const ref = row.cells[role];
        if (ref?.parsed.kind === "number" && ref.parsed.value < 0) negative(ref, ref.parsed.value);
      }
      for (const ref of row.amounts) {
        if (ref.parsed.kind === "number" && ref.parsed.value < 0) negative(ref, ref.parsed.value);
      }
    }
    return findings;
  },
};
