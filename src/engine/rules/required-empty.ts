/**
 * `required-empty`: a row that states nothing where its template needs a value (the template's
 * `policies.required` says which rows need which cells):
 * - chi-tieu: an indicator without Kế hoạch or without Đơn vị chủ trì. A row with children (a
 *   section or item grouping others) needs neither; a section without children is itself an
 *   indicator (the seed's rows I and V) and needs both.
 * - kinh-phi: an item without Đơn vị chủ trì, or without any amount (one filled amount column is
 *   enough when the budget is split by source). Items grouping sub-items are exempt.
 * - ket-qua: an indicator without Kết quả.
 * - dich-vu-cong: a reporting unit (or total) row without Tổng số dịch vụ công.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import { a1 } from "../grid";
import type { Localized } from "../locale";
import type { Table, TableRow } from "../model";
import type { ColumnRole, REQUIRED_ROLES } from "../template";
import { addressOf, isBlank, isEntry, ownOrInherited, parentsOf } from "./cells";
import type { SheetRule } from "./rule";

/** What is missing: one of the required cells, or any amount at all (policies.required.anyAmount). */
type Missing = (typeof REQUIRED_ROLES)[number] | "amount";

interface RequiredEmptyParams extends FindingParams {
  missing: Missing;
  /** The row's STT as written, else its 1-based sheet row. */
  stt?: string;
  row: number;
}

const MISSING: Localized<Record<Missing, string>> = {
  vi: {
    target: "chỉ tiêu chưa có Kế hoạch",
    leadUnit: "chưa ghi Đơn vị chủ trì",
    actual: "chưa ghi Kết quả",
    dvcTotal: "chưa ghi Tổng số dịch vụ công",
    amount: "mục chưa ghi kinh phí",
  },
  en: {
    target: "the indicator has no target",
    leadUnit: "no lead unit (Đơn vị chủ trì) is given",
    actual: "no result (Kết quả) is given",
    dvcTotal: "the total number of public services is not given",
    amount: "the item has no amount",
  },
};

type Requirement = (typeof REQUIRED_ROLES)[number];

/** The requirements a row must meet, by template; none for structural rows. */
function requirementsOf(table: Table, row: TableRow, hasChildren: boolean): Requirement[] {
  const { rows, roles } = table.template.policies.required;
  const applies =
    rows === "leaves"
      ? !hasChildren && row.kind !== "subtotal" && row.kind !== "total"
      : rows === "entry-leaves"
        ? isEntry(row) && !hasChildren
        : row.kind !== "section";
  return applies ? roles : [];
}

function params(row: TableRow, missing: Missing): RequiredEmptyParams {
  return { missing, ...(row.stt ? { stt: row.stt } : {}), row: row.row + 1 };
}

/** Sub-items inherit their item's Kế hoạch and Đơn vị chủ trì (spec §2.0). */
function cellFor(row: TableRow, role: ColumnRole) {
  return role === "target" || role === "leadUnit" ? ownOrInherited(row, role) : row.cells[role];
}

export const requiredEmpty: SheetRule<"required-empty", RequiredEmptyParams> = {
  id: "required-empty",
  severity: "error",
  tags: ["sheet", "completeness"],
  label: { vi: "Ô bắt buộc để trống", en: "Required cell empty" },
  message: {
    vi: (p) => `${MISSING.vi[p.missing]} (${p.stt ? `dòng STT ${p.stt}` : `dòng ${p.row}`}).`,
    en: (p) => `${MISSING.en[p.missing]} (${p.stt ? `row STT ${p.stt}` : `row ${p.row}`}).`,
  },
  examples: [
    { missing: "target", stt: "3", row: 12 },
    { missing: "amount", row: 20 },
  ],
  check(table) {
    const findings: Finding[] = [];
    const parents = parentsOf(table);
    for (const row of table.rows) {
      const hasChildren = parents.has(row.index);
      for (const need of requirementsOf(table, row, hasChildren)) {
        if (table.columns[need] === undefined || !isBlank(cellFor(row, need))) continue;
        findings.push(makeFinding(this, { sheet: table.sheet, cell: addressOf(table, row, need) }, params(row, need)));
      }
      const needsAmount = table.template.policies.required.anyAmount && isEntry(row) && !hasChildren;
      if (needsAmount && table.amountColumns.length > 0 && row.amounts.every((ref) => isBlank(ref))) {
        const cell = row.amounts[0]?.address ?? a1(row.row, table.amountColumns[0].col);
        findings.push(makeFinding(this, { sheet: table.sheet, cell }, params(row, "amount")));
      }
    }
    return findings;
  },
};
