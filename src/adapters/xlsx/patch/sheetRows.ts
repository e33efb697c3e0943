/**
 * The rows and cells of a worksheet's `<sheetData>` as light records over the part's text: each row keeps its
 * text as written until something changes it (then it is written again from its attributes and cells), each
 * cell its attribute text and inner XML. Elements may carry a namespace prefix (the Open XML SDK writes
 * `<x:row>`, `<x:c>`), kept as written; rows and cells written without `r` follow the previous one, as the
 * reader (ooxml/sheetXml.ts) reads them. A row or cell written twice: the later one wins, as in the reader.
 */
import { columnLetters } from "../../../engine/grid";
import { columnOf } from "../ooxml/sheetXml";
import { XmlError } from "../ooxml/xml";
import { attribute, withAttribute } from "./rawXml";

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

interface Element {
  /** The element's name as written (`row`, `x:row`). */
  tag: string;
  /** Its local name (`row`). */
  local: string;
  attrs: string;
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

/** One record reused for every element read (a 12,000-row sheet: no object per element). */
const element: Element = { tag: "", local: "", attrs: "", start: 0, contentStart: 0, contentEnd: 0, end: 0 };

/**
 * The next element of `xml` from `from` (text, comments and processing instructions between elements skipped);
 * undefined at the end. Rows' and cells' attribute values (numbers, references, names) never hold `>`.
 */
function nextElement(xml: string, from: number): Element | undefined {
  let lt = xml.indexOf("<", from);
  while (lt >= 0 && (xml.charCodeAt(lt + 1) === BANG || xml.charCodeAt(lt + 1) === QUESTION)) {
    const close = xml.indexOf(xml.charCodeAt(lt + 1) === BANG ? "-->" : "?>", lt);
    lt = close < 0 ? -1 : xml.indexOf("<", close);
  }
  if (lt < 0) return undefined;
  let j = lt + 1;
  for (; j < xml.length; j++) {
    const code = xml.charCodeAt(j);
    if (code === GT || code === SLASH || code <= 32) break;
  }
  const gt = xml.indexOf(">", j);
  if (gt < 0) throw new XmlError("worksheet: unterminated tag");
  const tag = xml.slice(lt + 1, j);
  const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
  element.tag = tag;
  element.local = tag.slice(tag.indexOf(":") + 1);
  element.attrs = xml.slice(j, selfClosing ? gt - 1 : gt);
  element.start = lt;
  element.contentStart = element.contentEnd = element.end = gt + 1;
  if (!selfClosing) {
    const close = xml.indexOf(`</${tag}>`, gt + 1);
    if (close < 0) throw new XmlError(`worksheet: <${tag}> not closed`);
    element.contentEnd = close;
    element.end = close + tag.length + 3;
  }
  return element;
}

const BANG = 33;
const QUESTION = 63;
const GT = 62;
const SLASH = 47;

/** An element's `r` and its other attributes (`r` is written first, by Excel and exceljs alike). */
function splitR(attrs: string): [string | undefined, string] {
  if (attrs.startsWith(' r="')) {
    const quote = attrs.indexOf('"', 4);
    return [attrs.slice(4, quote), attrs.slice(quote + 1)];
  }
  const r = attribute(attrs, "r");
  return [r, r === undefined ? attrs : withAttribute(attrs, "r", undefined)];
}

/** Reads the rows of `<sheetData>`'s content. */
export function parseRows(xml: string): RowXml[] {
  const rows: RowXml[] = [];
  let previous = -1;
  let ordered = true;
  for (let e, from = 0; (e = nextElement(xml, from)); from = e.end) {
    if (e.local !== "row") continue;
    const [r, attrs] = splitR(e.attrs);
    const row = r === undefined ? previous + 1 : parseInt(r, 10) - 1;
    if (!(row >= 0)) throw new XmlError(`worksheet: row number ${r}`);
    if (row <= previous) ordered = false;
    previous = row;
    rows.push({
      row,
      tag: e.tag,
      attrs,
      // Without its `r`, a row's place depends on the rows before it: written again with one.
      raw: r === undefined ? undefined : xml.slice(e.start, e.end),
      content: xml.slice(e.contentStart, e.contentEnd),
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
  for (let e; (e = nextElement(xml, end)) && e.local === "c"; end = e.end) {
    const [r, attrs] = splitR(e.attrs);
    const next = r === undefined ? col + 1 : columnOf(r);
    if (next <= col) ordered = false;
    col = next;
    cells.push({
      col,
      tag: e.tag,
      attrs,
      inner: e.contentEnd === e.end ? undefined : xml.slice(e.contentStart, e.contentEnd),
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

const CELL_R = /(<(?:[A-Za-z_][\w.-]*:)?c\s(?:[^>]*?\s)?r\s*=\s*["']\$?[A-Za-z]{1,3}\$?)\d+/g;

/** A row's XML with its cells' `r` on 0-based row `row` (a row's cells all name its own row). */
export function renumberCells(content: string, row: number): string {
  const r = String(row + 1);
  return content.replace(CELL_R, (_, head: string) => head + r);
}

const letters: string[] = [];
const lettersOf = (col: number) => (letters[col] ??= columnLetters(col));

/**
 * The row's XML: as read when unchanged, else written from its attributes and cells (each cell's text built by
 * `+` and the row's joined: three times faster in V8 than appending every piece to one string).
 */
export function rowXml(row: RowXml): string {
  if (row.raw !== undefined) return row.raw;
  const r = String(row.row + 1);
  const cells = row.cells;
  const content = cells ? row.rest : row.content;
  const open = "<" + row.tag + ' r="' + r + '"' + row.attrs;
  if (content === "" && (!cells || cells.length === 0)) return open + "/>";
  const parts: string[] = new Array<string>(cells ? cells.length : 0);
  for (let i = 0; i < parts.length; i++) {
    const cell = cells![i];
    const start = "<" + cell.tag + ' r="' + lettersOf(cell.col) + r + '"' + cell.attrs;
    parts[i] = cell.inner === undefined ? start + "/>" : start + ">" + cell.inner + "</" + cell.tag + ">";
  }
  return open + ">" + parts.join("") + content + "</" + row.tag + ">";
}
