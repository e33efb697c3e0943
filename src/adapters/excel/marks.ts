/**
 * Đánh dấu / Bỏ đánh dấu: colour the cells of findings, and later give every cell back exactly the fill it had
 * (a colour, a pattern, or no fill at all). The original fills are kept in the workbook's own settings
 * (`context.workbook.settings`), which Excel saves inside the file, so unmarking still works after the workbook is
 * saved, closed and reopened — even on another computer.
 */
import { SEVERITY_RANK, type Severity } from "../../engine/finding";

export const MARKS_SETTING = "phuluc.marks.v1";

/** Excel's own "Bad", "Neutral" and "Note" cell-style fills, so the marks read like Excel's conventions. */
export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#FFFFCC" };

/** A cell to mark; a Finding has this shape. */
export interface MarkTarget {
  sheet: string;
  cell: string;
  severity: Severity;
}

export interface SavedFill {
  color: string | null;
  /** "None" means no fill: restored with fill.clear(). */
  pattern: string | null;
  patternColor: string | null;
}

export interface SavedMark {
  sheet: string;
  address: string;
  original: SavedFill;
  /** The colour PhuLuc put there: if the user recoloured the cell since, their colour is left alone. */
  highlight: string;
}

interface MarksState {
  version: 1;
  marks: SavedMark[];
}

function markKey(sheet: string, address: string): string {
  return `${sheet}!${address.toUpperCase()}`;
}

function readState(setting: Excel.Setting): MarksState {
  if (setting.isNullObject || typeof setting.value !== "string") return { version: 1, marks: [] };
  try {
    const parsed = JSON.parse(setting.value) as MarksState;
    return Array.isArray(parsed.marks) ? parsed : { version: 1, marks: [] };
  } catch {
    // A damaged setting cannot tell us the original fills; start afresh rather than fail every later mark.
    return { version: 1, marks: [] };
  }
}

/** `setting` must have been loaded and synced (its isNullObject is read). */
function writeState(context: Excel.RequestContext, setting: Excel.Setting, state: MarksState): void {
  if (state.marks.length > 0) context.workbook.settings.add(MARKS_SETTING, JSON.stringify(state));
  else if (!setting.isNullObject) setting.delete();
}

/**
 * Colours each target cell (errors red, warnings yellow; a cell with both gets red) after saving its fill.
 * A cell already marked keeps its first saved fill, so marking twice never loses the original. Two syncs.
 */
export async function markCells(context: Excel.RequestContext, targets: readonly MarkTarget[]): Promise<number> {
  const wanted = new Map<string, MarkTarget>();
  for (const t of targets) {
    const key = markKey(t.sheet, t.cell);
    const seen = wanted.get(key);
    if (!seen || SEVERITY_RANK[t.severity] < SEVERITY_RANK[seen.severity]) wanted.set(key, t);
  }
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  const cells = [...wanted.values()].map((t) => {
    const range = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
    range.format.fill.load(["color", "pattern", "patternColor"]);
    return { target: t, range };
  });
  await context.sync();

  const state = readState(setting);
  const saved = new Map(state.marks.map((m) => [markKey(m.sheet, m.address), m]));
  for (const { target, range } of cells) {
    const key = markKey(target.sheet, target.cell);
    const highlight = MARK_COLORS[target.severity];
    const previous = saved.get(key);
    if (previous) previous.highlight = highlight;
    else {
      const fill = range.format.fill;
      const mark: SavedMark = {
        sheet: target.sheet,
        address: target.cell.toUpperCase(),
        original: { color: fill.color ?? null, pattern: fill.pattern ?? null, patternColor: fill.patternColor ?? null },
        highlight,
      };
      state.marks.push(mark);
      saved.set(key, mark);
    }
    range.format.fill.color = highlight;
  }
  writeState(context, setting, state);
  await context.sync();
  return cells.length;
}

function sameColor(a: string | null, b: string | null): boolean {
  return (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
}

function restoreFill(fill: Excel.RangeFill, original: SavedFill): void {
  if (original.pattern === "None" || original.pattern === null || original.color === null) {
    fill.clear();
    return;
  }
  fill.color = original.color;
  fill.pattern = original.pattern as Excel.FillPattern;
  if (original.patternColor) fill.patternColor = original.patternColor;
}

/**
 * Gives every marked cell (of one sheet, or of all sheets) its saved fill back and forgets those marks.
 * Cells the user recoloured since, and sheets since deleted, are left as they are. Three syncs at most.
 */
export async function unmarkCells(context: Excel.RequestContext, sheetName?: string): Promise<number> {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const state = readState(setting);
  const existing = new Set(sheets.items.map((s) => s.name));
  const chosen = state.marks.filter((m) => sheetName === undefined || m.sheet === sheetName);
  const kept = state.marks.filter((m) => !chosen.includes(m));
  const cells = chosen
    .filter((m) => existing.has(m.sheet))
    .map((mark) => {
      const range = sheets.getItem(mark.sheet).getRange(mark.address);
      range.format.fill.load(["color", "pattern", "patternColor"]);
      return { mark, range };
    });
  if (cells.length) await context.sync();

  let restored = 0;
  for (const { mark, range } of cells) {
    if (!sameColor(range.format.fill.color, mark.highlight)) continue;
    restoreFill(range.format.fill, mark.original);
    restored++;
  }
  writeState(context, setting, { version: 1, marks: kept });
  await context.sync();
  return restored;
}

/** How many cells are marked now (per the saved state), e.g. to enable Bỏ đánh dấu after reopening. One sync. */
export async function countMarks(context: Excel.RequestContext, sheetName?: string): Promise<number> {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  await context.sync();
  return readState(setting).marks.filter((m) => sheetName === undefined || m.sheet === sheetName).length;
}
