/**
 * xl/sharedStrings.xml with strings added (CT_Sst, ECMA-376 Part 1 §18.4.9): the part as it was, a text it
 * already holds as a plain `<si><t>` given that index, each new text a plain `<si><t>` appended as exceljs
 * writes it, so a reader sees the cells exceljs would have written. Re-merging into the last consolidated
 * workbook, or writing the review records again, thus adds only the texts that changed.
 */

import { decodeXml, Token, XmlError, XmlScanner } from "../ooxml/xml";
import { escapeXml } from "./rawXml";
import { partPlace, xmlProblem } from "./unpatchable";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A `<c … t="s">` (CT_Cell §18.3.1.4, ST_CellType `s`): a cell that refers to the table. */
const STRING_CELL = /<(?:[\w.-]+:)?c\s[^>]*?\st\s*=\s*["']s["']/g;

/** How many cells of a worksheet's XML refer to the shared strings (what CT_Sst's `count` counts). */
export function stringCells(xml: string | undefined): number {
  return xml?.match(STRING_CELL)?.length ?? 0;
}

/** As exceljs's TextXform: leading or trailing space, or a line break, is kept by xml:space. */
const needsPreserve = (text: string) => /^\s|\n|\s$/.test(text);

export class SharedStringTable {
  /** The index of each text asked for, as asked: each is looked up once. */
  private readonly asked = new Map<string, number>();
  /**
   * The part's plain `<si>` and the added ones by the text an XML reader reads from their `<t>`: built when the
   * first text is asked for, so a write that adds no text does not read the table.
   */
  private plain?: Map<string, number>;
  private readonly items: string[] = [];
  /** How many `<si>` the part holds: the index of the first new string. */
  private readonly unique: number;
  /** The namespace prefix the part writes its elements with (`x:`), kept for the new ones. */
  private readonly prefix: string;
  /**
   * Cells that refer to the table added, less those gone, since the part was read (WorkbookFile counts them in
   * the sheets it writes): `count` follows, so a sheet written again over its old self does not raise it.
   */
  referencesAdded = 0;

  /**
   * `xml`: the part's text, undefined when the workbook has none; `part`: its name, which an UnpatchablePart
   * names when its strings cannot be read (they are read when the first text is asked for).
   */
  constructor(
    private readonly xml: string | undefined,
    private readonly part = "xl/sharedStrings.xml",
  ) {
    // The <si> themselves, not uniqueCount: it is optional, and a cell's index counts the <si>.
    this.unique = xml === undefined ? 0 : (xml.match(/<(?:[\w.-]+:)?si[\s/>]/g)?.length ?? 0);
    this.prefix = (xml === undefined ? undefined : /<([\w.-]+:)?sst[\s/>]/.exec(xml)?.[1]) ?? "";
  }

  /** The index of `text`: a plain `<si>` that reads back as it, the part's own first, else a new one. */
  ref(text: string): number {
    let at = this.asked.get(text);
    if (at === undefined) {
      const escaped = escapeXml(text);
      // What a reader reads back: control characters are dropped and line ends made `\n` when written.
      const read = decodeXml(escaped);
      this.plain ??= this.plainStrings();
      at = this.plain.get(read);
      if (at === undefined) {
        at = this.unique + this.items.length;
        this.plain.set(read, at);
        const space = needsPreserve(read) ? ' xml:space="preserve"' : "";
        const p = this.prefix;
        this.items.push(`<${p}si><${p}t${space}>${escaped}</${p}t></${p}si>`);
      }
      this.asked.set(text, at);
    }
    return at;
  }

  private plainStrings(): Map<string, number> {
    try {
      return plainStrings(this.xml);
    } catch (error) {
      throw xmlProblem(error, partPlace(this.part));
    }
  }

  get changed(): boolean {
    return this.items.length > 0 || (this.xml !== undefined && this.referencesAdded !== 0);
  }

  /**
   * The part with the new `<si>` before `</sst>`, count and uniqueCount brought up to date; a whole new part
   * when there was none.
   *
   * Strings no cell refers to any more (a replaced log, PhuLuc or Tình trạng nộp sheet's) stay: dropping them
   * renumbers every `t="s"` cell of every sheet, rewriting parts the write otherwise keeps byte for byte, for a
   * few kilobytes; Excel drops them itself when it saves. What was written again is looked up, not appended, so
   * they are bounded by the texts that changed.
   */
  toXml(): string {
    if (this.xml === undefined) {
      return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="${MAIN_NS}" count="${this.referencesAdded}" uniqueCount="${this.items.length}">${this.items.join("")}</sst>`
      );
    }
    if (!this.changed) return this.xml;
    const xml = this.xml;
    const open = /<(?:[\w.-]+:)?sst\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(xml);
    const end = xml.lastIndexOf(`</${this.prefix}sst>`);
    if (!open) throw new XmlError("sharedStrings: no <sst> element");
    // Both counts are optional (CT_Sst): brought up to date when present, left out when not.
    const tag = open[0]
      .replace(/\scount="(\d+)"/, (_, n: string) => ` count="${Math.max(0, Number(n) + this.referencesAdded)}"`)
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

/**
 * The index of each plain `<si>` (CT_Rst §18.4.8: one `<t>` and nothing else; a rich or phonetic one shows more)
 * by the text an XML reader reads from it, the first of equal ones. A `<t>` whose edge spaces or line break
 * lack xml:space="preserve" is left out: a reader may drop them, and PhuLuc writes that text with it.
 */
function plainStrings(xml: string | undefined): Map<string, number> {
  const plain = new Map<string, number>();
  if (xml === undefined) return plain;
  const scanner = new XmlScanner(xml);
  let index = -1;
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token !== Token.Open || scanner.name === "sst") continue;
    if (scanner.name !== "si") {
      scanner.skipElement(); // <extLst>
      continue;
    }
    index++;
    const text = plainText(scanner);
    if (text !== undefined && !plain.has(text)) plain.set(text, index);
  }
  return plain;
}

/** The text of the `<si>` just opened when it is a plain one (plainStrings), read up to its end tag. */
function plainText(scanner: XmlScanner): string | undefined {
  if (scanner.selfClosing) return undefined;
  let text: string | undefined;
  let plain = true;
  for (let token; (token = scanner.next()) !== Token.Close;) {
    if (token === Token.End) throw new XmlError("sharedStrings: <si> not closed");
    if (token !== Token.Open) continue;
    if (scanner.name === "t" && text === undefined) {
      const preserve = scanner.attribute("xml:space") === "preserve";
      text = scanner.elementText();
      if (!preserve && needsPreserve(text)) plain = false;
    } else {
      plain = false;
      scanner.skipElement();
    }
  }
  return plain ? text : undefined;
}
