/**
 * Checking a sheet: Grid → (recognise) Table → (every sheet rule) Findings, plus plain notes about odd
 * input the user should know of (hidden rows, formulas never calculated, what the reader skipped,
 * content below the table that was not read, merged data cells, very long text, error values no
 * finding names, a rule that failed). A rule that throws never ends the check: its failure becomes a
 * note and the other rules still run. PhuLuc's own merge log sheet is not a Phụ lục: it is skipped
 * with a note, not reported as an unknown template.
 */
import { userMessages } from "./errors";
import { sortFindings, type Finding } from "./finding";
import { a1, firstTextOf, type CellRange, type Grid } from "./grid";
import type { Table } from "./model";
import type { Note } from "./notes";
import { makeNote } from "./notes/note";
import {
  columnsCut,
  excelErrors,
  hiddenRows,
  longText,
  mergedData,
  ownSheetSkipped,
  rowsCut,
  ruleFailed,
  structureUnreadable,
  tableStopped,
  uncalculatedFormulas,
} from "./notes/sheet";
import { recogniseTable } from "./recognise";
import { SHEET_RULES } from "./rules";
import { BLANK_RUN_END } from "./structure";
import { tidyText } from "./text";
import type { Rule, RuleContext } from "./rules/rule";
import type { TemplateId } from "./template";
import { DEFAULT_UNITS } from "./units";
import { isOwnSheetAsWritten, ownSheetKind } from "./review/sheets";

export interface SheetReport {
  sheet: string;
  template: TemplateId | null;
  findings: Finding[];
  /** Plain statements about odd input (never errors by themselves), rendered per locale like findings. */
  notes: Note[];
  table?: Table;
}

/** Text longer than this is said (Excel allows 32.767 characters; a Phụ lục cell rarely needs 1.000). */
export const LONG_TEXT = 2000;

/** Notes that need only the grid (and, for merged data cells, where the data starts). */
export function gridNotes(grid: Grid, table?: Table): Note[] {
  const notes: Note[] = [];
  if (grid.hiddenRows.length > 0) notes.push(makeNote(hiddenRows, { rows: grid.hiddenRows.map((r) => r + 1) }));
  const uncalculated: string[] = [];
  const long: string[] = [];
  // Plain loops over every cell of the sheet (holes read as undefined): no callback per cell.
  for (let r = 0; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      if (cell.formula && cell.value === null && !cell.error) uncalculated.push(a1(r, c));
      if (typeof cell.value === "string" && cell.value.length > LONG_TEXT) long.push(a1(r, c));
    }
  }
  if (uncalculated.length > 0) notes.push(makeNote(uncalculatedFormulas, { cells: uncalculated }));
  if (long.length > 0) notes.push(makeNote(longText, { cells: long, limit: LONG_TEXT }));
  const truncated = grid.truncated;
  if (truncated?.rows) notes.push(makeNote(rowsCut, { rows: truncated.rows }));
  if (truncated?.columns) notes.push(makeNote(columnsCut, { columns: truncated.columns }));
  if (table) {
    const dataRows = new Set(table.rows.map((row) => row.row));
    const inData = (m: CellRange) => {
      for (let r = m.top; r <= m.bottom; r++) if (dataRows.has(r)) return true;
      return false;
    };
    const merged = grid.merges.filter((m) => (m.bottom > m.top || m.right > m.left) && inData(m));
    if (merged.length > 0) notes.push(makeNote(mergedData, { ranges: merged.map(rangeText) }));
  }
  return notes;
}

function rangeText(range: CellRange): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}

/** How much of the first text of the unread row is quoted. */
const QUOTE_LENGTH = 60;

/** Content left below the table, unless it is only the signature footer. */
export function stopNote(grid: Grid, table: Table): Note[] {
  const stop = table.stoppedAt;
  if (!stop || stop.reason === "footer") return [];
  const first = tidyText(firstTextOf(grid.rows[stop.row]));
  const quoted = first.length > QUOTE_LENGTH ? `${first.slice(0, QUOTE_LENGTH)}…` : first;
  return [makeNote(tableStopped, { row: stop.row + 1, quoted, reason: stop.reason, blankRun: BLANK_RUN_END })];
}

/**
 * Excel error values (#REF!, #DIV/0!…) in the table's rows that no finding already names (those in
 * number columns are not-a-number findings; elsewhere they are still worth saying).
 */
function errorNotes(grid: Grid, table: Table, findings: Finding[]): Note[] {
  const named = new Set(findings.map((f) => f.cell));
  const errors: string[] = [];
  for (const row of table.rows) {
    grid.rows[row.row]?.forEach((cell, c) => {
      if (!cell?.error) return;
      const address = a1(row.row, c);
      if (!named.has(address)) errors.push(`${address} (${cell.error})`);
    });
  }
  return errors.length === 0 ? [] : [makeNote(excelErrors, { cells: errors })];
}

/** Runs one rule; a rule that throws says so in a note instead of ending the check. */
function runRule(rule: Rule, table: Table, ctx: RuleContext, notes: Note[]): Finding[] {
  try {
    return rule.check(table, ctx);
  } catch (error) {
    notes.push(makeNote(ruleFailed, { rule: rule.id, error: userMessages(error) }));
    return [];
  }
}

/** Checks one sheet: recognises its template and runs every sheet rule (spec §4). */
export function checkGrid(
  grid: Grid,
  ctx: Partial<RuleContext> = {},
  rules: readonly Rule[] = SHEET_RULES,
): SheetReport {
  const notes: Note[] = [];
  let recognised: ReturnType<typeof recogniseTable>;
  try {
    recognised = recogniseTable(grid);
  } catch (error) {
    // Never expected; but one odd sheet must not stop the check of the others.
    notes.push(makeNote(structureUnreadable, { error: userMessages(error) }));
    return { sheet: grid.name, template: null, findings: [], notes };
  }
  const { table, findings } = recognised;
  const own = !table || isOwnSheetAsWritten(grid) ? ownSheetKind(grid.name) : undefined;
  if (own) {
    const notes = [makeNote(ownSheetSkipped, { sheet: grid.name, kind: own })];
    return { sheet: grid.name, template: null, findings: [], notes };
  }
  notes.push(...gridNotes(grid, table));
  if (!table) return { sheet: grid.name, template: null, findings: sortFindings(findings), notes };
  notes.push(...stopNote(grid, table));
  const context: RuleContext = {
    units: ctx.units ?? DEFAULT_UNITS,
    references: ctx.references,
    file: ctx.file,
    note: (note) => {
      notes.push(note);
      ctx.note?.(note);
    },
  };
  for (const rule of rules) findings.push(...runRule(rule, table, context, notes));
  notes.push(...errorNotes(grid, table, findings));
  return { sheet: grid.name, template: table.templateId, findings: sortFindings(findings), notes, table };
}

/** Checks every sheet of a workbook, in order. */
export function checkGrids(grids: Grid[], ctx: Partial<RuleContext> = {}): SheetReport[] {
  return grids.map((grid) => checkGrid(grid, ctx));
}
