/**
 * `required-empty`: a row that states nothing where its template needs a value.
 * - chi-tieu: an indicator without Kế hoạch or without Đơn vị chủ trì. A row with children (a
 *   section or item grouping others) needs neither; a section without children is itself an
 *   indicator (the seed's rows I and V) and needs both.
 * - kinh-phi: an item without Đơn vị chủ trì, or without any amount (one filled amount column is
 *   enough when the budget is split by source). Items grouping sub-items are exempt.
 * - ket-qua: an indicator without Kết quả.
 * - dich-vu-cong: a reporting unit (or total) row without Tổng số dịch vụ công.
 */
import type { Finding } from "../finding";
import { a1 } from "../grid";
import { buildFinding } from "../messages";
import type { Table, TableRow } from "../model";
import type { ColumnRole } from "../template";
import { addressOf, isBlank, isEntry, parentsOf } from "./cells";
import type { Rule } from "./rule";

interface Requirement {
  role: ColumnRole;
  vi: string;
  en: string;
}

const TARGET: Requirement = { role: "target", vi: "chỉ tiêu chưa có Kế hoạch", en: "the indicator has no target" };
const LEAD_UNIT: Requirement = {
  role: "leadUnit",
  vi: "chưa ghi Đơn vị chủ trì",
  en: "no lead unit (Đơn vị chủ trì) is given",
};
const RESULT: Requirement = { role: "actual", vi: "chưa ghi Kết quả", en: "no result (Kết quả) is given" };
const DVC_TOTAL: Requirement = {
  role: "dvcTotal",
  vi: "chưa ghi Tổng số dịch vụ công",
  en: "the total number of public services is not given",
};

function rowName(row: TableRow): string {
  return row.stt ? `dòng STT ${row.stt}` : `dòng ${row.row + 1}`;
}

function rowNameEn(row: TableRow): string {
  return row.stt ? `row STT ${row.stt}` : `row ${row.row + 1}`;
}

/** The requirements a row must meet, by template; none for structural rows. */
function requirementsOf(table: Table, row: TableRow, hasChildren: boolean): Requirement[] {
  switch (table.templateId) {
    case "chi-tieu":
      if (hasChildren || row.kind === "subtotal" || row.kind === "total") return [];
      return [TARGET, LEAD_UNIT];
    case "kinh-phi":
      return isEntry(row) && !hasChildren ? [LEAD_UNIT] : [];
    case "ket-qua":
      return isEntry(row) && !hasChildren ? [RESULT] : [];
    case "dich-vu-cong":
      return row.kind === "section" ? [] : [DVC_TOTAL];
  }
}

export const requiredEmpty: Rule = {
  id: "required-empty",
  severity: "error",
  check(table) {
    const findings: Finding[] = [];
    const parents = parentsOf(table);
    for (const row of table.rows) {
      const hasChildren = parents.has(row.index);
      for (const need of requirementsOf(table, row, hasChildren)) {
        if (table.columns[need.role] === undefined || !isBlank(row.cells[need.role])) continue;
        findings.push(
          buildFinding(table, this, {
            cell: addressOf(table, row, need.role),
            vi: `${need.vi} (${rowName(row)}).`,
            en: `${need.en} (${rowNameEn(row)}).`,
          }),
        );
      }
      const needsAmount = table.templateId === "kinh-phi" && isEntry(row) && !hasChildren;
      if (needsAmount && table.amountColumns.length > 0 && row.amounts.every((ref) => isBlank(ref))) {
        findings.push(
          buildFinding(table, this, {
            cell: row.amounts[0]?.address ?? a1(row.row, table.amountColumns[0].col),
            vi: `mục chưa ghi kinh phí (${rowName(row)}).`,
            en: `the item has no amount (${rowNameEn(row)}).`,
          }),
        );
      }
    }
    return findings;
  },
};
