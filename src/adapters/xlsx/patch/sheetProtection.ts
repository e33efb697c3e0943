/**
 * `<sheetProtection>` (CT_SheetProtection, §18.3.1.85) in the part's text after `<sheetData>`, which is where
 * CT_Worksheet's sequence (§18.3.1.99) puts it: after sheetData and sheetCalcPr, before everything else there.
 */
import { attribute } from "./rawXml";

export interface ProtectionAllows {
  formatCells?: boolean;
  formatColumns?: boolean;
  formatRows?: boolean;
  insertRows?: boolean;
  sort?: boolean;
  autoFilter?: boolean;
  selectLockedCells?: boolean;
  selectUnlockedCells?: boolean;
}

const PROTECTION = /<((?:[A-Za-z_][\w.-]*:)?sheetProtection)(\s[^>]*?)?(?:\/>|>[\s\S]*?<\/\1\s*>)/;
const CALC_PR = /^\s*<((?:[A-Za-z_][\w.-]*:)?sheetCalcPr)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\s*>)/;

/** Whether the text after sheetData protects the sheet (`sheet="1"` or `"true"`). */
export function isProtected(afterRows: string): boolean {
  const match = PROTECTION.exec(afterRows);
  const sheet = match && attribute(match[2] ?? "", "sheet");
  return sheet === "1" || sheet === "true";
}

/** The element exceljs's `sheet.protect("", allows)` writes (xform/sheet/sheet-protection-xform.js: an allowed action is `="0"`, a denied selection `="1"`, attributes in its order). */
export function protectionXml(allows: ProtectionAllows, prefix: string): string {
  let attrs = ' sheet="1"';
  if (allows.selectLockedCells === false) attrs += ' selectLockedCells="1"';
  if (allows.selectUnlockedCells === false) attrs += ' selectUnlockedCells="1"';
  for (const name of ["formatCells", "formatColumns", "formatRows", "insertRows", "sort", "autoFilter"] as const) {
    if (allows[name]) attrs += ` ${name}="0"`;
  }
  return `<${prefix}sheetProtection${attrs}/>`;
}

/** The text after sheetData with its protection replaced by `element` (removed when undefined). */
export function withProtection(afterRows: string, element: string | undefined): string {
  const match = PROTECTION.exec(afterRows);
  if (match) return afterRows.slice(0, match.index) + (element ?? "") + afterRows.slice(match.index + match[0].length);
  if (element === undefined) return afterRows;
  const calc = CALC_PR.exec(afterRows);
  const at = calc ? calc[0].length : 0;
  return afterRows.slice(0, at) + element + afterRows.slice(at);
}
