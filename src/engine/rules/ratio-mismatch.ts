/**
 * `ratio-mismatch`: a stated percentage that differs from the numerator/denominator written beside
 * it (`179/188` and `94,2%`), in the same cell (`94,2% (179/188)`) or in the nearest percentage
 * cell of the same row. Only result-like columns are read (Thực hiện/Kết quả, Ghi chú, rates): the
 * indicator text is full of document numbers (`12/2022/TT-BTTTT`), and Kế hoạch and Tỷ lệ so với KH
 * are other quantities. Every ratio of a prose cell is checked against the percentage stated for
 * it in the same clause (findRatioClaims: `179/188 cơ quan, đạt tỉ lệ 94,2%`); a cell holding only a
 * ratio is checked against the nearest percentage cell of its row. In dich-vu-cong, a tích hợp cell stating its share (`1.355 (100%)`) is
 * checked against tích hợp / (một phần + toàn trình). Tolerance: rounding or truncation (spec §4).
 */
import { makeFinding, type Finding } from "../finding";
import { mismatch, MISMATCH_MESSAGE, roundTo, type MismatchParams } from "../messages";
import type { CellRef, Table, TableRow } from "../model";
import { NUMBER_PATTERN, numberFromDigits } from "../parse/number";
import { findRatioClaims, parseRatioText, ratioPercent, type RatioText } from "../parse/ratioText";
import type { ColumnRole } from "../template";
import { matchesStated } from "../tolerance";
import { numberOf, PERCENT_IN_TEXT, percentInText, type Stated } from "./cells";
import type { SheetRule } from "./rule";

const RESULT_ROLES: ColumnRole[] = ["actual", "onTimeRate", "dvcIntegrated", "note"];
const COUNT_IN_TEXT = new RegExp(`(?<![\\d.,%])(${NUMBER_PATTERN})(?![.,]?\\d)(?!\\s*%)`);

function percentOf(ref: CellRef): Stated | undefined {
  const parsed = ref.parsed;
  if (parsed.kind === "number") return parsed.percent ? { value: parsed.value, decimals: parsed.decimals } : undefined;
  return parsed.kind === "text" ? percentInText(parsed.text) : undefined;
}

function ratioOf(ref: CellRef): RatioText | undefined {
  return ref.parsed.kind === "text" ? parseRatioText(ref.text) : undefined;
}

type Rule = typeof ratioMismatch;
const SUBJECT = { vi: "Tỷ lệ", en: "The percentage" };

function percentMismatch(
  rule: Rule,
  table: Table,
  cell: string,
  stated: Stated,
  computed: number,
  basis: string,
  basisEn: string,
): Finding[] {
  if (matchesStated(stated.value, stated.decimals, computed)) return [];
  // At least one decimal, so "ghi 94% nhưng … là 95,2%" says more than "là 95%".
  const shown = Math.max(stated.decimals, 1);
  return [
    makeFinding(
      rule,
      { sheet: table.sheet, cell },
      mismatch({
        subject: SUBJECT,
        basis: { vi: basis, en: basisEn },
        actual: stated.value,
        expected: roundTo(computed, shown),
        style: { percent: true, maxDecimals: shown },
      }),
    ),
  ];
}

function checkRow(rule: Rule, table: Table, row: TableRow): Finding[] {
  const cells = RESULT_ROLES.map((role) => row.cells[role]).filter((ref): ref is CellRef => ref !== undefined);
  const findings: Finding[] = [];
  for (const ref of cells) {
    if (ref.parsed.kind !== "text") continue;
    // Every ratio of the cell's prose against the percentage stated for it (spec §3).
    const claims = findRatioClaims(ref.text);
    for (const claim of claims) {
      const computed = ratioPercent(claim);
      if (computed === undefined) continue;
      const own = { value: claim.statedPercent, decimals: claim.statedDecimals };
      findings.push(...percentMismatch(rule, table, ref.address, own, computed, claim.text, claim.text));
    }
    if (claims.length) continue;
    // A cell holding only `179/188`: its percentage is the nearest other cell of the row that states one.
    const ratio = ratioOf(ref);
    const computed = ratio && ratioPercent(ratio);
    if (!ratio || computed === undefined || ratio.statedPercent !== undefined) continue;
    const basis = ref.text.match(/[\d.,]+\s*\/\s*[\d.,]+/)?.[0] ?? `${ratio.numerator}/${ratio.denominator}`;
    const beside = cells
      .filter((other) => other !== ref && percentOf(other) !== undefined)
      .sort((a, b) => Math.abs(a.col - ref.col) - Math.abs(b.col - ref.col))[0];
    if (beside) {
      findings.push(
        ...percentMismatch(
          rule,
          table,
          beside.address,
          percentOf(beside)!,
          computed,
          `${basis} (ô ${ref.address})`,
          `${basis} (cell ${ref.address})`,
        ),
      );
    }
  }
  return findings;
}

/** dich-vu-cong: `1.355 (100%)` in the tích hợp cell against tích hợp / (một phần + toàn trình). */
function integratedShare(rule: Rule, table: Table, row: TableRow): Finding[] {
  const ref = row.cells.dvcIntegrated;
  const partial = numberOf(row.cells.dvcPartial);
  const full = numberOf(row.cells.dvcFull);
  if (!ref || ref.parsed.kind !== "text" || partial === undefined || full === undefined || partial + full <= 0)
    return [];
  const stated = percentInText(ref.text);
  const count = COUNT_IN_TEXT.exec(ref.text.replace(PERCENT_IN_TEXT, ""));
  if (!stated || !count) return [];
  const integrated = numberFromDigits(count[1]).value;
  const computed = (100 * integrated) / (partial + full);
  return percentMismatch(
    rule,
    table,
    ref.address,
    stated,
    computed,
    `tích hợp / (một phần + toàn trình) = ${count[1]}/${partial + full}`,
    `integrated / (partly + fully online) = ${count[1]}/${partial + full}`,
  );
}

export const ratioMismatch: SheetRule<"ratio-mismatch", MismatchParams> = {
  id: "ratio-mismatch",
  severity: "error",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Tỷ lệ không khớp tử/mẫu", en: "Ratio mismatch" },
  message: MISMATCH_MESSAGE,
  examples: [
    mismatch({
      subject: SUBJECT,
      basis: { vi: "179/188", en: "179/188" },
      actual: 94,
      expected: 95.2,
      style: { percent: true, maxDecimals: 1 },
    }),
  ],
  check(table) {
    const findings: Finding[] = [];
    for (const row of table.rows) {
      findings.push(...checkRow(this, table, row));
      if (table.template.policies.serviceParts) findings.push(...integratedShare(this, table, row));
    }
    return findings;
  },
};
