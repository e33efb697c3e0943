/**
 * The pieces messages are made of: numbers the Vietnamese way (224.591, 94,2%) and the English way
 * (224,591, 94.2%), quoted text, and the shared "stated value differs from the computed one" message
 * that names the value found, the value expected and the difference.
 */
import type { FindingParams } from "./finding";
import type { Localized, Words } from "./locale";
import { formatVietnameseNumber } from "./parse/number";
import type { MessageRenderer } from "./rules/rule";
import { tidyText } from "./text";

/** Longest text quoted back in a message; long indicator texts are cut with an ellipsis. */
const QUOTE_LIMIT = 80;

/**
 * The fewest decimals (at most `max`) that show `value` rounded to `max` decimals: 500 → 0,
 * 95.2127… with max 3 → 3, 94.2 → 1. Keeps float noise (0.30000000000000004) out of messages.
 */
export function displayDecimals(value: number, max: number): number {
  const rounded = Number(value.toFixed(max));
  for (let d = 0; d < max; d++) if (Number(rounded.toFixed(d)) === rounded) return d;
  return max;
}

/** A number rounded to `decimals`, without binary noise: the value a finding reports. */
export function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

export interface NumberStyle {
  /** Show as a percentage (`94,2%`); the value is in percent points. */
  percent?: boolean;
  /** At most this many decimals (default 3, enough for 109,855 and for decimal amounts). */
  maxDecimals?: number;
}

/** 224591 → "224.591"; 94.2 percent → "94,2%". */
export function vnNumber(value: number, style: NumberStyle = {}): string {
  const decimals = displayDecimals(value, style.maxDecimals ?? 3);
  return formatVietnameseNumber(roundTo(value, decimals), decimals) + (style.percent ? "%" : "");
}

/** 224591 → "224,591"; 94.2 percent → "94.2%". */
export function enNumber(value: number, style: NumberStyle = {}): string {
  const decimals = displayDecimals(value, style.maxDecimals ?? 3);
  return enFormat(decimals).format(roundTo(value, decimals)) + (style.percent ? "%" : "");
}

/**
 * One formatter per count of decimals: `toLocaleString` with options builds an Intl.NumberFormat at
 * every call, which was most of a province merge's findings (a message in English for each).
 */
const EN_FORMATS: Intl.NumberFormat[] = [];

function enFormat(decimals: number): Intl.NumberFormat {
  return (EN_FORMATS[decimals] ??= new Intl.NumberFormat("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }));
}

/** A text quoted in a message: “…”, cut when very long. */
export function quote(text: string): string {
  const tidy = tidyText(text);
  return `“${tidy.length > QUOTE_LIMIT ? `${tidy.slice(0, QUOTE_LIMIT - 1)}…` : tidy}”`;
}

export interface MismatchParams extends FindingParams {
  subject: Words;
  basis: Words;
  actual: number;
  expected: number;
  difference: number;
  style?: NumberStyle;
  /** An extra sentence (without full stop) after the figures, e.g. how the value was computed. */
  detail?: Words;
}

/** Params of a mismatch, with the difference computed; figures styled as percentages are in percent. */
export function mismatch(spec: Omit<MismatchParams, "difference">): MismatchParams {
  const figureUnit = spec.figureUnit ?? (spec.style?.percent ? { kind: "percent" as const } : undefined);
  return { ...spec, ...(figureUnit ? { figureUnit } : {}), difference: Math.abs(spec.expected - spec.actual) };
}

/**
 * `Ô D15: Tổng cộng ghi 224.591 nhưng tổng các mục là 225.091 (chênh lệch 500).` — the shape of
 * every "stated value differs from the computed one" message.
 */
export const MISMATCH_MESSAGE: Localized<MessageRenderer<MismatchParams>> = {
  vi: (p, f) =>
    `${p.subject.vi} ghi ${f.number(p.actual, p.style)} nhưng ${p.basis.vi} là ${f.number(p.expected, p.style)} ` +
    `(chênh lệch ${f.number(p.difference, p.style)}).${p.detail ? ` ${p.detail.vi}.` : ""}`,
  en: (p, f) =>
    `${p.subject.en} states ${f.number(p.actual, p.style)} but ${p.basis.en} is ${f.number(p.expected, p.style)} ` +
    `(difference ${f.number(p.difference, p.style)}).${p.detail ? ` ${p.detail.en}.` : ""}`,
};
