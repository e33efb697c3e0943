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
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { LocaleFormat, Words } from "../locale";
import type { CellRef, Table, TableRow } from "../model";
import { periodText } from "../periods/period";
import { periodComparison, type PeriodComparison } from "../periods/previous";
import { whereOf, whereText, type Where } from "../periods/where";
import type { ColumnRole } from "../template";
import { isEntry, numberOf, resultValueOf } from "./cells";
import type { SheetRule } from "./rule";
import { columnName } from "../headerText";

/** `gấp 1.000 lần` (times) or `chỉ bằng 1/1.000` (part). */
interface Factor {
  kind: "times" | "part";
  n: number;
}

type OutlierParams = FindingParams & { label: string; actual: number; expected: number; factor: Factor } & (
    { kind: "units"; column: string; units: number } | { kind: "previous"; before: Words; where: Where }
  );

type Rule = typeof outlier;

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

function factorOf(value: number, base: number): Factor {
  const ratio = value / base;
  return ratio >= 1 ? { kind: "times", n: Math.round(ratio) } : { kind: "part", n: Math.round(1 / ratio) };
}

function factorText(factor: Factor, f: LocaleFormat): string {
  if (f.locale === "vi")
    return factor.kind === "times" ? `gấp ${f.number(factor.n)} lần` : `chỉ bằng 1/${f.number(factor.n)}`;
  return factor.kind === "times" ? `${f.number(factor.n)} times` : `1/${f.number(factor.n)} of`;
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
      findings.push(
        makeFinding(
          rule,
          { sheet: table.sheet, cell: ref.address },
          {
            kind: "units",
            label: row.label,
            column: columnName(table, ref.col),
            units: cells.length,
            factor: factorOf(value, centre),
            expected: centre,
            actual: value,
          },
        ),
      );
    }
  }
  return findings;
}

function acrossPeriods(rule: Rule, table: Table, comparison: PeriodComparison): Finding[] {
  const { pairing, previous } = comparison;
  const findings: Finding[] = [];
  const beforeWords = {
    vi: periodText(previous) || "kỳ trước",
    en: periodText(previous, "en") || "the previous period",
  };
  const check = (row: TableRow, ref: TableRow, role: ColumnRole) => {
    const cell = row.cells[role];
    const before = ref.cells[role];
    const now = figureOf(cell);
    const then = figureOf(before);
    if (!cell || !before || now === undefined || then === undefined || now * then <= 0) return;
    const ratio = now / then;
    if (ratio < PERIOD_FACTOR && ratio > 1 / PERIOD_FACTOR) return;
    findings.push(
      makeFinding(
        rule,
        { sheet: table.sheet, cell: cell.address },
        {
          kind: "previous",
          label: row.label,
          before: beforeWords,
          where: whereOf(pairing.book, pairing.ref, before.address),
          factor: factorOf(now, then),
          expected: then,
          actual: now,
        },
      ),
    );
  };
  for (const { row, ref } of pairing.pairs) {
    for (const role of FIGURE_ROLES) if (table.columns[role] !== undefined) check(row, ref, role);
  }
  return findings;
}

export const outlier: SheetRule<"outlier", OutlierParams> = {
  id: "outlier",
  severity: "warning",
  tags: ["sheet", "merge", "periods"],
  label: { vi: "Số liệu bất thường", en: "Outlier" },
  message: {
    vi: (p, f) =>
      p.kind === "units"
        ? `${f.quote(p.label)} ghi ${f.quote(p.column)} là ${f.number(p.actual)}, ${factorText(p.factor, f)} trung vị của ` +
          `${p.units} đơn vị (${f.number(p.expected)}): khác xa các đơn vị còn lại — có thể nhập sai đơn vị hoặc dấu phân cách hàng nghìn.`
        : `${f.quote(p.label)} ghi ${f.number(p.actual)}, ${factorText(p.factor, f)} ${p.before.vi} (${f.number(p.expected)}, ` +
          `${whereText(p.where, "vi")}): có thể nhập sai đơn vị hoặc dấu phân cách hàng nghìn.`,
    en: (p, f) =>
      p.kind === "units"
        ? `${f.quote(p.label)} states ${f.quote(p.column)} ${f.number(p.actual)}, ${factorText(p.factor, f)} the median of ` +
          `${p.units} units (${f.number(p.expected)}): far from the other units — possibly a wrong unit or thousands separator.`
        : `${f.quote(p.label)} states ${f.number(p.actual)}, ${factorText(p.factor, f)} ${p.before.en} (${f.number(p.expected)}, ` +
          `${whereText(p.where, "en")}): possibly a wrong unit or thousands separator.`,
  },
  examples: [
    {
      kind: "units",
      label: "Huyện Chợ Mới",
      column: "Tổng số DVC",
      units: 11,
      factor: { kind: "times", n: 1000 },
      expected: 296,
      actual: 296000,
    },
    {
      kind: "previous",
      label: "Số hồ sơ trực tuyến",
      before: { vi: "6 tháng năm 2024", en: "6 months 2024" },
      where: { file: "6-thang.xlsx", sheet: "Phụ lục I", cell: "E14" },
      factor: { kind: "part", n: 1000 },
      expected: 1350,
      actual: 1.35,
    },
  ],
  check(table, ctx) {
    const findings = acrossUnits(this, table);
    const book = ctx.references?.previous;
    const comparison = book && periodComparison(table, book, ctx.file);
    if (comparison) findings.push(...acrossPeriods(this, table, comparison));
    return findings;
  },
};
