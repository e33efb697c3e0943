/**
 * Đánh dấu / Bỏ đánh dấu: the cells of findings are shown red (errors) or yellow (warnings) by a conditional
 * format of PhuLuc's own — never by changing the cell's fill. So:
 * - unmarking deletes that format and the cell looks exactly as before: theme colours, tint and shade, gradients
 *   and patterns are never read or rewritten;
 * - the mark travels with its cells when rows are inserted, deleted or sorted and when the sheet is renamed,
 *   because Excel moves conditional formats with the cells they apply to;
 * - a new format is added "at the first/top priority" (ConditionalFormatCollection.add, typings), so the user's
 *   own conditional formats cannot hide it;
 * - nothing is kept in the document's settings, so the ribbon, a co-author or a second pane cannot lose anything
 *   between a read and a write.
 * A mark is recognised by its rule's formula, =ISTEXT("PhuLuc:error") — always true, and naming its owner.
 * Conditional formats on RangeAreas and ConditionalFormat.getRanges need ExcelApi 1.9, PhuLuc's minimum.
 */
import { SEVERITY_RANK, type Severity } from "../../engine/finding";

/** Excel's own "Bad", "Neutral" and "Note" cell-style fills, so the marks read like Excel's conventions. */
export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#FFFFCC" };

/** Gravest last, so its format is added last — on top: a cell flagged twice shows the gravest colour. */
const SEVERITIES = (Object.keys(MARK_COLORS) as Severity[]).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);

const MARK_FORMULA = /^=ISTEXT\("PhuLuc:(error|warning|info)"\)$/;

export function markFormula(severity: Severity): string {
  return `=ISTEXT("PhuLuc:${severity}")`;
}

/** A cell to mark; a Finding has this shape. */
export interface MarkTarget {
  sheet: string;
  cell: string;
  severity: Severity;
}

/** Addresses per RangeAreas: Excel takes a comma-separated list; long lists are cut into several formats. */
const ADDRESS_CHARS = 2000;

/** The conditional formats of a whole sheet, loaded with what tells PhuLuc's apart (no sync). */
function queueFormats(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/id, items/customOrNullObject/rule/formula");
  return formats;
}

/** After the sync: PhuLuc's marks among `formats`. */
function marksIn(formats: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return formats.items.filter(
    (f) => !f.customOrNullObject.isNullObject && MARK_FORMULA.test(f.customOrNullObject.rule.formula),
  );
}

function chunks(addresses: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + address.length + 1 > ADDRESS_CHARS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Marks exactly the target cells (errors red, warnings yellow; a cell with both is red), replacing the marks of
 * their sheets and of `sheets` (the checked sheet, even when nothing is flagged any more): cells no longer flagged
 * look as before. Two syncs whatever the number of cells. Returns the number of cells marked.
 */
export async function markCells(
  context: Excel.RequestContext,
  targets: readonly MarkTarget[],
  sheets: readonly string[] = [],
): Promise<number> {
  const wanted = new Map<string, MarkTarget>();
  for (const t of targets) {
    const key = `${t.sheet}!${t.cell.toUpperCase()}`;
    const seen = wanted.get(key);
    if (!seen || SEVERITY_RANK[t.severity] < SEVERITY_RANK[seen.severity]) wanted.set(key, t);
  }
  const bySheet = new Map<string, MarkTarget[]>(sheets.map((name) => [name, []]));
  for (const t of wanted.values()) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);
  const loaded = [...bySheet.keys()].map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    return { name, sheet, formats: queueFormats(sheet) };
  });
  await context.sync();

  for (const { name, sheet, formats } of loaded) {
    for (const mark of marksIn(formats)) mark.delete();
    for (const severity of SEVERITIES) {
      const cells = bySheet
        .get(name)!
        .filter((t) => t.severity === severity)
        .map((t) => t.cell.toUpperCase());
      for (const addresses of chunks(cells)) {
        const format = sheet.getRanges(addresses).conditionalFormats.add("Custom");
        format.custom.rule.formula = markFormula(severity);
        format.custom.format.fill.color = MARK_COLORS[severity];
      }
    }
  }
  await context.sync();
  return wanted.size;
}

/** Removes PhuLuc's marks of one sheet, or of every sheet; returns how many cells they covered. */
export async function unmarkCells(context: Excel.RequestContext, sheetName?: string): Promise<number> {
  const names = sheetName === undefined ? await sheetNames(context) : [sheetName];
  const sheets = names.map((name) => queueFormats(context.workbook.worksheets.getItem(name)));
  await context.sync();
  const covered = sheets.flatMap(marksIn).map((mark) => {
    // Queued before the delete in the same batch, so it reads the ranges the mark covered.
    const ranges = mark.getRanges();
    ranges.load("cellCount");
    mark.delete();
    return ranges;
  });
  if (covered.length === 0) return 0;
  await context.sync();
  return covered.reduce((n, r) => n + r.cellCount, 0);
}

async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * How many cells of the active sheet are marked, e.g. to enable Bỏ đánh dấu after reopening. Call it before the
 * caller's own sync (readActiveSheetGrid): its load rides along, and only a sheet with marks costs one more sync.
 */
export function queueMarkCount(context: Excel.RequestContext): () => Promise<number> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  let formats = queueFormats(sheet);
  return async () => {
    let marks: Excel.ConditionalFormat[];
    try {
      marks = marksIn(formats);
    } catch {
      // The caller's sync failed and was made again without this load (readSheet's fallbacks): load it now.
      formats = queueFormats(sheet);
      await context.sync();
      marks = marksIn(formats);
    }
    if (marks.length === 0) return 0;
    const ranges = marks.map((mark) => mark.getRanges().load("cellCount"));
    await context.sync();
    return ranges.reduce((n, r) => n + r.cellCount, 0);
  };
}
