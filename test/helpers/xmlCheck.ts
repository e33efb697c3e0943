/**
 * Test helper: parses a part with a namespace-aware XML parser (saxes, exceljs's own), so a test fails on
 * XML that is not well-formed or an element prefix the part never declares; gives the elements in order.
 */
import { SaxesParser } from "saxes";

export interface ParsedElement {
  /** Local name. */
  name: string;
  prefix: string;
  uri: string;
  depth: number;
  attributes: Record<string, string>;
}

export function parseStrict(xml: string): ParsedElement[] {
  const elements: ParsedElement[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let error: Error | undefined;
  parser.on("error", (e) => (error ??= e));
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    elements.push({ name: tag.local, prefix: tag.prefix, uri: tag.uri, depth: depth++, attributes });
    if (tag.isSelfClosing) depth--;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  parser.write(xml.replace(/^\uFEFF/, "")).close();
  if (error) throw error;
  return elements;
}
