/**
 * `out-of-range`: a share below 0 % or above 100 % in a share column (the percent columns other
 * than Tỷ lệ so với KH, which may well exceed 100 %), and a negative count or amount in a number
 * column. Kế hoạch and Thực hiện are not share columns: growth rates and "per 100 inhabitants"
 * indicators legitimately exceed 100 — except (a warning) the result of an indicator that is a share
 * of a whole: its label is a `Tỷ lệ …` (`Tỷ lệ hộ…`, `Tỷ lệ dân số…`, `Tỷ lệ cơ quan…`) that is not
 * measured against something else (`so với`, `tăng`, `giảm`, `vượt`), and its target is a percentage
 * of at most 100 %. Coverage cannot exceed the whole; a rate against a target can.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { CellRef, Table, TableRow, Target } from "../model";
import type { ColumnRole } from "../template";
import { foldTidy } from "../text";
import { isEntry, ownOrInherited, resultValueOf, targetOf } from "./cells";
import type { SheetRule } from "./rule";

type OutOfRangeParams = FindingParams & { actual: number; expected: number } & (
    | { kind: "share"; difference: number }
    /** The result of a share-of-a-whole indicator above 100 % (a warning). */
    | { kind: "whole"; difference: number; indicator: string }
    /** A negative amount (kinh-phi) or count. */
    | { kind: "negative"; of: "amount" | "count" }
  );

const SHARE_OF_WHOLE = /^ty le\b(?!.*\b(so voi|tang|giam|vuot)\b)/;

function percentAtMost100(target: Target): boolean {
  switch (target.kind) {
    case "atLeast":
    case "atMost":
      return target.percent && target.value <= 100;
    case "range":
      return target.percent && target.max <= 100;
    default:
      return false;
  }
}

/** The result of a share-of-a-whole indicator above 100 %, if the row has one. */
function shareAbove100(table: Table, row: TableRow): { ref: CellRef; value: number } | undefined {
  const ref = row.cells.actual;
  if (!ref || !isEntry(row)) return undefined;
  // The label is folded only for the few results above 100 %: folding every row's showed in profiles.
  const result = resultValueOf(ref);
  if (!result?.percent || result.value <= 100 || !SHARE_OF_WHOLE.test(foldTidy(row.label))) return undefined;
  return percentAtMost100(targetOf(table, ownOrInherited(row, "target"))) ? { ref, value: result.value } : undefined;
}

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
      if (p.kind === "whole")
        return (
          `kết quả ${f.number(p.actual, { percent: true })} vượt 100% (vượt ${f.number(p.difference, { percent: true })}) ` +
          `trong khi chỉ tiêu ${f.quote(p.indicator)} là tỷ lệ trên một tổng thể, không thể quá 100%.`
        );
      if (p.kind === "negative")
        return `${p.of === "amount" ? "kinh phí" : "số lượng"} ${f.number(p.actual)} là số âm; phải từ 0 trở lên.`;
      const style = { percent: true };
      return (
        `tỷ lệ ${f.number(p.actual, style)} nằm ngoài khoảng 0%–100% (${p.actual < 0 ? "thấp hơn" : "vượt"} ` +
        `${f.number(p.expected, style)} là ${f.number(p.difference, style)}).`
      );
    },
    en: (p, f) => {
      if (p.kind === "whole")
        return (
          `the result ${f.number(p.actual, { percent: true })} exceeds 100% (by ${f.number(p.difference, { percent: true })}) ` +
          `while the indicator ${f.quote(p.indicator)} is a share of a whole, which cannot exceed 100%.`
        );
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
    { kind: "whole", actual: 104, expected: 100, difference: 4, indicator: "Tỷ lệ hộ gia đình có internet cáp quang" },
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
      const over = shareAbove100(table, row);
      if (over) {
        findings.push(
          makeFinding(
            this,
            { sheet: table.sheet, cell: over.ref.address, severity: "warning" },
            { kind: "whole", actual: over.value, expected: 100, difference: over.value - 100, indicator: row.label },
          ),
        );
      }
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
