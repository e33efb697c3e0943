/**
 * The reporting period of a result sheet (spec §9): how many months of the year it covers and which
 * year, read from its title lines, its result column's header, its sheet name and its file name — the
 * places units write `6 tháng đầu năm 2024`, `Thực hiện 9 tháng`, `Ước thực hiện cả năm`.
 *
 * Decisions:
 * - Quý I is 3 months (a year-to-date figure at the end of March); 6 tháng / 06 tháng / sáu tháng,
 *   9 tháng, 12 tháng / cả năm / ước thực hiện năm are 6, 9 and 12. Other quarters say nothing about the
 *   year to date, so they give no period.
 * - A plan's `Năm 2024` (a target header) is not a period: only the result column's header is read.
 * - The year is the first 20xx that follows the period words in the same text, else the first 20xx of
 *   the title lines.
 */
import type { Table } from "../model";
import { foldText } from "../text";

export interface Period {
  /** Months of the year covered (3, 6, 9, 12); undefined when no text says. */
  months?: number;
  year?: number;
}

const MONTHS: [RegExp, number][] = [
  [/\b(ca nam|12 thang|uoc (thuc hien|th) (ca )?nam)\b/, 12],
  [/\b0?9 thang\b|\bchin thang\b/, 9],
  [/\b0?6 thang\b|\bsau thang\b/, 6],
  [/\bquy (i|1)\b(?! ?[iv])/, 3],
];

const YEAR = /\b(20\d\d)\b/;

function monthsIn(folded: string): { months: number; at: number } | undefined {
  for (const [pattern, months] of MONTHS) {
    const match = pattern.exec(folded);
    if (match) return { months, at: match.index };
  }
  return undefined;
}

/** The period one text states, with the year that follows it. */
function periodIn(text: string): Period | undefined {
  const folded = foldText(text);
  const found = monthsIn(folded);
  if (!found) return undefined;
  const year = YEAR.exec(folded.slice(found.at));
  return { months: found.months, year: year ? Number(year[1]) : undefined };
}

/** The sheet's period: the first text that states one, in the order title, result header, sheet, file. */
export function periodOf(table: Table, fileName = ""): Period {
  const actualCol = table.columns.actual;
  const texts = [
    ...table.titleLines,
    actualCol === undefined ? "" : (table.headers[actualCol] ?? ""),
    table.sheet,
    fileName.replace(/[-_.]+/g, " "),
  ];
  const stated = texts.map(periodIn).find((p) => p !== undefined);
  const titleYear = table.titleLines.map((line) => YEAR.exec(foldText(line))).find(Boolean);
  return {
    months: stated?.months,
    year: stated?.year ?? (titleYear ? Number(titleYear[1]) : undefined),
  };
}

/** `6 tháng năm 2024`, `cả năm 2024`, or "" when nothing is known. */
export function periodText(period: Period, locale: "vi" | "en" = "vi"): string {
  const months =
    period.months === undefined
      ? ""
      : period.months === 12
        ? locale === "vi"
          ? "cả năm"
          : "full year"
        : locale === "vi"
          ? `${period.months} tháng`
          : `${period.months} months`;
  const year = period.year === undefined ? "" : locale === "vi" ? `năm ${period.year}` : String(period.year);
  return [months, year].filter(Boolean).join(" ");
}
