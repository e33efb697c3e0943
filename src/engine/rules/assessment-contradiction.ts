/**
 * `assessment-contradiction`: Đánh giá says Đạt/Vượt while the result misses the target, or Chưa
 * đạt/Không đạt while it meets it (computeAttainment, spec §5). Đạt where the computation says Vượt
 * (or the reverse) is not a contradiction. Qualitative targets, compound targets and text results
 * (`Thực hiện thường xuyên`) are assessed by hand and never judged: the seed's kết quả table, all
 * text results, gives nothing here.
 */
import { computeAttainment } from "../attainment";
import type { Finding } from "../finding";
import { buildFinding, enNumber, quote, vnNumber } from "../messages";
import { parseAssessment } from "../parse/assessment";
import { perText, resultValueOf, targetOf } from "./cells";
import type { Rule } from "./rule";

const MET = new Set(["Đạt", "Vượt"]);
const MISSED = new Set(["Chưa đạt", "Không đạt"]);

export const assessmentContradiction: Rule = {
  id: "assessment-contradiction",
  severity: "error",
  check(table) {
    const findings: Finding[] = [];
    const assessmentOf = perText(parseAssessment);
    for (const row of table.rows) {
      const ref = row.cells.assessment;
      const assessment = ref?.text ? assessmentOf(ref.text) : undefined;
      const result = resultValueOf(row.cells.actual);
      if (!ref || !assessment || !result) continue;
      const target = targetOf(table, row.cells.target);
      const { verdict } = computeAttainment(target, result.value);
      if (!verdict) continue;
      const metByNumbers = verdict !== "Chưa đạt";
      if (metByNumbers ? !MISSED.has(assessment) : !MET.has(assessment)) continue;
      const style = { percent: result.percent };
      const found = `${vnNumber(result.value, style)}`;
      findings.push(
        buildFinding(table, this, {
          cell: ref.address,
          vi:
            `Đánh giá ghi “${assessment}” nhưng kết quả ${found} so với kế hoạch ${quote(target.text)} là “${verdict}”` +
            ` (${metByNumbers ? "đã đạt chỉ tiêu" : "chưa đạt chỉ tiêu"}).`,
          en:
            `the assessment says “${assessment}” but the result ${enNumber(result.value, style)} against the target ` +
            `${quote(target.text)} is “${verdict}” (${metByNumbers ? "the target is met" : "the target is not met"}).`,
          expected: verdict,
          actual: assessment,
        }),
      );
    }
    return findings;
  },
};
