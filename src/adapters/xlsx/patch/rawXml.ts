/**
 * Small edits on XML kept as written: one start tag's attributes set, one element split into its start
 * tag and its children. What is not edited stays byte for byte as the file had it (other cells share
 * those styles; the Open XML SDK's `x:` prefixes stay).
 */
import { Token, XmlScanner } from "../ooxml/xml";

/** An element as written: its start tag (made non-empty: `<x:xf a="1">`), its qualified name, its children. */
export interface RawElement {
  /** Qualified name as written (`x:xf`). */
  qname: string;
  /** The start tag ending in `>`, never `/>`. */
  tag: string;
  children: { name: string; raw: string }[];
}

/** Escapes an attribute value (as exceljs's xmlEncode: the five entities). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** The qualified name (`x:xf`) of the start tag at the beginning of `tag`. */
export function qnameOf(tag: string): string {
  return /^<([^\s/>]+)/.exec(tag)?.[1] ?? "";
}

/** The prefix (`x:`, or "") of the start tag at the beginning of `tag`. */
export function prefixOf(tag: string): string {
  const qname = qnameOf(tag);
  return qname.slice(0, qname.indexOf(":") + 1);
}

/**
 * `tag` (one start tag, `<…>` or `<…/>`) with attribute `name` set to `value` (escaped here), in its
 * place when the tag has it, else last; `value` undefined removes it.
 */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  // A single start tag holds no markup: its attributes are `name="…"` or `name='…'` pairs.
  const existing = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`).exec(tag);
  const written = value === undefined ? "" : `${name}="${escapeAttribute(value)}"`;
  if (existing) {
    const before = value === undefined ? "" : existing[1];
    return tag.slice(0, existing.index) + before + written + tag.slice(existing.index + existing[0].length);
  }
  if (value === undefined) return tag;
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).trimEnd()} ${written}${tag.slice(end)}`;
}

/** `raw` (one whole element) split into its start tag and its child elements as written; text between them dropped. */
export function splitElement(raw: string): RawElement {
  const scanner = new XmlScanner(raw);
  if (scanner.next() !== Token.Open) throw new Error(`not an element: ${raw.slice(0, 40)}`);
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
