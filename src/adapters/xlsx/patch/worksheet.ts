/**
 * One worksheet part patched in its own text: cells written, rows inserted or deleted (formulas and ranges
 * moved as Excel moves them), styles mapped, the sheet protected. What is not changed stays as written —
 * the text before and after `<sheetData>` (views, conditional formats, page setup, drawings, extLst…) and
 * every row nothing touched — so the template's parts that exceljs would drop or rewrite survive. XML that
 * cannot be patched (rows and cells are parsed when first needed) is an UnpatchablePart naming the sheet
 * (unpatchable.ts).
 */
import { movedRow, slideFormula, type RowChange } from "../../../engine/formulaRefs";
import { columnLetters } from "../../../engine/grid";
import { rangeOf } from "../ooxml/sheetXml";
import { XmlError } from "../ooxml/xml";
import { formulaOf, rewriteFormulas, sharedId, shiftFormulasIn, unshare, type SharedMaster } from "./cellFormulas";
import { SheetColumns } from "./sheetColumns";
import { isProtected, protectionXml, withProtection, type ProtectionAllows } from "./sheetProtection";
import { movedRef, moveRangesAfterRows, rewriteFormulaTexts } from "./sheetRanges";
import { damaged, sheetPlace, xmlProblem } from "./unpatchable";
import { attribute, escapeXml, withAttribute } from "./rawXml";
import { cellsOf, changedCells, parseRows, renumberCells, rowXml, type CellXml, type RowXml } from "./sheetRows";

/** The shared strings table (patch/sharedStrings.ts) as far as a sheet needs it. */
export interface StringRefs {
  ref(text: string): number;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET_DATA = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(\s[^>]*?)?(\/?)>/;
const DIMENSION = /<((?:[A-Za-z_][\w.-]*:)?dimension)(\s[^>]*?)?\/>/;
const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref\s*=\s*["']([^"']+)["']/g;
/** Content that makes a cell hold a value for exceljs (not a styled empty `<c/>`): a value, a formula, an inline string. */
const HOLDS_VALUE = /<(?:[A-Za-z_][\w.-]*:)?(?:v|f|is)[\s>/]/;

export class WorksheetXml {
  private before: string;
  private readonly sheetDataOpen: string;
  private readonly sheetDataClose: string;
  /** `<sheetData/>` as read: written so again while it has no rows. */
  private readonly sheetDataEmpty: string | undefined;
  private after: string;
  /** The namespace prefix the part writes its elements with (`x:` from the Open XML SDK), for new ones. */
  private readonly prefix: string;
  private rows: RowXml[];
  private columns: SheetColumns | undefined;
  /** The `<dimension>` range when the part has one (0-based), kept up to date; written back when changed. */
  private dimension: Range | undefined;
  private dimensionChanged = false;

  /** `sheet`: the sheet's name, which an UnpatchablePart names when its XML cannot be patched (unpatchable.ts). */
  constructor(
    xml: string,
    private readonly sheet?: string,
  ) {
    const open = SHEET_DATA.exec(xml);
    if (!open) throw damaged(this.place, new XmlError("worksheet: no <sheetData>"));
    const [whole, prefix, attrs = "", selfClosing] = open;
    this.prefix = prefix;
    this.before = xml.slice(0, open.index);
    this.sheetDataOpen = `<${prefix}sheetData${attrs}>`;
    this.sheetDataClose = `</${prefix}sheetData>`;
    this.sheetDataEmpty = selfClosing ? whole : undefined;
    const start = open.index + whole.length;
    const end = selfClosing ? start : xml.indexOf(this.sheetDataClose, start);
    if (end < 0) throw damaged(this.place, new XmlError("worksheet: <sheetData> not closed"));
    try {
      this.rows = parseRows(xml.slice(start, end));
    } catch (error) {
      throw xmlProblem(error, this.place);
    }
    this.after = xml.slice(selfClosing ? end : end + this.sheetDataClose.length);
    this.dimension = dimensionOf(this.before);
  }

  // ---- cells

  /** The row's cells, parsed the first time (`change`: the row is then written from them, changedCells). */
  private cells(r: RowXml, change = false): CellXml[] {
    try {
      return change ? changedCells(r) : cellsOf(r);
    } catch (error) {
      throw xmlProblem(error, this.place);
    }
  }

  /** The xf a cell shows: its own `s`; else its row's when the row is formatted; else its column's; else 0. */
  styleAt(row: number, col: number): number {
    const r = this.findRow(row);
    if (r) {
      const cell = cellAt(this.cells(r), col);
      if (cell) return styleOf(cell.attrs);
      if (isTrue(attribute(r.attrs, "customFormat"))) return Number(attribute(r.attrs, "s")) || 0;
    }
    return (this.columns ??= new SheetColumns(this.before)).styleOf(col);
  }

  /**
   * Writes a cell as exceljs writes `cell.value` (cell-xform.js): a number as its shortest round-trip text, text
   * as a shared string, a formula with its cached value (`t="str"` for text; `error`: `t="e"`, the error's code).
   * null empties the cell, its style kept. `style` replaces the cell's xf; without it a new cell takes the one it showed (styleAt).
   */
  setCell(
    row: number,
    col: number,
    value: number | string | boolean | null,
    options: { strings: StringRefs; formula?: string; style?: number; error?: string },
  ): void {
    const { formula, style } = options;
    let r = this.findRow(row);
    let cell = r && cellAt(this.cells(r), col);
    if (!cell && value === null && formula === undefined && style === undefined) return; // nothing to empty
    const shown = style ?? (cell ? styleOf(cell.attrs) : this.styleAt(row, col));
    const ph = cell && cell.attrs.includes("ph") ? attribute(cell.attrs, "ph") : undefined;
    if (cell) {
      const f = formulaOf(cell);
      const si = f && sharedId(f);
      const ref = si !== undefined ? attribute(f!.attrs, "ref") : undefined;
      // A shared formula's master overwritten: its other cells first get their own text, which it held.
      if (ref !== undefined) this.unshareGroup(si!, ref);
    } else {
      r ??= this.addRow(row);
      cell = this.addCell(r, col);
    }
    r!.raw = undefined;
    const content = cellContent(value, formula, options.strings, this.prefix, options.error);
    // Other attributes (cm, vm: metadata of the value replaced) go; ph (show phonetic) stays.
    cell.attrs = ph === undefined ? cellAttrs(shown, content.type) : `${cellAttrs(shown, content.type)} ph="${ph}"`;
    cell.inner = content.inner;
    this.extendDimension(row, col);
  }

  /**
   * Gives a cell xf `style`, its value and formula kept (a cell Đã duyệt locks or unlocks); a missing cell is made
   * empty with that style. Not in the contract: the lead's protection needs a per-cell restyle.
   */
  setStyle(row: number, col: number, style: number): void {
    const r = this.findRow(row) ?? this.addRow(row);
    const cell = cellAt(this.cells(r), col) ?? this.addCell(r, col);
    r.raw = undefined;
    cell.attrs = withAttribute(cell.attrs, "s", style === 0 ? undefined : style);
    this.extendDimension(row, col);
  }

  // ---- rows

  /**
   * Inserts `delta` rows (> 0) at 0-based row `at`, or deletes `-delta` rows from it, as exceljs's
   * `insertRows(at + 1, …, "i")` / `spliceRows(at + 1, -delta)` (lib/doc/worksheet.js) and Excel: inserted rows
   * take row at-1's format (its s/customFormat/ht/customHeight; its valued cells' s, _copyStyle), every formula
   * of the sheet is rewritten by shiftRows, ranges after sheetData and `<dimension>` move (sheetRanges.ts).
   */
  changeRows(at: number, delta: number): void {
    if (delta === 0) return;
    const change: RowChange = { at, delta };
    const inserted = delta > 0 ? this.insertedRows(at, delta) : [];
    this.unshareAll();
    const moveRef = (ref: string) => movedRef(ref, change);
    const kept: RowXml[] = [];
    let insertAt = -1;
    for (const r of this.rows) {
      const moved = movedRow(r.row, change);
      if (moved === undefined) continue;
      if (insertAt < 0 && r.row >= at) insertAt = kept.length;
      if (r.cells) {
        for (const cell of r.cells) {
          if (cell.inner === undefined) continue;
          const inner = shiftFormulasIn(cell.inner, at, delta, moveRef);
          if (inner !== cell.inner) [cell.inner, r.raw] = [inner, undefined];
        }
      } else {
        // Not parsed: its text moved as a whole, its cells' `r` renumbered in place (far faster for 12,000 rows).
        const content = shiftFormulasIn(r.content, at, delta, moveRef);
        if (content !== r.content) [r.content, r.raw] = [content, undefined];
        if (moved !== r.row) r.content = renumberCells(r.content, moved);
      }
      if (moved !== r.row) [r.row, r.raw] = [moved, undefined];
      kept.push(r);
    }
    kept.splice(insertAt < 0 ? kept.length : insertAt, 0, ...inserted);
    this.rows = kept;
    this.after = moveRangesAfterRows(this.after, change);
    if (this.dimension) {
      const ref = movedRef(refOf(this.dimension), change);
      this.dimension = ref === undefined ? undefined : rangeOf(ref);
      this.dimensionChanged = true;
    }
    // The inserted rows all hold the same cells: their corners are what they add to the used range.
    const cells = inserted[0]?.cells ?? [];
    if (cells.length > 0) {
      this.extendDimension(at, cells[0].col);
      this.extendDimension(at + delta - 1, cells[cells.length - 1].col);
    }
  }

  /**
   * Formulas citing a sheet by its name moved after rows there changed (`move`: shiftRows with `{ sheet }`): the
   * cells' and those after sheetData (conditional formats, validations, x14 `<xm:f>`); this sheet's own ranges
   * (`sqref`, an array formula's `ref`) stay. A shared formula citing moved rows is written out cell by cell first: its cells' references may
   * fall on both sides of the change. Returns whether anything changed.
   */
  moveCitations(move: (formula: string) => string): boolean {
    let changed = false;
    for (const r of this.rows) {
      if (!(r.cells ? r.cells.some((c) => c.inner?.includes("shared")) : r.content.includes("shared"))) continue;
      for (const cell of cellsOf(r)) {
        const f = formulaOf(cell);
        const si = f && sharedId(f);
        const range = f && rangeOf(attribute(f.attrs, "ref") ?? "");
        if (si === undefined || !range || f!.text === undefined) continue;
        // Rows move from a row on: if any cell of the block cites a moved row, its first or last cell does.
        const last = slideFormula(f!.text, range.bottom - range.top, range.right - range.left);
        if (move(f!.text) !== f!.text || move(last) !== last) this.unshareGroup(si, attribute(f!.attrs, "ref")!);
      }
    }
    for (const r of this.rows) {
      for (const cell of r.cells ?? []) {
        const inner = cell.inner === undefined ? undefined : rewriteFormulas(cell.inner, move);
        if (inner !== cell.inner) [cell.inner, r.raw, changed] = [inner, undefined, true];
      }
      if (r.cells) continue;
      const content = rewriteFormulas(r.content, move);
      if (content !== r.content) [r.content, r.raw, changed] = [content, undefined, true];
    }
    const after = rewriteFormulaTexts(this.after, (text, name) => (name === "sqref" ? text : move(text)));
    if (after !== this.after) [this.after, changed] = [after, true];
    return changed;
  }

  /** The rows an insertion at `at` adds, formatted as row at-1 (none when the sheet has no such row: exceljs's findRow). */
  private insertedRows(at: number, delta: number): RowXml[] {
    const source = this.findRow(at - 1);
    if (!source) return [];
    const attrs = ["s", "customFormat", "ht", "customHeight"].reduce(
      (a, name) => withAttribute(a, name, attribute(source.attrs, name)),
      "",
    );
    // exceljs copies the style of the cells eachCell visits: those holding a value, and those a merged range covers.
    const covered = this.mergesCovering(at - 1);
    const styles = new Map<number, number>();
    for (const cell of this.cells(source)) {
      if (cell.inner !== undefined && HOLDS_VALUE.test(cell.inner)) styles.set(cell.col, styleOf(cell.attrs));
    }
    for (const col of covered) if (!styles.has(col)) styles.set(col, this.styleAt(at - 1, col));
    const cols = [...styles.keys()].filter((col) => styles.get(col) !== 0).sort((a, b) => a - b);
    if (attrs === "" && cols.length === 0) return []; // nothing to copy: no row written, as exceljs
    const tag = `${this.prefix}c`;
    const cells = cols.map((col) => ({ col, tag, attrs: ` s="${styles.get(col)}"`, inner: undefined }));
    return Array.from({ length: delta }, (_, i) => ({
      row: at + i,
      tag: source.tag,
      attrs,
      raw: undefined,
      content: "",
      cells: cells.map((cell) => ({ ...cell })),
      rest: "",
    }));
  }

  /** The columns of `row` a merged range covers, its top-left cell excepted (exceljs gives those a Merge value). */
  private mergesCovering(row: number): number[] {
    const cols: number[] = [];
    for (const [, ref] of this.after.matchAll(MERGE_CELL)) {
      const range = rangeOf(ref);
      if (!range || row < range.top || row > range.bottom) continue;
      for (let col = range.left; col <= range.right; col++) if (row !== range.top || col !== range.left) cols.push(col);
    }
    return cols;
  }

  /** Every shared formula written out as each cell's own text (a shared block split by moved rows cannot stay shared). */
  private unshareAll(): void {
    const masters = new Map<string, SharedMaster>();
    for (const r of this.rows) {
      if (!(r.cells ? r.cells.some((c) => c.inner?.includes("shared")) : r.content.includes("shared"))) continue;
      for (const cell of this.cells(r)) {
        const f = formulaOf(cell);
        const si = f && sharedId(f);
        if (si === undefined) continue;
        if (f!.text !== undefined && attribute(f!.attrs, "ref") !== undefined)
          masters.set(si, { row: r.row, col: cell.col, text: f!.text });
        unshare(cell, r.row, f!, masters.get(si));
        r.raw = undefined;
      }
    }
  }

  /** The cells of shared formula `si` (its master's `ref`) written out as cells of their own. */
  private unshareGroup(si: string, ref: string): void {
    const range = rangeOf(ref);
    if (!range) return;
    let master: SharedMaster | undefined;
    for (const r of this.rows) {
      if (r.row < range.top || r.row > range.bottom) continue;
      for (const cell of this.cells(r)) {
        const f = formulaOf(cell);
        if (!f || sharedId(f) !== si) continue;
        if (f.text !== undefined && attribute(f.attrs, "ref") !== undefined)
          master = { row: r.row, col: cell.col, text: f.text };
        unshare(cell, r.row, f, master);
        r.raw = undefined;
      }
    }
  }

  // ---- styles and protection

  /** Every xf index the sheet uses mapped (cells, formatted rows, columns; unstyled ones as xf 0): unlock-all. */
  mapStyles(map: (s: number) => number): void {
    let width = 0;
    for (const r of this.rows) {
      for (const cell of this.cells(r, true)) {
        const s = styleOf(cell.attrs);
        const mapped = map(s);
        if (mapped !== s) cell.attrs = withAttribute(cell.attrs, "s", mapped === 0 ? undefined : mapped);
        width = Math.max(width, cell.col + 1);
      }
      if (isTrue(attribute(r.attrs, "customFormat"))) {
        r.attrs = withAttribute(r.attrs, "s", map(Number(attribute(r.attrs, "s")) || 0));
      }
    }
    this.columns ??= new SheetColumns(this.before);
    this.before = this.columns.mapStyles(this.before, map, width, this.prefix);
  }

  get isProtected(): boolean {
    return isProtected(this.after);
  }

  /** Protects the sheet without a password, as exceljs's `sheet.protect("", allows)`; replaces a protection it had. */
  protect(allows: ProtectionAllows): void {
    this.after = withProtection(this.after, protectionXml(allows, this.prefix));
  }

  unprotect(): void {
    this.after = withProtection(this.after, undefined);
  }

  // ---- the part

  private get place() {
    return this.sheet === undefined ? { vi: "một trang tính", en: "a worksheet" } : sheetPlace(this.sheet);
  }

  toXml(): string {
    let before = this.before;
    if (this.dimensionChanged) {
      before = before.replace(DIMENSION, (whole, tag: string, attrs = "") =>
        this.dimension ? `<${tag}${withAttribute(attrs, "ref", refOf(this.dimension))}/>` : whole,
      );
    }
    if (this.rows.length === 0 && this.sheetDataEmpty !== undefined) return before + this.sheetDataEmpty + this.after;
    return before + this.sheetDataOpen + this.rows.map(rowXml).join("") + this.sheetDataClose + this.after;
  }

  private findRow(row: number): RowXml | undefined {
    const i = this.rowIndex(row);
    return this.rows[i]?.row === row ? this.rows[i] : undefined;
  }

  /** The index of the first row at or after `row`. */
  private rowIndex(row: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].row < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private addRow(row: number): RowXml {
    const added: RowXml = {
      row,
      tag: `${this.prefix}row`,
      attrs: "",
      raw: undefined,
      content: "",
      cells: [],
      rest: "",
    };
    this.rows.splice(this.rowIndex(row), 0, added);
    return added;
  }

  /** A new empty cell in its place among the row's. */
  private addCell(r: RowXml, col: number): CellXml {
    const cell: CellXml = { col, tag: `${this.prefix}c`, attrs: "", inner: undefined };
    const cells = this.cells(r);
    let i = cells.length;
    while (i > 0 && cells[i - 1].col > col) i--;
    cells.splice(i, 0, cell);
    if (r.attrs.includes("spans")) r.attrs = widenSpans(r.attrs, col);
    return cell;
  }

  private extendDimension(row: number, col: number): void {
    const d = this.dimension;
    if (!d || (row >= d.top && row <= d.bottom && col >= d.left && col <= d.right)) return;
    this.dimension = {
      top: Math.min(d.top, row),
      left: Math.min(d.left, col),
      bottom: Math.max(d.bottom, row),
      right: Math.max(d.right, col),
    };
    this.dimensionChanged = true;
  }
}

const isTrue = (value: string | undefined) => value === "1" || value === "true";

const attrTexts = new Map<string, string>();

/** A written cell's attributes, one string per (style, type) (not one per cell: 100,000 writes make garbage). */
function cellAttrs(style: number, type: string | undefined): string {
  const key = `${style}${type ?? ""}`;
  let text = attrTexts.get(key);
  if (text === undefined) {
    text = (style === 0 ? "" : ` s="${style}"`) + (type === undefined ? "" : ` t="${type}"`);
    attrTexts.set(key, text);
  }
  return text;
}

/** A cell's `s` (0 without one); ` s="N"` read directly, as Excel, exceljs and setCell write it (a cell per write). */
function styleOf(attrs: string): number {
  const at = attrs.indexOf(' s="');
  return (at >= 0 ? parseInt(attrs.slice(at + 4), 10) : Number(attribute(attrs, "s"))) || 0;
}

/** A row's `spans` (its first:last 1-based column, §18.3.1.73, a hint to readers) widened to hold `col`. */
function widenSpans(attrs: string, col: number): string {
  const [first, last] = (attribute(attrs, "spans") ?? "").split(":").map(Number);
  if (!(first >= 1 && last >= first) || (col + 1 >= first && col + 1 <= last)) return attrs;
  return withAttribute(attrs, "spans", `${Math.min(first, col + 1)}:${Math.max(last, col + 1)}`);
}

/** The cell of `col` in a row's cells (sorted by column). */
function cellAt(cells: CellXml[], col: number): CellXml | undefined {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return cells[lo]?.col === col ? cells[lo] : undefined;
}

/** A cell's `t` and inner XML for its new value, or its formula's error (cell-xform.js render / renderFormula). */
function cellContent(
  value: number | string | boolean | null,
  formula: string | undefined,
  strings: StringRefs,
  prefix: string,
  error: string | undefined,
): { type: string | undefined; inner: string | undefined } {
  let type: string | undefined;
  let v: string | undefined;
  if (error !== undefined) {
    type = "e"; // ST_CellType e: the cached result is an error (§18.18.11)
    v = escapeXml(error);
  } else if (value === null) v = undefined;
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`worksheet: cannot write the number ${value}`);
    v = String(value);
  } else if (typeof value === "boolean") {
    type = "b";
    v = value ? "1" : "0";
  } else if (formula === undefined) {
    type = "s";
    v = String(strings.ref(value));
  } else {
    type = "str"; // a formula's text result is written in the cell, not shared
    v = escapeXml(value);
  }
  const valueXml = v === undefined ? "" : `<${prefix}v>${v}</${prefix}v>`;
  const inner = formula === undefined ? valueXml : `<${prefix}f>${escapeXml(formula)}</${prefix}f>${valueXml}`;
  return { type, inner: inner === "" ? undefined : inner };
}

function dimensionOf(beforeRows: string): Range | undefined {
  const match = DIMENSION.exec(beforeRows);
  const ref = match && attribute(match[2] ?? "", "ref");
  return ref ? rangeOf(ref) : undefined;
}

function refOf({ top, left, bottom, right }: Range): string {
  const from = `${columnLetters(left)}${top + 1}`;
  const to = `${columnLetters(right)}${bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}
