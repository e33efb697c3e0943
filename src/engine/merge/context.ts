/** The state one merge run accumulates: the log, findings, proposals and conflicts, built in one place. */
import type { Cell } from "../grid";
import { makeFinding, type Finding, type FindingParams, type FindingPlace, type RuleId } from "../finding";
import type { Words } from "../locale";
import type { CellRef, Table, TableRow } from "../model";
import type { RuleDefinition } from "../rules/rule";
import { unknownRow } from "../rules/unknown-row";
import type { UnitDef } from "../units";
import type {
  AccountedValue,
  Conflict,
  EmptyRow,
  ExtraCell,
  FilledValue,
  MergeLogEntry,
  MergeOptions,
  MergeStatus,
  Proposal,
  ValueFate,
} from "./types";
import { foldText } from "../text";
import { displayParsed, explanationOf, rowValueCells, valueRefs, valueRoles, type ValueCell } from "./values";
import { columnName } from "../headerText";

/** A unit's recognised sheet, with the unit it belongs to and its place in the deterministic order. */
export interface UnitSheet {
  unit: string;
  file: string;
  table: Table;
  /** Rank in the merge order (units sorted by id, then file, then sheet): who is "first" is never input order. */
  rank: number;
  /** Cells in columns the table does not read, by 0-based grid row. */
  extras?: Map<number, ExtraCell[]>;
}

/** What became of one cell of a unit row, and where it went. */
export interface CellFate {
  fate: ValueFate;
  reason?: string;
  target?: { sheet: string; cell: string };
}

/** One unit row matched to a consolidated row; its status is settled cell by cell. */
export interface Contribution {
  source: UnitSheet;
  row: TableRow;
  outcomes: MergeStatus[];
  notes: string[];
  target?: { sheet: string; cell: string };
  /** Settled cells, by address in the unit's sheet. */
  fates?: Map<string, CellFate>;
}

/** Records what became of one cell of a contribution. */
export function settle(contribution: Contribution, address: string, fate: CellFate): void {
  (contribution.fates ??= new Map()).set(address, fate);
}

/** A row shows its most telling cell outcome: a conflict or a rejected value outweighs the cells merged beside it. */
const STATUS_RANK: MergeStatus[] = ["conflict", "rejected", "merged", "agreed"];

export class MergeRun {
  readonly log: MergeLogEntry[] = [];
  readonly findings: Finding[] = [];
  readonly proposals: Proposal[] = [];
  readonly conflicts: Conflict[] = [];
  readonly filled: FilledValue[] = [];
  readonly values: AccountedValue[] = [];
  readonly accepted: Set<string>;
  /** KHTC's choices by `Sheet!A1`; a Map, since looking up each cell's fresh key in an object interns it. */
  readonly resolutions: ReadonlyMap<string, string>;

  constructor(
    readonly units: UnitDef[],
    options: MergeOptions,
  ) {
    this.accepted = new Set(options.acceptedProposals ?? []);
    this.resolutions = new Map(Object.entries(options.resolutions ?? {}));
  }

  finding<P extends FindingParams>(rule: RuleDefinition<RuleId, P>, place: FindingPlace, params: NoInfer<P>): void {
    this.findings.push(makeFinding(rule, place, params));
  }

  /**
   * Logs a unit row once, with the strongest outcome its cells had, and accounts for each of its
   * values: settled cells as settled, the others not merged with the reason (`template` is the
   * consolidated table the row was matched into).
   */
  logContribution(contribution: Contribution, template: Table): void {
    const status = STATUS_RANK.find((s) => contribution.outcomes.includes(s)) ?? "agreed";
    const { source, row } = contribution;
    const unsettled = (cell: ValueCell): CellFate => ({ fate: "not-merged", reason: notMergedReason(cell, template) });
    const fates = (cell: ValueCell) => contribution.fates?.get(cell.address) ?? unsettled(cell);
    const notMerged = this.accountRow(source, row, fates).filter((v) => v.fate === "not-merged");
    const notes = [
      ...contribution.notes,
      ...notMerged.map((v) => `Không tổng hợp ${v.column}: ${v.value} (${v.reason}).`),
    ];
    this.logRow(source, row, status, notes.join(" "), contribution.target, false);
  }

  /** Logs a unit row once; its values share its status unless `account` is false (already accounted). */
  logRow(
    source: UnitSheet,
    row: TableRow,
    status: MergeStatus,
    note?: string,
    target?: { sheet: string; cell: string },
    account = true,
  ): void {
    if (account) this.accountRow(source, row, () => ({ fate: status, reason: note, target }));
    const refs = rowValueRefs(source.table, row);
    const entry: MergeLogEntry = {
      file: source.file,
      sheet: source.table.sheet,
      cell: (refs[0] ?? row.cells.indicator ?? row.cells.reportingUnit)?.address ?? `A${row.row + 1}`,
      unit: source.unit,
      indicator: row.label,
      value: refs.map((ref) => `${columnName(source.table, ref.col)}: ${displayParsed(ref.parsed)}`).join("; "),
      status,
    };
    const explanation = explanationOf(row);
    if (explanation) entry.explanation = explanation;
    if (note) entry.note = note;
    if (target) entry.target = target;
    this.log.push(entry);
  }

  /** Accounts for every non-empty value of a unit row, each once. */
  accountRow(source: UnitSheet, row: TableRow, fateOf: (cell: ValueCell) => CellFate): AccountedValue[] {
    const accounted = rowValueCells(source.table, row, source.extras?.get(row.row)).map((cell) => {
      const { fate, reason, target } = fateOf(cell);
      const value: AccountedValue = {
        file: source.file,
        sheet: source.table.sheet,
        cell: cell.address,
        unit: source.unit,
        indicator: row.label,
        column: cell.column,
        value: cell.text,
        fate,
      };
      if (reason) value.reason = reason;
      if (target) value.target = target;
      return value;
    });
    this.values.push(...accounted);
    return accounted;
  }

  /** A unit row the template has no place for; `why` replaces “không khớp dòng nào trong mẫu tổng hợp”. */
  unknownRow(source: UnitSheet, row: TableRow, proposal?: Proposal, why?: Words): void {
    const cell = (row.cells.indicator ?? row.cells.reportingUnit)?.address ?? `A${row.row + 1}`;
    const params = {
      label: row.label,
      unit: source.unit,
      file: source.file,
      ...(why ? { reason: why } : {}),
      ...(proposal
        ? {
            proposal: {
              label: proposal.target.label,
              cell: proposal.target.cell,
              similarity: Math.round(proposal.similarity * 100),
            },
          }
        : {}),
    };
    this.finding(
      unknownRow,
      { sheet: source.table.sheet, cell, file: source.file, explanation: explanationOf(row) },
      params,
    );
    this.logRow(source, row, "unknown", proposal ? `Đề xuất khớp với ô ${proposal.target.cell}` : undefined);
  }
}

/** A near match of a unit row to a template row, as shown to the user (applied once accepted). */
export function proposalFor(
  source: UnitSheet,
  row: TableRow,
  template: Table,
  target: TableRow,
  similarity: number,
): Proposal {
  const labelCell = (r: TableRow) => (r.cells.indicator ?? r.cells.reportingUnit)?.address ?? `A${r.row + 1}`;
  const cell = labelCell(row);
  const targetCell = labelCell(target);
  return {
    id: `${source.file}|${source.table.sheet}!${cell}→${template.sheet}!${targetCell}`,
    file: source.file,
    sheet: source.table.sheet,
    cell,
    unit: source.unit,
    label: row.label,
    target: { sheet: template.sheet, cell: targetCell, label: target.label },
    similarity: Math.round(similarity * 1000) / 1000,
  };
}

/** The figures of a row (its template's value roles and amounts). */
export function rowValueRefs(table: Table, row: TableRow): CellRef[] {
  return valueRefs(row, valueRoles(table));
}

/** A row worth logging: it carries a figure, a giải trình, or a value in a column the table does not read. */
export function isNonEmptyRow(table: Table, row: TableRow, extras?: Map<number, ExtraCell[]>): boolean {
  return (
    rowValueRefs(table, row).length > 0 || explanationOf(row) !== undefined || (extras?.get(row.row)?.length ?? 0) > 0
  );
}

/** Why a value of a matched row did not reach the consolidated sheet. */
function notMergedReason(cell: ValueCell, template: Table): string {
  if (cell.extra) {
    // A column the template has under that header but does not fill (computed by its formula, or kept for notes).
    const named = Object.values(template.headers).some((header) => foldText(header) === foldText(cell.column));
    return named
      ? `cột “${cell.column}” của mẫu tổng hợp không phải cột số liệu PhuLuc tổng hợp (cột tính bằng công thức hoặc cột ghi thêm)`
      : `mẫu tổng hợp không có cột “${cell.column}”`;
  }
  if (cell.role === "note") {
    return template.columns.note === undefined
      ? "mẫu tổng hợp không có cột Ghi chú"
      : "chỉ giải trình đi kèm số liệu được lấy mới vào Ghi chú; ghi chú này có trong nhật ký";
  }
  if (cell.amount !== undefined) return `cột tiền “${cell.column}” không khớp cột nào của mẫu tổng hợp`;
  if (cell.role && template.columns[cell.role] === undefined) return `mẫu tổng hợp không có cột “${cell.column}”`;
  return `cột “${cell.column}” không được tổng hợp`;
}

/** A shallow copy of a cell list, so the template grid is never modified. */
export function cloneRows(rows: (Cell | undefined)[][]): (Cell | undefined)[][] {
  return rows.map((row) => [...row]);
}

/** What one consolidated sheet contributes to the completeness report. */
export interface SheetCompleteness {
  expected: string[];
  /** Expected units whose row a unit's file filled (dich-vu-cong: the row names its unit, whoever sent the file). */
  reporting: string[];
  indicatorRows: number;
  filledRows: number;
  emptyRows: EmptyRow[];
}

/** A sheet's completeness before any row is counted. */
export function noCompleteness(): SheetCompleteness {
  return { expected: [], reporting: [], indicatorRows: 0, filledRows: 0, emptyRows: [] };
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
