/** The state one merge run accumulates: the log, findings, proposals and conflicts, built in one place. */
import type { Cell } from "../grid";
import type { Finding, RuleId } from "../finding";
import type { CellRef, Table, TableRow } from "../model";
import { buildFinding, quote } from "../messages";
import type { UnitDef } from "../units";
import type { Conflict, EmptyRow, FilledValue, MergeLogEntry, MergeOptions, MergeStatus, Proposal } from "./types";
import { displayParsed, explanationOf, valueRefs, VALUE_ROLES } from "./values";

/** A unit's recognised sheet, with the unit it belongs to and its place in the deterministic order. */
export interface UnitSheet {
  unit: string;
  file: string;
  table: Table;
  /** Rank in the merge order (units sorted by id, then file, then sheet): who is "first" is never input order. */
  rank: number;
}

/** One unit row matched to a consolidated row; its status is settled cell by cell. */
export interface Contribution {
  source: UnitSheet;
  row: TableRow;
  outcomes: MergeStatus[];
  notes: string[];
  target?: { sheet: string; cell: string };
}

/** A row shows its most telling cell outcome: a conflict or a rejected value outweighs the cells merged beside it. */
const STATUS_RANK: MergeStatus[] = ["conflict", "rejected", "merged", "agreed"];

export class MergeRun {
  readonly log: MergeLogEntry[] = [];
  readonly findings: Finding[] = [];
  readonly proposals: Proposal[] = [];
  readonly conflicts: Conflict[] = [];
  readonly filled: FilledValue[] = [];
  readonly accepted: Set<string>;
  readonly resolutions: Record<string, string>;

  constructor(
    readonly units: UnitDef[],
    options: MergeOptions,
  ) {
    this.accepted = new Set(options.acceptedProposals ?? []);
    this.resolutions = options.resolutions ?? {};
  }

  finding(
    sheet: string,
    rule: RuleId,
    severity: "error" | "warning",
    spec: { cell: string; vi: string; en: string; expected?: number | string | null; actual?: number | string | null },
    extra: { file?: string; explanation?: string } = {},
  ): void {
    const finding = buildFinding({ sheet }, { id: rule, severity }, spec);
    if (extra.file) finding.file = extra.file;
    if (extra.explanation) finding.explanation = extra.explanation;
    this.findings.push(finding);
  }

  /** Logs a unit row once, with the strongest outcome its cells had. */
  logContribution(contribution: Contribution): void {
    const status = STATUS_RANK.find((s) => contribution.outcomes.includes(s)) ?? "agreed";
    this.logRow(contribution.source, contribution.row, status, contribution.notes.join(" "), contribution.target);
  }

  logRow(
    source: UnitSheet,
    row: TableRow,
    status: MergeStatus,
    note?: string,
    target?: { sheet: string; cell: string },
  ): void {
    const refs = rowValueRefs(source.table, row);
    const entry: MergeLogEntry = {
      file: source.file,
      sheet: source.table.sheet,
      cell: (refs[0] ?? row.cells.indicator ?? row.cells.reportingUnit)?.address ?? `A${row.row + 1}`,
      unit: source.unit,
      indicator: row.label,
      value: refs.map((ref) => `${headerOf(source.table, ref)}: ${displayParsed(ref.parsed)}`).join("; "),
      status,
    };
    const explanation = explanationOf(row);
    if (explanation) entry.explanation = explanation;
    if (note) entry.note = note;
    if (target) entry.target = target;
    this.log.push(entry);
  }

  /** A unit row the template has no place for; `why` replaces “không khớp dòng nào trong mẫu tổng hợp”. */
  unknownRow(source: UnitSheet, row: TableRow, proposal?: Proposal, why?: { vi: string; en: string }): void {
    const cell = (row.cells.indicator ?? row.cells.reportingUnit)?.address ?? `A${row.row + 1}`;
    const hint = proposal
      ? {
          vi: ` Có thể là ${quote(proposal.target.label)} (ô ${proposal.target.cell}, giống ${Math.round(proposal.similarity * 100)}%) — cần xác nhận.`,
          en: ` It may be ${quote(proposal.target.label)} (cell ${proposal.target.cell}, ${Math.round(proposal.similarity * 100)}% similar) — needs confirming.`,
        }
      : { vi: "", en: "" };
    this.finding(
      source.table.sheet,
      "unknown-row",
      "warning",
      {
        cell,
        vi: `dòng ${quote(row.label)} của ${source.unit} (tệp ${source.file}) ${why?.vi ?? "không khớp dòng nào trong mẫu tổng hợp"}; chưa được tổng hợp.${hint.vi}`,
        en: `row ${quote(row.label)} from ${source.unit} (file ${source.file}) ${why?.en ?? "matches no row of the consolidated template"}; not merged.${hint.en}`,
      },
      { file: source.file, explanation: explanationOf(row) },
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
  return valueRefs(row, VALUE_ROLES[table.templateId]);
}

/** A row worth logging: it carries a figure or a giải trình. */
export function isNonEmptyRow(table: Table, row: TableRow): boolean {
  return rowValueRefs(table, row).length > 0 || explanationOf(row) !== undefined;
}

export function headerOf(table: Table, ref: CellRef): string {
  return (table.headers[ref.col] ?? "").replace(/\s+/g, " ").trim() || `Cột ${ref.address.replace(/\d+/g, "")}`;
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

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
