/**
 * `parts-mismatch` (dich-vu-cong): a whole that differs from its parts, or a part exceeding its whole.
 * - Tổng số DVC = DV cung cấp thông tin + DVCTT một phần + DVCTT toàn trình, checked only when all
 *   four are stated. When DV thông tin is blank (the seeds' prose never states it) the equality
 *   cannot be judged and only "parts exceed the whole" applies: một phần + toàn trình > Tổng số.
 * - Số DVCTT tích hợp > một phần + toàn trình (or > Tổng số when those are not both stated) is
 *   always an error: only online services can be integrated with the national portal.
 */
import type { Finding } from "../finding";
import { buildFinding, enNumber, mismatchFinding, vnNumber } from "../messages";
import type { Table, TableRow } from "../model";
import { isBlank, numberOf } from "./cells";
import type { Rule } from "./rule";

function exceeds(
  rule: Rule,
  table: Table,
  cell: string,
  part: { vi: string; en: string; value: number },
  whole: { vi: string; en: string; value: number },
): Finding {
  const excess = part.value - whole.value;
  return buildFinding(table, rule, {
    cell,
    vi: `${part.vi} là ${vnNumber(part.value)}, lớn hơn ${whole.vi} ${vnNumber(whole.value)} (vượt ${vnNumber(excess)}).`,
    en: `${part.en} is ${enNumber(part.value)}, more than ${whole.en} ${enNumber(whole.value)} (by ${enNumber(excess)}).`,
    expected: whole.value,
    actual: part.value,
  });
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
        findings.push(
          mismatchFinding(table, rule, {
            cell: totalCell.address,
            subject: { vi: "Tổng số dịch vụ công", en: "The total number of public services" },
            basis: {
              vi: "DV cung cấp thông tin + một phần + toàn trình",
              en: "information services + partly online + fully online",
            },
            actual: total,
            expected: parts,
          }),
        );
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

export const partsMismatch: Rule = {
  id: "parts-mismatch",
  severity: "error",
  check(table) {
    if (table.templateId !== "dich-vu-cong") return [];
    return table.rows.filter((row) => row.kind !== "section").flatMap((row) => checkRow(this, table, row));
  },
};
