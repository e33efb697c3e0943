/**
 * xl/sharedStrings.xml with strings appended (CT_Sst, ECMA-376 Part 1 §18.4.9): the part as it was,
 * each new text a plain `<si><t>` written as exceljs writes it, so a reader sees the cells exceljs
 * would have written.
 */

import { XmlError } from "../ooxml/xml";
import { escapeXml } from "./rawXml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export class SharedStringTable {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private refs = 0;
  /** How many `<si>` the part holds: the index of the first new string. */
  private readonly unique: number;
  /** The namespace prefix the part writes its elements with (`x:`), kept for the new ones. */
  private readonly prefix: string;

  /** `xml`: the part's text, undefined when the workbook has none. */
  constructor(private readonly xml: string | undefined) {
    // The <si> themselves, not uniqueCount: it is optional, and a cell's index counts the <si>.
    this.unique = xml === undefined ? 0 : (xml.match(/<(?:[\w.-]+:)?si[\s/>]/g)?.length ?? 0);
    this.prefix = (xml === undefined ? undefined : /<([\w.-]+:)?sst[\s/>]/.exec(xml)?.[1]) ?? "";
  }

  /** The index of `text`; a new text is appended once, however often it is asked for. */
  ref(text: string): number {
    this.refs++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.unique + this.items.length;
      this.index.set(text, at);
      // As exceljs's TextXform: leading or trailing space, or a line break, is kept by xml:space.
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
      const p = this.prefix;
      this.items.push(`<${p}si><${p}t${space}>${escapeXml(text)}</${p}t></${p}si>`);
    }
    return at;
  }

  get changed(): boolean {
    return this.refs > 0;
  }

  /** The part with the new `<si>` before `</sst>`, count and uniqueCount raised; a whole new part when there was none. */
  toXml(): string {
    if (this.xml === undefined) {
      return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="${MAIN_NS}" count="${this.refs}" uniqueCount="${this.items.length}">${this.items.join("")}</sst>`
      );
    }
    if (!this.changed) return this.xml;
    const xml = this.xml;
    const open = /<(?:[\w.-]+:)?sst\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(xml);
    const end = xml.lastIndexOf(`</${this.prefix}sst>`);
    if (!open) throw new XmlError("sharedStrings: no <sst> element");
    // Both counts are optional (CT_Sst): raised when present, left out when not.
    const tag = open[0]
      .replace(/\scount="(\d+)"/, (_, n: string) => ` count="${Number(n) + this.refs}"`)
      .replace(/\suniqueCount="(\d+)"/, () => ` uniqueCount="${this.unique + this.items.length}"`);
    const items = this.items.join("");
    if (end < 0) {
      // `<sst …/>`: an empty table.
      if (!tag.endsWith("/>")) throw new XmlError("sharedStrings: no </sst>");
      return `${xml.slice(0, open.index)}${tag.slice(0, -2)}>${items}</${this.prefix}sst>${xml.slice(open.index + open[0].length)}`;
    }
    return xml.slice(0, open.index) + tag + xml.slice(open.index + open[0].length, end) + items + xml.slice(end);
  }
}
