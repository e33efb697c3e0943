/**
 * `parts-mismatch` (dich-vu-cong): a whole that differs from its parts, or a part exceeding its whole.
 * - Tổng số DVC = DV cung cấp thông tin + DVCTT một phần + DVCTT toàn trình, checked only when all
 *   four are stated. When DV thông tin is blank (the seeds' prose never states it) the equality
 *   cannot be judged and only "parts exceed the whole" applies: một phần + toàn trình > Tổng số.
 * - Số DVCTT tích hợp > một phần + toàn trình (or > Tổng số when those are not both stated) is
 *   always an error: only online services can be integrated with the national portal.
 */
import { makeFinding, type Finding } from "../finding";
import type { Words } from "../locale";
import { mismatch, MISMATCH_MESSAGE, type MismatchParams } from "../messages";
import type { Table, TableRow } from "../model";
import { isBlank, numberOf } from "./cells";
import type { SheetRule } from "./rule";

/** A whole that is not the sum of its parts (`sum`), or a part larger than its whole (`exceeds`). */
type PartsParams = MismatchParams & { kind: "sum" | "exceeds" };

type Rule = typeof partsMismatch;

function exceeds(
  rule: Rule,
  table: Table,
  cell: string,
  part: Words & { value: number },
  whole: Words & { value: number },
): Finding {
  const params = mismatch({
    subject: { vi: part.vi, en: part.en },
    basis: { vi: whole.vi, en: whole.en },
    actual: part.value,
    expected: whole.value,
  });
  return makeFinding(rule, { sheet: table.sheet, cell }, { ...params, kind: "exceeds" });
}

function checkRow(rule: Rule, table: Table, row: TableRow): Finding[] {
  const findings: Finding[] = [];
  const total = numberOf(row.cells.dvcTotal);
  const info = numberOf(row.cells.dvcInfo);
  const partial = numberOf(row.cells.dvcPartial);
  const full = numberOf(row.cells.dvcFull);
  const integrated = numberOf(row.cells.dvcIntegrated);
  const online = partial !== undefined && full !== undefined ? partial + full : undefined;
  const totalCell = row.cells.dvcTotal;

  if (totalCell && total !== undefined && online !== undefined) {
    if (info !== undefined) {
      const parts = info + online;
      if (parts !== total) {
        const params = mismatch({
          subject: { vi: "Tổng số dịch vụ công", en: "The total number of public services" },
          basis: {
            vi: "DV cung cấp thông tin + một phần + toàn trình",
            en: "information services + partly online + fully online",
          },
          actual: total,
          expected: parts,
        });
        findings.push(makeFinding(rule, { sheet: table.sheet, cell: totalCell.address }, { ...params, kind: "sum" }));
      }
    } else if (isBlank(row.cells.dvcInfo) && online > total) {
      findings.push(
        exceeds(
          rule,
          table,
          totalCell.address,
          { vi: "DVCTT một phần + toàn trình", en: "Partly + fully online services", value: online },
          { vi: "Tổng số dịch vụ công", en: "the total number of public services", value: total },
        ),
      );
    }
  }

  const integratedCell = row.cells.dvcIntegrated;
  if (integratedCell && integrated !== undefined) {
    const whole =
      online !== undefined
        ? { vi: "số DVCTT một phần + toàn trình", en: "partly + fully online services", value: online }
        : total !== undefined
          ? { vi: "Tổng số dịch vụ công", en: "the total number of public services", value: total }
          : undefined;
    if (whole && integrated > whole.value) {
      findings.push(
        exceeds(
          rule,
          table,
          integratedCell.address,
          {
            vi: "Số DVCTT tích hợp Cổng DVC quốc gia",
            en: "Services integrated with the national portal",
            value: integrated,
          },
          whole,
        ),
      );
    }
  }
  return findings;
}

export const partsMismatch: SheetRule<"parts-mismatch", PartsParams> = {
  id: "parts-mismatch",
  severity: "error",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Tổng các phần không khớp", en: "Parts mismatch" },
  message: {
    vi: (p, f) =>
      p.kind === "sum"
        ? MISMATCH_MESSAGE.vi(p, f)
        : `${p.subject.vi} là ${f.number(p.actual)}, lớn hơn ${p.basis.vi} ${f.number(p.expected)} (vượt ${f.number(p.difference)}).`,
    en: (p, f) =>
      p.kind === "sum"
        ? MISMATCH_MESSAGE.en(p, f)
        : `${p.subject.en} is ${f.number(p.actual)}, more than ${p.basis.en} ${f.number(p.expected)} (by ${f.number(p.difference)}).`,
  },
  examples: [
    {
      ...mismatch({
        subject: { vi: "Tổng số dịch vụ công", en: "The total number of public services" },
        basis: { vi: "DV cung cấp thông tin + một phần + toàn trình", en: "information + partly + fully online" },
        actual: 1700,
        expected: 1745,
      }),
      kind: "sum",
    },
    {
      ...mismatch({
        subject: { vi: "Số DVCTT tích hợp Cổng DVC quốc gia", en: "Services integrated with the national portal" },
        basis: { vi: "số DVCTT một phần + toàn trình", en: "partly + fully online services" },
        actual: 1400,
        expected: 1355,
      }),
      kind: "exceeds",
    },
  ],
  check(table) {
    if (!table.template.policies.serviceParts) return [];
    return table.rows.filter((row) => row.kind !== "section").flatMap((row) => checkRow(this, table, row));
  },
};
