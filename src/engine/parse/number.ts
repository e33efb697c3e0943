/**
 * Reading numbers the Vietnamese way (spec §3): `.` groups thousands, `,` is the decimal mark.
 *
 * Decisions (keep in step with the tests):
 * - A `.` is only a thousands separator: the groups after it must be exactly three digits and the
 *   first group may not start with 0. So `1.5`, `0.942`, `12.50` are NOT numbers here — reading `1.5`
 *   as 15 or as 1,5 would silently invent a value. They stay text (the `not-a-number` rule reports
 *   them); `englishReading` says what an English-separators reader would see, for the message.
 * - `1.000` is one thousand and `1,000` is one (three decimals): Vietnamese wins over English.
 * - Spaces (also NBSP, thin space) are tolerated around the sign and `%`, and as thousands
 *   separators when they split off groups of exactly three digits (`1 000 000`).
 * - Signs: `+`, `-`, `−`, `–`; accounting negatives `(1.250)` read as -1250.
 * - A trailing `%` marks percent points (`94,2%` → 94.2 with `percent: true`).
 * - Full-width digits and signs (`１２３４`, `９８，９％`: text pasted from a CJK document or typed with
 *   an East Asian input method) read as their ASCII forms, as Excel's own entry does.
 * - In a value column, `x` (the statistics mark for "not applicable / no data") and a lone dash are
 *   empty, keeping the mark (spec §3). Zero-padded counts (`01`, `05`: the official style) are
 *   numbers and, typed as text on purpose, not reported as text to store as a number.
 */
import type { Cell } from "../grid";
import type { ColumnDef } from "../template";
import type { ParsedValue } from "../model";
import { tidyText } from "../text";

/** How a template column's cells are read (template.ts COLUMN_KINDS). */
export type ColumnKind = ColumnDef["kind"];

/**
 * The digits of one Vietnamese number, unsigned: `224.591`, `1.127.989`, `94,2`, `0,5`, `2024`.
 * Shared with the target and ratio parsers so every parser agrees on what a number is. Use it
 * with a guard against a following `.`/`,`+digit (see NUMBER_TOKEN) when it is part of a longer text.
 */
export const NUMBER_PATTERN = String.raw`(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?`;

/** NUMBER_PATTERN not glued to more digits (so `1.5` is never read as `1` followed by `.5`). */
export const NUMBER_TOKEN = String.raw`(?<![\d.,])${NUMBER_PATTERN}(?![.,]?\d)`;

/** Decimals shown for a value with no format to go by: beyond this, it is float noise. */
const MAX_DECIMALS = 9;

export interface NumberText {
  value: number;
  /** Digits after the decimal comma as written. */
  decimals: number;
  /** True when the text ended with `%` (value in percent points). */
  percent: boolean;
}

/** The value of the unsigned digits matched by NUMBER_PATTERN: `1.127.989` → 1127989, `94,2` → 94.2. */
export function numberFromDigits(digits: string): { value: number; decimals: number } {
  // Plain digits (`2024`, `55`) are most of what a sheet holds: no separators to take apart.
  if (/^\d+$/.test(digits)) return { value: Number(digits), decimals: 0 };
  const [whole, fraction = ""] = digits.split(",");
  return { value: Number(`${whole.replace(/\./g, "")}.${fraction || "0"}`), decimals: fraction.length };
}

const WHOLE_NUMBER = new RegExp(`^${NUMBER_PATTERN}$`);

/** Digits alone, or with a `%` straight after (`2024`, `95%`): most number texts in a sheet. */
const PLAIN_NUMBER = /^(\d+)(%?)$/;

/** Reads a whole text as one Vietnamese number, keeping the decimals written and the `%` flag. */
export function readNumberText(text: string): NumberText | undefined {
  return readTidyNumberText(tidyText(text));
}

/** U+FF01–U+FF5E, the full-width forms of ASCII `!`…`~`. */
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** `１２３４` → `1234`: the ASCII character each full-width form stands for (a fixed offset). */
const asciiOfFullWidth = (text: string) =>
  text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** readNumberText for text already tidied (parseCell tidies every text first). */
function readTidyNumberText(tidied: string): NumberText | undefined {
  const tidy = asciiOfFullWidth(tidied);
  const plain = PLAIN_NUMBER.exec(tidy);
  if (plain) return { value: Number(plain[1]), decimals: 0, percent: plain[2] === "%" };
  let body = tidy;
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(body);
  if (accounting) {
    negative = true;
    body = accounting[1].trim();
  }
  const sign = /^([+\-−–])\s*/.exec(body);
  if (sign) {
    if (accounting) return undefined;
    negative = sign[1] !== "+";
    body = body.slice(sign[0].length);
  }
  const percent = /\s*%$/.exec(body);
  if (percent) body = body.slice(0, percent.index);
  // Spaces as thousands separators only where they split off groups of exactly three digits.
  body = body.replace(/(\d) (?=\d{3}(?!\d))/g, "$1.");
  if (!WHOLE_NUMBER.test(body)) return undefined;
  const { value, decimals } = numberFromDigits(body);
  return { value: negative && value !== 0 ? -value : value, decimals, percent: Boolean(percent) };
}

/** `224.591` → 224591, `94,2` → 94.2, `94,2%` → 94.2 (percent points); undefined when not a number. */
export function parseVietnameseNumber(text: string): number | undefined {
  return readNumberText(text)?.value;
}

/**
 * What a reader with English separators would take the text for (`1.5` → 1.5, `1,234.5` → 1234.5),
 * for messages that explain why a text is not a number. Undefined when that reading is not plain.
 */
export function englishReading(text: string): number | undefined {
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*%?$/.exec(text.trim());
  if (!match || (!match[3] && !match[2].includes(","))) return undefined;
  return Number(`${match[1]}${match[2].replace(/,/g, "")}${match[3] ?? ""}`);
}

/** Fewest decimals (≤ 9) that show the value, ignoring float noise (94.19999999999999 → 1). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  // Whole numbers (most amounts) need no decimals; spares the toFixed round trip below.
  if (Number.isInteger(value)) return 0;
  const tolerance = 1e-9 * Math.max(1, Math.abs(value));
  const shortest = shortestFormDecimals(value, tolerance);
  if (shortest !== undefined) return shortest;
  for (let d = 0; d < MAX_DECIMALS; d++) {
    if (Math.abs(Number(value.toFixed(d)) - value) <= tolerance) return d;
  }
  return MAX_DECIMALS;
}

/**
 * decimalsOf's answer read off the value's shortest form (`98.04` → 2) in one toFixed round trip
 * instead of one per count of decimals (a ratio column holds thousands of such values). Its L decimals
 * are the answer when they show the value and no fewer can: the shortest form ends in a non-zero
 * digit, so any form with fewer decimals is at least 10^-L away from it, more than the tolerance when
 * 10^-L exceeds twice it (the margin covers float rounding). Undefined otherwise (float noise,
 * exponents): the caller tries each count.
 */
function shortestFormDecimals(value: number, tolerance: number): number | undefined {
  const text = String(value);
  const point = text.indexOf(".");
  if (point < 0 || text.includes("e")) return undefined;
  const decimals = text.length - point - 1;
  if (decimals >= MAX_DECIMALS || 10 ** -decimals <= 2 * tolerance) return undefined;
  return Math.abs(Number(value.toFixed(decimals)) - value) <= tolerance ? decimals : undefined;
}

/** `224591` → "224.591", `94.2` → "94,2", `(0.5, 2)` → "0,50"; decimals default to those the value needs. */
export function formatVietnameseNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const fixed = Math.abs(value).toFixed(decimals ?? decimalsOf(value));
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

interface NumFmtReading {
  percent: boolean;
  decimals?: number;
}

/** What most cells' format (none, General, text) says: one shared reading, not one per cell. */
const GENERAL: Readonly<NumFmtReading> = { percent: false };

/** What an Excel number format says about its number: a share shown as percent, decimals shown. */
export function readNumFmt(numFmt: string | undefined): Readonly<NumFmtReading> {
  if (!numFmt || /^(general|@)$/i.test(numFmt.trim())) return GENERAL;
  // Only the positive section counts; quoted text, escapes, [colour]/[$-locale] and padding are not placeholders.
  const section = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "")
    .split(";")[0];
  const fraction = /\.([0#?]+)/.exec(section);
  const decimals = fraction ? fraction[1].length : /[0#?]/.test(section) ? 0 : undefined;
  return { percent: section.includes("%"), decimals };
}

/** Removes binary float noise from a scaled value: 0.942 × 100 → 94.2, not 94.19999999999999. */
function denoise(value: number): number {
  return Number(value.toPrecision(15));
}

const EMPTY: ParsedValue = { kind: "empty" };

/** Column kinds whose text is read as a number when it parses. */
const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(["number", "percent", "result", "target"]);

function numberCell(value: number, numFmt: string | undefined, kind: ColumnKind): ParsedValue {
  if (!Number.isFinite(value)) return { kind: "error", code: "#NUM!" };
  const format = readNumFmt(numFmt);
  if (format.percent) {
    // A `%` format means the stored number is a share: 0.942 shows as 94,2 %.
    const points = denoise(value * 100);
    return {
      kind: "number",
      value: points,
      decimals: format.decimals ?? decimalsOf(points),
      fromText: false,
      percent: true,
    };
  }
  // In a percent column a plain number is already percent points (94.2 = 94,2 %); 0.942 without a
  // `%` format stays 0.942 percent points — guessing a share would hide a typing mistake, and the
  // out-of-range / scale-suspect rules see the odd value instead.
  return {
    kind: "number",
    value,
    decimals: format.decimals ?? decimalsOf(value),
    fromText: false,
    percent: kind === "percent",
  };
}

/** `x`, `X` and a lone dash: no data (spec §3). */
const NO_DATA = /^(x|X|-|–|—)$/;
/** `01`, `05`: a count zero-padded on purpose. */
const ZERO_PADDED = /^0\d+$/;

function textCell(raw: string, kind: ColumnKind): ParsedValue {
  const text = tidyText(raw);
  if (!text) return EMPTY;
  if (NUMERIC_KINDS.has(kind)) {
    if (NO_DATA.test(text)) return { kind: "empty", mark: text };
    const read = readTidyNumberText(text);
    if (read) {
      return {
        kind: "number",
        value: read.value,
        decimals: read.decimals,
        fromText: !ZERO_PADDED.test(text),
        percent: read.percent || kind === "percent",
      };
    }
  }
  // Text that does not parse: an error for number/percent columns, a legitimate answer for
  // result (`Thực hiện thường xuyên`) and target (`Phấn đấu 50%`) columns — the rules decide.
  return { kind: "text", text };
}

/**
 * Reads a cell for a column of the given kind (spec §3). A numeric cell is never re-parsed; text
 * is parsed only for number/percent/result/target columns. Percent values come out in percent
 * points whether the cell held 0.942 formatted `0%`, 94.2, or the text "94,2%".
 */
export function parseCell(cell: Cell | undefined, kind: ColumnKind): ParsedValue {
  if (!cell) return EMPTY;
  if (cell.error) return { kind: "error", code: cell.error };
  const value = cell.value;
  if (value === null || value === undefined)
    return cell.formula ? { kind: "uncalculated", formula: cell.formula } : EMPTY;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { kind: "error", code: "#VALUE!" }
      : { kind: "date", iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "number") return numberCell(value, cell.numFmt, kind);
  return textCell(value, kind);
}
