/**
 * After a merge: the units' stored giải trình, re-keyed to the consolidated sheets (the consolidated
 * sheet's name and the consolidated row's indicator key), each naming its unit, for the
 * consolidated workbook's PhuLuc sheet. A unit's explanation follows its row's values: it travels
 * only where the row was merged (not where it was superseded, unknown or refused).
 */
import { a1, parseA1 } from "../grid";
import type { MergeResult, UnitInput } from "../merge/types";
import type { Table } from "../model";
import { recogniseTable } from "../recognise";
import type { Finding } from "../finding";
import { attachExplanations, indicatorKey, upsertExplanation, type Explanation } from "./explanations";

const rowOf = (cell: string) => parseA1(cell)?.row ?? -1;

/** The consolidated sheets' tables, recognised once each when first asked for. */
function consolidatedTables(result: MergeResult): (sheet: string) => Table | undefined {
  const tables = new Map<string, Table | undefined>();
  return (sheet) => {
    if (!tables.has(sheet)) {
      const merged = result.sheets.find((s) => s.sheet === sheet);
      tables.set(sheet, merged ? recogniseTable(merged.grid).table : undefined);
    }
    return tables.get(sheet);
  };
}

export function carryExplanations(result: MergeResult, inputs: readonly UnitInput[]): Explanation[] {
  const consolidated = consolidatedTables(result);
  const unitOf = new Map(result.units.map((u) => [u.file, u.unit]));
  let carried: Explanation[] = [];
  for (const input of inputs) {
    for (const e of input.explanations ?? []) {
      if (e.sheet !== input.table.sheet) continue;
      const row = input.table.rows.find((r) => indicatorKey(input.table, r) === e.key);
      if (!row) continue;
      const entry = result.log.find(
        (l) =>
          l.file === input.file &&
          l.sheet === input.table.sheet &&
          l.status === "merged" &&
          l.target &&
          rowOf(l.cell) === row.row,
      );
      const table = entry?.target && consolidated(entry.target.sheet);
      const target = table && table.rows.find((r) => r.row === rowOf(entry.target!.cell));
      if (!table || !target) continue;
      const unit = e.unit ?? unitOf.get(input.file) ?? "";
      carried = upsertExplanation(carried, {
        ...e,
        sheet: table.sheet,
        key: indicatorKey(table, target),
        label: target.label,
        // The finding's column on the consolidated row (informative: the key is what finds it).
        cell: a1(target.row, parseA1(e.cell)?.col ?? 0),
        ...(unit ? { unit } : {}),
      });
    }
  }
  return carried;
}

/**
 * The consolidated workbook's explanations after a merge: a unit whose files this merge took speaks
 * through them only (its earlier explanations go, those of its files now carried come in); KHTC's
 * own (no unit) and the other units' stay.
 */
export function mergedExplanations(
  existing: readonly Explanation[],
  carried: readonly Explanation[],
  mergedUnits: Iterable<string>,
): Explanation[] {
  const units = new Set(mergedUnits);
  const kept = existing.filter((e) => !e.unit || !units.has(e.unit));
  return carried.reduce(upsertExplanation, kept);
}

/**
 * The merge's findings on the consolidated sheets, each that the consolidated workbook's stored
 * giải trình explains carrying it (an approved unit's explanation kept from an earlier round, one of
 * KHTC's own); findings already explained by this merge's inputs, and those on a unit's file, are left as they are.
 */
export function explainMergeFindings(result: MergeResult, explanations: readonly Explanation[]): Finding[] {
  if (explanations.length === 0) return result.findings;
  const consolidated = consolidatedTables(result);
  return result.findings.map((finding) => {
    const table = !finding.explanation && !finding.file ? consolidated(finding.sheet) : undefined;
    return table ? attachExplanations(table, [finding], explanations)[0] : finding;
  });
}
