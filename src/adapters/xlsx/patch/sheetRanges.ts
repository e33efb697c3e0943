/**
 * Ranges and formulas outside `<sheetData>` moved as Excel moves them when rows are inserted (delta > 0) or
 * deleted (delta < 0) at 0-based row `at`: a range below moves, a range across an insertion grows, a range
 * across a deletion shrinks, a range wholly in deleted rows is dropped (its element with it).
 */
import { movedRow, movedSpan, shiftRows, type RowChange } from "../../../engine/formulaRefs";
import { decodeXml } from "../ooxml/xml";
import { attribute, escapeXml, withAttribute } from "./rawXml";

const CELL_END = /^(\$?[A-Za-z]{1,3})?(\$?)(\d+)?$/;

/**
 * A reference (`B5`, `B5:D9`, `$A$1:$C$3`, whole rows `5:9`, whole columns `A:C`) after the change, `$` kept;
 * undefined when all its rows were deleted.
 */
export function movedRef(ref: string, change: RowChange): string | undefined {
  const [from, to] = ref.split(":");
  const a = CELL_END.exec(from);
  const b = to === undefined ? a : CELL_END.exec(to);
  if (!a || !b || a[3] === undefined || b[3] === undefined) return ref; // whole columns, or not a reference
  const span = movedSpan(Number(a[3]) - 1, Number(b[3]) - 1, change);
  if (!span) return undefined;
  const end = (m: RegExpExecArray, row: number) => `${m[1] ?? ""}${m[2]}${row + 1}`;
  return to === undefined ? end(a, span[0]) : `${end(a, span[0])}:${end(b, span[1])}`;
}

/** A space-separated list of references (`sqref`); "" when none is left. */
export function movedSqref(sqref: string, change: RowChange): string {
  return sqref
    .split(/\s+/)
    .filter((ref) => ref !== "")
    .map((ref) => movedRef(ref, change))
    .filter((ref): ref is string => ref !== undefined)
    .join(" ");
}

/**
 * Elements whose `ref` or `sqref` names cells of this sheet: CT_Worksheet's children and theirs, and those of the
 * sheet's own parts — a table's `<table ref>` (§18.5.1.2), a comment's `<comment ref>` (§18.7.3), a threaded comment's
 * (`<threadedComment ref>`, MS-XLSX CT_ThreadedComment) — which move with it.
 */
const RANGED =
  /<((?:[A-Za-z_][\w.-]*:)?(mergeCell|conditionalFormatting|dataValidation|hyperlink|autoFilter|sortState|sortCondition|protectedRange|ignoredError|table|comment|threadedComment))(\s[^>]*?)?(\/?)>/g;
/** Formula text: a conditional format's `<formula>`, a validation's `<formula1>`/`<formula2>`, x14 extensions' `<xm:f>`, `<xm:sqref>`. */
const FORMULA_TEXT = /<((?:[A-Za-z_][\w.-]*:)?(formula|formula1|formula2|f|sqref))>([^<]*)<\/\1>/g;
const ROW_BREAKS = /<((?:[A-Za-z_][\w.-]*:)?rowBreaks)\b[\s\S]*?<\/\1>/;
const BREAK = /<((?:[A-Za-z_][\w.-]*:)?brk)(\s[^>]*?)?\/>/g;

/** The part's text after `<sheetData>` (or the sheet's table or comments part) with its ranges, formulas and row breaks moved. */
export function moveRangesAfterRows(xml: string, change: RowChange): string {
  const moved = moveFormulaTexts(moveRangedElements(xml, change), change);
  return moved.replace(ROW_BREAKS, (breaks) => moveRowBreaks(breaks, change));
}

function moveRangedElements(xml: string, change: RowChange): string {
  let out = "";
  let from = 0;
  RANGED.lastIndex = 0;
  for (let match; (match = RANGED.exec(xml));) {
    const [open, tag, local, attrs = "", selfClosing] = match;
    const name = attribute(attrs, "sqref") !== undefined ? "sqref" : "ref";
    const value = attribute(attrs, name);
    if (value === undefined) continue;
    const moved = name === "sqref" ? movedSqref(value, change) || undefined : movedRef(value, change);
    // A table is its part's root: left as it was rather than dropped (Excel would delete the table).
    if (moved === undefined && local === "table") continue;
    out += xml.slice(from, match.index);
    if (moved === undefined) {
      // Every cell it covered was deleted: the element goes, with its content.
      from = selfClosing ? match.index + open.length : xml.indexOf(">", xml.indexOf(`</${tag}`, match.index)) + 1;
      RANGED.lastIndex = from;
      continue;
    }
    out += `<${tag}${withAttribute(attrs, name, moved)}${selfClosing}>`;
    from = match.index + open.length;
  }
  const counted = fixCount(out + xml.slice(from), "mergeCells", "mergeCell");
  return fixCount(counted, "dataValidations", "dataValidation");
}

/** A list element's `count` made its children's number again (after some were dropped). */
function fixCount(xml: string, list: string, item: string): string {
  const pattern = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${list})(\\s[^>]*?)?>([\\s\\S]*?)</\\1>`);
  return xml.replace(pattern, (whole, tag: string, attrs = "", content: string) => {
    const count = content.match(new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${item}[\\s/>]`, "g"))?.length ?? 0;
    if (count === 0) return "";
    return attribute(attrs, "count") === undefined
      ? whole
      : `<${tag}${withAttribute(attrs, "count", count)}>${content}</${tag}>`;
  });
}

function moveFormulaTexts(xml: string, change: RowChange): string {
  return rewriteFormulaTexts(xml, (text, name) =>
    name === "sqref" ? movedSqref(text, change) : shiftRows(text, change.at, change.delta),
  );
}

/**
 * Formula text in `xml` rewritten by `move` (given the element's local name, `sqref` for a list of ranges): a
 * worksheet's conditional formats, validations and x14 extensions, a chart's `<c:f>` (§21.2.2.65).
 */
export function rewriteFormulaTexts(xml: string, move: (text: string, name: string) => string): string {
  return xml.replace(FORMULA_TEXT, (whole, tag: string, name: string, raw: string) => {
    const text = decodeXml(raw);
    const moved = move(text, name);
    // A list of ranges all deleted (an x14 format's): left as it was rather than made empty, which Excel refuses.
    return moved === text || moved === "" ? whole : `<${tag}>${escapeXml(moved)}</${tag}>`;
  });
}

/** `<brk id>` of `<rowBreaks>` (§18.3.1.74): the 0-based row below the break, so it moves with that row. */
function moveRowBreaks(breaks: string, change: RowChange): string {
  return breaks.replace(BREAK, (whole, tag: string, attrs = "") => {
    const id = attribute(attrs, "id");
    if (id === undefined) return whole;
    const row = movedRow(Number(id), change) ?? change.at;
    return `<${tag}${withAttribute(attrs, "id", row)}/>`;
  });
}

const ANCHOR = /<((?:[A-Za-z_][\w.-]*:)?(?:twoCellAnchor|oneCellAnchor))(\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const MARKER = /<((?:[A-Za-z_][\w.-]*:)?(from|to))>([\s\S]*?)<\/\1>/g;
const ROW = /<((?:[A-Za-z_][\w.-]*:)?row)>(\d+)<\/\1>/;

/**
 * A drawing part (pictures, charts: xl/drawings/drawingN.xml) with its anchors' rows moved with the sheet's
 * (`<xdr:from>`/`<xdr:to>`'s 0-based `<xdr:row>`, §20.5.2.15) as a twoCellAnchor's editAs says (ST_EditAs,
 * §20.5.3.2): twoCell (the default) moves each end with its row, so a picture below inserted rows moves down and
 * one across them grows; oneCell moves its `to` as its `from` (its size kept); absolute keeps its place. An end in
 * deleted rows lands where they were.
 */
export function moveDrawingAnchors(xml: string, change: RowChange): string {
  return xml.replace(ANCHOR, (whole, tag: string, attrs = "", content: string) => {
    const editAs = attribute(attrs, "editAs");
    if (editAs === "absolute") return whole;
    let fromMoved = 0;
    const markers = content.replace(MARKER, (_, marker: string, end: string, inner: string) => {
      const moved = inner.replace(ROW, (_, rowTag: string, text: string) => {
        const row = Number(text);
        const to = end === "to" && editAs === "oneCell" ? row + fromMoved : (movedRow(row, change) ?? change.at);
        if (end === "from") fromMoved = to - row;
        return `<${rowTag}>${to}</${rowTag}>`;
      });
      return `<${marker}>${moved}</${marker}>`;
    });
    return `<${tag}${attrs}>${markers}</${tag}>`;
  });
}

const VML_SHAPE = /<((?:[A-Za-z_][\w.-]*:)?shape)\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1>)/g;
const CLIENT_ROW = /<((?:[A-Za-z_][\w.-]*:)?Row)>\s*(\d+)\s*<\/\1>/;
const CLIENT_ANCHOR = /<((?:[A-Za-z_][\w.-]*:)?Anchor)>([^<]*)<\/\1>/;

/**
 * A VML drawing part (xl/drawings/vmlDrawingN.vml: notes' shapes, form controls) with its shapes' rows moved with
 * the sheet's: `<x:ClientData>`'s 0-based `<x:Row>` and `<x:Anchor>`'s top and bottom rows (its 3rd and 7th values;
 * VML, ECMA-376 Part 4 §19, x:ClientData). A note whose cell was deleted goes, as its `<comment>` does.
 */
export function moveVmlShapes(vml: string, change: RowChange): string {
  const moveRow = (row: string) => String(movedRow(Number(row), change) ?? change.at);
  return vml.replace(VML_SHAPE, (shape) => {
    const row = CLIENT_ROW.exec(shape);
    if (row && movedRow(Number(row[2]), change) === undefined) return "";
    return shape
      .replace(CLIENT_ROW, (_, tag: string, r: string) => `<${tag}>${moveRow(r)}</${tag}>`)
      .replace(CLIENT_ANCHOR, (whole, tag: string, anchor: string) => {
        const values = anchor.split(",");
        if (values.length !== 8) return whole;
        for (const i of [2, 6]) values[i] = values[i].replace(/\d+/, moveRow);
        return `<${tag}>${values.join(",")}</${tag}>`;
      });
  });
}
