/**
 * `assessment-contradiction`: Đánh giá says Đạt/Vượt while the result misses the target, or Chưa
 * đạt/Không đạt while it meets it (computeAttainment, spec §5). Đạt where the computation says Vượt
 * (or the reverse) is not a contradiction. Qualitative targets, compound targets and text results
 * (`Thực hiện thường xuyên`) are assessed by hand and never judged: the seed's kết quả table, all
 * text results, gives nothing here.
 */
import { computeAttainment } from "../attainment";
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { NumberStyle } from "../messages";
import type { Target } from "../model";
import { parseAssessment } from "../parse/assessment";
import { whereText, type Where } from "../periods/where";
import { ownOrInherited, perText, resultValueOf, targetOf } from "./cells";
import type { SheetRule } from "./rule";

interface AssessmentParams extends FindingParams {
  /** The Đánh giá as written (normalised: Đạt, Vượt, Chưa đạt, Không đạt). */
  assessment: string;
  result: number;
  style: NumberStyle;
  target: string;
  /** Where the approved plan states the target, when the sheet states none of its own (plan-mismatch). */
  approvedAt?: Where;
  /** What the numbers say: Vượt, Đạt or Chưa đạt. */
  verdict: string;
  met: boolean;
}

const MET = new Set(["Đạt", "Vượt"]);
const MISSED = new Set(["Chưa đạt", "Không đạt"]);

/** True when the written Đánh giá says the opposite of the verdict the figures give (met or missed). */
function contradicts(verdict: string, assessment: string): boolean {
  return verdict !== "Chưa đạt" ? MISSED.has(assessment) : MET.has(assessment);
}

/**
 * The finding's params when the result, judged against `target`, contradicts the Đánh giá written; undefined
 * when the figures give no verdict or agree with it. Shared with plan-mismatch (the approved target).
 */
export function contradiction(
  assessment: string,
  result: { value: number; percent: boolean },
  target: Target,
  approvedAt?: Where,
): AssessmentParams | undefined {
  const { verdict } = computeAttainment(target, result.value);
  if (!verdict || !contradicts(verdict, assessment)) return undefined;
  return {
    assessment,
    result: result.value,
    style: { percent: result.percent },
    target: target.text,
    ...(approvedAt ? { approvedAt } : {}),
    verdict,
    met: verdict !== "Chưa đạt",
    expected: verdict,
    actual: assessment,
  };
}

export const assessmentContradiction: SheetRule<"assessment-contradiction", AssessmentParams> = {
  id: "assessment-contradiction",
  severity: "error",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Đánh giá mâu thuẫn", en: "Assessment contradiction" },
  message: {
    vi: (p, f) =>
      `Đánh giá ghi “${p.assessment}” nhưng kết quả ${f.number(p.result, p.style)} so với kế hoạch ` +
      (p.approvedAt ? `được duyệt ${f.quote(p.target)} (${whereText(p.approvedAt, "vi")})` : f.quote(p.target)) +
      ` là “${p.verdict}”` +
      ` (${p.met ? "đã đạt chỉ tiêu" : "chưa đạt chỉ tiêu"}).`,
    en: (p, f) =>
      `the assessment says “${p.assessment}” but the result ${f.number(p.result, p.style)} against the ` +
      (p.approvedAt
        ? `approved target ${f.quote(p.target)} (${whereText(p.approvedAt, "en")})`
        : `target ${f.quote(p.target)}`) +
      ` is “${p.verdict}” (${p.met ? "the target is met" : "the target is not met"}).`,
  },
  examples: [
    {
      assessment: "Đạt",
      result: 80,
      style: { percent: true },
      target: "100%",
      verdict: "Chưa đạt",
      met: false,
      expected: "Chưa đạt",
      actual: "Đạt",
    },
    {
      assessment: "Vượt",
      result: 68,
      style: { percent: true },
      target: "70%",
      approvedAt: { file: "ke-hoach.xlsx", sheet: "Phụ lục I", cell: "C14" },
      verdict: "Chưa đạt",
      met: false,
      expected: "Chưa đạt",
      actual: "Vượt",
    },
  ],
  check(table) {
    const findings: Finding[] = [];
    const assessmentOf = perText(parseAssessment);
    for (const row of table.rows) {
      const ref = row.cells.assessment;
      const assessment = ref?.text ? assessmentOf(ref.text) : undefined;
      const result = resultValueOf(row.cells.actual);
      if (!ref || !assessment || !result) continue;
      const params = contradiction(assessment, result, targetOf(table, ownOrInherited(row, "target")));
      if (params) findings.push(makeFinding(this, { sheet: table.sheet, cell: ref.address }, params));
    }
    return findings;
  },
};
