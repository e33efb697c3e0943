/**
 * mergeWorkbook: the consolidated template's sheets + the units' sheets → MergeResult (spec §6).
 *
 * Decisions (documented for the KHTC officer):
 * - A unit sheet goes to the template sheet of the same template (the one of the same name when the
 *   template has several).
 * - Every non-empty value of every unit row is accounted for once (MergeResult.values): merged,
 *   agreed, conflict, rejected, unknown, superseded, recomputed, or not-merged with its reason.
 * - Newer file wins: among one unit's files for one template sheet, the latest `receivedAt` (the
 *   workbook's own modified date, else the file's) wins; the older files' values are `superseded`
 *   (info findings, the log, the accounting) and the unit is not missing. Files without a date, or
 *   with the same date, are all merged — never decided by the order of arguments — and their
 *   differing values are conflicts.
 * - A unit sheet of a template the consolidated workbook lacks (kinh-phi sent for chi-tieu) is
 *   `wrong-template`: refused, its values accounted as not merged, and not that unit's report.
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
import { oneFindingPerCause } from "./oneCause";
import { parseA1 } from "../grid";
import { sortFindings, type Finding } from "../finding";
import { DEFAULT_UNITS } from "../units";
import { foldText } from "../text";
import { FORMATS } from "../locale";
import { datedVi, superseded, type DatedFile } from "../rules/superseded";
import { wrongTemplate } from "../rules/wrong-template";
import { MergeRun, isNonEmptyRow, push, type SheetCompleteness, type UnitSheet } from "./context";
import { mergeBudgetSheet } from "./budget";
import { mergeIndicatorSheet } from "./indicators";
import { mergeServicesSheet } from "./services";
import type {
  Completeness,
  ExtraCell,
  MergeLogEntry,
  MergeOptions,
  MergeResult,
  SheetMerge,
  TemplateSheet,
  UnitInput,
} from "./types";
import { assignUnit } from "./unitOf";
import { templateRowUnit } from "./unitRows";
import { withStoredExplanations } from "../review/explanations";

export type * from "./types";

interface Placed {
  input: UnitInput;
  unit: string;
  argIndex: number;
  template?: TemplateSheet;
}

/** How each merge strategy (the template's policies) consolidates a sheet. */
const MERGES = {
  "indicator-rows": mergeIndicatorSheet,
  "budget-items": mergeBudgetSheet,
  "unit-rows": mergeServicesSheet,
};

function templateFor(input: UnitInput, templates: TemplateSheet[]): TemplateSheet | undefined {
  const same = templates.filter((t) => t.table.templateId === input.table.templateId);
  return same.find((t) => foldText(t.table.sheet) === foldText(input.table.sheet)) ?? same[0];
}

/**
 * Per (unit, template sheet), the submissions dated before the latest one are superseded by it.
 * Undated submissions, and those with the latest date, are all kept: with nothing to compare, the
 * order of arguments decides nothing, and their differing values show as conflicts.
 */
function splitSuperseded(placed: Placed[]): { kept: Placed[]; superseded: { placed: Placed; by: Placed }[] } {
  const group = (p: Placed) => `${p.unit}\u0000${p.template?.table.sheet}`;
  const latest = new Map<string, Placed>();
  for (const p of placed) {
    const current = latest.get(group(p));
    if (p.input.receivedAt && (!current || p.input.receivedAt > current.input.receivedAt!)) latest.set(group(p), p);
  }
  const kept: Placed[] = [];
  const superseded: { placed: Placed; by: Placed }[] = [];
  for (const p of placed) {
    const winner = latest.get(group(p));
    if (winner && p.input.receivedAt && p.input.receivedAt < winner.input.receivedAt!)
      superseded.push({ placed: p, by: winner });
    else kept.push(p);
  }
  return { kept, superseded };
}

/** `2024-10-05T08:00:00.000Z` → `05/10/2024 08:00` (UTC, as stored). */
function shownDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso ?? "");
  if (!m) return iso ?? "";
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ""}`;
}

function dated(input: UnitInput): DatedFile {
  if (!input.receivedAt) return { file: input.file };
  return {
    file: input.file,
    date: shownDate(input.receivedAt),
    from: input.receivedFrom === "file" ? "file" : "workbook",
  };
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
  const tables = templates.map((template) => template.table);
  const templateUnit = templateRowUnit(tables, units);
  const assignments = inputs.map((input) => assignUnit(input, units, templateUnit));
  const placed: Placed[] = inputs.map((input, argIndex) => ({
    input,
    unit: assignments[argIndex].unit,
    argIndex,
    template: templateFor(input, templates),
  }));
  const wrong = placed.filter((p) => !p.template);
  const { kept, superseded } = splitSuperseded(placed.filter((p) => p.template));
  const ordered = [...kept].sort(
    (a, b) =>
      compareText(a.unit, b.unit) ||
      compareText(a.input.file, b.input.file) ||
      compareText(a.input.table.sheet, b.input.table.sheet) ||
      a.argIndex - b.argIndex,
  );
  const sheetOf = (p: Placed, rank: number): UnitSheet => ({
    unit: p.unit,
    file: p.input.file,
    table: withStoredExplanations(p.input.table, p.input.explanations),
    rank,
    extras: extrasByRow(p.input),
  });
  const sources = new Map<Placed, UnitSheet>(ordered.map((p, rank) => [p, sheetOf(p, rank)]));

  for (const { placed: p, by } of superseded) supersede(run, sheetOf(p, -1), p.input, by.input);
  for (const p of wrong) refuseWrongTemplate(run, sheetOf(p, -1), templates);

  const sheets: SheetMerge[] = [];
  const parts: SheetCompleteness[] = [];
  for (const template of templates) {
    const mine = ordered.filter((p) => p.template === template).map((p) => sources.get(p)!);
    const merge = MERGES[template.table.template.policies.mergeStrategy];
    const { sheet, completeness } = merge(run, template, mine);
    sheets.push(sheet);
    parts.push(completeness);
  }

  const context = { units, references: options.references };
  const { mergeFindings, checked } = oneFindingPerCause(
    run.findings,
    sheets.flatMap((sheet) => explain(checkGrid(sheet.grid, context).findings, sheet)),
  );
  // A sheet of another template is not a report: its unit has not sent one unless another sheet matched.
  const sent = [...new Set(placed.filter((p) => p.template).map((p) => p.unit))].sort(compareText);
  const completeness = summarise(parts, sent, options.receivedEarlier);
  const log = [...run.log].sort(
    (a: MergeLogEntry, b: MergeLogEntry) =>
      compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || rowOf(a.cell) - rowOf(b.cell),
  );
  return {
    sheets,
    log,
    findings: sortFindings([...mergeFindings, ...checked]),
    proposals: run.proposals,
    conflicts: run.conflicts,
    completeness,
    units: assignments,
    values: run.values,
  };
}

function extrasByRow(input: UnitInput): Map<number, ExtraCell[]> | undefined {
  if (!input.extraCells?.length) return undefined;
  const byRow = new Map<number, ExtraCell[]>();
  for (const cell of input.extraCells) push(byRow, cell.row, cell);
  return byRow;
}

/** A unit's older file: each non-empty row logged, each value accounted and listed as superseded. */
function supersede(run: MergeRun, source: UnitSheet, older: UnitInput, newer: UnitInput): void {
  const by = `Thay bằng ${datedVi(dated(newer))}.`;
  for (const row of source.table.rows) {
    if (!isNonEmptyRow(source.table, row, source.extras)) continue;
    run.logRow(source, row, "superseded", by);
    const values = run.values.filter(
      (v) => v.file === source.file && v.sheet === source.table.sheet && v.indicator === row.label,
    );
    const cell = run.log[run.log.length - 1].cell;
    const shown = values.map((v) => `${v.column}: ${v.value}`).join("; ");
    run.finding(
      superseded,
      { sheet: source.table.sheet, cell, file: source.file },
      { label: row.label, unit: source.unit, older: dated(older), newer: dated(newer), values: shown },
    );
  }
}

/** A sheet of a template the consolidated workbook does not have: refused, said once, its values accounted. */
function refuseWrongTemplate(run: MergeRun, source: UnitSheet, templates: TemplateSheet[]): void {
  const wanted = [...new Set(templates.map((t) => t.table.templateId))].join(", ");
  const params = {
    sheet: source.table.sheet,
    file: source.file,
    unit: source.unit,
    found: source.table.templateId,
    wanted,
  };
  run.finding(
    wrongTemplate,
    { sheet: source.table.sheet, cell: source.table.headerAddress, file: source.file },
    params,
  );
  const vi = wrongTemplate.message.vi(params, FORMATS.vi);
  for (const row of source.table.rows) {
    if (isNonEmptyRow(source.table, row, source.extras)) run.logRow(source, row, "not-merged", `Tệp khác mẫu: ${vi}`);
  }
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

function summarise(parts: SheetCompleteness[], sent: string[], earlier: readonly string[] = []): Completeness {
  const expectedUnits = [...new Set(parts.flatMap((p) => p.expected))].sort(compareText);
  const reported = new Set([...sent, ...parts.flatMap((p) => p.reporting)]);
  const receivedEarlier = expectedUnits.filter((unit) => !reported.has(unit) && earlier.includes(unit));
  const indicatorRows = parts.reduce((n, p) => n + p.indicatorRows, 0);
  const filledRows = parts.reduce((n, p) => n + p.filledRows, 0);
  return {
    expectedUnits,
    sentUnits: sent,
    receivedEarlier,
    missingUnits: expectedUnits.filter((unit) => !reported.has(unit) && !receivedEarlier.includes(unit)),
    indicatorRows,
    filledRows,
    percent: indicatorRows === 0 ? 100 : Math.round((filledRows / indicatorRows) * 1000) / 10,
    emptyRows: parts.flatMap((p) => p.emptyRows),
  };
}
