/**
 * `duplicate-row`: the same indicator or item twice in one sheet, compared on folded text (case,
 * diacritics, spacing ignored). chi-tieu compares within a section (the same wording may head
 * indicators of two fields); sub-items within their parent (`- Cấp huyện` under several items);
 * kinh-phi items also by owner, since the same project line is budgeted for several districts.
 */
import type { Finding } from "../finding";
import { buildFinding, quote } from "../messages";
import type { Table, TableRow } from "../model";
import { addressOf, foldTidy, perText } from "./cells";
import type { Rule } from "./rule";

/**
 * Where a row's label must not repeat: its section (chi-tieu) or parent (sub-items), and its owner
 * (kinh-phi). Kept apart from the label so the label itself is the map key (no long joined keys to
 * build and hash on 5.000-row sheets).
 */
function scopeOf(table: Table, row: TableRow, foldOwner: (text: string) => string): string {
  const scope =
    row.kind === "subitem" ? `p${row.parent ?? "-"}` : table.templateId === "chi-tieu" ? `s${row.section ?? "-"}` : "";
  const owner = table.templateId === "kinh-phi" ? foldOwner(row.cells.leadUnit?.text ?? "") : "";
  return `${scope}|${owner}`;
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
    /** Scope → folded label → the first row with it. */
    const seen = new Map<string, Map<string, TableRow>>();
    // A handful of owners repeat down a kinh-phi sheet: fold each once.
    const foldOwner = perText(foldTidy);
    for (const row of table.rows) {
      if (row.kind === "section" || row.kind === "subtotal" || row.kind === "total") continue;
      const label = foldTidy(row.label);
      if (!label) continue;
      const scope = scopeOf(table, row, foldOwner);
      let labels = seen.get(scope);
      if (!labels) {
        labels = new Map();
        seen.set(scope, labels);
      }
      const first = labels.get(label);
      if (!first) {
        labels.set(label, row);
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
