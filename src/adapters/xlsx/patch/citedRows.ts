/**
 * What lies outside a worksheet's part but cites its rows, moved after rows were inserted or deleted in it (the
 * sheet's part itself is moved by WorksheetXml.changeRows), as Excel's own row insertion moves it:
 * - the sheet's own parts, found through its relationships: notes (`<comment ref>`, §18.7.3; Office 365's
 *   `<threadedComment ref>`) and their VML shapes,
 *   the drawing's anchors (pictures, charts: §20.5.2.15), tables (`<table ref>` and its autoFilter, §18.5.1.2);
 * - references qualified by the sheet's name anywhere else: defined names (print area, named ranges: workbook.xml
 *   `<definedName>`, §18.2.5), charts' series (`<c:f>`, §21.2.2.65), worksheets' cell formulas, conditional
 *   formats and validations (x14 `<xm:f>` too) — the sheet's own as well, where changeRows moved only unqualified ones —
 *   and pivot caches' sources on the sheet.
 * A part is rewritten only when something in it moved: the others stay byte for byte. A part whose text does not
 * hold the sheet's name (as XML writes it) is not parsed: a merge of 40 × 300 files does not pay for the scan.
 */
import { shiftRows, type RowChange } from "../../../engine/formulaRefs";
import { decodeXml } from "../ooxml/xml";
import type { WorkbookFile } from "./package";
import { moveDrawingAnchors, movedRef, moveRangesAfterRows, moveVmlShapes, rewriteFormulaTexts } from "./sheetRanges";
import { WorksheetXml } from "./worksheet";
import { escapeXml, withAttribute } from "./rawXml";
import { applyEdits, elements } from "./xmlElements";

const DRAWINGML = "application/vnd.openxmlformats-officedocument.drawingml.";
/** Charts (§21.2) and Office 2016's chartEx (`<cx:f>`) parts. */
const CHARTS = [`${DRAWINGML}chart+xml`, "application/vnd.ms-office.chartex+xml"];
const PIVOT_CACHE = "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml";

/** The sheet's own parts by relationship type (its .rels), each moved as a whole with its rows. */
const OWN_PARTS: Record<string, (xml: string, change: RowChange) => string> = {
  comments: moveRangesAfterRows,
  threadedComment: moveRangesAfterRows,
  table: moveRangesAfterRows,
  vmlDrawing: moveVmlShapes,
  drawing: moveDrawingAnchors,
};

export function moveCitedRows(file: WorkbookFile, sheetName: string, change: RowChange): void {
  const sheet = file.sheet(sheetName);
  if (!sheet || change.delta === 0) return;
  const update = (part: string, patch: (xml: string) => string) => {
    const xml = file.text(part);
    const patched = patch(xml);
    if (patched !== xml) file.setText(part, patched);
  };
  for (const { type, target } of file.relationshipsOf(sheet.part)) {
    const move = OWN_PARTS[type];
    if (move) update(target!, (xml) => move(xml, change));
  }

  const name = sheet.name;
  const move = (formula: string) => shiftRows(formula, change.at, change.delta, { sheet: name });
  const mayCite = nameInXml(name);
  const cited = (part: string, patch: (xml: string) => string) =>
    update(part, (xml) => (mayCite.test(xml) ? patch(xml) : xml));
  cited(file.workbookPart, (book) => moveDefinedNames(book, move));
  for (const chart of CHARTS.flatMap((type) => file.partsOfType(type))) {
    cited(chart, (xml) => rewriteFormulaTexts(xml, (text, element) => (element === "f" ? move(text) : text)));
  }
  for (const cache of file.partsOfType(PIVOT_CACHE)) cited(cache, (xml) => moveWorksheetSources(xml, name, change));
  // The sheet's own part too: changeRows moved its unqualified references only, not `'Phụ lục II'!D9` on Phụ lục II.
  for (const other of file.sheets()) {
    cited(other.part, (xml) => {
      const worksheet = new WorksheetXml(xml);
      return worksheet.moveCitations(move) ? worksheet.toXml() : xml;
    });
  }
}

/** Each `<definedName>`'s formula (§18.2.5) moved. */
function moveDefinedNames(book: string, move: (formula: string) => string): string {
  const edits = elements(book, "definedName").flatMap(({ start, tag, content }) => {
    const formula = decodeXml(content);
    const moved = move(formula);
    const at = start + tag.length;
    return moved === formula ? [] : [{ start: at, end: at + content.length, text: escapeXml(moved) }];
  });
  return applyEdits(book, edits);
}

/** A pivot cache's source on the sheet (`<worksheetSource ref sheet>`, §18.10.1.95) moved; kept when all its rows went. */
function moveWorksheetSources(xml: string, sheet: string, change: RowChange): string {
  const edits = elements(xml, "worksheetSource").flatMap(({ start, tag, attributes: { ref, sheet: source } }) => {
    const moved = ref !== undefined && source?.toLowerCase() === sheet.toLowerCase() ? movedRef(ref, change) : ref;
    return moved === undefined || moved === ref
      ? []
      : [{ start, end: start + tag.length, text: withAttribute(tag, "ref", moved) }];
  });
  return applyEdits(xml, edits);
}

/**
 * A test for the sheet's name as a part's XML may write it in a formula, case-insensitively: its `'` as is or
 * `&apos;` (and doubled, inside quotes), its `&`, `<`, `>`, `"` as is or escaped.
 */
function nameInXml(name: string): RegExp {
  const entities: Record<string, string> = { "'": "apos", "&": "amp", "<": "lt", ">": "gt", '"': "quot" };
  const pattern = [...name]
    .map((ch) => {
      const literal = ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return entities[ch] ? `(?:${literal}|&${entities[ch]};|&#${ch.charCodeAt(0)};)+` : literal;
    })
    .join("");
  return new RegExp(pattern, "i");
}
