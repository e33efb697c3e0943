/**
 * Text that Excel would turn into a formula. Office.js typings, Range.values: "If the returned value starts with a
 * plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula." A unit's sub-item
 * "- Thuê chỗ đặt máy chủ" or an STT "-" written that way becomes =- Thuê… (#NAME?). Giving such a cell the
 * Text number format ("@") before its value keeps it text, exactly as typed.
 */
export const TEXT_FORMAT = "@";

export function becomesFormula(value: unknown): boolean {
  return typeof value === "string" && /^[=+-]/.test(value);
}
