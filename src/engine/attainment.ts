/**
 * Attainment of a target (spec §5): the ratio Thực hiện / Kế hoạch (Kế hoạch / Thực hiện when lower
 * is better) in percent points, and the computed Đánh giá.
 *
 * Decisions:
 * - Vượt = strictly better than the target value (above it; below it for "at most"; above the
 *   upper bound for a range); Đạt = exactly on a non-strict target, or within a range's bounds;
 *   Chưa đạt otherwise. A strict target (`>95%`, `Dưới 10%`) is met only beyond its value, so
 *   meeting it is always Vượt, and landing on the value is Chưa đạt.
 * - A range's ratio is against its lower bound (it counts as met from there).
 * - A compound target needs one actual per part (pass an array in part order); with a single
 *   number it gives no verdict and no ratio. Its verdict is the worst of its parts (Chưa đạt if
 *   any part misses, Vượt only if all exceed, Đạt otherwise); it has no single ratio.
 * - Qualitative and empty targets, and non-finite actuals, give {}.
 * - A zero base (target 0 for "at least", actual 0 for "at most") has no ratio, never Infinity/NaN;
 *   the verdict is still given.
 */
import type { Table, Target } from "./model";
import { resultValueOf, targetOf } from "./rules/cells";

export type Verdict = "Vượt" | "Đạt" | "Chưa đạt";

export interface Attainment {
  /** In percent points (98.5 = 98,5 % of the plan). */
  ratio?: number;
  verdict?: Verdict;
  /** Per part, for compound targets given one actual per part. */
  parts?: Attainment[];
}

/** Equal up to float noise (94.2 vs 0.942 × 100). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function percentOf(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (100 * part) / whole;
}

/** Verdict where `better` says the actual is beyond the value in the good direction. */
function verdictFor(actual: number, value: number, strict: boolean, better: boolean): Verdict {
  if (same(actual, value)) return strict ? "Chưa đạt" : "Đạt";
  return better ? "Vượt" : "Chưa đạt";
}

function worst(verdicts: (Verdict | undefined)[]): Verdict | undefined {
  if (verdicts.some((v) => v === undefined)) return undefined;
  if (verdicts.includes("Chưa đạt")) return "Chưa đạt";
  return verdicts.every((v) => v === "Vượt") ? "Vượt" : "Đạt";
}

export function computeAttainment(target: Target, actual: number | readonly number[]): Attainment {
  if (typeof actual !== "number") {
    if (target.kind !== "compound") return actual.length === 1 ? computeAttainment(target, actual[0]) : {};
    if (actual.length !== target.parts.length) return {};
    const parts = target.parts.map((part, i) => computeAttainment(part.target, actual[i]));
    return { verdict: worst(parts.map((p) => p.verdict)), parts };
  }
  if (!Number.isFinite(actual)) return {};
  switch (target.kind) {
    case "atLeast":
      return {
        ratio: percentOf(actual, target.value),
        verdict: verdictFor(actual, target.value, target.strict, actual > target.value),
      };
    case "atMost":
      return {
        ratio: percentOf(target.value, actual),
        verdict: verdictFor(actual, target.value, target.strict, actual < target.value),
      };
    case "range": {
      const below = actual < target.min && !same(actual, target.min);
      const above = actual > target.max && !same(actual, target.max);
      return { ratio: percentOf(actual, target.min), verdict: below ? "Chưa đạt" : above ? "Vượt" : "Đạt" };
    }
    default:
      // Compound with one number (each part needs its own), qualitative, empty.
      return {};
  }
}

/** A row's attainment as the rules judge it: the same result and target readers, so chart and rules agree. */
export interface RowAttainment {
  /** Index in `Table.rows`. */
  index: number;
  /** Address of the Thực hiện cell the result comes from. */
  address: string;
  ratio?: number;
  verdict: Verdict;
}

/**
 * Every row whose result and target give a verdict (spec §5): the result read by resultValueOf (a number,
 * the one percentage of `94,2% (179/188)`, or `179/188` itself), the target by targetOf. Text results,
 * qualitative and compound targets give no verdict and are left out, as the rules leave them unjudged.
 */
export function tableAttainment(table: Table): RowAttainment[] {
  const rows: RowAttainment[] = [];
  for (const row of table.rows) {
    const actual = row.cells.actual;
    const result = resultValueOf(actual);
    if (!actual || !result || !row.cells.target) continue;
    const { ratio, verdict } = computeAttainment(targetOf(table, row.cells.target), result.value);
    if (verdict) rows.push({ index: row.index, address: actual.address, ratio, verdict });
  }
  return rows;
}
