/**
 * The result of `phuluc check` in the shape spec §8 fixes (tests outside the project read it), built
 * from the engine's sheet reports; both the JSON and the text table are renderings of this.
 */
import type { Grid } from "../engine/grid";
import type { Finding, Severity } from "../engine/finding";
import type { SheetReport } from "../engine/check";
import type { TemplateId } from "../engine/template";
import { makeNote, type Note } from "../engine/notes/note";
import { sheetEmpty } from "../engine/notes/workbook";
import { hiddenSheetNote } from "../adapters/xlsx/readWorkbook";
import { ownSheetKind } from "../engine/review";

export interface FindingJson {
  rule: Finding["rule"];
  severity: Severity;
  cell: string;
  message: string;
  expected: Finding["expected"] | null;
  actual: Finding["actual"] | null;
  /** Added after spec §8's fields: the English message. */
  messageEn: string;
  /** What both messages are rendered from (FindingParams and the rule's own fields). */
  params: Finding["params"];
  /** The giải trình stored in the workbook for this finding (spec §10): shown as đã giải trình, not blocking. */
  explanation?: { text: string; by: string; at: string };
}

/** A note as the JSON carries it: id, severity `info`, both messages and the params they come from. */
export type NoteJson = Pick<Note, "id" | "severity" | "message" | "messageEn" | "params">;

export interface SheetResult {
  sheet: string;
  template: TemplateId | null;
  findings: FindingJson[];
  /** Plain Vietnamese statements about odd input (hidden, truncated, empty, uncalculated formulas…). */
  notes: string[];
  /** Added after `notes`: the same notes, typed (id, params) and in English too. */
  typedNotes: NoteJson[];
  /** Set when the engine failed on this sheet (a fault to report, exit 2), not when it found problems. */
  error?: string;
}

export interface FileResult {
  file: string;
  /** Why the file could not be read (Vietnamese); then `sheets` is empty. */
  error?: string;
  sheets: SheetResult[];
}

export interface CheckResult {
  files: FileResult[];
  /** The approved plan the files were checked against (`--plan`), as given. */
  plan?: string;
  /** The previous period's workbook (`--previous`), as given. */
  previous?: string;
}

/** Spec §8's fields and those added after them, but the giải trình (whose form check and merge differ in). */
export function findingFields(finding: Finding): Omit<FindingJson, "explanation"> {
  return {
    rule: finding.rule,
    severity: finding.severity,
    cell: finding.cell,
    message: finding.message,
    expected: finding.expected ?? null,
    actual: finding.actual ?? null,
    messageEn: finding.messageEn,
    params: finding.params,
  };
}

export function findingJson(finding: Finding): FindingJson {
  const json: FindingJson = findingFields(finding);
  if (finding.explanationRecord) json.explanation = finding.explanationRecord;
  return json;
}

/**
 * A sheet with nothing in it (or only blanks) is not a table to check: it is skipped and said. A sheet
 * whose only content lay beyond the read limits is not empty: the check says what was skipped.
 */
export function isEmptyGrid(grid: Grid): boolean {
  if (grid.truncated) return false;
  return grid.rows.every((cells) =>
    cells.every((cell) => !cell || (!cell.error && !cell.formula && String(cell.value ?? "").trim() === "")),
  );
}

function noteJson(note: Note): NoteJson {
  return {
    id: note.id,
    severity: note.severity,
    message: note.message,
    messageEn: note.messageEn,
    params: note.params,
  };
}

/** A sheet's result from what was found and said about it. */
export function sheetResultOf(
  sheet: string,
  template: TemplateId | null,
  findings: Finding[],
  notes: Note[],
): SheetResult {
  return {
    sheet,
    template,
    findings: findings.map(findingJson),
    notes: notes.map((n) => n.message),
    typedNotes: notes.map(noteJson),
  };
}

export function emptySheetResult(grid: Grid): SheetResult {
  return sheetResultOf(grid.name, null, [], [...hiddenSheetNote(grid), makeNote(sheetEmpty, { sheet: grid.name })]);
}

export function sheetResult(grid: Grid, report: SheetReport): SheetResult {
  // The engine says what the reader skipped; a hidden sheet only the reader knows (PhuLuc's own is meant to be).
  const hidden = ownSheetKind(grid.name) ? [] : hiddenSheetNote(grid);
  return sheetResultOf(report.sheet, report.template, report.findings, [...hidden, ...report.notes]);
}

/** Errors with a giải trình: listed, but not counted against the exit code. */
export function countExplainedErrors(result: CheckResult): number {
  let n = 0;
  for (const file of result.files)
    for (const sheet of file.sheets) n += sheet.findings.filter((f) => f.severity === "error" && f.explanation).length;
  return n;
}

export function countBySeverity(result: CheckResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of result.files)
    for (const sheet of file.sheets) for (const f of sheet.findings) counts[f.severity]++;
  return counts;
}

/** Spec §8: 2 when a file could not be read, else 1 when an error no giải trình explains was found, else 0. */
export function exitCode(result: CheckResult): number {
  const failed = (f: FileResult) => f.error !== undefined || f.sheets.some((s) => s.error !== undefined);
  if (result.files.some(failed)) return 2;
  return countBySeverity(result).error > countExplainedErrors(result) ? 1 : 0;
}
