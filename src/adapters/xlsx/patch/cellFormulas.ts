/**
 * A cell's `<f>` (CT_CellFormula, §18.3.1.40) read and rewritten in its inner XML: its text moved when rows
 * move, a shared formula (`<f t="shared" ref si>` master, `<f t="shared" si/>` children) written out as each
 * cell's own text.
 */
import { shiftRows, slideFormula } from "../../../engine/formulaRefs";
import { decodeXml } from "../ooxml/xml";
import { attribute, escapeXml, withAttribute } from "./rawXml";
import type { CellXml } from "./sheetRows";

export interface FormulaXml {
  /** Where the element starts and ends in the cell's inner XML. */
  start: number;
  end: number;
  tag: string;
  attrs: string;
  /** The formula's text, decoded; undefined when the element is empty (a shared formula's child). */
  text: string | undefined;
}

const FORMULA = /<((?:[A-Za-z_][\w.-]*:)?f)(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1\s*>)/;
const HAS_FORMULA = /<(?:[A-Za-z_][\w.-]*:)?f[\s>/]/;

/** Whether a row's or cell's XML may hold a formula (a cheap test before parsing it). */
export const mayHoldFormula = (xml: string) => HAS_FORMULA.test(xml);

export function formulaOf(cell: CellXml): FormulaXml | undefined {
  if (cell.inner === undefined || !mayHoldFormula(cell.inner)) return undefined;
  const match = FORMULA.exec(cell.inner);
  if (!match) return undefined;
  const [whole, tag, attrs = "", raw] = match;
  return {
    start: match.index,
    end: match.index + whole.length,
    tag,
    attrs,
    text: raw === undefined || raw === "" ? undefined : decodeXml(raw),
  };
}

/** Replaces the cell's `<f>` by one with `attrs` and `text`. */
function rewrite(cell: CellXml, f: FormulaXml, attrs: string, text: string | undefined): void {
  const element = text === undefined ? `<${f.tag}${attrs}/>` : `<${f.tag}${attrs}>${escapeXml(text)}</${f.tag}>`;
  cell.inner = cell.inner!.slice(0, f.start) + element + cell.inner!.slice(f.end);
}

/** The shared formula's id when the cell holds one (master or child). */
export function sharedId(f: FormulaXml): string | undefined {
  return attribute(f.attrs, "t") === "shared" ? attribute(f.attrs, "si") : undefined;
}

export interface SharedMaster {
  row: number;
  col: number;
  text: string;
}

/**
 * Writes a shared formula's cell as a cell of its own: the master's text slid by the cell's offset from it
 * (the `t`, `ref`, `si` attributes dropped, others such as `ca` kept). A child whose master was not seen is left.
 */
export function unshare(cell: CellXml, row: number, f: FormulaXml, master: SharedMaster | undefined): void {
  if (!master) return;
  const text = f.text ?? slideFormula(master.text, row - master.row, cell.col - master.col);
  const attrs = ["t", "ref", "si"].reduce((a, name) => withAttribute(a, name, undefined), f.attrs);
  rewrite(cell, f, attrs, text);
}

const FORMULAS = new RegExp(FORMULA.source, "g");
/** A column letter or `$` and the row number after it: every row a formula may cite. */
const ROW_NUMBER = /[A-Za-z$](\d+)/g;

/** Whether the formula may cite a row from 0-based `at` on (a cheap test before shiftRows). */
function mayCiteFrom(text: string, at: number): boolean {
  ROW_NUMBER.lastIndex = 0;
  for (let match; (match = ROW_NUMBER.exec(text));) if (Number(match[1]) > at) return true;
  return false;
}

/**
 * The formulas in `xml` (a cell's or a whole row's XML) moved as Excel's row insertion or deletion would:
 * their text by shiftRows, an array formula's `ref` by `moveRef`. The same string when nothing moved.
 */
export function shiftFormulasIn(
  xml: string,
  at: number,
  delta: number,
  moveRef: (ref: string) => string | undefined,
): string {
  return rewriteFormulas(xml, (text) => (mayCiteFrom(text, at) ? shiftRows(text, at, delta) : text), moveRef);
}

/** The formulas in `xml` with their text rewritten by `move` (and an array formula's `ref` by `moveRef`); the same string when none changed. */
export function rewriteFormulas(
  xml: string,
  move: (text: string) => string,
  moveRef: (ref: string) => string | undefined = (ref) => ref,
): string {
  if (!mayHoldFormula(xml)) return xml;
  return xml.replace(FORMULAS, (whole, tag: string, attrs = "", raw: string | undefined) => {
    const text = raw === undefined || raw === "" ? undefined : decodeXml(raw);
    const moved = text === undefined ? text : move(text);
    const ref = attribute(attrs, "ref");
    const newRef = ref === undefined ? undefined : moveRef(ref);
    if (moved === text && newRef === ref) return whole;
    const newAttrs = ref === undefined ? attrs : withAttribute(attrs, "ref", newRef);
    return moved === undefined ? `<${tag}${newAttrs}/>` : `<${tag}${newAttrs}>${escapeXml(moved)}</${tag}>`;
  });
}
