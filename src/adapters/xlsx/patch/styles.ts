/**
 * xl/styles.xml patched, not rebuilt (ECMA-376 §18.8): a cell that needs a format, an unlocked cell or a
 * bold header gets a new cell format (`<xf>` appended to `<cellXfs>`) copied from the one it had, so its
 * borders, fill and font stay and the other cells sharing the old one are untouched. An xf (or bold font)
 * the part already holds as it would be written is used instead of a copy — the template's own, or one an
 * earlier write added — so merging every month into the last consolidated workbook does not add xfs towards
 * Excel's limit of 64,000. Everything else in the part stays as written, the Open XML SDK's `x:` prefixes
 * included (new elements take the part's).
 */
import { BUILT_IN, cellFormats, type CellFormat } from "../ooxml/styles";
import { Token, XmlError, XmlScanner } from "../ooxml/xml";
import { attribute, escapeXml, joinElement, prefixOf, qnameOf, splitElement, withAttribute } from "./rawXml";

export interface StyleChange {
  numFmt?: string;
  /**
   * The cell is given a date: without `numFmt`, a format that shows no date (as the reader tells, so it reads a
   * Date back) becomes the short date, built-in 14 — Excel shows it in the user's locale (dd/mm/yyyy in vi-VN) —
   * as exceljs gives a Date written without a format (styles-xform.js, `mm-dd-yy`).
   */
  date?: boolean;
  locked?: boolean;
  bold?: boolean;
}

/** CT_Stylesheet's sequence (§18.8.39): where a list the part lacks is put. */
const SHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** The lists a change appends to, and the element each holds. */
const LISTS = { numFmts: "numFmt", fonts: "font", cellXfs: "xf" } as const;
type ListName = keyof typeof LISTS;

/** A list of the part: its children as written, where it is, and what is appended to it. */
interface List {
  /** Its start tag's range, when the part has the list. */
  tag?: { start: number; end: number; selfClosing: boolean };
  /** Where its end tag starts (children are appended there). */
  end: number;
  children: string[];
  added: string[];
  /** The index of each item (children, then added) by its text, the first of equal ones: built when first needed. */
  indexes?: Map<string, number>;
}

/** What Excel needs to open a workbook whose cells use styles (fonts, two fills, a border, Normal). */
const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

const BUILT_IN_IDS = new Map(Object.entries(BUILT_IN).map(([id, code]) => [code, Number(id)]));

/** `mm-dd-yy`, built-in 14: shown as the user's short date. */
const SHORT_DATE = BUILT_IN[14];

/** Custom number formats take ids from 164 on (below are Excel's built-in ones, §18.8.30). */
const FIRST_CUSTOM_ID = 164;

export class StylePatch {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly lists: Record<ListName, List>;
  /** Where each top-level element of the part starts, by local name. */
  private readonly starts = new Map<string, number>();
  private rootEnd = -1;
  /** Number format ids by code as written (escapes kept), the part's own and the added ones. */
  private readonly numFmtIds = new Map<string, number>();
  /** The highest number format id the part uses anywhere (`<dxf>`s hold their own `<numFmt>`s too). */
  private lastNumFmtId: number;
  private readonly derived = new Map<string, number>();
  private readonly boldFonts = new Map<string, number>();
  /** The part's own xfs' formats as the reader reads them, read once a date is written. */
  private formats?: (s: number) => CellFormat;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL;
    const emptyList = (): List => ({ end: -1, children: [], added: [] });
    this.lists = { numFmts: emptyList(), fonts: emptyList(), cellXfs: emptyList() };
    this.prefix = this.read();
    // An attribute's value: matched in start tags, whatever nests them.
    let last = FIRST_CUSTOM_ID - 1;
    for (const match of this.xml.matchAll(/\snumFmtId\s*=\s*["'](\d+)/g)) last = Math.max(last, Number(match[1]));
    this.lastNumFmtId = last;
  }

  /** Reads the lists' children and where the top-level elements are; gives the part's prefix. */
  private read(): string {
    const scanner = new XmlScanner(this.xml);
    let token;
    while ((token = scanner.next()) !== Token.Open && token !== Token.End);
    if (token === Token.End || scanner.name !== "styleSheet" || scanner.selfClosing) {
      throw new XmlError("xl/styles.xml: no <styleSheet>");
    }
    const prefix = prefixOf(this.xml.slice(scanner.start, scanner.offset));
    for (; (token = scanner.next()) !== Token.End;) {
      if (token === Token.Close) {
        this.rootEnd = scanner.start;
        break;
      }
      if (token !== Token.Open) continue;
      const { name, start } = scanner;
      if (!this.starts.has(name)) this.starts.set(name, start);
      if (Object.hasOwn(LISTS, name)) this.readList(scanner, name as ListName);
      else scanner.skipElement();
    }
    if (this.rootEnd < 0) throw new XmlError("xl/styles.xml: no </styleSheet>");
    return prefix;
  }

  private readList(scanner: XmlScanner, name: ListName): void {
    const list = this.lists[name];
    const { start, selfClosing } = scanner;
    list.tag = { start, end: scanner.offset, selfClosing };
    if (selfClosing) return;
    for (let token; (token = scanner.next()) !== Token.Close;) {
      if (token === Token.End) throw new XmlError(`xl/styles.xml: no </${name}>`);
      if (token !== Token.Open) continue;
      const child = scanner.start;
      const isItem = scanner.name === LISTS[name];
      if (isItem && name === "numFmts") this.readNumFmt(scanner);
      scanner.skipElement();
      if (isItem) list.children.push(this.xml.slice(child, scanner.offset));
    }
    list.end = scanner.start;
  }

  private readNumFmt(scanner: XmlScanner): void {
    const id = Number(scanner.attribute("numFmtId"));
    const code = scanner.attribute("formatCode");
    if (Number.isInteger(id) && code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
  }

  /**
   * The cellXfs index of xf `s` with `change` (an index the part lacks stands for 0, as Excel shows it; one
   * derived before is a base like the part's own: a written format stays when Đã duyệt unlocks the cell):
   * `s` itself when the change is none, else the first xf of the part written as the copy would be, else a new xf;
   * looked up once per (s, change) so the 12,000 cells of one style share one.
   */
  derive(s: number, change: StyleChange): number {
    const base = this.indexIn("cellXfs", s);
    const { locked, bold } = change;
    const numFmt = change.numFmt ?? (change.date && !this.showsDate(base) ? SHORT_DATE : undefined);
    if (numFmt === undefined && locked === undefined && bold === undefined) return base;
    const key = JSON.stringify([base, numFmt, locked, bold]);
    let index = this.derived.get(key);
    if (index === undefined) {
      const xf = this.item(
        "cellXfs",
        base,
        `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
      );
      const changed = this.changedXf(xf, { numFmt, locked, bold });
      index = changed === xf ? base : this.indexOf("cellXfs", changed);
      this.derived.set(key, index);
    }
    return index;
  }

  /** Xf `s` shows its number as a date, as the reader tells (cellFormats: xf 0 and derived xfs show none). */
  private showsDate(s: number): boolean {
    return (this.formats ??= cellFormats(this.xml))(s).isDate;
  }

  /** `xf` (as written) with `change`; its other attributes and children kept (CT_Xf, §18.8.45). */
  private changedXf(xf: string, change: StyleChange): string {
    const { qname, children, tag: written } = splitElement(xf);
    let tag = written;
    if (change.numFmt !== undefined) {
      tag = withAttribute(tag, "numFmtId", this.numFmtId(change.numFmt));
      tag = withAttribute(tag, "applyNumberFormat", "1");
    }
    if (change.bold !== undefined) {
      const fontId = Number(attribute(tag, "fontId") ?? 0);
      tag = withAttribute(tag, "fontId", this.boldFont(fontId, change.bold));
      tag = withAttribute(tag, "applyFont", "1");
    }
    const raw = children.map((child) => child.raw);
    if (change.locked !== undefined) {
      const at = children.findIndex((child) => child.name === "protection");
      const protection = lockedProtection(at < 0 ? `<${this.prefix}protection/>` : raw[at], change.locked);
      // CT_Xf's sequence: alignment, protection, extLst.
      if (at >= 0) raw[at] = protection;
      else raw.splice(children[0]?.name === "alignment" ? 1 : 0, 0, protection);
      tag = withAttribute(tag, "applyProtection", "1");
    }
    return joinElement(tag, qname, raw);
  }

  /** The id of `code`: built-in, else the part's own, else a new `<numFmt>`. */
  private numFmtId(code: string): number {
    let id = BUILT_IN_IDS.get(code) ?? this.numFmtIds.get(code);
    if (id === undefined) {
      id = ++this.lastNumFmtId;
      this.numFmtIds.set(code, id);
      this.lists.numFmts.added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  /** Font `fontId` (0 when the part lacks it) made bold or not: the same font when it already is, else a copy, once. */
  private boldFont(fontId: number, bold: boolean): number {
    const base = this.indexIn("fonts", fontId);
    const key = `${base} ${bold}`;
    let index = this.boldFonts.get(key);
    if (index === undefined) {
      const written = this.item("fonts", base, `<${this.prefix}font/>`);
      const font = splitElement(written);
      const others = font.children.filter((child) => child.name !== "b").map((child) => child.raw);
      // CT_Font: Excel writes <b/> first.
      const changed = joinElement(font.tag, font.qname, bold ? [`<${this.prefix}b/>`, ...others] : others);
      index = changed === written ? base : this.indexOf("fonts", changed);
      this.boldFonts.set(key, index);
    }
    return index;
  }

  /** `index` when the list (the part's items, then the added ones) has it, else 0. */
  private indexIn(name: ListName, index: number): number {
    const { children, added } = this.lists[name];
    return Number.isInteger(index) && index >= 0 && index < children.length + added.length ? index : 0;
  }

  /**
   * Item `index` (indexIn) of a list as written; `fallback` when the list is empty, then also put first in it
   * so that index 0, which every cell without a style means, is still the default.
   */
  private item(name: ListName, index: number, fallback: string): string {
    const { children, added } = this.lists[name];
    if (children.length === 0 && added.length === 0) this.append(name, fallback);
    return index < children.length ? children[index] : added[index - children.length];
  }

  /** The index of the first item of a list written as `item`, else of `item` appended. */
  private indexOf(name: ListName, item: string): number {
    const list = this.lists[name];
    if (!list.indexes) {
      const indexes = (list.indexes = new Map<string, number>());
      [...list.children, ...list.added].forEach((text, i) => {
        if (!indexes.has(text)) indexes.set(text, i);
      });
    }
    return list.indexes.get(item) ?? this.append(name, item);
  }

  /** Appends `item` to a list; its index. */
  private append(name: ListName, item: string): number {
    const { children, added, indexes } = this.lists[name];
    added.push(item);
    const index = children.length + added.length - 1;
    if (!indexes?.has(item)) indexes?.set(item, index);
    return index;
  }

  get changed(): boolean {
    return Object.values(this.lists).some((list) => list.added.length > 0);
  }

  /** The part with the new formats, fonts and xfs appended to their lists, and those lists' counts. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const edits: { start: number; end: number; text: string; order: number }[] = [];
    for (const name of Object.keys(LISTS) as ListName[]) {
      const { tag, end, children, added } = this.lists[name];
      if (added.length === 0) continue;
      const count = String(children.length + added.length);
      const order = SHEET_ORDER.indexOf(name);
      const items = added.join("");
      if (!tag) {
        const qname = this.prefix + name;
        const at = this.insertionPoint(name);
        edits.push({ start: at, end: at, text: `<${qname} count="${count}">${items}</${qname}>`, order });
        continue;
      }
      const start = withAttribute(this.xml.slice(tag.start, tag.end), "count", count);
      if (tag.selfClosing) {
        const open = `${start.slice(0, -2).trimEnd()}>`;
        edits.push({ start: tag.start, end: tag.end, text: joinElement(open, qnameOf(open), [items]), order });
      } else {
        edits.push({ start: tag.start, end: tag.end, text: start, order });
        edits.push({ start: end, end, text: items, order });
      }
    }
    // Two lists the part lacks may go at one place: in the sequence's order.
    edits.sort((a, b) => a.start - b.start || a.order - b.order);
    let xml = "";
    let at = 0;
    for (const edit of edits) {
      xml += this.xml.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    return xml + this.xml.slice(at);
  }

  /** Where a list the part lacks goes: before the first element the sequence puts after it. */
  private insertionPoint(name: ListName): number {
    for (const later of SHEET_ORDER.slice(SHEET_ORDER.indexOf(name) + 1)) {
      const start = this.starts.get(later);
      if (start !== undefined) return start;
    }
    return this.rootEnd;
  }
}

/** A `<protection>` (CT_CellProtection, §18.8.33) with `locked` set, its `hidden` kept. */
function lockedProtection(protection: string, locked: boolean): string {
  const { tag } = splitElement(protection);
  return `${withAttribute(tag, "locked", locked ? "1" : "0").slice(0, -1)}/>`;
}
