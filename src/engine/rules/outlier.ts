/**
 * `outlier` (spec §4, §9): a figure far out of line.
 * - Across units: in a sheet with one row per reporting unit (dịch vụ công), a unit's count far from
 *   the other units' for the same column. Robust: the median and the median absolute deviation (MAD)
 *   of the column; it fires only with at least MIN_UNITS units, when the modified z-score
 *   0,6745·|x − median| / MAD is above 3,5 (Iglewicz and Hoaglin's cut-off) — or the MAD is 0 and x is
 *   not the median — AND x is at least FAR times the median or at most 1/FAR of it. Units differ in
 *   size (a city and a rural district), so a few times the median is ordinary; two orders of magnitude
 *   is a typing slip (296.000 for 296). Zero counts are not judged (a unit may have none).
 * - Across periods: the same indicator's figure 1000× (from 10^2.5×) or 1/1000 of its value in the
 *   previous period's workbook (`--previous`): a number typed with the wrong separators or unit.
 * Both run in check and on the consolidated sheets of a merge (one row per unit there).
 */
import type { Finding } from "../finding";
import { buildFinding, enNumber, quote, vnNumber } from "../messages";
import type { CellRef, Table, TableRow } from "../model";
import { periodText } from "../periods/period";
import { periodComparison, type PeriodComparison } from "../periods/previous";
import { whereEn, whereVi } from "../periods/where";
import type { ColumnRole } from "../template";
import { isEntry, numberOf, resultValueOf } from "./cells";
import type { Rule } from "./rule";

export const MIN_UNITS = 5;
const FAR = 100;
const Z_CUTOFF = 3.5;
const PERIOD_FACTOR = 10 ** 2.5;

/** The figures compared: results and the service counts (targets, ratios and assessments are other rules'). */
const FIGURE_ROLES: ColumnRole[] = [
  "actual",
  "dvcTotal",
  "dvcInfo",
  "dvcPartial",
  "dvcFull",
  "dvcIntegrated",
  "onTimeRate",
];

function figureOf(ref: CellRef | undefined): number | undefined {
  return ref?.parsed.kind === "number" ? ref.parsed.value : resultValueOf(ref)?.value;
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function header(table: Table, ref: CellRef): string {
  return (table.headers[ref.col] ?? "").replace(/\s+/g, " ").trim();
}

/** “gấp 1.000 lần” / “chỉ bằng 1/1.000”. */
function factorText(value: number, base: number): { vi: string; en: string } {
  const ratio = value / base;
  if (ratio >= 1) {
    const times = Math.round(ratio);
    return { vi: `gấp ${vnNumber(times)} lần`, en: `${enNumber(times)} times` };
  }
  const part = Math.round(1 / ratio);
  return { vi: `chỉ bằng 1/${vnNumber(part)}`, en: `1/${enNumber(part)} of` };
}

function acrossUnits(rule: Rule, table: Table): Finding[] {
  if (table.columns.reportingUnit === undefined) return [];
  const rows = table.rows.filter(isEntry);
  if (rows.length < MIN_UNITS) return [];
  const findings: Finding[] = [];
  for (const role of FIGURE_ROLES) {
    if (table.columns[role] === undefined) continue;
    const cells = rows.flatMap((row) => {
      const ref = row.cells[role];
      const value = numberOf(ref);
      return ref && value !== undefined ? [{ row, ref, value }] : [];
    });
    if (cells.length < MIN_UNITS) continue;
    const sorted = cells.map((c) => c.value).sort((a, b) => a - b);
    const centre = median(sorted);
    const mad = median(sorted.map((v) => Math.abs(v - centre)).sort((a, b) => a - b));
    if (centre <= 0) continue;
    for (const { row, ref, value } of cells) {
      if (value <= 0) continue;
      const z = mad === 0 ? (value === centre ? 0 : Infinity) : (0.6745 * Math.abs(value - centre)) / mad;
      if (z <= Z_CUTOFF || (value < FAR * centre && value > centre / FAR)) continue;
      const factor = factorText(value, centre);
      const column = header(table, ref);
      findings.push(
        buildFinding(table, rule, {
          cell: ref.address,
          vi:
            `${quote(row.label)} ghi ${quote(column)} là ${vnNumber(value)}, ${factor.vi} trung vị của ` +
            `${cells.length} đơn vị (${vnNumber(centre)}): khác xa các đơn vị còn lại — có thể nhập sai đơn vị hoặc dấu phân cách hàng nghìn.`,
          en:
            `${quote(row.label)} states ${quote(column)} ${enNumber(value)}, ${factor.en} the median of ` +
            `${cells.length} units (${enNumber(centre)}): far from the other units — possibly a wrong unit or thousands separator.`,
          expected: centre,
          actual: value,
        }),
      );
    }
  }
  return findings;
}

function acrossPeriods(rule: Rule, table: Table, comparison: PeriodComparison): Finding[] {
  const { pairing, previous } = comparison;
  const findings: Finding[] = [];
  const beforeVi = periodText(previous) || "kỳ trước";
  const beforeEn = periodText(previous, "en") || "the previous period";
  const check = (row: TableRow, ref: TableRow, role: ColumnRole) => {
    const cell = row.cells[role];
    const before = ref.cells[role];
    const now = figureOf(cell);
    const then = figureOf(before);
    if (!cell || !before || now === undefined || then === undefined || now * then <= 0) return;
    const ratio = now / then;
    if (ratio < PERIOD_FACTOR && ratio > 1 / PERIOD_FACTOR) return;
    const factor = factorText(now, then);
    findings.push(
      buildFinding(table, rule, {
        cell: cell.address,
        vi:
          `${quote(row.label)} ghi ${vnNumber(now)}, ${factor.vi} ${beforeVi} (${vnNumber(then)}, ` +
          `${whereVi(pairing.book, pairing.ref, before.address)}): có thể nhập sai đơn vị hoặc dấu phân cách hàng nghìn.`,
        en:
          `${quote(row.label)} states ${enNumber(now)}, ${factor.en} ${beforeEn} (${enNumber(then)}, ` +
          `${whereEn(pairing.book, pairing.ref, before.address)}): possibly a wrong unit or thousands separator.`,
        expected: then,
        actual: now,
      }),
    );
  };
  for (const { row, ref } of pairing.pairs) {
    for (const role of FIGURE_ROLES) if (table.columns[role] !== undefined) check(row, ref, role);
  }
  return findings;
}

export const outlier: Rule = {
  id: "outlier",
  severity: "warning",
  check(table, ctx) {
    const findings = acrossUnits(this, table);
    const book = ctx.references?.previous;
    const comparison = book && periodComparison(table, book, ctx.file);
    if (comparison) findings.push(...acrossPeriods(this, table, comparison));
    return findings;
  },
};
