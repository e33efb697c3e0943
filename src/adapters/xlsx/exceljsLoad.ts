/**
 * Loads a workbook's bytes into an exceljs workbook that PhuLuc then writes, keeping its custom number
 * formats as written. exceljs strips every backslash escape from a code it loads (numfmt-xform's
 * parseOpen) and writes the stripped code back: `0\%` (84 shown "84%") became `0%` (8400%), and
 * `#,##0.00\ \h\a` became `#,##0.00 ha`, a time format. The raw codes are read from styles.xml and put
 * back into exceljs' numFmtId → code index before its cells take their styles from it, so each xf keeps
 * its own code (`0\%` and `0%` in one file stay apart). The hook is on the workbook's own XLSX object,
 * so it works alike with exceljs' Node sources (jest, the CLI's deep require) and its browser build (the pane).
 */
import type ExcelJS from "exceljs";
import { Package } from "./ooxml/parts";
import { isDateFormat, stripEscapes, styleSheet } from "./ooxml/styles";

/** The part exceljs reads its styles from (xlsx.js matches this entry name). */
const STYLES_PART = "xl/styles.xml";

/** A loaded StylesXform's index: numFmtId → code, and the style objects built per xf (holes for xfs unused). */
interface StylesIndex {
  numFmt: Record<number, string>;
  model: ({ numFmt?: string } | undefined)[];
}

interface LoadingXlsx {
  reconcile(model: { styles?: { index?: StylesIndex } }, options: unknown): void;
}

export async function loadKeepingNumFmts(workbook: ExcelJS.Workbook, bytes: Uint8Array | ArrayBuffer): Promise<void> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const xml = (await Package.open(data)).text(STYLES_PART);
  const escaped = [...(xml === undefined ? [] : styleSheet(xml).numFmts)].filter(([, code]) => code.includes("\\"));
  const xlsx = workbook.xlsx as unknown as LoadingXlsx;
  const reconcile = xlsx.reconcile;
  // xlsx.load parses every part, then reconcile gives each cell, row and column the (shared) style
  // of its xf, built from styles.index.numFmt: the codes are restored there, in between.
  if (escaped.length > 0)
    xlsx.reconcile = function (model, options) {
      const index = model.styles?.index;
      if (index) restoreCodes(index, escaped, () => reconcile.call(this, model, options));
      else reconcile.call(this, model, options);
    };
  try {
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } finally {
    delete (xlsx as Partial<LoadingXlsx>).reconcile;
  }
}

/** exceljs' utils.isDateFmt: a date or time letter outside `[…]` and `"…"`, escaped or not. */
const exceljsReadsAsDate = (code: string): boolean =>
  /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/**
 * Puts each escaped code in the index (where exceljs has its stripped text) while `reconcile` builds the
 * styles. reconcile turns a number into a Date when its code has a date letter, escaped or not: the
 * hectares of `#,##0.00\ \h\a` would become dates, written back a little off (12.34 → 12.340000000000146).
 * Such a code stands behind a placeholder without letters until the (shared) style objects are built.
 */
function restoreCodes(index: StylesIndex, escaped: [number, string][], reconcile: () => void): void {
  const hidden = new Map<string, string>();
  for (const [id, code] of escaped) {
    if (index.numFmt[id] !== stripEscapes(code)) continue;
    const literalLetters = exceljsReadsAsDate(code) && !isDateFormat(code);
    index.numFmt[id] = literalLetters ? `\u0000${id}` : code;
    if (literalLetters) hidden.set(index.numFmt[id], code);
  }
  reconcile();
  if (hidden.size === 0) return;
  for (const style of index.model) {
    const code = style?.numFmt === undefined ? undefined : hidden.get(style.numFmt);
    if (code !== undefined) style!.numFmt = code;
  }
}
