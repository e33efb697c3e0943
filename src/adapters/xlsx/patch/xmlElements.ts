/**
 * Elements of a part's XML found by their local name (any namespace prefix), with where they start and
 * end, so that an edit leaves the rest of the part as it was, byte for byte. For the small parts whose
 * elements of one name do not nest: workbook.xml, relationships, [Content_Types].xml.
 */
import { XmlError, XmlScanner } from "../ooxml/xml";

export interface XmlElement {
  /** Where its `<` is. */
  start: number;
  /** Just after its end tag (or its `/>`). */
  end: number;
  /** The open tag as written. */
  tag: string;
  /** `x:` when it is written `<x:sheet>`, else "". */
  prefix: string;
  /** The open tag's attributes by their name as written, decoded. */
  attributes: Record<string, string>;
  /** Its content (what lies between the tags). */
  content: string;
}

/** The `name` elements of `xml`, in order. An open tag's quoted values may hold `>`. */
export function elements(xml: string, name: string): XmlElement[] {
  const pattern = new RegExp(`<([\\w.-]+:)?${name}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, "g");
  const found: XmlElement[] = [];
  for (let match; (match = pattern.exec(xml));) {
    const [tag, prefix = ""] = match;
    const contentStart = match.index + tag.length;
    let contentEnd = contentStart;
    let end = contentStart;
    if (!tag.endsWith("/>")) {
      const close = `</${prefix}${name}>`;
      contentEnd = xml.indexOf(close, contentStart);
      if (contentEnd < 0) throw new XmlError(`<${prefix}${name}> without ${close}`);
      end = pattern.lastIndex = contentEnd + close.length;
    }
    const scanner = new XmlScanner(tag);
    scanner.next();
    const content = xml.slice(contentStart, contentEnd);
    found.push({ start: match.index, end, tag, prefix, attributes: scanner.attributes(), content });
  }
  return found;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `xml` with each range replaced by its text (ranges do not overlap). */
export function applyEdits(xml: string, edits: Edit[]): string {
  let out = xml;
  for (const { start, end, text } of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}
