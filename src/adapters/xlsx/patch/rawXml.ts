/**
 * Small edits on XML kept as written: one start tag's attributes read or set, text escaped, one element split
 * into its start tag and its children. What is not edited stays byte for byte as the file had it (other cells
 * share those styles; the Open XML SDK's `x:` prefixes stay). Every patch module's attribute edits go through
 * `attribute` and `withAttribute`.
 */
import { Token, XmlError, XmlScanner } from "../ooxml/xml";

/** An element as written: its start tag (made non-empty: `<x:xf a="1">`), its qualified name, its children. */
export interface RawElement {
  /** Qualified name as written (`x:xf`). */
  qname: string;
  /** The start tag ending in `>`, never `/>`. */
  tag: string;
  children: { name: string; raw: string }[];
}

/** Text as exceljs's xmlEncode writes it: the five entities, and control characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ENTITIES[ch] ?? "");
}

const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/** The qualified name (`x:xf`) of the start tag at the beginning of `tag`. */
export function qnameOf(tag: string): string {
  return /^<([^\s/>]+)/.exec(tag)?.[1] ?? "";
}

/** The prefix (`x:`, or "") of the start tag at the beginning of `tag`. */
export function prefixOf(tag: string): string {
  const qname = qnameOf(tag);
  return qname.slice(0, qname.indexOf(":") + 1);
}

// A start tag holds no markup: its attributes are `name="…"` or `name='…'` pairs, one space or more before each.
const attributePatterns = new Map<string, RegExp>();
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * An attribute's value as written (not decoded: the attributes read are numbers, names and ranges) in `text`:
 * a start tag (`<c r="A1" s="3">`) or a start tag's attribute text (` r="A1" s="3"`).
 */
export function attribute(text: string, name: string): string | undefined {
  const match = attributePattern(name).exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * `text` (a start tag, or its attribute text, as for `attribute`) with attribute `name` set to `value` as written
 * (escape text with escapeXml): in its place when present, else last; removed when `value` is undefined.
 */
export function withAttribute(text: string, name: string, value: string | number | undefined): string {
  const match = attributePattern(name).exec(text);
  if (match) {
    const written = value === undefined ? "" : `${match[0][0]}${name}="${value}"`;
    return text.slice(0, match.index) + written + text.slice(match.index + match[0].length);
  }
  if (value === undefined) return text;
  const written = ` ${name}="${value}"`;
  if (!text.endsWith(">")) return text + written; // attribute text: a value's `>` is inside its quotes
  const end = text.endsWith("/>") ? text.length - 2 : text.length - 1;
  return `${text.slice(0, end).trimEnd()}${written}${text.slice(end)}`;
}

/** `raw` (one whole element) split into its start tag and its child elements as written; text between them dropped. */
export function splitElement(raw: string): RawElement {
  const scanner = new XmlScanner(raw);
  if (scanner.next() !== Token.Open) throw new XmlError(`not an element: ${raw.slice(0, 40)}`);
  const written = raw.slice(0, scanner.offset);
  const tag = scanner.selfClosing ? `${written.slice(0, -2).trimEnd()}>` : written;
  const qname = qnameOf(tag);
  const children: RawElement["children"] = [];
  if (!scanner.selfClosing) {
    for (let token; (token = scanner.next()) !== Token.End && token !== Token.Close;) {
      if (token !== Token.Open) continue;
      const { name, start } = scanner;
      scanner.skipElement();
      children.push({ name, raw: raw.slice(start, scanner.offset) });
    }
  }
  return { qname, tag, children };
}

/** An element from a start tag as splitElement gives it and its children: empty (`/>`) when it has none. */
export function joinElement(tag: string, qname: string, children: string[]): string {
  return children.length === 0 ? `${tag.slice(0, -1)}/>` : `${tag}${children.join("")}</${qname}>`;
}
