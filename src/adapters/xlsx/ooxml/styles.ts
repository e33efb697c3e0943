/**
 * xl/styles.xml as far as a Grid needs it: each cell format's (cellXfs) number format code, custom
 * (`<numFmt>`, kept as written, escapes included) or built-in, spelled as exceljs spells it
 * (lib/xlsx/defaultnumformats.js) except id 22, which Excel spells `m/d/yy h:mm`.
 */
import { Token, XmlScanner } from "./xml";

/** exceljs' built-in formats (ids without a code here, 27–36 and 50–81, are locale-dependent: none). */
export const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface CellFormat {
  numFmt?: string;
  /** The format shows a number as a date or time (exceljs' isDateFmt). */
  isDate: boolean;
}

const NONE: CellFormat = { isDate: false };

/** styles.xml's custom codes by numFmtId, as written (escapes kept), and each cellXfs xf's numFmtId. */
export function styleSheet(xml: string): { numFmts: Map<number, string>; xfs: number[] } {
  const numFmts = new Map<number, string>();
  const xfs: number[] = [];
  const scanner = new XmlScanner(xml);
  let section = "";
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token === Token.Close) {
      if (scanner.name === section) section = "";
      continue;
    }
    if (token !== Token.Open) continue;
    const name = scanner.name;
    if (section === "") {
      if (name === "numFmts" || name === "cellXfs") section = scanner.selfClosing ? "" : name;
      else if (name !== "styleSheet") scanner.skipElement();
    } else if (section === "numFmts" && name === "numFmt") {
      const { numFmtId, formatCode } = scanner.attributes();
      if (formatCode !== undefined) numFmts.set(parseInt(numFmtId, 10), formatCode);
      scanner.skipElement();
    } else if (section === "cellXfs" && name === "xf") {
      xfs.push(parseInt(scanner.attributes().numFmtId, 10));
      scanner.skipElement();
    } else {
      scanner.skipElement();
    }
  }
  return { numFmts, xfs };
}

/** exceljs drops the backslash of every escaped character when it loads a code (`0.0\%` reads `0.0%`). */
export const stripEscapes = (code: string): string => code.replace(/\\(.)/g, "$1");

/**
 * The format of each `s` index. Index 0 (Excel's default format) gives none, as in exceljs (whose
 * `if (styleId)` skips it); so does an index the file does not define.
 */
export function cellFormats(xml: string | undefined): (styleId: number) => CellFormat {
  if (xml === undefined) return () => NONE;
  const { numFmts, xfs } = styleSheet(xml);
  const formats = new Map<number, CellFormat>();
  return (styleId) => {
    let format = formats.get(styleId);
    if (!format) {
      const id = styleId ? xfs[styleId] : undefined;
      const numFmt = id ? numFmts.get(id) || BUILT_IN[id] : undefined;
      format = !numFmt ? NONE : { numFmt, isDate: isDateFormat(numFmt) };
      formats.set(styleId, format);
    }
    return format;
  };
}

/**
 * A date or time letter outside `[…]`, `"…"` and escapes (`\h`), as exceljs' utils.isDateFmt but for
 * escapes; a duration (`[h]:mm`, `[mm]:ss`) counts hours or minutes, not a moment: it stays a number.
 */
export function isDateFormat(numFmt: string): boolean {
  if (/\[(h+|m+|s+)]/i.test(numFmt)) return false;
  return /[ymdhMsb]+/.test(
    numFmt
      .replace(/\\./g, "")
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, ""),
  );
}
