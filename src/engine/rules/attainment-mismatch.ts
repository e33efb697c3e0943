/**
 * `attainment-mismatch`: a stated Tỷ lệ so với KH that differs from the attainment computed from
 * Kế hoạch and Thực hiện (spec §5: Thực hiện / Kế hoạch, or Kế hoạch / Thực hiện for "lower is
 * better"). Qualitative and compound targets and text results are not computed, so not judged.
 * A stated ratio written with d decimals matches when the computed one rounds or truncates to it.
 */
import { computeAttainment } from "../attainment";
import { makeFinding, type Finding } from "../finding";
import { mismatch, MISMATCH_MESSAGE, roundTo, type MismatchParams } from "../messages";
import { matchesStated } from "../tolerance";
import { ownOrInherited, resultValueOf, targetOf } from "./cells";
import type { SheetRule } from "./rule";

const SUBJECT = { vi: "Tỷ lệ so với KH", en: "The attainment ratio (Tỷ lệ so với KH)" };

export const attainmentMismatch: SheetRule<"attainment-mismatch", MismatchParams> = {
  id: "attainment-mismatch",
  severity: "error",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Tỷ lệ so với KH sai", en: "Attainment mismatch" },
  message: MISMATCH_MESSAGE,
  examples: [
    mismatch({
      subject: SUBJECT,
      basis: { vi: "Thực hiện / Kế hoạch", en: "result / target" },
      actual: 95,
      expected: 94.2,
      style: { percent: true, maxDecimals: 1 },
    }),
  ],
  check(table) {
    const findings: Finding[] = [];
    for (const row of table.rows) {
      const stated = row.cells.ratio;
      const result = resultValueOf(row.cells.actual);
      if (!stated || stated.parsed.kind !== "number" || !result) continue;
      const target = targetOf(table, ownOrInherited(row, "target"));
      const { ratio } = computeAttainment(target, result.value);
      if (ratio === undefined || matchesStated(stated.parsed.value, stated.parsed.decimals, ratio)) continue;
      const lowerIsBetter = target.kind === "atMost";
      // At least one decimal, so "ghi 95% nhưng … là 94,2%" says more than "là 94%".
      const shown = Math.max(stated.parsed.decimals, 1);
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: stated.address },
          mismatch({
            subject: SUBJECT,
            basis: lowerIsBetter
              ? { vi: "Kế hoạch / Thực hiện", en: "target / result" }
              : { vi: "Thực hiện / Kế hoạch", en: "result / target" },
            actual: stated.parsed.value,
            expected: roundTo(ratio, shown),
            style: { percent: true, maxDecimals: shown },
          }),
        ),
      );
    }
    return findings;
  },
};
