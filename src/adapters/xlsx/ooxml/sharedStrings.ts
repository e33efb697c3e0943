/**
 * xl/sharedStrings.xml: each `<si>`'s text, plain (`<t>`) or rich (the `<t>` of its `<r>` runs), without
 * its phonetic runs (`<rPh>`), with Excel's `_xHHHH_` escapes decoded as exceljs decodes them.
 */
import { Token, XmlScanner } from "./xml";

/** Excel writes characters XML cannot hold as `_xHHHH_`; exceljs decodes upper-case hex only. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The strings by index. An `<si>` with neither `<t>` nor `<r>` is null: exceljs keeps it as an empty
 * object, which no cell shows but which still makes its row count as used.
 */
export function sharedStrings(xml: string): (string | null)[] {
  const strings: (string | null)[] = [];
  const scanner = new XmlScanner(xml);
  let plain: string | undefined;
  let runs: string[] | undefined;
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token === Token.Close) {
      if (scanner.name === "si") strings.push(plain ?? runs?.join("") ?? null);
      continue;
    }
    if (token !== Token.Open) continue;
    switch (scanner.name) {
      case "si":
        plain = runs = undefined;
        if (scanner.selfClosing) strings.push(null);
        break;
      case "t":
        // A <t> of the <si> itself: its text is the string's (a later one replaces it, as in exceljs).
        plain = textOf(scanner);
        break;
      case "r":
        (runs ??= []).push(runText(scanner));
        break;
      case "sst":
        break;
      default:
        scanner.skipElement(); // <rPh>, <phoneticPr>, <extLst>
    }
  }
  return strings;
}

/** The text of the `<t>` just opened, its `_xHHHH_` escapes decoded. */
export function textOf(scanner: XmlScanner): string {
  return decodeEscapes(scanner.elementText());
}

/** A rich-text run's text (`<r><rPr>…</rPr><t>…</t></r>`): "" when it has no `<t>`. */
export function runText(scanner: XmlScanner): string {
  if (scanner.selfClosing) return "";
  let text = "";
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token === Token.Close) break;
    if (token !== Token.Open) continue;
    if (scanner.name === "t") text = textOf(scanner);
    else scanner.skipElement();
  }
  return text;
}
