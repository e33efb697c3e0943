/**
 * mergeWorkbook: the consolidated template's sheets + the units' sheets → MergeResult (spec §6).
 *
 * Decisions (documented for the KHTC officer):
 * - A unit sheet goes to the template sheet of the same template (the one of the same name when the
 *   template has several); a unit sheet no template sheet takes is logged row by row as unknown.
 * - Newer file wins: among one unit's files for one template sheet, the latest `receivedAt` wins
 *   (a file without one counts as oldest; equal dates: the later argument); the others' rows are
 *   logged `superseded`. Sheets of one file (same name and date) are one submission.
 * - Everything else is independent of input order: units are processed sorted by id, file, sheet.
 * - An indicator takes its lead unit's value; with several lead units (`CNTT-BCVT; TTBCXB`) the first
 *   named that sent a value wins and a co-lead's different value is a merge-conflict. Without a lead
 *   (ket-qua has no Đơn vị chủ trì column) the first unit in that order wins. If the lead sent nothing
 *   another unit's value fills the cell for now, and missing-report still says the lead is missing.
 * - A plan's targets already in the template are KHTC's: a unit's different target is a conflict,
 *   the template's stays unless the user picks the unit's.
 * - The consolidated sheets are then checked with the same rules as a unit's sheet (checkGrid).
 */
import { checkGrid } from "../check";
import { parseA1 } from "../grid";
import { sortFindings, type Finding } from "../finding";
import { DEFAULT_UNITS } from "../units";
import { foldText } from "../text";
import { MergeRun, isNonEmptyRow, type SheetCompleteness, type UnitSheet } from "./context";
import { mergeBudgetSheet } from "./budget";
import { mergeIndicatorSheet } from "./indicators";
import { mergeServicesSheet } from "./services";
import type {
  Completeness,
  MergeLogEntry,
  MergeOptions,
  MergeResult,
  SheetMerge,
  TemplateSheet,
  UnitInput,
} from "./types";
import { assignUnit } from "./unitOf";

export type * from "./types";

interface Placed {
  input: UnitInput;
  unit: string;
  argIndex: number;
  template?: TemplateSheet;
}

function templateFor(input: UnitInput, templates: TemplateSheet[]): TemplateSheet | undefined {
  const same = templates.filter((t) => t.table.templateId === input.table.templateId);
  return same.find((t) => foldText(t.table.sheet) === foldText(input.table.sheet)) ?? same[0];
}

/** The latest submission per (unit, template sheet); the rest are superseded. */
function splitSuperseded(placed: Placed[]): { kept: Placed[]; superseded: { placed: Placed; by: Placed }[] } {
  const submission = (p: Placed) => `${p.input.file}\u0000${p.input.receivedAt ?? ""}`;
  const lastIndex = new Map<string, number>();
  for (const p of placed) lastIndex.set(submission(p), p.argIndex);
  const newer = (a: Placed, b: Placed) => {
    const ra = a.input.receivedAt ?? "";
    const rb = b.input.receivedAt ?? "";
    if (ra !== rb) return ra > rb;
    return lastIndex.get(submission(a))! > lastIndex.get(submission(b))!;
  };
  const latest = new Map<string, Placed>();
  for (const p of placed) {
    const group = `${p.unit}\u0000${p.template?.table.sheet}`;
    const current = latest.get(group);
    if (!current || newer(p, current)) latest.set(group, p);
  }
  const kept: Placed[] = [];
  const superseded: { placed: Placed; by: Placed }[] = [];
  for (const p of placed) {
    const winner = latest.get(`${p.unit}\u0000${p.template?.table.sheet}`)!;
    if (submission(winner) === submission(p)) kept.push(p);
    else superseded.push({ placed: p, by: winner });
  }
  return { kept, superseded };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rowOf(cell: string): number {
  return parseA1(cell)?.row ?? 0;
}

export function mergeWorkbook(
  templates: TemplateSheet[],
  inputs: UnitInput[],
  options: MergeOptions = {},
): MergeResult {
  const units = options.units ?? DEFAULT_UNITS;
  const run = new MergeRun(units, options);
  const assignments = inputs.map((input) => assignUnit(input, units));
  const placed: Placed[] = inputs.map((input, argIndex) => ({
    input,
    unit: assignments[argIndex].unit,
    argIndex,
    template: templateFor(input, templates),
  }));
  const { kept, superseded } = splitSuperseded(placed);
  const ordered = [...kept].sort(
    (a, b) =>
      compareText(a.unit, b.unit) ||
      compareText(a.input.file, b.input.file) ||
      compareText(a.input.table.sheet, b.input.table.sheet) ||
      a.argIndex - b.argIndex,
  );
  const sources = new Map<Placed, UnitSheet>(
    ordered.map((p, rank) => [p, { unit: p.unit, file: p.input.file, table: p.input.table, rank }]),
  );

  for (const { placed: p, by } of superseded) {
    const source: UnitSheet = { unit: p.unit, file: p.input.file, table: p.input.table, rank: -1 };
    for (const row of p.input.table.rows) {
      if (isNonEmptyRow(p.input.table, row)) run.logRow(source, row, "superseded", `Thay bằng tệp ${by.input.file}.`);
    }
  }
  for (const p of ordered.filter((p) => !p.template)) {
    const source = sources.get(p)!;
    for (const row of p.input.table.rows) if (isNonEmptyRow(source.table, row)) run.unknownRow(source, row);
  }

  const sheets: SheetMerge[] = [];
  const parts: SheetCompleteness[] = [];
  for (const template of templates) {
    const mine = ordered.filter((p) => p.template === template).map((p) => sources.get(p)!);
    const merge =
      template.table.templateId === "kinh-phi"
        ? mergeBudgetSheet
        : template.table.templateId === "dich-vu-cong"
          ? mergeServicesSheet
          : mergeIndicatorSheet;
    const { sheet, completeness } = merge(run, template, mine);
    sheets.push(sheet);
    parts.push(completeness);
  }

  const context = { units, references: options.references };
  const checked = sheets.flatMap((sheet) => explain(checkGrid(sheet.grid, context).findings, sheet));
  const sent = [...new Set(placed.map((p) => p.unit))].sort(compareText);
  const completeness = summarise(parts, sent);
  const log = [...run.log].sort(
    (a: MergeLogEntry, b: MergeLogEntry) =>
      compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || rowOf(a.cell) - rowOf(b.cell),
  );
  return {
    sheets,
    log,
    findings: sortFindings([...run.findings, ...checked]),
    proposals: run.proposals,
    conflicts: run.conflicts,
    completeness,
    units: assignments,
  };
}

/**
 * A check finding on a row whose values came from one unit with a giải trình carries it (shown as
 * accepted). A row mixing units' values (after a settled conflict) is not covered by either's note.
 */
function explain(findings: Finding[], sheet: SheetMerge): Finding[] {
  const rows = new Map<number, { units: Set<string>; explanation?: string }>();
  for (const f of sheet.filled) {
    const row = rows.get(rowOf(f.cell)) ?? { units: new Set<string>() };
    row.units.add(f.source.unit);
    row.explanation ??= f.explanation;
    rows.set(rowOf(f.cell), row);
  }
  return findings.map((finding) => {
    const row = rows.get(rowOf(finding.cell));
    return row?.explanation && row.units.size === 1 ? { ...finding, explanation: row.explanation } : finding;
  });
}

function summarise(parts: SheetCompleteness[], sent: string[]): Completeness {
  const expectedUnits = [...new Set(parts.flatMap((p) => p.expected))].sort(compareText);
  const reported = new Set([...sent, ...parts.flatMap((p) => p.reporting)]);
  const indicatorRows = parts.reduce((n, p) => n + p.indicatorRows, 0);
  const filledRows = parts.reduce((n, p) => n + p.filledRows, 0);
  return {
    expectedUnits,
    sentUnits: sent,
    missingUnits: expectedUnits.filter((unit) => !reported.has(unit)),
    indicatorRows,
    filledRows,
    percent: indicatorRows === 0 ? 100 : Math.round((filledRows / indicatorRows) * 1000) / 10,
    emptyRows: parts.flatMap((p) => p.emptyRows),
  };
}
