/**
 * `plan-mismatch` (spec §4, §9): the Kế hoạch a result sheet states differs from the approved plan's
 * target for the same indicator — the unit that quietly lowers its target to be Đạt. Needs the plan
 * (`--plan`, the pane's plan picker); without one it does nothing.
 *
 * Also against the plan:
 * - attainment and Đánh giá are computed against the approved target: the mismatch message says what
 *   the result is worth against it; a row that states no target of its own (a ket-qua sheet) gets
 *   `assessment-contradiction` when its Đánh giá contradicts the approved target, naming that target;
 * - an indicator of the plan absent from the sheet is `missing-report` (warning). When the sheet has
 *   an Đơn vị chủ trì column, only the plan's indicators led by the units the sheet reports for are
 *   expected (a unit's sheet carrying only its own rows is not missing the others').
 *
 * Decisions: only targets with figures are compared (text targets are assessed by hand); a blank
 * Kế hoạch in the sheet is not a mismatch (the approved one is used). A near match (a retyped
 * indicator) is said in a note and neither compared nor counted missing.
 */
import { computeAttainment } from "../attainment";
import type { Finding } from "../finding";
import { buildFinding, enNumber, quote, vnNumber } from "../messages";
import type { Table, TableRow, Target } from "../model";
import { parseAssessment } from "../parse/assessment";
import { bestPairing, type Pairing, type ReferenceBook } from "../periods/reference";
import { hasFigures, sameTarget } from "../periods/sameTarget";
import { labelAddress, whereEn, whereVi } from "../periods/where";
import { matchUnit, splitUnits, type UnitDef } from "../units";
import { resultValueOf, targetOf } from "./cells";
import type { Rule, RuleContext } from "./rule";

const MET = new Set(["Đạt", "Vượt"]);
const MISSED = new Set(["Chưa đạt", "Không đạt"]);

/** A sheet of indicators with targets or results (chi-tieu, ket-qua), not a budget or a services count. */
export function isIndicatorSheet(table: Table): boolean {
  const { indicator, target, actual } = table.columns;
  return indicator !== undefined && (target !== undefined || actual !== undefined);
}

/** The plan sheet a result sheet answers to: one that states targets. */
export function planPairing(table: Table, plan: ReferenceBook): Pairing | undefined {
  return bestPairing(table, plan, (ref) => ref.columns.target !== undefined);
}

interface Against {
  table: Table;
  pairing: Pairing;
  row: TableRow;
  ref: TableRow;
  approved: Target;
}

/** ` Tính theo kế hoạch được duyệt: kết quả 68% đạt 97,1% kế hoạch, “Chưa đạt” (bảng ghi “Vượt”).` */
function attainmentDetail({ row, approved }: Against): { vi: string; en: string } {
  const result = resultValueOf(row.cells.actual);
  if (!result) return { vi: "", en: "" };
  const { ratio, verdict } = computeAttainment(approved, result.value);
  if (!verdict) return { vi: "", en: "" };
  const style = { percent: result.percent };
  const stated = row.cells.assessment?.text ? parseAssessment(row.cells.assessment.text) : undefined;
  const ratioVi = ratio === undefined ? "" : ` đạt ${vnNumber(ratio, { percent: true, maxDecimals: 1 })} kế hoạch,`;
  const ratioEn = ratio === undefined ? "" : ` is ${enNumber(ratio, { percent: true, maxDecimals: 1 })} of the target,`;
  return {
    vi: ` Tính theo kế hoạch được duyệt: kết quả ${vnNumber(result.value, style)}${ratioVi} “${verdict}”${stated ? ` (bảng ghi “${stated}”)` : ""}.`,
    en: ` Against the approved target: the result ${enNumber(result.value, style)}${ratioEn} “${verdict}”${stated ? ` (the sheet says “${stated}”)` : ""}.`,
  };
}

function mismatch(rule: Rule, against: Against, own: Target, ownCell: string): Finding {
  const { table, pairing, ref, approved } = against;
  const planCell = ref.cells.target?.address ?? labelAddress(ref);
  const detail = attainmentDetail(against);
  return buildFinding(table, rule, {
    cell: ownCell,
    vi:
      `Kế hoạch ghi ${quote(own.text)} nhưng kế hoạch được duyệt của chỉ tiêu ${quote(against.row.label)} là ` +
      `${quote(approved.text)} (${whereVi(pairing.book, pairing.ref, planCell)}).${detail.vi}`,
    en:
      `the target states ${quote(own.text)} but the approved target of ${quote(against.row.label)} is ` +
      `${quote(approved.text)} (${whereEn(pairing.book, pairing.ref, planCell)}).${detail.en}`,
    expected: approved.text,
    actual: own.text,
  });
}

/** Đánh giá of a row without its own target, judged against the approved one. */
function assessmentAgainstPlan(against: Against): Finding | undefined {
  const { table, pairing, row, ref, approved } = against;
  const cell = row.cells.assessment;
  const assessment = cell?.text ? parseAssessment(cell.text) : undefined;
  const result = resultValueOf(row.cells.actual);
  if (!cell || !assessment || !result) return undefined;
  const { verdict } = computeAttainment(approved, result.value);
  if (!verdict) return undefined;
  const met = verdict !== "Chưa đạt";
  if (met ? !MISSED.has(assessment) : !MET.has(assessment)) return undefined;
  const planCell = ref.cells.target?.address ?? labelAddress(ref);
  const style = { percent: result.percent };
  return buildFinding(
    table,
    { id: "assessment-contradiction", severity: "error" },
    {
      cell: cell.address,
      vi:
        `Đánh giá ghi “${assessment}” nhưng kết quả ${vnNumber(result.value, style)} so với kế hoạch được duyệt ` +
        `${quote(approved.text)} (${whereVi(pairing.book, pairing.ref, planCell)}) là “${verdict}” ` +
        `(${met ? "đã đạt chỉ tiêu" : "chưa đạt chỉ tiêu"}).`,
      en:
        `the assessment says “${assessment}” but the result ${enNumber(result.value, style)} against the approved target ` +
        `${quote(approved.text)} (${whereEn(pairing.book, pairing.ref, planCell)}) is “${verdict}” ` +
        `(${met ? "the target is met" : "the target is not met"}).`,
      expected: verdict,
      actual: assessment,
    },
  );
}

function leadUnitsOf(text: string, units: UnitDef[]): string[] {
  return splitUnits(text, units).map((part) => matchUnit(part, units)?.id ?? part);
}

/** The plan rows this sheet must report: rows with a target, led by a unit the sheet reports for. */
function expectedRows(table: Table, ref: Table, units: UnitDef[]): TableRow[] {
  const withTarget = ref.rows.filter(
    (row) => row.kind !== "total" && row.kind !== "subtotal" && row.cells.target?.text,
  );
  if (table.columns.leadUnit === undefined || ref.columns.leadUnit === undefined) return withTarget;
  const reported = new Set(table.rows.flatMap((row) => leadUnitsOf(row.cells.leadUnit?.text ?? "", units)));
  if (reported.size === 0) return withTarget;
  return withTarget.filter((row) => leadUnitsOf(row.cells.leadUnit?.text ?? "", units).some((u) => reported.has(u)));
}

function missingReport(table: Table, pairing: Pairing, ref: TableRow): Finding {
  const cell = labelAddress(ref);
  const target = targetOf(pairing.ref, ref.cells.target).text;
  return buildFinding(
    table,
    { id: "missing-report", severity: "warning" },
    {
      cell: table.headerAddress,
      vi:
        `chỉ tiêu ${quote(ref.label)} (kế hoạch ${quote(target)}, ${whereVi(pairing.book, pairing.ref, cell)}) ` +
        `có trong kế hoạch được duyệt nhưng không có trong trang tính này.`,
      en:
        `the indicator ${quote(ref.label)} (target ${quote(target)}, ${whereEn(pairing.book, pairing.ref, cell)}) ` +
        `is in the approved plan but not in this sheet.`,
      expected: ref.label,
      actual: null,
    },
  );
}

function notePairing(ctx: RuleContext, table: Table, plan: ReferenceBook, pairing: Pairing | undefined): void {
  if (!pairing) {
    ctx.note?.(
      `Trang tính “${table.sheet}” không có đủ chỉ tiêu của kế hoạch được duyệt (tệp ${plan.file}) để so sánh; ` +
        `chưa so với kế hoạch.`,
    );
    return;
  }
  ctx.note?.(
    `Đã so với kế hoạch được duyệt: tệp ${plan.file}, trang tính “${pairing.ref.sheet}” ` +
      `(${pairing.pairs.length} dòng khớp).`,
  );
  for (const near of pairing.proposals) {
    ctx.note?.(
      `Dòng ${quote(near.row.label)} (ô ${labelAddress(near.row)}) gần giống chỉ tiêu ${quote(near.ref.label)} của kế hoạch ` +
        `(ô ${labelAddress(near.ref)}, giống ${Math.round(near.similarity * 100)}%) nhưng không trùng tên; ` +
        `chưa so sánh — hãy ghi đúng tên chỉ tiêu như kế hoạch.`,
    );
  }
}

export const planMismatch: Rule = {
  id: "plan-mismatch",
  severity: "error",
  check(table, ctx) {
    const plan = ctx.references?.plan;
    if (!plan || !isIndicatorSheet(table)) return [];
    const pairing = planPairing(table, plan);
    notePairing(ctx, table, plan, pairing);
    if (!pairing) return [];
    const findings: Finding[] = [];
    for (const { row, ref } of pairing.pairs) {
      const approved = targetOf(pairing.ref, ref.cells.target);
      if (!hasFigures(approved)) continue;
      const against: Against = { table, pairing, row, ref, approved };
      const ownRef = row.cells.target;
      const own = targetOf(table, ownRef);
      if (ownRef && hasFigures(own)) {
        if (!sameTarget(own, approved)) findings.push(mismatch(this, against, own, ownRef.address));
      } else if (own.kind === "empty") {
        const finding = assessmentAgainstPlan(against);
        if (finding) findings.push(finding);
      }
    }
    const seen = new Set([...pairing.pairs, ...pairing.proposals].map((p) => p.ref));
    for (const ref of expectedRows(table, pairing.ref, ctx.units)) {
      if (!seen.has(ref)) findings.push(missingReport(table, pairing, ref));
    }
    return findings;
  },
};
