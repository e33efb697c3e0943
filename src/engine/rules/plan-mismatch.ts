/**
 * `plan-mismatch` (spec §4, §9): the Kế hoạch a result sheet states differs from the approved plan's
 * target for the same indicator — the unit that quietly lowers its target to be Đạt. Needs the plan
 * (`--plan`, the pane's plan picker); without one it does nothing.
 *
 * Also against the plan:
 * - attainment and Đánh giá are computed against the approved target: the mismatch message says what
 *   the result is worth against it; a row that states no target of its own (a ket-qua sheet) gets
 *   `assessment-contradiction` when its Đánh giá contradicts the approved target, naming that target;
 * - an indicator of the plan absent from the sheet is `missing-report` (warning), for the lead units
 *   the sheet reports for (a unit's sheet carrying only its own rows is not missing the others').
 *
 * Decisions: only targets with figures are compared (text targets are assessed by hand); a blank
 * Kế hoạch in the sheet is not a mismatch (the approved one is used). A near match (a retyped
 * indicator) is said in a note and neither compared nor counted missing.
 */
import { computeAttainment } from "../attainment";
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { LocaleFormat } from "../locale";
import type { NumberStyle } from "../messages";
import type { Table, TableRow, Target } from "../model";
import { makeNote } from "../notes/note";
import { planCompared, planNearMatch, planNotPaired } from "../notes/references";
import { parseAssessment } from "../parse/assessment";
import { bestPairing, type Pairing, type ReferenceBook } from "../periods/reference";
import { hasFigures, sameTarget } from "../periods/sameTarget";
import { labelAddress, whereOf, whereText, type Where } from "../periods/where";
import { matchUnit, splitUnits, type UnitDef } from "../units";
import { assessmentContradiction, contradiction } from "./assessment-contradiction";
import { perText, resultValueOf, targetOf } from "./cells";
import { missingReport } from "./missing-report";
import type { RuleContext, SheetRule } from "./rule";

/** What the result is worth against the approved target: `kết quả 68% đạt 97,1% kế hoạch, “Chưa đạt”`. */
interface AgainstApproved {
  value: number;
  style: NumberStyle;
  ratio?: number;
  verdict: string;
  /** The Đánh giá the sheet states, if any. */
  stated?: string;
}

interface PlanMismatchParams extends FindingParams {
  indicator: string;
  /** The target as the sheet and as the approved plan write it, and where the plan's is. */
  actual: string;
  expected: string;
  where: Where;
  result?: AgainstApproved;
}

type Rule = typeof planMismatch;

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

function againstApproved({ row, approved }: Against): AgainstApproved | undefined {
  const result = resultValueOf(row.cells.actual);
  if (!result) return undefined;
  const { ratio, verdict } = computeAttainment(approved, result.value);
  if (!verdict) return undefined;
  const stated = row.cells.assessment?.text ? parseAssessment(row.cells.assessment.text) : undefined;
  return {
    value: result.value,
    style: { percent: result.percent },
    ...(ratio === undefined ? {} : { ratio }),
    verdict,
    ...(stated ? { stated } : {}),
  };
}

/** ` Tính theo kế hoạch được duyệt: kết quả 68% đạt 97,1% kế hoạch, “Chưa đạt” (bảng ghi “Vượt”).` */
function againstText(result: AgainstApproved | undefined, f: LocaleFormat): string {
  if (!result) return "";
  const ratioStyle = { percent: true, maxDecimals: 1 };
  if (f.locale === "vi") {
    const ratio = result.ratio === undefined ? "" : ` đạt ${f.number(result.ratio, ratioStyle)} kế hoạch,`;
    const stated = result.stated ? ` (bảng ghi “${result.stated}”)` : "";
    return ` Tính theo kế hoạch được duyệt: kết quả ${f.number(result.value, result.style)}${ratio} “${result.verdict}”${stated}.`;
  }
  const ratio = result.ratio === undefined ? "" : ` is ${f.number(result.ratio, ratioStyle)} of the target,`;
  const stated = result.stated ? ` (the sheet says “${result.stated}”)` : "";
  return ` Against the approved target: the result ${f.number(result.value, result.style)}${ratio} “${result.verdict}”${stated}.`;
}

function mismatch(rule: Rule, against: Against, own: Target, ownCell: string): Finding {
  const { table, pairing, ref, approved } = against;
  const planCell = ref.cells.target?.address ?? labelAddress(ref);
  const result = againstApproved(against);
  return makeFinding(
    rule,
    { sheet: table.sheet, cell: ownCell },
    {
      indicator: against.row.label,
      expected: approved.text,
      actual: own.text,
      where: whereOf(pairing.book, pairing.ref, planCell),
      ...(result ? { result } : {}),
    },
  );
}

/** Đánh giá of a row without its own target, judged against the approved one. */
function assessmentAgainstPlan(against: Against): Finding | undefined {
  const { table, pairing, row, ref, approved } = against;
  const cell = row.cells.assessment;
  const assessment = cell?.text ? parseAssessment(cell.text) : undefined;
  const result = resultValueOf(row.cells.actual);
  if (!cell || !assessment || !result) return undefined;
  const planCell = ref.cells.target?.address ?? labelAddress(ref);
  const params = contradiction(assessment, result, approved, whereOf(pairing.book, pairing.ref, planCell));
  return params && makeFinding(assessmentContradiction, { sheet: table.sheet, cell: cell.address }, params);
}

function leadUnitsOf(text: string, units: UnitDef[]): string[] {
  return splitUnits(text, units).map((part) => matchUnit(part, units)?.id ?? part);
}

/**
 * The plan rows this sheet must report but does not: rows with a target whose lead unit the sheet
 * reports for — a unit at least half of whose plan rows are in the sheet. A unit's own sheet then
 * owes only that unit's indicators (a row it co-leads with another unit does not make it owe the
 * other's); a whole-plan sheet owes every indicator.
 */
function absentRows(ref: Table, present: Set<TableRow>, units: UnitDef[]): TableRow[] {
  const leadsOf = perText((text) => leadUnitsOf(text, units));
  const planned = ref.rows
    .filter((row) => row.kind !== "total" && row.kind !== "subtotal" && row.cells.target?.text)
    .map((row) => ({ row, leads: leadsOf(row.cells.leadUnit?.text ?? "") }));
  const count = new Map<string, { total: number; present: number }>();
  for (const { row, leads } of planned) {
    for (const lead of leads.length ? leads : [""]) {
      const c = count.get(lead) ?? { total: 0, present: 0 };
      c.total++;
      if (present.has(row)) c.present++;
      count.set(lead, c);
    }
  }
  const reported = (lead: string) => {
    const c = count.get(lead)!;
    return c.present * 2 >= c.total;
  };
  return planned
    .filter(({ row, leads }) => !present.has(row) && (leads.length ? leads : [""]).some(reported))
    .map(({ row }) => row);
}

function absentFromSheet(table: Table, pairing: Pairing, ref: TableRow): Finding {
  return makeFinding(
    missingReport,
    { sheet: table.sheet, cell: table.headerAddress },
    {
      kind: "plan",
      label: ref.label,
      target: targetOf(pairing.ref, ref.cells.target).text,
      where: whereOf(pairing.book, pairing.ref, labelAddress(ref)),
      expected: ref.label,
      actual: null,
    },
  );
}

function notePairing(ctx: RuleContext, table: Table, plan: ReferenceBook, pairing: Pairing | undefined): void {
  if (!pairing) {
    ctx.note?.(makeNote(planNotPaired, { sheet: table.sheet, file: plan.file }));
    return;
  }
  ctx.note?.(makeNote(planCompared, { file: plan.file, sheet: pairing.ref.sheet, rows: pairing.pairs.length }));
  for (const near of pairing.proposals) {
    ctx.note?.(
      makeNote(planNearMatch, {
        label: near.row.label,
        cell: labelAddress(near.row),
        planLabel: near.ref.label,
        planCell: labelAddress(near.ref),
        similarity: Math.round(near.similarity * 100),
      }),
    );
  }
}

export const planMismatch: SheetRule<"plan-mismatch", PlanMismatchParams> = {
  id: "plan-mismatch",
  severity: "error",
  tags: ["sheet", "plan"],
  label: { vi: "Kế hoạch khác kế hoạch được duyệt", en: "Target differs from the approved plan" },
  message: {
    vi: (p, f) =>
      `Kế hoạch ghi ${f.quote(p.actual)} nhưng kế hoạch được duyệt của chỉ tiêu ${f.quote(p.indicator)} là ` +
      `${f.quote(p.expected)} (${whereText(p.where, "vi")}).${againstText(p.result, f)}`,
    en: (p, f) =>
      `the target states ${f.quote(p.actual)} but the approved target of ${f.quote(p.indicator)} is ` +
      `${f.quote(p.expected)} (${whereText(p.where, "en")}).${againstText(p.result, f)}`,
  },
  examples: [
    {
      indicator: "Tỷ lệ hồ sơ trực tuyến",
      actual: "60%",
      expected: "70%",
      where: { file: "ke-hoach.xlsx", sheet: "Phụ lục I", cell: "C14" },
      result: { value: 68, style: { percent: true }, ratio: 97.1, verdict: "Chưa đạt", stated: "Vượt" },
    },
    {
      indicator: "Số hồ sơ",
      actual: "1.000",
      expected: "1.200",
      where: { file: "ke-hoach.xlsx", sheet: "Phụ lục I", cell: "C15" },
    },
  ],
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
    const present = new Set([...pairing.pairs, ...pairing.proposals].map((p) => p.ref));
    for (const ref of absentRows(pairing.ref, present, ctx.units)) findings.push(absentFromSheet(table, pairing, ref));
    return findings;
  },
};
