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

/** |value| × scale, nudged up by a few ulps so a value on a boundary rounds and truncates as written. */
function scaledUp(value: number, scale: number): number {
  const scaled = Math.abs(value) * scale;
  return scaled + FLOAT_NOISE * Math.max(1, scaled);
}

/**
 * True when `stated` (written with `decimals` decimals) equals `computed` rounded half away from
 * zero, or truncated toward zero, to that many decimals. A number cell may hold more decimals than
 * its format shows (a formula `=D16/C16*100` holds 101,428… under `0.0`): it is compared as shown,
 * rounded as Excel rounds it for display.
 */
export function matchesStated(stated: number, decimals: number, computed: number): boolean {
  if (!Number.isFinite(stated) || !Number.isFinite(computed)) return false;
  const scale = 10 ** Math.min(Math.max(Math.floor(decimals), 0), 12);
  const nudged = scaledUp(computed, scale);
  const sign = computed < 0 ? -1 : 1;
  const shown = (stated < 0 ? -1 : 1) * Math.round(scaledUp(stated, scale));
  return [Math.round(nudged), Math.trunc(nudged)].some((candidate) => sign * candidate === shown);
}
