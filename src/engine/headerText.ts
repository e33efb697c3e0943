/**
 * Header cells as units write them (spec §2.0): folded like any text, with the abbreviations of
 * the forms spelled out, and the reporting period a column's header names.
 *
 * Decisions:
 * - Abbreviations are spelled out only where they open a header or stand before the words they
 *   abbreviate (`Đv chủ trì`, `ND chỉ tiêu`, `KH 2024`, `TH 6 tháng`), never inside other words:
 *   `DVC`, `DVCTT`, `ĐVT` and `TH/KH` stay as written (the synonyms know them).
 * - A period is read from the header's words: `6 tháng`, `9 tháng đầu năm` (months first, so the
 *   `năm` of `đầu năm` is not the year), `Quý II` (6), `Cả năm`, `Năm`, `Năm 2024`; `Ước` marks an
 *   estimate. A header naming no period is annual (what a Phụ lục's Kế hoạch column is).
 */
import { columnLetters } from "./grid";
import type { Table } from "./model";
import { foldText, tidyText } from "./text";

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bdv (?=(chu tri|phoi hop|thuc hien|phu trach)\b)/g, "don vi "],
  [/\bcq (?=(chu tri|phoi hop|thuc hien)\b)/g, "co quan "],
  [/^nd(?= |$)/, "noi dung"],
  [/^kh(?= |$)/, "ke hoach"],
  [/^(uoc )?th(?= |$)/, "$1thuc hien"],
];

/** A column as messages and the merge log name it: its header on one line, else `Cột D`. */
export function columnName(table: Pick<Table, "headers">, col: number): string {
  return tidyText(table.headers[col] ?? "") || `Cột ${columnLetters(col)}`;
}

/** foldText with the forms' abbreviations spelled out. */
export function foldHeader(text: string): string {
  let folded = foldText(text);
  for (const [pattern, replacement] of ABBREVIATIONS) folded = folded.replace(pattern, replacement);
  return folded;
}

export interface Period {
  /** Months the figure covers from the start of the year: 3, 6, 9, 12. */
  months: number;
  /** An estimate (`Ước thực hiện năm`), not a count. */
  estimate: boolean;
}

const QUARTERS: Record<string, number> = { i: 3, "1": 3, ii: 6, "2": 6, iii: 9, "3": 9, iv: 12, "4": 12 };

/** The period a folded header names, or undefined when it names none. */
export function periodOf(folded: string): Period | undefined {
  const estimate = /\buoc\b/.test(folded);
  const months = /\b(\d{1,2}) thang\b/.exec(folded);
  if (months) return { months: Number(months[1]), estimate };
  const quarter = /\bquy (iv|iii|ii|i|[1-4])\b/.exec(folded);
  if (quarter) return { months: QUARTERS[quarter[1]], estimate };
  if (/\b(ca nam|nam)\b/.test(folded)) return { months: 12, estimate };
  return undefined;
}
