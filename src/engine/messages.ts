/**
 * The one place findings are built: every message names the sheet cell, the value found, the value
 * expected and the difference, Vietnamese first (numbers the Vietnamese way: 224.591, 94,2%) and
 * English beside it (224,591, 94.2%).
 */
import type { Finding, RuleId, Severity } from "./finding";
import type { Table } from "./model";
import { formatVietnameseNumber } from "./parse/number";

/** Longest text quoted back in a message; long indicator texts are cut with an ellipsis. */
const QUOTE_LIMIT = 80;

export interface FindingSpec {
  /** A1 address of the cell at fault. */
  cell: string;
  /** Vietnamese text after the `Ô D15: ` prefix, ending with a full stop. */
  vi: string;
  /** English text after the `Cell D15: ` prefix. */
  en: string;
  expected?: number | string | null;
  actual?: number | string | null;
  /** Overrides the rule's usual severity (e.g. a parseable text number is only a warning). */
  severity?: Severity;
}

/** A Finding on the table's sheet with the cell named at the start of both messages. */
export function buildFinding(
  table: Pick<Table, "sheet">,
  rule: { id: RuleId; severity: Severity },
  spec: FindingSpec,
): Finding {
  const finding: Finding = {
    rule: rule.id,
    severity: spec.severity ?? rule.severity,
    sheet: table.sheet,
    cell: spec.cell,
    message: `Ô ${spec.cell}: ${spec.vi}`,
    messageEn: `Cell ${spec.cell}: ${spec.en}`,
  };
  if (spec.expected !== undefined) finding.expected = spec.expected;
  if (spec.actual !== undefined) finding.actual = spec.actual;
  return finding;
}

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
  const text = roundTo(value, decimals).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return text + (style.percent ? "%" : "");
}

/** A text quoted in a message: “…”, cut when very long. */
export function quote(text: string): string {
  const tidy = text.replace(/\s+/g, " ").trim();
  return `“${tidy.length > QUOTE_LIMIT ? `${tidy.slice(0, QUOTE_LIMIT - 1)}…` : tidy}”`;
}

export interface MismatchSpec {
  cell: string;
  /** What holds the stated value: `Tổng cộng`, `Tỷ lệ so với KH`. */
  subject: { vi: string; en: string };
  /** What the expected value is: `tổng các mục` / `the sum of the items`. */
  basis: { vi: string; en: string };
  actual: number;
  expected: number;
  style?: NumberStyle;
  /** An extra sentence (without full stop) after the figures, e.g. how the value was computed. */
  detail?: { vi: string; en: string };
}

/**
 * `Ô D15: Tổng cộng ghi 224.591 nhưng tổng các mục là 225.091 (chênh lệch 500).` — the shape of
 * every "stated value differs from the computed one" finding.
 */
export function mismatchFinding(
  table: Pick<Table, "sheet">,
  rule: { id: RuleId; severity: Severity },
  spec: MismatchSpec,
): Finding {
  const style = spec.style ?? {};
  const difference = Math.abs(spec.expected - spec.actual);
  const detailVi = spec.detail ? ` ${spec.detail.vi}.` : "";
  const detailEn = spec.detail ? ` ${spec.detail.en}.` : "";
  return buildFinding(table, rule, {
    cell: spec.cell,
    vi:
      `${spec.subject.vi} ghi ${vnNumber(spec.actual, style)} nhưng ${spec.basis.vi} là ` +
      `${vnNumber(spec.expected, style)} (chênh lệch ${vnNumber(difference, style)}).${detailVi}`,
    en:
      `${spec.subject.en} states ${enNumber(spec.actual, style)} but ${spec.basis.en} is ` +
      `${enNumber(spec.expected, style)} (difference ${enNumber(difference, style)}).${detailEn}`,
    expected: spec.expected,
    actual: spec.actual,
  });
}
