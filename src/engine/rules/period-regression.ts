/**
 * `period-regression` (spec §4, §9): a cumulative figure (a count of dossiers, visits, accounts, an
 * amount collected or disbursed) lower than the same indicator's figure in an earlier period of the
 * same year — 9 tháng below 6 tháng. Needs the previous period's workbook (`--previous`, the pane's
 * picker); says in a note which file, sheet and periods it compared.
 *
 * Decisions: which indicators are cumulative is the template's data (templates/cumulative.ts); a
 * percentage, a share or rate, or an indicator neither ĐVT nor wording settles is never judged. When
 * the periods are known to be of different years, or the previous one is not earlier, nothing is
 * compared (the note says why). Service counts per unit (dich-vu-cong) are stocks, not year-to-date
 * sums: the seeds' own totals fall (2.150 in quý I, 2.016 at 6 tháng, 2024), so they are not judged.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { Words } from "../locale";
import { isCumulative } from "../periods/cumulative";
import { periodText } from "../periods/period";
import { periodComparison, periodNote, type PeriodComparison } from "../periods/previous";
import { whereOf, whereText, type Where } from "../periods/where";
import type { Table, TableRow } from "../model";
import { resultValueOf } from "./cells";
import { isIndicatorSheet } from "./plan-mismatch";
import type { SheetRule } from "./rule";

interface PeriodRegressionParams extends FindingParams {
  indicator: string;
  /** This period's figure and the earlier one's (where it is written), and the periods' names. */
  actual: number;
  expected: number;
  difference: number;
  now: Words;
  before: Words;
  where: Where;
}

type Rule = typeof periodRegression;

function fell(
  rule: Rule,
  table: Table,
  comparison: PeriodComparison,
  row: TableRow,
  ref: TableRow,
): Finding | undefined {
  const cell = row.cells.actual;
  const now = resultValueOf(cell);
  const before = resultValueOf(ref.cells.actual);
  if (!cell || !now || !before || !isCumulative(table.template.cumulative, row, now.percent || before.percent)) {
    return undefined;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(before.value));
  if (now.value >= before.value - tolerance) return undefined;
  const { pairing, current, previous } = comparison;
  const refCell = ref.cells.actual!.address;
  const difference = before.value - now.value;
  return makeFinding(
    rule,
    { sheet: table.sheet, cell: cell.address },
    {
      indicator: row.label,
      actual: now.value,
      expected: before.value,
      difference,
      now: { vi: periodText(current) || "kỳ này", en: periodText(current, "en") || "this period" },
      before: { vi: periodText(previous) || "kỳ trước", en: periodText(previous, "en") || "the previous period" },
      where: whereOf(pairing.book, pairing.ref, refCell),
    },
  );
}

export const periodRegression: SheetRule<"period-regression", PeriodRegressionParams> = {
  id: "period-regression",
  severity: "warning",
  tags: ["sheet", "periods"],
  label: { vi: "Số lũy kế giảm so với kỳ trước", en: "Cumulative figure fell" },
  message: {
    vi: (p, f) =>
      `${f.quote(p.indicator)} ${p.now.vi} là ${f.number(p.actual)}, thấp hơn ${p.before.vi} là ${f.number(p.expected)} ` +
      `(${whereText(p.where, "vi")}; chênh lệch ${f.number(p.difference)}): số lũy kế trong năm không giảm giữa các kỳ.`,
    en: (p, f) =>
      `${f.quote(p.indicator)} for ${p.now.en} is ${f.number(p.actual)}, below ${p.before.en} at ${f.number(p.expected)} ` +
      `(${whereText(p.where, "en")}; difference ${f.number(p.difference)}): a year-to-date figure does not fall between periods.`,
  },
  examples: [
    {
      indicator: "Số hồ sơ trực tuyến",
      actual: 1200,
      expected: 1350,
      difference: 150,
      now: { vi: "9 tháng năm 2024", en: "9 months 2024" },
      before: { vi: "6 tháng năm 2024", en: "6 months 2024" },
      where: { file: "6-thang.xlsx", sheet: "Phụ lục I", cell: "E14" },
    },
  ],
  check(table, ctx) {
    const book = ctx.references?.previous;
    if (!book) return [];
    const comparison = periodComparison(table, book, ctx.file);
    ctx.note?.(periodNote(table, book, comparison));
    if (!comparison?.cumulative || !isIndicatorSheet(table)) return [];
    const findings: Finding[] = [];
    for (const { row, ref } of comparison.pairing.pairs) {
      const finding = fell(this, table, comparison, row, ref);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
