/**
 * The STT (số thứ tự) column read once, for the table's structure (structure.ts places each row) and
 * for the numbering rule (which checks that the numbers run on).
 *
 * Decisions:
 * - `I`, `II` … any Roman numeral (`XXI`, `XL`) is a section. A single capital `A`, `B` … names a part
 *   (a section level above or instead of Roman sections in budget tables); of the letters that are also
 *   Roman numerals, `I`, `V`, `X` are read as Roman, `L`, `C`, `D`, `M` as parts (no Phụ lục has 50
 *   sections, and parts A, B, C, D are common).
 * - `1`, `2`, `3.`, `(1)` are items; `I.2` numbers item 2 of section I (the item number places it).
 * - `1.1`, `1.2.3` (and `I.1.2`) are decimal sub-items: their prefix is the item they belong to.
 * - `a`, `a)`, `đ` are letters; `i`, `ii` … `xxxix` lower-case Roman; of single letters only `i` is read
 *   as Roman (`v`, `x` stay letters; the numbering rule reads all three by the list they continue). `-`, `+`, `*`, `•` are
 *   bullets, which carry no number.
 */
import { romanValue } from "./roman";

export type Bullet = "dash" | "plus" | "star" | "bullet";

export type Stt =
  /** A Roman section: `I`, `XIV`, `XXI`. */
  | { kind: "roman"; value: number }
  /** A lettered part: `A`, `B` (value 1, 2 …). */
  | { kind: "part"; value: number }
  /** An item: `3`, `3.`, `(3)`, `I.3`. */
  | { kind: "number"; value: number }
  /** A decimal sub-item `1.2.3`: prefix `1.2` (numbers without leading zeros), value 3, depth 3. */
  | { kind: "dotted"; prefix: string; value: number; depth: number }
  /** `a`, `b)`, `đ` (value counts đ after d: a = 1, đ = 5). */
  | { kind: "letter"; value: number }
  /** `i`, `ii`, `iv)`. */
  | { kind: "roman-lower"; value: number }
  | { kind: "bullet"; bullet: Bullet }
  /** Empty, or not a numbering (`Tổng cộng`, `1a`, `IIII`). */
  | { kind: "none" };

/** Vietnamese letter order: đ follows d. */
export const LETTERS = "abcdđefghijklmnopqrstuvwxyz";
const CAPITALS = LETTERS.toUpperCase();

/** Any Roman numeral written the standard way (no `IIII`, no `IC`). */
const ROMAN = /^(?=[IVXLCDM])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
/** Lower-case Roman i … xxxix, the way sub-lists count. */
const ROMAN_LOWER = /^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$/;
/** `I.` before an item number (`I.2`, `XIV.10`, `I.1.2`). */
const SECTION_PREFIX = /^([IVXLCDM]+)\.(?=\d)/;
const BULLETS: [RegExp, Bullet][] = [
  [/^[-–—−]+$/, "dash"],
  [/^\++$/, "plus"],
  [/^\*+$/, "star"],
  [/^[•·●○▪]$/, "bullet"],
];

const NONE: Stt = { kind: "none" };

/** Reads an STT cell's text (tidied or not). */
export function readStt(raw: string): Stt {
  // Plain item numbers are most rows of a long sheet: none of the rewrites below applies to them.
  if (/^\d+$/.test(raw)) return { kind: "number", value: Number(raw) };
  let text = raw
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .replace(/[.)]$/, "")
    .trim();
  const prefix = SECTION_PREFIX.exec(text);
  if (prefix && ROMAN.test(prefix[1])) text = text.slice(prefix[0].length);
  if (!text) return NONE;
  if (/^\d+$/.test(text)) return { kind: "number", value: Number(text) };
  if (/^\d+(\.\d+)+$/.test(text)) {
    const numbers = text.split(".").map(Number);
    const value = numbers.pop()!;
    return { kind: "dotted", prefix: numbers.join("."), value, depth: numbers.length + 1 };
  }
  if (text.length === 1 && CAPITALS.includes(text) && !/[IVX]/.test(text)) {
    return { kind: "part", value: CAPITALS.indexOf(text) + 1 };
  }
  if (ROMAN.test(text)) return { kind: "roman", value: romanValue(text) };
  if (ROMAN_LOWER.test(text) && (text.length > 1 || text === "i")) {
    return { kind: "roman-lower", value: romanValue(text.toUpperCase()) };
  }
  if (text.length === 1 && LETTERS.includes(text)) return { kind: "letter", value: LETTERS.indexOf(text) + 1 };
  for (const [pattern, bullet] of BULLETS) if (pattern.test(text)) return { kind: "bullet", bullet };
  return NONE;
}

/** The number an item or decimal sub-item stands for, as its children's prefix writes it: `3`, `1.2`. */
export function sttPath(stt: Stt): string | undefined {
  if (stt.kind === "number") return String(stt.value);
  if (stt.kind === "dotted") return `${stt.prefix}.${stt.value}`;
  return undefined;
}

/** True for the STTs that open a section (Roman numerals and lettered parts). */
export function opensSection(stt: Stt): stt is Extract<Stt, { kind: "roman" | "part" }> {
  return stt.kind === "roman" || stt.kind === "part";
}
