/**
 * The rows and cells of a worksheet's `<sheetData>` as light records over the part's text: each row keeps its
 * text as written until something changes it (then it is written again from its attributes and cells), each
 * cell its attribute text and inner XML. Elements may carry a namespace prefix (the Open XML SDK writes
 * `<x:row>`, `<x:c>`), kept as written; rows and cells written without `r` follow the previous one, as the
 * reader (ooxml/sheetXml.ts) reads them. A row or cell written twice: the later one wins, as in the reader.
 */
import { columnLetters } from "../../../engine/grid";

export interface CellXml {
  /** 0-based column. */
  col: number;
  /** The element's name as written (`c`, `x:c`). */
  tag: string;
  /** Attribute text without `r`, with its leading space (` s="3" t="s"`). */
  attrs: string;
  /** The XML between the tags; undefined for `<c …/>`. */
  inner: string | undefined;
}

export interface RowXml {
  /** 0-based row, as moved so far. */
  row: number;
  tag: string;
  /** Attribute text without `r`. */
  attrs: string;
  /** The row's text as read, while it can be written back as is. */
  raw: string | undefined;
  /** The XML between the row's tags as read (its cells are parsed from it when first needed). */
  content: string;
  cells: CellXml[] | undefined;
  /** What followed the cells in the row (an `<extLst>`), written back after them. */
  rest: string;
}

const ROW_OPEN = /<((?:[A-Za-z_][\w.-]*:)?row)(\s[^>]*?)?(\/?)>/g;
const CELL_OPEN = /<((?:[A-Za-z_][\w.-]*:)?c)(\s[^>]*?)?(\/?)>/g;

const attributePatterns = new Map<string, RegExp>();
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/** An attribute's value as written (not decoded: the attributes read here are numbers, names and ranges). */
export function attribute(attrs: string, name: string): string | undefined {
  const match = attributePattern(name).exec(attrs);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The attribute text with `name` set to `value` (in its place when present, else appended), or removed when undefined. */
export function withAttribute(attrs: string, name: string, value: string | number | undefined): string {
  const match = attributePattern(name).exec(attrs);
  const written = value === undefined ? "" : ` ${name}="${value}"`;
  if (!match) return attrs + written;
  return attrs.slice(0, match.index) + written + attrs.slice(match.index + match[0].length);
}

/** The end of an element opened by `tag` whose content starts at `from`: [content end, element end]. */
function closeOf(xml: string, tag: string, from: number): [number, number] {
  const close = xml.indexOf(`</${tag}`, from);
  if (close < 0) throw new Error(`worksheet: <${tag}> not closed`);
  return [close, xml.indexOf(">", close) + 1];
}

/** Reads the rows of `<sheetData>`'s content. */
export function parseRows(xml: string): RowXml[] {
  const rows: RowXml[] = [];
  let previous = -1;
  let ordered = true;
  ROW_OPEN.lastIndex = 0;
  for (let match; (match = ROW_OPEN.exec(xml));) {
    const [open, tag, attrText = "", selfClosing] = match;
    const start = match.index + open.length;
    const [contentEnd, end] = selfClosing ? [start, start] : closeOf(xml, tag, start);
    ROW_OPEN.lastIndex = end;
    const r = attribute(attrText, "r");
    const row = r === undefined ? previous + 1 : parseInt(r, 10) - 1;
    if (!(row >= 0)) throw new Error(`worksheet: row number ${r}`);
    if (row <= previous) ordered = false;
    previous = row;
    rows.push({
      row,
      tag,
      attrs: withAttribute(attrText, "r", undefined),
      // Without its `r`, a row's place depends on the rows before it: written again with one.
      raw: r === undefined ? undefined : xml.slice(match.index, end),
      content: xml.slice(start, contentEnd),
      cells: undefined,
      rest: "",
    });
  }
  return ordered ? rows : lastOfEach(rows, (row) => row.row);
}

/** Sorted by `key`, stable, the last of equal keys kept. */
function lastOfEach<T>(items: T[], key: (item: T) => number): T[] {
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => key(a.item) - key(b.item) || a.i - b.i);
  return sorted.filter((x, i) => i + 1 === sorted.length || key(sorted[i + 1].item) !== key(x.item)).map((x) => x.item);
}

/** The row's cells, parsed from its text the first time. */
export function cellsOf(row: RowXml): CellXml[] {
  if (row.cells) return row.cells;
  const xml = row.content;
  const cells: CellXml[] = [];
  let col = -1;
  let ordered = true;
  let end = 0;
  CELL_OPEN.lastIndex = 0;
  for (let match; (match = CELL_OPEN.exec(xml));) {
    const [open, tag, attrText = "", selfClosing] = match;
    const start = match.index + open.length;
    const [innerEnd, cellEnd] = selfClosing ? [start, start] : closeOf(xml, tag, start);
    CELL_OPEN.lastIndex = end = cellEnd;
    const r = attribute(attrText, "r");
    const next = r === undefined ? col + 1 : columnOf(r);
    if (next <= col) ordered = false;
    col = next;
    cells.push({
      col,
      tag,
      attrs: withAttribute(attrText, "r", undefined),
      inner: selfClosing ? undefined : xml.slice(start, innerEnd),
    });
  }
  row.rest = xml.slice(end).trim() === "" ? "" : xml.slice(end);
  row.cells = ordered ? cells : lastOfEach(cells, (cell) => cell.col);
  return row.cells;
}

/** The row's cells, to be changed: the row is then written from them, not as it was read. */
export function changedCells(row: RowXml): CellXml[] {
  row.raw = undefined;
  return cellsOf(row);
}

/** A cell reference's 0-based column (its letters). */
export function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (col === 0) throw new Error(`worksheet: cell reference ${address}`);
  return col - 1;
}

const letters: string[] = [];
const lettersOf = (col: number) => (letters[col] ??= columnLetters(col));

export function rowXml(row: RowXml): string {
  if (row.raw !== undefined) return row.raw;
  const r = row.row + 1;
  const cells = row.cells;
  if (!cells) {
    return row.content === ""
      ? `<${row.tag} r="${r}"${row.attrs}/>`
      : `<${row.tag} r="${r}"${row.attrs}>${row.content}</${row.tag}>`;
  }
  if (cells.length === 0 && row.rest === "") return `<${row.tag} r="${r}"${row.attrs}/>`;
  let xml = `<${row.tag} r="${r}"${row.attrs}>`;
  for (const cell of cells) {
    xml += `<${cell.tag} r="${lettersOf(cell.col)}${r}"${cell.attrs}`;
    xml += cell.inner === undefined ? "/>" : `>${cell.inner}</${cell.tag}>`;
  }
  return xml + row.rest + `</${row.tag}>`;
}

/** Text as exceljs's xmlEncode writes it: the five entities, and control characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ENTITIES[ch] ?? "");
}

const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };
