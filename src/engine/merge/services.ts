/**
 * dich-vu-cong: one row per reporting unit. A unit's row is keyed by the unit its label names, else
 * (when the unit's sheet has a single row, typically labelled with a period) by the sending unit,
 * else by its label. Template rows stay in place, new units are added before the total row, and the
 * total row's counts are recomputed. The total's on-time rate is left as the template has it: a rate
 * of dossiers is not the sum of the units' rates, and the dossier counts are not in the table.
 */
import type { Cell } from "../grid";
import { a1 } from "../grid";
import type { Table, TableRow } from "../model";
import type { ColumnRole } from "../template";
import { quote, vnNumber } from "../messages";
import { parseVietnameseNumber } from "../parse/number";
import { matchUnit } from "../units";
import { isNonEmptyRow, type Contribution, type MergeRun, type SheetCompleteness, type UnitSheet } from "./context";
import { travellingExplanation, withExplanation } from "./indicators";
import { labelKey } from "./keys";
import { filledValue, looksScaled, resolveCell, type Candidate, type CellQuestion } from "./resolve";
import { replaceRegion, SheetBuilder, type RegionRow } from "./sheetBuilder";
import type { SheetMerge, TemplateSheet } from "./types";
import { copyCell, isEmptyRef, VALUE_ROLES } from "./values";

const COUNT_ROLES: ColumnRole[] = ["dvcTotal", "dvcInfo", "dvcPartial", "dvcFull", "dvcIntegrated"];

interface ServiceEntry {
  key: string;
  /** The unit this row is about, when it is one of the list. */
  unit?: string;
  templateRow?: TableRow;
  label: string;
  contributions: Contribution[];
}

function isDataRow(row: TableRow): boolean {
  return row.kind !== "total" && row.kind !== "subtotal";
}

export function mergeServicesSheet(
  run: MergeRun,
  template: TemplateSheet,
  sources: UnitSheet[],
): { sheet: SheetMerge; completeness: SheetCompleteness } {
  const { table, grid } = template;
  const entries: ServiceEntry[] = table.rows.filter(isDataRow).map((row) => {
    const unit = matchUnit(row.label, run.units)?.id;
    return { key: unit ?? labelKey(row.label), unit, templateRow: row, label: row.label, contributions: [] };
  });
  const totals = table.rows.filter((row) => !isDataRow(row));

  for (const source of sources) {
    const rows = source.table.rows.filter((row) => isNonEmptyRow(source.table, row));
    const dataRows = rows.filter(isDataRow);
    for (const row of rows) {
      if (!isDataRow(row)) {
        run.logRow(source, row, "recomputed", "Tổng do đơn vị ghi; bảng tổng hợp tính lại.");
        continue;
      }
      const named = matchUnit(row.label, run.units)?.id;
      const unit = named ?? (dataRows.length === 1 ? source.unit : undefined);
      const key = unit ?? labelKey(row.label);
      let entry = entries.find((e) => e.key === key);
      if (!entry) {
        const name = unit && !named ? (run.units.find((u) => u.id === unit)?.name ?? unit) : row.label;
        entry = { key, unit, label: name, contributions: [] };
        entries.push(entry);
      }
      entry.contributions.push({ source, row, outcomes: [], notes: [] });
    }
  }

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
  const completeness: SheetCompleteness = { expected: [], indicatorRows: 0, filledRows: 0, emptyRows: [] };
  entries.forEach((entry, i) => {
    const at = first + i;
    const leads = entry.unit ? [entry.unit] : [];
    for (const role of VALUE_ROLES[table.templateId]) {
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
        column: (table.headers[col] ?? role).replace(/\s+/g, " ").trim(),
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
    const explanation = travellingExplanation(entry.contributions);
    if (explanation && cols.note !== undefined) {
      builder.set(at, cols.note, { value: withExplanation(entry.templateRow?.cells.note?.text ?? "", explanation) });
    }
    const labelCell = a1(at, cols.reportingUnit ?? 0);
    for (const c of entry.contributions) run.logContribution({ ...c, target: { sheet: table.sheet, cell: labelCell } });

    if (!entry.unit) return;
    completeness.indicatorRows++;
    completeness.expected.push(entry.unit);
    const isFilled = COUNT_ROLES.some(
      (role) => cols[role] !== undefined && builder.rows[at]?.[cols[role]!]?.value != null,
    );
    if (isFilled) completeness.filledRows++;
    else completeness.emptyRows.push({ sheet: table.sheet, cell: labelCell, indicator: entry.label, leadUnits: leads });
    if (!isFilled && !entry.contributions.some((c) => c.source.unit === entry.unit)) {
      run.finding(table.sheet, "missing-report", "warning", {
        cell: labelCell,
        vi: `chưa có số liệu dịch vụ công của ${entry.unit} (${quote(entry.label)}).`,
        en: `no public-service figures from ${entry.unit} (${quote(entry.label)}).`,
      });
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
      builder.set(at, col, {
        value: values.reduce((a, b) => a + b, 0),
        numFmt: builder.rows[at]?.[col]?.numFmt ?? "#,##0",
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
        table.sheet,
        "scale-suspect",
        "warning",
        {
          cell: a1(unitRows[i], col),
          vi: `${quote(entries[i].label)} ghi ${vnNumber(value)}, gấp hoặc bằng 1/1000 mức của các đơn vị khác (trung vị ${vnNumber(median)}): có thể nhập sai dấu phân cách.`,
          en: `${quote(entries[i].label)} reports ${value}, about 1000× or 1/1000 of the other units' (median ${median}): probably a separator slip.`,
          expected: median,
          actual: value,
        },
        file ? { file } : {},
      );
    });
  }
}
