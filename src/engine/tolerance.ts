/**
 * Rounding tolerance (spec §4): a value stated with d decimals matches the computed one when it
 * equals the computed value rounded OR truncated to d decimals — reports do both
 * (`1.127.989/1.026.794` = 109,8554… is written `109,85%`, truncated; `109,86%` rounds).
 */

/**
 * Relative slack against binary float noise (109.85 × 100 = 10984.999999999998): a few ulps, so a
 * value exactly on a boundary truncates to it, while a value truly below it (999999,999) does not.
 */
const FLOAT_NOISE = 16 * Number.EPSILON;

/**
 * True when `stated` (written with `decimals` decimals) equals `computed` rounded half away from
 * zero, or truncated toward zero, to that many decimals.
 */
export function matchesStated(stated: number, decimals: number, computed: number): boolean {
  if (!Number.isFinite(stated) || !Number.isFinite(computed)) return false;
  const scale = 10 ** Math.min(Math.max(Math.floor(decimals), 0), 12);
  const scaled = Math.abs(computed) * scale;
  const nudged = scaled + FLOAT_NOISE * Math.max(1, scaled);
  const sign = computed < 0 ? -1 : 1;
  const target = stated * scale;
  // The candidates are whole numbers; the stated one carries at most its own float noise.
  const slack = 1e-6 + 4e-16 * Math.abs(target);
  return [Math.round(nudged), Math.trunc(nudged)].some((candidate) => Math.abs(sign * candidate - target) <= slack);
}
