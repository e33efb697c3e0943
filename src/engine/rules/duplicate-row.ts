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

/** Hash of the folded label → the first rows with each folded label of that hash. */
type Labels = Map<number, TableRow[]>;

/**
 * The labels seen in each scope a label must not repeat in: its section (chi-tieu) or parent
 * (sub-items), and its owner (kinh-phi). Found by the owner's folded text (one string per owner) and a
 * number for the place, not by a key joined for each row: building and hashing that key cost more
 * than hashing the labels themselves on 5.000-row sheets (bench/README.md).
 */
class Scopes {
  private readonly byOwner = new Map<string, Map<number, Labels>>();
  // A handful of owners repeat down a kinh-phi sheet: fold each once.
  private readonly foldOwner = perText(foldTidy);

  constructor(private readonly table: Table) {}

  labelsOf(row: TableRow): Labels {
    const scope = this.table.template.policies.duplicateScope;
    const owner = scope.owner ? this.foldOwner(row.cells.leadUnit?.text ?? "") : "";
    // Sub-items: −2 − parent (−1 without one); other rows: section + 1 where sections scope (0 outside one), else 0.
    const place = row.kind === "subitem" ? -2 - (row.parent ?? -1) : scope.section ? (row.section ?? -1) + 1 : 0;
    let places = this.byOwner.get(owner);
    if (!places) {
      places = new Map();
      this.byOwner.set(owner, places);
    }
    let labels = places.get(place);
    if (!labels) {
      labels = new Map();
      places.set(place, labels);
    }
    return labels;
  }
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
    const scopes = new Scopes(table);
    for (const row of table.rows) {
      if (row.kind === "section" || row.kind === "subtotal" || row.kind === "total") continue;
      const hash = foldedHash(row.label);
      if (hash === undefined) continue;
      // Labels are folded only when their hash is already taken: a repeat, or (seldom) another label.
      const labels = scopes.labelsOf(row);
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
