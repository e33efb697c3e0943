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
import type { Finding } from "../finding";
import { buildFinding, enNumber, quote, vnNumber } from "../messages";
import { isCumulative } from "../periods/cumulative";
import { periodText } from "../periods/period";
import { periodComparison, periodNote, type PeriodComparison } from "../periods/previous";
import { whereEn, whereVi } from "../periods/where";
import type { Table, TableRow } from "../model";
import { resultValueOf } from "./cells";
import { isIndicatorSheet } from "./plan-mismatch";
import type { Rule } from "./rule";

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
  const nowVi = periodText(current) || "kỳ này";
  const nowEn = periodText(current, "en") || "this period";
  const beforeVi = periodText(previous) || "kỳ trước";
  const beforeEn = periodText(previous, "en") || "the previous period";
  const difference = before.value - now.value;
  return buildFinding(table, rule, {
    cell: cell.address,
    vi:
      `${quote(row.label)} ${nowVi} là ${vnNumber(now.value)}, thấp hơn ${beforeVi} là ${vnNumber(before.value)} ` +
      `(${whereVi(pairing.book, pairing.ref, refCell)}; chênh lệch ${vnNumber(difference)}): số lũy kế trong năm không giảm giữa các kỳ.`,
    en:
      `${quote(row.label)} for ${nowEn} is ${enNumber(now.value)}, below ${beforeEn} at ${enNumber(before.value)} ` +
      `(${whereEn(pairing.book, pairing.ref, refCell)}; difference ${enNumber(difference)}): a year-to-date figure does not fall between periods.`,
    expected: before.value,
    actual: now.value,
  });
}

export const periodRegression: Rule = {
  id: "period-regression",
  severity: "warning",
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
