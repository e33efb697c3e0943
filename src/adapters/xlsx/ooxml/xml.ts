/**
 * A small pull scanner over one XML part held as a string: tags, text and CDATA, with namespace
 * prefixes dropped from element names (`x:c` is `c`), comments, processing instructions and a DOCTYPE
 * skipped, attribute values that hold `>` kept whole, and text decoded as an XML parser does (the five
 * entities, character references, line ends made `\n`). It does not check that tags nest: a file whose
 * XML is broken that way still reads as Excel's cells say. An undefined entity or a tag it cannot read
 * throws (the caller's corruptError).
 */

export const enum Token {
  End,
  Open,
  Close,
  Text,
}

const ENTITY = /&(?:#x([\da-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));|&|\r\n?/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

/** Character codes the scanner looks for. */
const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

export class XmlScanner {
  private at = 0;
  /** The element's local name (Open, Close). */
  name = "";
  /** Where the current token begins (its `<`), for a writer that patches the part in place. */
  start = 0;
  /** The open tag ends with `/>`. */
  selfClosing = false;
  private attributesStart = 0;
  private attributesEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;

  constructor(private readonly xml: string) {}

  next(): Token {
    const xml = this.xml;
    for (;;) {
      const at = (this.start = this.at);
      if (at >= xml.length) return Token.End;
      if (xml.charCodeAt(at) !== LT) {
        const lt = xml.indexOf("<", at);
        this.textStart = at;
        this.textEnd = this.at = lt < 0 ? xml.length : lt;
        this.cdata = false;
        return Token.Text;
      }
      const next = xml.charCodeAt(at + 1);
      if (next === BANG) {
        if (xml.startsWith("<![CDATA[", at)) {
          const end = this.endOf("]]>", at + 9);
          this.textStart = at + 9;
          this.textEnd = end;
          this.at = end + 3;
          this.cdata = true;
          return Token.Text;
        }
        this.at = xml.startsWith("<!--", at) ? this.endOf("-->", at + 4) + 3 : this.endOf(">", at) + 1;
        continue;
      }
      if (next === QUESTION) {
        this.at = this.endOf("?>", at + 2) + 2;
        continue;
      }
      return next === SLASH ? this.closeTag(at + 2) : this.openTag(at + 1);
    }
  }

  /** Reads the element name from `from`, without its prefix; returns where it ends. */
  private readName(from: number): number {
    const xml = this.xml;
    let start = from;
    let i = from;
    for (; i < xml.length; i++) {
      const code = xml.charCodeAt(i);
      if (code === GT || code === SLASH || isSpace(code)) break;
      if (code === COLON) start = i + 1;
    }
    if (i === start || i >= xml.length) throw new XmlError(`unreadable tag at ${from}`);
    this.name = xml.slice(start, i);
    return i;
  }

  private closeTag(from: number): Token {
    const end = this.readName(from);
    this.at = this.endOf(">", end) + 1;
    return Token.Close;
  }

  private openTag(from: number): Token {
    const xml = this.xml;
    let i = this.readName(from);
    this.attributesStart = i;
    // Up to the tag's `>`, stepping over quoted values (which may hold `>`).
    for (;;) {
      const code = xml.charCodeAt(i);
      if (code === GT) break;
      if (code === QUOT || code === APOS) {
        i = this.endOf(code === QUOT ? '"' : "'", i + 1);
      } else if (Number.isNaN(code)) {
        throw new XmlError(`unterminated tag at ${from}`);
      }
      i++;
    }
    this.selfClosing = xml.charCodeAt(i - 1) === SLASH;
    this.attributesEnd = this.selfClosing ? i - 1 : i;
    this.at = i + 1;
    return Token.Open;
  }

  /** The current text token, decoded. */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.cdata ? raw.replace(/\r\n?/g, "\n") : decodeXml(raw);
  }

  /** One attribute of the current open tag, by its name as written (`r`, `r:id`), decoded. */
  attribute(name: string): string | undefined {
    for (let i = this.attributesStart; (i = this.readAttribute(i)) >= 0;) {
      if (this.attributeIs(name)) return this.attributeValue();
    }
    return undefined;
  }

  /**
   * Several attributes of the current open tag in one pass (a cell's r, t and s), into `values` by the
   * index of their name in `names`; the others undefined.
   */
  pick(names: readonly string[], values: (string | undefined)[]): void {
    values.fill(undefined);
    for (let i = this.attributesStart; (i = this.readAttribute(i)) >= 0;) {
      for (let n = 0; n < names.length; n++) {
        if (this.attributeIs(names[n])) {
          values[n] = this.attributeValue();
          break;
        }
      }
    }
  }

  /** All attributes of the current open tag by their name as written, decoded. */
  attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (let i = this.attributesStart; (i = this.readAttribute(i)) >= 0;) {
      const name = this.xml.slice(this.nameStart, this.nameEnd);
      if (name !== "__proto__") attributes[name] = this.attributeValue();
    }
    return attributes;
  }

  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  /** Finds the attribute from `i` on (its name and value ranges); where the next starts, or -1 when none. */
  private readAttribute(from: number): number {
    const xml = this.xml;
    const end = this.attributesEnd;
    let i = from;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    this.nameStart = i;
    while (i < end && xml.charCodeAt(i) !== EQUALS && !isSpace(xml.charCodeAt(i))) i++;
    this.nameEnd = i;
    while (i < end && xml.charCodeAt(i) !== QUOT && xml.charCodeAt(i) !== APOS) i++;
    if (i >= end) return -1;
    this.valueStart = i + 1;
    this.valueEnd = xml.indexOf(xml[i], i + 1);
    return this.valueEnd + 1;
  }

  private attributeIs(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  private attributeValue(): string {
    return decodeAttribute(this.xml.slice(this.valueStart, this.valueEnd));
  }

  /** The text of the element just opened (CDATA included, child elements skipped), up to its end tag. */
  elementText(): string {
    if (this.selfClosing) return "";
    let text = "";
    for (let token; (token = this.next()) !== Token.End;) {
      if (token === Token.Text) text += this.text();
      else if (token === Token.Close) break;
      else this.skipElement();
    }
    return text;
  }

  /** Skips to the end of the element just opened (its children and text included). */
  skipElement(): void {
    if (this.selfClosing) return;
    for (let depth = 1; depth > 0;) {
      const token = this.next();
      if (token === Token.End) return;
      if (token === Token.Open && !this.selfClosing) depth++;
      else if (token === Token.Close) depth--;
    }
  }

  /** Where the scanner stands: just past the current token (past the element after skipElement). */
  get offset(): number {
    return this.at;
  }

  private endOf(marker: string, from: number): number {
    const end = this.xml.indexOf(marker, from);
    if (end < 0) throw new XmlError(`unterminated ${marker} at ${from}`);
    return end;
  }
}

/** Text content as an XML parser gives it. */
export function decodeXml(raw: string): string {
  if (raw.indexOf("&") < 0 && raw.indexOf("\r") < 0) return raw;
  return raw.replace(ENTITY, replaceEntity);
}

/** An attribute value as an XML parser gives it: tabs and line ends written as such become spaces. */
function decodeAttribute(raw: string): string {
  if (!ATTRIBUTE_SPECIAL.test(raw)) return raw;
  return decodeXml(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n?|[\t\n]/g, " ") : raw);
}

const ATTRIBUTE_SPECIAL = /[&\t\n\r]/;

function replaceEntity(match: string, hex?: string, decimal?: string, named?: string): string {
  if (match === "&") throw new XmlError("undefined entity");
  if (match.charCodeAt(0) === 13) return "\n";
  if (named) return NAMED[named];
  const code = parseInt(hex ?? decimal!, hex ? 16 : 10);
  if (!(code <= 0x10ffff)) throw new XmlError("bad character reference");
  return String.fromCodePoint(code);
}
