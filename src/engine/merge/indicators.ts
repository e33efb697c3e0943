/**
 * chi-tieu and ket-qua: the template's rows stay where they are; each indicator's cells are filled
 * with its lead unit's values (resolve.ts), the giải trình goes into Ghi chú, and every unit row is
 * logged once.
 */
import { a1 } from "../grid";
import type { Table, TableRow } from "../model";
import { missingReport } from "../rules/missing-report";
import {
  isNonEmptyRow,
  push,
  settle,
  type Contribution,
  type MergeRun,
  noCompleteness,
  type SheetCompleteness,
  type UnitSheet,
} from "./context";
import { RowMatcher } from "./match";
import { filledValue, resolveCell, type Candidate, type CellQuestion } from "./resolve";
import { SheetBuilder } from "./sheetBuilder";
import type { SheetMerge, TemplateSheet } from "./types";
import { leadUnitsOf } from "./unitOf";
import { copyCell, explanationOf, isEmptyRef, reportRoles, valueRoles } from "./values";
import { columnName } from "../headerText";

/** Matches every non-empty unit row to a template row; unmatched rows are logged unknown (with a proposal). */
export function collectContributions(
  run: MergeRun,
  matcher: RowMatcher,
  sources: UnitSheet[],
): Map<number, Contribution[]> {
  const bySlot = new Map<number, Contribution[]>();
  for (const source of sources) {
    const used = new Set<number>();
    for (const row of source.table.rows) {
      if (!isNonEmptyRow(source.table, row, source.extras)) continue;
      if (row.kind === "total" || row.kind === "subtotal") {
        run.logRow(source, row, "recomputed", "Tổng do đơn vị ghi; bảng tổng hợp tính lại.");
        continue;
      }
      const { slot, proposal } = matcher.match(source, row, used);
      if (!slot) {
        if (proposal) run.proposals.push(proposal);
        run.unknownRow(source, row, proposal);
        continue;
      }
      used.add(slot.index);
      push(bySlot, slot.index, { source, row, outcomes: [], notes: [] });
    }
  }
  return bySlot;
}

/**
 * The giải trình of the units whose values were taken goes into the consolidated row's Ghi chú (added
 * once to the template's own note; named by unit when several explain), and those notes are settled.
 */
export function carryExplanation(
  builder: SheetBuilder,
  table: Table,
  at: number,
  contributions: Contribution[],
  existing: string,
): void {
  const noteCol = table.columns.note;
  const explained = contributions.filter((c) => c.outcomes.includes("merged") && explanationOf(c.row));
  if (noteCol === undefined || explained.length === 0) return;
  const explanation =
    explained.length === 1
      ? explanationOf(explained[0].row)!
      : explained.map((c) => `${c.source.unit}: ${explanationOf(c.row)}`).join("; ");
  builder.set(at, noteCol, {
    value: existing.includes(explanation) ? existing : existing ? `${existing}; ${explanation}` : explanation,
  });
  const target = { sheet: table.sheet, cell: a1(at, noteCol) };
  for (const c of explained) settle(c, c.row.cells.note!.address, { fate: "merged", target });
}

function candidatesFor(contributions: Contribution[], role: keyof TableRow["cells"]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const contribution of contributions) {
    const ref = contribution.row.cells[role];
    if (ref && !isEmptyRef(ref))
      candidates.push({ contribution, address: ref.address, cell: ref.cell, parsed: ref.parsed });
  }
  return candidates;
}

export function mergeIndicatorSheet(
  run: MergeRun,
  template: TemplateSheet,
  sources: UnitSheet[],
): { sheet: SheetMerge; completeness: SheetCompleteness } {
  const { table } = template;
  const builder = new SheetBuilder(template.grid);
  const matcher = new RowMatcher(table, run.accepted);
  const bySlot = collectContributions(run, matcher, sources);
  const reportCols = reportRoles(table);
  const filled: SheetMerge["filled"] = [];
  const completeness = noCompleteness();
  const hasLeadColumn = table.columns.leadUnit !== undefined;
  // The template's value columns and their names, the same for every row.
  const valueColumns = valueRoles(table).flatMap((role) => {
    const col = table.columns[role];
    return col === undefined ? [] : [{ role, col, column: columnName(table, col) }];
  });

  for (const slot of matcher.slots) {
    const row = slot.row;
    const contributions = bySlot.get(slot.index) ?? [];
    const leads = leadUnitsOf(row.cells.leadUnit?.text ?? "", run.units);
    for (const { role, col, column } of valueColumns) {
      const address = a1(row.row, col);
      const templateRef = row.cells[role];
      const question: CellQuestion = {
        sheet: table.sheet,
        cell: address,
        indicator: row.label,
        column,
        leads,
        candidates: candidatesFor(contributions, role),
        fixed: role === "target" && !isEmptyRef(templateRef) ? { parsed: templateRef!.parsed } : undefined,
      };
      const kept = resolveCell(run, question);
      if (!kept) continue;
      const cell = copyCell(kept.cell);
      builder.set(row.row, col, cell);
      filled.push(filledValue(question, kept, cell));
    }
    // A lead's row with only a giải trình still carries it into the consolidated sheet.
    for (const c of contributions) {
      if (c.outcomes.length === 0) c.outcomes.push(leads.includes(c.source.unit) ? "merged" : "agreed");
    }
    carryExplanation(builder, table, row.row, contributions, row.cells.note?.text ?? "");
    const target = { sheet: table.sheet, cell: row.cells.indicator?.address ?? a1(row.row, 0) };
    for (const c of contributions) {
      c.target = target;
      run.logContribution(c, table);
    }

    const isIndicator = hasLeadColumn ? leads.length > 0 : row.kind !== "section";
    if (!isIndicator || reportCols.length === 0) continue;
    completeness.indicatorRows++;
    completeness.expected.push(...leads);
    const reportCells = reportCols.map((role) => a1(row.row, table.columns[role]!));
    const isFilled = reportCols.some((role) => builder.rows[row.row]?.[table.columns[role]!]?.value != null);
    if (isFilled) completeness.filledRows++;
    else
      completeness.emptyRows.push({ sheet: table.sheet, cell: reportCells[0], indicator: row.label, leadUnits: leads });

    const templateFilled = reportCols.some((role) => !isEmptyRef(row.cells[role]));
    const leadSent = contributions.some(
      (c) => leads.includes(c.source.unit) && reportCols.some((role) => !isEmptyRef(c.row.cells[role])),
    );
    if (leads.length > 0 && !leadSent && !templateFilled) {
      run.finding(
        missingReport,
        { sheet: table.sheet, cell: reportCells[0] },
        { kind: "indicator", units: leads.join(", "), label: row.label, standIn: isFilled },
      );
    }
  }
  return builder.finish(table, filled, completeness);
}
