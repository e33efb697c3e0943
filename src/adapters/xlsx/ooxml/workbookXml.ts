/**
 * xl/workbook.xml and its relationships: the worksheets in the order Excel shows their tabs, whether
 * each is hidden, where its cells are, the date system, and the shared strings and styles parts.
 */
import type { Package } from "./parts";
import { Token, XmlScanner } from "./xml";

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** The worksheet part's key. */
  part: string;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  /** `<workbookPr date1904="1">`: serial day 0 is 1904-01-01, not 1899-12-31. */
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

const DEFAULT_WORKBOOK = "xl/workbook.xml";

/**
 * Sheets are listed in workbook.xml's order, the order of Excel's tabs. exceljs gives the same order
 * (it sorts by that position), but drops a sheet whose sheetId is 0, missing or shared with another
 * sheet, and one whose part is not named `sheetN.xml`; Excel shows them, so they are read here.
 * Chart sheets and macro sheets have no cells and are not listed, as in exceljs. A sheet's name is
 * unescaped once (exceljs unescaped it twice: a name typed with `&amp;` lost it).
 */
export function workbookParts(pkg: Package): WorkbookParts {
  const main = workbookPart(pkg);
  const relationships = pkg.relationships(main);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const xml = pkg.text(main) ?? "";
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const scanner = new XmlScanner(xml);
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token !== Token.Open) continue;
    // Extensions repeat names of their own (Excel 365's `<x15:workbookPr>` carries no date1904).
    if (scanner.name === "extLst") scanner.skipElement();
    else if (scanner.name === "workbookPr") {
      const value = scanner.attributes().date1904;
      // exceljs: only "1"; the schema's xsd:boolean also allows "true".
      date1904 = value === "1" || value === "true";
    } else if (scanner.name === "sheet") {
      const attributes = scanner.attributes();
      const relationship = byId.get(relationshipId(attributes) ?? "");
      if (relationship?.type !== "worksheet" || !relationship.target || !pkg.has(relationship.target)) continue;
      sheets.push({
        name: attributes.name ?? "",
        hidden: attributes.state === "hidden" || attributes.state === "veryHidden",
        part: relationship.target,
      });
    }
  }
  const partOf = (type: string, fallback: string) =>
    relationships.find((r) => r.type === type && r.target && pkg.has(r.target))?.target ??
    (pkg.has(fallback) ? fallback : undefined);
  return {
    sheets,
    date1904,
    sharedStrings: partOf("sharedStrings", "xl/sharedstrings.xml"),
    styles: partOf("styles", "xl/styles.xml"),
  };
}

/** The workbook part's key: the package's officeDocument (`xl/workbook.xml` as Excel names it). */
export function workbookPart(pkg: Package): string {
  return (
    pkg.relationships("").find((r) => r.type === "officeDocument" && r.target && pkg.has(r.target))?.target ??
    DEFAULT_WORKBOOK
  );
}

/** The `r:id` attribute, whatever prefix the file gives the relationships namespace. */
export function relationshipId(attributes: Record<string, string>): string | undefined {
  if (attributes["r:id"] !== undefined) return attributes["r:id"];
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(":id")) return value;
  return undefined;
}

/** docProps/core.xml's `dcterms:modified`, as exceljs reads it (`new Date(text)`). */
export function modifiedDate(pkg: Package): Date | undefined {
  const xml = pkg.text("docprops/core.xml");
  if (xml === undefined) return undefined;
  const scanner = new XmlScanner(xml);
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token === Token.Open && scanner.name === "modified") return new Date(scanner.elementText());
  }
  return undefined;
}
