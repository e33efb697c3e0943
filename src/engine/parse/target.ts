/**
 * Reading a Kế hoạch (target) cell (spec §3) into a Target the attainment can compute with.
 *
 * Grammar of one target, read on the folded text (no case, no diacritics):
 *   [Phấn đấu | Đạt | Đạt được | Mục tiêu]* [operator] number [%] [trở lên | trở xuống] [label]
 *   [Từ] number [%] (- | – | đến | tới) number [%] [label]            — a range
 * Operators: `>` `Trên` `Hơn` `Lớn/Cao/Nhiều hơn` (strict at least); `≥` `>=` `Tối thiểu` `Ít nhất`
 * `Từ` `Không dưới` `Không thấp/ít hơn` (at least); `<` `Dưới` `Thấp/Nhỏ/Ít hơn` (strict at most);
 * `≤` `<=` `Không quá` `Không vượt quá` `Tối đa` `Không cao/lớn hơn` (at most). No operator: at least.
 *
 * Decisions:
 * - The number must come first (after the words above): `Đăng ký ít nhất 01 công trình` or
 *   `Thông tư 12/2022/TT-BTTTT` are qualitative, not "at least 1" / "at least 12". A label after
 *   the number must be separated by a space (so `12/2022` is no target).
 * - Several targets separated by `;`, a line break, or `, ` before a number form a compound target
 *   when every part reads as a number target; each part keeps the words after its number as its
 *   label (`70% Đài Truyền thanh cấp huyện`). Otherwise the whole text is read as one target.
 * - Change targets such as `Giảm 10%` are qualitative (the base is not in the table).
 * - Numbers follow number.ts: `1.5` is not a number, so a target written `1.5` is qualitative.
 */
import type { Cell } from "../grid";
import type { Target } from "../model";
import { foldText, tidyText } from "../text";
import { NUMBER_TOKEN, formatVietnameseNumber, numberFromDigits, parseCell } from "./number";

type Bound = { kind: "atLeast" | "atMost"; strict: boolean };

/** Folded operator words and symbols → the bound they set. */
const OPERATORS: Record<string, Bound> = {
  ">": { kind: "atLeast", strict: true },
  tren: { kind: "atLeast", strict: true },
  hon: { kind: "atLeast", strict: true },
  "lon hon": { kind: "atLeast", strict: true },
  "cao hon": { kind: "atLeast", strict: true },
  "nhieu hon": { kind: "atLeast", strict: true },
  ">=": { kind: "atLeast", strict: false },
  "=>": { kind: "atLeast", strict: false },
  "≥": { kind: "atLeast", strict: false },
  "toi thieu": { kind: "atLeast", strict: false },
  "it nhat": { kind: "atLeast", strict: false },
  tu: { kind: "atLeast", strict: false },
  "khong duoi": { kind: "atLeast", strict: false },
  "khong thap hon": { kind: "atLeast", strict: false },
  "khong it hon": { kind: "atLeast", strict: false },
  "tren hoac bang": { kind: "atLeast", strict: false },
  "<": { kind: "atMost", strict: true },
  duoi: { kind: "atMost", strict: true },
  "thap hon": { kind: "atMost", strict: true },
  "nho hon": { kind: "atMost", strict: true },
  "it hon": { kind: "atMost", strict: true },
  "<=": { kind: "atMost", strict: false },
  "=<": { kind: "atMost", strict: false },
  "≤": { kind: "atMost", strict: false },
  "khong qua": { kind: "atMost", strict: false },
  "khong vuot qua": { kind: "atMost", strict: false },
  "toi da": { kind: "atMost", strict: false },
  "khong cao hon": { kind: "atMost", strict: false },
  "khong lon hon": { kind: "atMost", strict: false },
  "duoi hoac bang": { kind: "atMost", strict: false },
};

const SUFFIXES: Record<string, Bound> = {
  "tro len": { kind: "atLeast", strict: false },
  "tro xuong": { kind: "atMost", strict: false },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Longest first, so `khong duoi` wins over `duoi` and `>=` over `>`. */
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

const PREFIX = String.raw`(?:(?:phan dau|dat duoc|dat|muc tieu)\s*)*`;
/** What may follow a number: the end, a space before a label, punctuation, `/năm` — never `/2022` or digits. */
const END_OF_NUMBER = String.raw`(?!\s*\/\s*\d)(?=$|[\s,;:)/])`;
const SINGLE = new RegExp(
  String.raw`^${PREFIX}(?:(${alternation(Object.keys(OPERATORS))})\s*)?(${NUMBER_TOKEN})\s*(%)?` +
    String.raw`(?:\s*(${alternation(Object.keys(SUFFIXES))}))?${END_OF_NUMBER}(.*)$`,
);
const RANGE = new RegExp(
  String.raw`^${PREFIX}(?:tu\s*)?(${NUMBER_TOKEN})\s*(%)?\s*(?:-|–|—|den|toi)\s*(${NUMBER_TOKEN})\s*(%)?${END_OF_NUMBER}(.*)$`,
);

/** The label: the original words after the number (folding keeps one character per character). */
function labelOf(tidy: string, folded: string, foldedLabel: string): string {
  const label = tidy.length === folded.length ? tidy.slice(tidy.length - foldedLabel.length) : foldedLabel;
  return label.replace(/^[\s,;:)]+/, "").trim();
}

/** One target without parts; undefined when the text is not a number target. */
function readSingle(text: string): { target: Target; label: string } | undefined {
  const tidy = tidyText(text).replace(/[.;,]+$/, "");
  const folded = foldText(tidy);
  const range = RANGE.exec(folded);
  if (range) {
    const [, low, lowPercent, high, highPercent, rest] = range;
    const a = numberFromDigits(low).value;
    const b = numberFromDigits(high).value;
    const percent = Boolean(lowPercent || highPercent);
    const target: Target = { kind: "range", min: Math.min(a, b), max: Math.max(a, b), percent, text: tidy };
    return { target, label: labelOf(tidy, folded, rest) };
  }
  const single = SINGLE.exec(folded);
  if (!single) return undefined;
  const [, operator, digits, percentSign, suffix, rest] = single;
  // `trở lên` / `trở xuống` say the direction even after `Từ` (`Từ 5% trở xuống` is at most 5 %).
  const bound = (suffix && SUFFIXES[suffix]) || (operator && OPERATORS[operator]) || OPERATORS["≥"];
  const value = numberFromDigits(digits).value;
  return {
    target: { kind: bound.kind, value, strict: bound.strict, percent: Boolean(percentSign), text: tidy },
    label: labelOf(tidy, folded, rest),
  };
}

/** Where one written target ends and the next begins. */
const PART_SEPARATOR = /[;\r\n]+|,\s+(?=(?:[<>≥≤]=?\s*)?\d)/;

/** Reads a Kế hoạch text: `>10%`, `30% - 50%`, `Phấn đấu 50%`, `70% … cấp huyện;\n 100% … cấp xã`, … */
export function parseTarget(text: string): Target {
  const tidy = tidyText(text);
  if (!tidy) return { kind: "empty", text: "" };
  const pieces = text
    .split(PART_SEPARATOR)
    .map((piece) => tidyText(piece))
    .filter(Boolean);
  if (pieces.length > 1) {
    const parts = pieces.map(readSingle);
    if (parts.every((part) => part !== undefined)) {
      return {
        kind: "compound",
        parts: parts.map((part) => ({ label: part.label || part.target.text, target: part.target })),
        text: tidy,
      };
    }
  }
  return readSingle(tidy)?.target ?? { kind: "qualitative", text: tidy };
}

/**
 * A target typed as a number (never re-parsed, spec §3): 1 formatted `0%` is "at least 100%",
 * 3 is "at least 3".
 */
export function parseTargetValue(value: number, numFmt?: string): Target {
  const parsed = parseCell({ value, numFmt }, "target");
  if (parsed.kind !== "number") return { kind: "qualitative", text: String(value) };
  const shown = formatVietnameseNumber(parsed.value, parsed.decimals) + (parsed.percent ? "%" : "");
  return { kind: "atLeast", value: parsed.value, strict: false, percent: parsed.percent, text: shown };
}

/**
 * The target a Kế hoạch cell states, whatever it holds. Errors, dates and uncalculated formulas are
 * not computable: qualitative (the cell rules report them), never empty (that would be `required-empty`).
 */
export function parseTargetCell(cell: Cell | undefined): Target {
  const value = cell?.value;
  if (!cell || cell.error) return cell?.error ? { kind: "qualitative", text: cell.error } : { kind: "empty", text: "" };
  if (typeof value === "number") return parseTargetValue(value, cell.numFmt);
  if (typeof value === "string") return parseTarget(value);
  if (value instanceof Date) return { kind: "qualitative", text: value.toISOString().slice(0, 10) };
  if (typeof value === "boolean") return { kind: "qualitative", text: String(value) };
  // A formula never calculated: its value is unknown, not absent.
  return cell.formula ? { kind: "qualitative", text: `=${cell.formula}` } : { kind: "empty", text: "" };
}
