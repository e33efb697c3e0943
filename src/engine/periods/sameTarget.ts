/**
 * Whether two Kế hoạch cells state the same target (plan-mismatch). Only targets with figures are
 * compared: text targets are assessed by hand and their wording varies without meaning anything.
 * A percentage and a plain number are the same target when they are the same figure (`70%` typed in
 * a cell formatted `0%` or as 70 in a `Kế hoạch (%)` column); `≥ 90%` and `90%` are the same (at
 * least 90), `>95%` and `95%` are not (95 meets one, not the other).
 */
import type { Target } from "../model";

const FIGURE_KINDS = new Set(["atLeast", "atMost", "range", "compound"]);

export function hasFigures(target: Target): boolean {
  return FIGURE_KINDS.has(target.kind);
}

function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function sameTarget(a: Target, b: Target): boolean {
  switch (a.kind) {
    case "atLeast":
    case "atMost":
      return b.kind === a.kind && b.strict === a.strict && sameFigure(a.value, b.value);
    case "range":
      return b.kind === "range" && sameFigure(a.min, b.min) && sameFigure(a.max, b.max);
    case "compound":
      return (
        b.kind === "compound" &&
        b.parts.length === a.parts.length &&
        a.parts.every((part, i) => sameTarget(part.target, b.parts[i].target))
      );
    default:
      return a.kind === b.kind && a.text === b.text;
  }
}
