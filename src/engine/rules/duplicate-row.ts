/**
 * `duplicate-row`: the same indicator or item twice in one sheet, compared on folded text (case,
 * diacritics, spacing ignored). chi-tieu compares within a section (the same wording may head
 * indicators of two fields); sub-items within their parent (`- Cấp huyện` under several items);
 * kinh-phi items also by owner, since the same project line is budgeted for several districts.
 */
import type { Finding } from "../finding";
import { buildFinding, quote } from "../messages";
import type { Table, TableRow } from "../model";
import { addressOf, foldTidy } from "./cells";
import type { Rule } from "./rule";

function identity(table: Table, row: TableRow): string | undefined {
  const label = foldTidy(row.label);
  if (!label || row.kind === "section" || row.kind === "subtotal" || row.kind === "total") return undefined;
  const scope =
    row.kind === "subitem" ? `p${row.parent ?? "-"}` : table.templateId === "chi-tieu" ? `s${row.section ?? "-"}` : "";
  const owner = table.templateId === "kinh-phi" ? foldTidy(row.cells.leadUnit?.text ?? "") : "";
  return `${scope}|${owner}|${label}`;
}

/** The label's column: the indicator for most templates, the reporting unit for dich-vu-cong. */
function labelAddress(table: Table, row: TableRow): string {
  return addressOf(table, row, table.columns.indicator !== undefined ? "indicator" : "reportingUnit");
}

export const duplicateRow: Rule = {
  id: "duplicate-row",
  severity: "warning",
  check(table) {
    const findings: Finding[] = [];
    const seen = new Map<string, TableRow>();
    for (const row of table.rows) {
      const key = identity(table, row);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, row);
        continue;
      }
      const firstAddress = labelAddress(table, first);
      findings.push(
        buildFinding(table, this, {
          cell: labelAddress(table, row),
          vi: `${quote(row.label)} trùng với dòng ${first.row + 1} (ô ${firstAddress}); bỏ dòng lặp hoặc sửa nội dung.`,
          en: `${quote(row.label)} repeats row ${first.row + 1} (cell ${firstAddress}); remove the repeat or fix the text.`,
          expected: null,
          actual: row.label,
        }),
      );
    }
    return findings;
  },
};
