/**
 * `duplicate-row`: the same indicator or item twice in one sheet, compared on folded text (case,
 * diacritics, spacing ignored). chi-tieu compares within a section (the same wording may head
 * indicators of two fields); sub-items within their parent (`- Cấp huyện` under several items);
 * kinh-phi items also by owner, since the same project line is budgeted for several districts.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { Table, TableRow } from "../model";
import { foldedHash, foldTidy } from "../text";
import { addressOf, perText } from "./cells";
import type { SheetRule } from "./rule";

interface DuplicateRowParams extends FindingParams {
  label: string;
  /** The 1-based sheet row of the first occurrence; `cells` holds its label cell. */
  firstRow: number;
  cells: [string];
}

/**
 * Where a row's label must not repeat: its section (chi-tieu) or parent (sub-items), and its owner
 * (kinh-phi). Kept apart from the label so the label itself is the map key (no long joined keys to
 * build and hash on 5.000-row sheets).
 */
function scopeOf(table: Table, row: TableRow, foldOwner: (text: string) => string): string {
  const scope = table.template.policies.duplicateScope;
  const where = row.kind === "subitem" ? `p${row.parent ?? "-"}` : scope.section ? `s${row.section ?? "-"}` : "";
  const owner = scope.owner ? foldOwner(row.cells.leadUnit?.text ?? "") : "";
  return `${where}|${owner}`;
}

/** The label's column: the indicator for most templates, the reporting unit for dich-vu-cong. */
function labelAddress(table: Table, row: TableRow): string {
  return addressOf(table, row, table.columns.indicator !== undefined ? "indicator" : "reportingUnit");
}

export const duplicateRow: SheetRule<"duplicate-row", DuplicateRowParams> = {
  id: "duplicate-row",
  severity: "warning",
  tags: ["sheet", "structure"],
  label: { vi: "Dòng trùng", en: "Duplicate row" },
  message: {
    vi: (p, f) => `${f.quote(p.label)} trùng với dòng ${p.firstRow} (ô ${p.cells[0]}); bỏ dòng lặp hoặc sửa nội dung.`,
    en: (p, f) =>
      `${f.quote(p.label)} repeats row ${p.firstRow} (cell ${p.cells[0]}); remove the repeat or fix the text.`,
  },
  examples: [
    { label: "Số hồ sơ trực tuyến", firstRow: 12, cells: ["B12"], expected: null, actual: "Số hồ sơ trực tuyến" },
  ],
  check(table) {
    const findings: Finding[] = [];
    /**
     * Scope → hash of the folded label → the first rows with each folded label of that hash. Labels are
     * folded only when their hash is already taken: a repeat, or (seldom) another label of the same hash.
     */
    const seen = new Map<string, Map<number, TableRow[]>>();
    // A handful of owners repeat down a kinh-phi sheet: fold each once.
    const foldOwner = perText(foldTidy);
    for (const row of table.rows) {
      if (row.kind === "section" || row.kind === "subtotal" || row.kind === "total") continue;
      const hash = foldedHash(row.label);
      if (hash === undefined) continue;
      const scope = scopeOf(table, row, foldOwner);
      let labels = seen.get(scope);
      if (!labels) {
        labels = new Map();
        seen.set(scope, labels);
      }
      const firsts = labels.get(hash);
      if (!firsts) {
        labels.set(hash, [row]);
        continue;
      }
      const label = foldTidy(row.label);
      const first = firsts.find((other) => foldTidy(other.label) === label);
      if (!first) {
        firsts.push(row);
        continue;
      }
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: labelAddress(table, row) },
          {
            label: row.label,
            firstRow: first.row + 1,
            cells: [labelAddress(table, first)],
            expected: null,
            actual: row.label,
          },
        ),
      );
    }
    return findings;
  },
};
