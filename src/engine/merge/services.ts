/**
 * dich-vu-cong: one row per reporting unit. A unit's row goes to the row its own Đơn vị cell names
 * (unitRows.ts); template rows stay in place, a unit the template lacks (named by its row, never by a
 * file name) is added before the total row, and the total row's counts are recomputed (a SUM formula where
 * the template had one). The total's on-time rate is left as the template has it: a rate of dossiers is not
 * the sum of the units' rates, and the dossier counts are not in the table.
 */
import type { Cell } from "../grid";
import { a1 } from "../grid";
import type { Table, TableRow } from "../model";
import type { ColumnRole } from "../template";
import { missingReport } from "../rules/missing-report";
import { scaleSuspect } from "../rules/scale-suspect";
import { parseVietnameseNumber } from "../parse/number";
import {
  isNonEmptyRow,
  proposalFor,
  type Contribution,
  type MergeRun,
  noCompleteness,
  type SheetCompleteness,
  type UnitSheet,
} from "./context";
import { carryExplanation } from "./indicators";
import { filledValue, looksScaled, resolveCell, type Candidate, type CellQuestion } from "./resolve";
import { replaceRegion, SheetBuilder, type RegionRow } from "./sheetBuilder";
import { sumFormula } from "./sumFormula";
import type { SheetMerge, TemplateSheet } from "./types";
import { namesNoUnit, UnitRowIndex, unitNamed, type UnitRowEntry } from "./unitRows";
import { copyCell, isEmptyRef, valueRoles } from "./values";
import { columnName } from "../headerText";

const COUNT_ROLES: ColumnRole[] = ["dvcTotal", "dvcInfo", "dvcPartial", "dvcFull", "dvcIntegrated"];

interface ServiceEntry extends UnitRowEntry {
  contributions: Contribution[];
}

function isDataRow(row: TableRow): boolean {
  return row.kind !== "total" && row.kind !== "subtotal";
}

/** Places every non-empty unit row in `entries` (adding rows for units the template lacks) or logs why not. */
function placeRows(run: MergeRun, table: Table, entries: ServiceEntry[], sources: UnitSheet[]): void {
  const index = new UnitRowIndex<ServiceEntry>(run.units);
  for (const entry of entries) index.add(entry);
  const addEntry = (unit: string, label: string): ServiceEntry => {
    const entry: ServiceEntry = { unit, label, contributions: [] };
    entries.push(entry);
    index.add(entry);
    return entry;
  };
  for (const source of sources) {
    const rows = source.table.rows.filter((row) => isNonEmptyRow(source.table, row, source.extras));
    // The file's unit speaks for a row only when it is the file's one row and names no unit itself.
    const unnamed = rows.filter((row) => isDataRow(row) && namesNoUnit(row.label) && !index.find(row.label));
    for (const row of rows) {
      if (!isDataRow(row)) {
        run.logRow(source, row, "recomputed", "Tổng do đơn vị ghi; bảng tổng hợp tính lại.");
        continue;
      }
      const notes: string[] = [];
      let entry = index.find(row.label);
      if (!entry && !namesNoUnit(row.label)) {
        const near = index.nearest(row.label, () => true);
        if (near) {
          const proposal = proposalFor(source, row, table, near.value.templateRow!, near.similarity);
          if (!run.accepted.has(proposal.id)) {
            run.proposals.push(proposal);
            run.unknownRow(source, row, proposal);
            continue;
          }
          entry = near.value;
        } else entry = addEntry(unitNamed(row.label, run.units)!, row.label);
      }
      if (!entry && unnamed.length === 1) {
        entry = index.find(source.unit);
        const listed = run.units.find((unit) => unit.id === source.unit);
        if (!entry && listed) entry = addEntry(listed.id, listed.name);
        if (entry) notes.push(`Dòng không ghi đơn vị; theo đơn vị của tệp (${source.unit}).`);
      }
      if (!entry) {
        run.unknownRow(source, row, undefined, {
          vi: `không ghi đơn vị nào của mẫu tổng hợp${unnamed.length === 1 ? ` và đơn vị của tệp (${source.unit}) không có trong mẫu` : ""}`,
          en: `names no unit of the consolidated template${unnamed.length === 1 ? ` and the file's unit (${source.unit}) is not in it` : ""}`,
        });
        continue;
      }
      entry.contributions.push({ source, row, outcomes: [], notes });
    }
  }
}

export function mergeServicesSheet(
  run: MergeRun,
  template: TemplateSheet,
  sources: UnitSheet[],
): { sheet: SheetMerge; completeness: SheetCompleteness } {
  const { table, grid } = template;
  const entries: ServiceEntry[] = table.rows.filter(isDataRow).map((row) => ({
    unit: unitNamed(row.label, run.units),
    label: row.label,
    templateRow: row,
    contributions: [],
  }));
  const totals = table.rows.filter((row) => !isDataRow(row));
  placeRows(run, table, entries, sources);

  const cols = table.columns;
  const width = Math.max(0, ...Object.keys(table.headers).map(Number)) + 1;
  const dataGridRows = table.rows.map((r) => r.row);
  const first = dataGridRows.length ? Math.min(...dataGridRows) : Math.max(...table.headerRows) + 1;
  const oldCount = dataGridRows.length ? Math.max(...dataGridRows) - first + 1 : 0;
  const region: RegionRow[] = entries.map((entry) => {
    if (entry.templateRow) return [...(grid.rows[entry.templateRow.row] ?? [])];
    const cells: RegionRow = [];
    if (cols.reportingUnit !== undefined) cells[cols.reportingUnit] = { value: entry.label };
    return cells;
  });
  for (const total of totals) region.push([...(grid.rows[total.row] ?? [])]);
  const builder = new SheetBuilder(grid);
  const rowChange = replaceRegion(builder, first, oldCount, region, width);

  const filled: SheetMerge["filled"] = [];
  const completeness = noCompleteness();
  entries.forEach((entry, i) => {
    const at = first + i;
    // Every row placed here names this unit; its own file's value, where sent, is the one taken.
    const leads = entry.unit && entry.contributions.some((c) => c.source.unit === entry.unit) ? [entry.unit] : [];
    for (const role of valueRoles(table)) {
      const col = cols[role];
      if (col === undefined) continue;
      const candidates: Candidate[] = entry.contributions.flatMap((contribution) => {
        const ref = contribution.row.cells[role];
        return ref && !isEmptyRef(ref)
          ? [{ contribution, address: ref.address, cell: ref.cell, parsed: ref.parsed }]
          : [];
      });
      const question: CellQuestion = {
        sheet: table.sheet,
        cell: a1(at, col),
        indicator: entry.label,
        column: columnName(table, col),
        leads,
        candidates,
      };
      const kept = resolveCell(run, question);
      if (!kept) continue;
      const cell = copyCell(kept.cell);
      builder.set(at, col, cell);
      filled.push(filledValue(question, kept, cell));
    }
    for (const c of entry.contributions) if (c.outcomes.length === 0) c.outcomes.push("merged");
    carryExplanation(builder, table, at, entry.contributions, entry.templateRow?.cells.note?.text ?? "");
    const labelCell = a1(at, cols.reportingUnit ?? 0);
    for (const c of entry.contributions)
      run.logContribution({ ...c, target: { sheet: table.sheet, cell: labelCell } }, table);

    if (!entry.unit) return;
    completeness.indicatorRows++;
    completeness.expected.push(entry.unit);
    const isFilled = COUNT_ROLES.some(
      (role) => cols[role] !== undefined && builder.rows[at]?.[cols[role]!]?.value != null,
    );
    if (isFilled) completeness.filledRows++;
    else completeness.emptyRows.push({ sheet: table.sheet, cell: labelCell, indicator: entry.label, leadUnits: leads });
    if (entry.contributions.length > 0) completeness.reporting.push(entry.unit);
    if (!isFilled) {
      run.finding(
        missingReport,
        { sheet: table.sheet, cell: labelCell },
        { kind: "services", units: entry.unit, label: entry.label },
      );
    }
  });

  const unitRows = entries.map((_, i) => first + i);
  scaleAcrossUnits(run, builder, table, entries, unitRows);
  totals.forEach((_, i) => {
    const at = first + entries.length + i;
    for (const role of COUNT_ROLES) {
      const col = cols[role];
      if (col === undefined) continue;
      const values = unitRows.map((r) => numeric(builder.rows[r]?.[col])).filter((v): v is number => v !== undefined);
      if (values.length === 0) continue;
      const formula = builder.rows[at]?.[col]?.formula ? sumFormula(builder.rows, unitRows, col) : undefined;
      builder.set(at, col, {
        value: values.reduce((a, b) => a + b, 0),
        numFmt: builder.rows[at]?.[col]?.numFmt ?? "#,##0",
        ...(formula ? { formula } : {}),
      });
    }
  });
  return builder.finish(table, filled, completeness, rowChange);
}

/** A count as the sheet holds it: a number, or Vietnamese number text (`2.120`). */
function numeric(cell: Cell | undefined): number | undefined {
  if (typeof cell?.value === "number") return cell.value;
  return typeof cell?.value === "string" ? parseVietnameseNumber(cell.value) : undefined;
}

/** A unit's count about 1000× or 1/1000 of the other units' median for the same column. */
function scaleAcrossUnits(
  run: MergeRun,
  builder: SheetBuilder,
  table: Table,
  entries: ServiceEntry[],
  unitRows: number[],
): void {
  for (const role of COUNT_ROLES) {
    const col = table.columns[role];
    if (col === undefined) continue;
    const values = unitRows.map((r) => numeric(builder.rows[r]?.[col]));
    values.forEach((value, i) => {
      const others = values.filter((v, j): v is number => j !== i && v !== undefined && v !== 0).sort((a, b) => a - b);
      if (value === undefined || others.length === 0) return;
      const median = others[Math.floor(others.length / 2)];
      if (!looksScaled(value, median)) return;
      const file = entries[i].contributions[0]?.source.file;
      run.finding(
        scaleSuspect,
        { sheet: table.sheet, cell: a1(unitRows[i], col), ...(file ? { file } : {}) },
        { kind: "units-median", label: entries[i].label, value, median, expected: median, actual: value },
      );
    });
  }
}
