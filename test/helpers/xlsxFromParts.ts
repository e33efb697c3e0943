/**
 * An .xlsx zipped from XML written by hand, as Excel, LibreOffice or another producer writes it (not
 * as exceljs does): a fixture states only the parts that matter to it. `[Content_Types].xml`,
 * `_rels/.rels`, `xl/workbook.xml` and `xl/_rels/workbook.xml.rels` are made when absent, from the
 * worksheets, shared strings and styles the fixture gives (sheet N of `sheetNames` is
 * `xl/worksheets/sheet{N}.xml`).
 */
import { strToU8, zipSync } from "fflate";

export type Parts = Record<string, string | Uint8Array>;

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const CONTENT_TYPES: Record<string, string> = {
  "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheets: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  chartsheets: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  drawings: "application/vnd.openxmlformats-officedocument.drawing+xml",
  charts: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  tables: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  "xl/sharedStrings.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  "xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  "xl/calcChain.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
  "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
  "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

function contentType(path: string): string | undefined {
  return (
    CONTENT_TYPES[path] ??
    CONTENT_TYPES[path.split("/")[1]] ??
    (/^xl\/comments\d+\.xml$/.test(path) ? CONTENT_TYPES.comments : undefined)
  );
}

const worksheetParts = (parts: Parts) =>
  Object.keys(parts)
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));

function contentTypes(parts: Parts): string {
  const overrides = Object.keys(parts)
    .filter((p) => p.endsWith(".xml") && contentType(p))
    .map((p) => `<Override PartName="/${p}" ContentType="${contentType(p)}"/>`);
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    overrides.join("") +
    "</Types>"
  );
}

function workbook(sheetNames: string[]): string {
  const sheets = sheetNames.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return (
    XML_DECLARATION +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
    `<sheets>${sheets.join("")}</sheets><calcPr calcId="191029"/></workbook>`
  );
}

function workbookRels(parts: Parts): string {
  const rels = worksheetParts(parts).map(
    (p, i) => `<Relationship Id="rId${i + 1}" Type="${TYPE}/worksheet" Target="${p.slice(3)}"/>`,
  );
  if (parts["xl/styles.xml"]) rels.push(`<Relationship Id="rIdS" Type="${TYPE}/styles" Target="styles.xml"/>`);
  if (parts["xl/sharedStrings.xml"])
    rels.push(`<Relationship Id="rIdT" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/>`);
  return XML_DECLARATION + `<Relationships xmlns="${PACKAGE_RELS_NS}">${rels.join("")}</Relationships>`;
}

export const ROOT_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${PACKAGE_RELS_NS}">` +
  `<Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** The zipped workbook; `sheetNames` name the default workbook.xml's sheets (XML-escaped by the caller). */
export function xlsxFromParts(parts: Parts, sheetNames?: string[]): Uint8Array {
  const names = sheetNames ?? worksheetParts(parts).map((_, i) => `Sheet${i + 1}`);
  const all: Parts = {
    "[Content_Types].xml": contentTypes(parts),
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": workbook(names),
    "xl/_rels/workbook.xml.rels": workbookRels(parts),
    ...parts,
  };
  return zipSync(
    Object.fromEntries(
      Object.entries(all).map(([path, data]) => [path, typeof data === "string" ? strToU8(data) : data]),
    ),
  );
}

/** A worksheet part around `sheetData`'s rows (and what follows sheetData: mergeCells…), as Excel 2007 wrote it. */
export function plainWorksheet(rows: string, after = ""): string {
  return (
    XML_DECLARATION +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><sheetData>${rows}</sheetData>${after}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** An `<si>` or `<is>` body of plain text, XML-escaped, its spaces kept. */
export function textItem(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return /^\s|\s$/.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/** A shared-strings part of these `<si>` bodies (`count` as Excel writes it: every use; here one per entry). */
export function sharedStrings(items: string[], count = items.length): string {
  return (
    XML_DECLARATION +
    `<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${items.length}">` +
    items.map((item) => `<si>${item}</si>`).join("") +
    "</sst>"
  );
}
