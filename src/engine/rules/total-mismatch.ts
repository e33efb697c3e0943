/**
 * `total-mismatch`: a subtotal or total that differs from the sum of the rows it covers.
 * - Section subtotals, `Cộng` rows and `Tổng cộng`, per amount column (`covers` from structure.ts,
 *   sums from totals.ts); dich-vu-cong total rows per count column.
 * - A `Tổng` amount column against the sum of the other amount columns on the same row.
 * When a covered cell is unreadable (text, error, formula never calculated) the sum is unknown and no
 * mismatch is claimed; a note says the total could not be checked. A stated total written with d
 * decimals matches a sum that rounds or truncates to it (tolerance.ts).
 */
import type { Finding } from "../finding";
import { mismatchFinding, roundTo } from "../messages";
import type { CellRef, Table, TableRow } from "../model";
import type { ColumnRole } from "../template";
import { matchesStated } from "../tolerance";
import { sumCovered } from "../totals";
import { isBlank, numberOf } from "./cells";
import type { Rule, RuleContext } from "./rule";

const DVC_COUNTS: ColumnRole[] = ["dvcTotal", "dvcInfo", "dvcPartial", "dvcFull", "dvcIntegrated"];

function rowSubject(row: TableRow): { vi: string; en: string } {
  if (row.kind === "section") return { vi: `Mục ${row.stt}`, en: `Section ${row.stt}` };
  const label = row.label || (row.kind === "total" ? "Tổng cộng" : "Cộng");
  return { vi: label, en: label };
}

function columnSuffix(table: Table, header: string | undefined): { vi: string; en: string } {
  if (!header || table.amountColumns.length < 2) return { vi: "", en: "" };
  const name = header.replace(/\s+/g, " ").trim();
  return { vi: ` (cột ${name})`, en: ` (column ${name})` };
}

function agrees(stated: CellRef, sum: number): boolean {
  if (stated.parsed.kind !== "number") return true;
  return (
    Math.abs(stated.parsed.value - sum) < 1e-9 * Math.max(1, Math.abs(sum)) ||
    matchesStated(stated.parsed.value, stated.parsed.decimals, sum)
  );
}

/** Sum of one role's cells over covered rows; undefined when one of them is unreadable. */
function sumRole(table: Table, covers: number[], role: ColumnRole): number | undefined {
  let sum = 0;
  for (const index of covers) {
    const ref = table.rows[index]?.cells[role];
    if (isBlank(ref)) continue;
    const value = numberOf(ref);
    if (value === undefined) return undefined;
    sum += value;
  }
  return sum;
}

function coveredTotals(rule: Rule, table: Table, row: TableRow, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const covers = row.covers ?? [];
  const subject = rowSubject(row);
  const basis =
    row.kind === "section"
      ? { vi: `tổng các mục của mục ${row.stt}`, en: `the sum of section ${row.stt}'s items` }
      : { vi: "tổng các mục", en: "the sum of the items" };
  const compare = (stated: CellRef, sum: number | undefined, header?: string) => {
    const actual = numberOf(stated);
    if (actual === undefined) return;
    const suffix = columnSuffix(table, header);
    if (sum === undefined) {
      ctx.note?.(
        `Ô ${stated.address}: chưa đối chiếu được ${subject.vi}${suffix.vi} vì có ô trong các mục không đọc được thành số.`,
      );
      return;
    }
    if (agrees(stated, sum)) return;
    findings.push(
      mismatchFinding(table, rule, {
        cell: stated.address,
        subject: { vi: subject.vi + suffix.vi, en: subject.en + suffix.en },
        basis,
        actual,
        expected: roundTo(sum, 9),
      }),
    );
  };
  table.amountColumns.forEach((column, i) => {
    const stated = row.amounts[i];
    if (!stated) return;
    const { sum, complete } = sumCovered(table, row, i);
    compare(stated, complete ? sum : undefined, column.header);
  });
  if (table.templateId === "dich-vu-cong") {
    // Count columns the table already lists as amount columns were compared above.
    const amountCols = new Set(table.amountColumns.map((column) => column.col));
    for (const role of DVC_COUNTS) {
      const stated = row.cells[role];
      if (stated && !amountCols.has(stated.col))
        compare(stated, sumRole(table, covers, role), table.headers[stated.col]);
    }
  }
  return findings;
}

/** A `Tổng` amount column against the other amount columns of the same row. */
function rowTotal(rule: Rule, table: Table, row: TableRow): Finding[] {
  const totalIndex = table.amountColumns.findIndex((column) => column.isTotal);
  // dich-vu-cong's whole-vs-parts is parts-mismatch's question, not this one.
  if (table.templateId !== "kinh-phi" || totalIndex < 0 || table.amountColumns.length < 2) return [];
  const stated = row.amounts[totalIndex];
  const actual = numberOf(stated);
  if (!stated || actual === undefined) return [];
  let sum = 0;
  let parts = 0;
  for (let i = 0; i < table.amountColumns.length; i++) {
    if (i === totalIndex || isBlank(row.amounts[i])) continue;
    const value = numberOf(row.amounts[i]);
    if (value === undefined) return [];
    sum += value;
    parts++;
  }
  if (parts === 0 || agrees(stated, sum)) return [];
  const names = table.amountColumns
    .filter((_, i) => i !== totalIndex)
    .map((column) => column.header.replace(/\s+/g, " ").trim())
    .join(" + ");
  return [
    mismatchFinding(table, rule, {
      cell: stated.address,
      subject: {
        vi: `Cột ${table.amountColumns[totalIndex].header.trim()}`,
        en: `The ${table.amountColumns[totalIndex].header.trim()} column`,
      },
      basis: { vi: `${names} của cùng dòng`, en: `${names} on the same row` },
      actual,
      expected: roundTo(sum, 9),
    }),
  ];
}

export const totalMismatch: Rule = {
  id: "total-mismatch",
  severity: "error",
  check(table, ctx) {
    const findings: Finding[] = [];
    for (const row of table.rows) {
      if (row.covers) findings.push(...coveredTotals(this, table, row, ctx));
      findings.push(...rowTotal(this, table, row));
    }
    return findings;
  },
};
