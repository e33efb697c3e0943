/**
 * Giải trình (spec §10): a unit's or KHTC's explanation of one finding, stored in the workbook itself
 * (the very hidden `PhuLuc` sheet, see store.ts) and keyed by sheet name + the row's indicator key +
 * rule id — never by cell address, so it stays attached when rows are inserted above it or the
 * sheet is re-sorted. The indicator key is the identity merge already matches rows by (Mã chỉ tiêu,
 * else section + folded label), so an explanation made on a unit's sheet finds its row in the
 * consolidated sheet too.
 *
 * Decisions:
 * - One explanation per (sheet, key, rule): several findings of one rule on one row (two columns
 *   of the same row) share it; writing again replaces the text, author and time.
 * - A finding on no table row (a sheet-level `missing-column`, `unknown-template`) cannot be
 *   explained: it is a fault of the form, not of a figure.
 * - An explained finding keeps its severity and stays in every list (shown as *đã giải trình*);
 *   only blocking (export, exit codes) ignores it.
 */
import { type Finding } from "../finding";
import { parseA1 } from "../grid";
import type { Table, TableRow } from "../model";
import { codeOf, rowKey } from "../merge/match";
import { labelKey } from "../merge/keys";

/** What a finding's JSON carries as `explanation` in `phuluc check --json`. */
export interface ExplanationNote {
  text: string;
  /** Who wrote it (a name as typed; empty when not given). */
  by: string;
  /** ISO date-time it was written. */
  at: string;
}

export interface Explanation extends ExplanationNote {
  /** The sheet's name as the workbook has it. */
  sheet: string;
  /** The row's indicator key (indicatorKey). */
  key: string;
  rule: string;
  /** The row's label when it was written: for people reading the PhuLuc sheet and the Giải trình list. */
  label: string;
  /** The finding's cell when it was written (informative only: rows move). */
  cell: string;
  /** In a consolidated workbook: the unit whose explanation it is. */
  unit?: string;
}

/**
 * The row's identity: `ma:<Mã chỉ tiêu>` when the row has one, else merge's section + label key;
 * totals and subtotals (which merge recomputes, never matches) by their kind and label.
 */
export function indicatorKey(table: Table, row: TableRow): string {
  const code = codeOf(row);
  if (code) return `ma:${code}`;
  if (row.kind === "section" || row.kind === "item" || row.kind === "subitem") return rowKey(table, row).key;
  return `${row.kind}|${labelKey(row.label)}`;
}

/** The table row a finding's cell is on, if any. */
export function rowOfFinding(table: Table, finding: Pick<Finding, "cell">): TableRow | undefined {
  const at = parseA1(finding.cell);
  return at ? table.rows.find((row) => row.row === at.row) : undefined;
}

function same(a: Pick<Explanation, "sheet" | "key" | "rule">, b: Pick<Explanation, "sheet" | "key" | "rule">) {
  return a.sheet === b.sheet && a.key === b.key && a.rule === b.rule;
}

/** The stored explanation of a finding on `table`, if any. */
export function explanationOf(
  table: Table,
  finding: Pick<Finding, "cell" | "rule">,
  explanations: readonly Explanation[],
): Explanation | undefined {
  const row = rowOfFinding(table, finding);
  if (!row) return undefined;
  const wanted = { sheet: table.sheet, key: indicatorKey(table, row), rule: finding.rule };
  return explanations.find((e) => same(e, wanted));
}

/**
 * The sheet's findings, each one that has a stored explanation carrying it (`explanation` = its
 * text, so everything that already honours a Ghi chú giải trình honours it; `explanationRecord` =
 * text, author, time).
 */
export function attachExplanations(
  table: Table | undefined,
  findings: readonly Finding[],
  explanations: readonly Explanation[],
): Finding[] {
  if (!table || explanations.length === 0) return [...findings];
  return findings.map((finding) => {
    const found = explanationOf(table, finding, explanations);
    if (!found) return finding;
    const record: ExplanationNote = { text: found.text, by: found.by, at: found.at };
    const explained: Finding = { ...finding, explanation: found.text, explanationRecord: record };
    if (found.unit) explained.explanationUnit = found.unit;
    return explained;
  });
}

/** What a new explanation needs besides the finding it explains. */
export interface ExplanationInput {
  text: string;
  by?: string;
  /** ISO date-time; the caller's clock (the engine has none). */
  at: string;
  unit?: string;
}

/**
 * The explanation of `finding` on `table`, ready to store; undefined when the finding is on no
 * table row (see the decisions above).
 */
export function explanationFor(
  table: Table,
  finding: Pick<Finding, "cell" | "rule">,
  input: ExplanationInput,
): Explanation | undefined {
  const row = rowOfFinding(table, finding);
  const text = input.text.trim();
  if (!row || !text) return undefined;
  return {
    sheet: table.sheet,
    key: indicatorKey(table, row),
    rule: finding.rule,
    label: row.label,
    cell: finding.cell,
    text,
    by: input.by?.trim() ?? "",
    at: input.at,
    ...(input.unit ? { unit: input.unit } : {}),
  };
}

/** The list with `explanation` added, replacing the one of the same sheet, row and rule. */
export function upsertExplanation(list: readonly Explanation[], explanation: Explanation): Explanation[] {
  return [...list.filter((e) => !same(e, explanation)), explanation];
}

/** The list without the explanation of that sheet, row and rule. */
export function removeExplanation(
  list: readonly Explanation[],
  which: Pick<Explanation, "sheet" | "key" | "rule">,
): Explanation[] {
  return list.filter((e) => !same(e, which));
}

/** True when the finding blocks export and exit codes: an error nobody explained. */
export function isBlocking(finding: Pick<Finding, "severity" | "explanation">): boolean {
  return finding.severity === "error" && !finding.explanation;
}

/**
 * The unit's table with each row that has stored explanations carrying their texts
 * (`TableRow.storedExplanation`), so merge takes them wherever it takes a Ghi chú giải trình: into
 * the consolidated Ghi chú, the log, and the findings it accepts.
 */
export function withStoredExplanations(table: Table, explanations: readonly Explanation[] | undefined): Table {
  const mine = explanations?.filter((e) => e.sheet === table.sheet) ?? [];
  if (mine.length === 0) return table;
  const rows = table.rows.map((row) => {
    const key = indicatorKey(table, row);
    const texts = [...new Set(mine.filter((e) => e.key === key).map((e) => e.text))];
    return texts.length ? { ...row, storedExplanation: texts.join("; ") } : row;
  });
  return { ...table, rows };
}
