/**
 * A ratio stated as text, `179/188`, optionally with the percentage it claims (`179/188 (94,2%)`,
 * `94,2% (179/188)`, `179/188 = 94,2%`, `179/188, đạt 94,2%`), for `ratio-mismatch` (spec §3).
 *
 * Decisions:
 * - The whole text must be the ratio (and its percentage): `17/3/2024` (a date), `553/Ctr-UBND`,
 *   `12/2022/TT-BTTTT` (document numbers) and ratios inside sentences are not ratios.
 * - `17/3` alone is read as a ratio: a cell holding only that is far more often "17 of 3…" style
 *   counts than a date without its year.
 * - Numbers are Vietnamese (`1.127.989/1.026.794`); a zero denominator is returned as written —
 *   `ratioPercent` gives undefined for it rather than Infinity.
 */
import { foldText } from "../text";
import { NUMBER_TOKEN, numberFromDigits } from "./number";

export interface RatioText {
  numerator: number;
  denominator: number;
  /** The percentage the same text states, in percent points. */
  statedPercent?: number;
  /** Decimals the stated percentage was written with (for the rounding tolerance). */
  statedDecimals?: number;
}

const RATIO = String.raw`(${NUMBER_TOKEN})\s*\/\s*(${NUMBER_TOKEN})`;
const PERCENT = String.raw`(${NUMBER_TOKEN})\s*%`;
/** Between a ratio and its percentage: brackets, `=`, `:`, `,`, dashes and the words đạt/bằng/chiếm/tỷ lệ. */
const LINK = String.raw`\s*(?:[(\[=:,;–-]\s*|(?:dat|bang|chiem|ty le)\s+)*`;
const CLOSE = String.raw`\s*[)\]]?\s*\.?$`;

const RATIO_ONLY = new RegExp(`^${RATIO}\\s*\\.?$`);
const RATIO_THEN_PERCENT = new RegExp(`^${RATIO}${LINK}${PERCENT}${CLOSE}`);
const PERCENT_THEN_RATIO = new RegExp(`^${PERCENT}${LINK}${RATIO}${CLOSE}`);

/** Reads `179/188`, `1.127.989/1.026.794`, `179/188 (94,2%)`; undefined for anything else. */
export function parseRatioText(text: string): RatioText | undefined {
  const folded = foldText(text);
  const only = RATIO_ONLY.exec(folded);
  if (only) return { numerator: numberFromDigits(only[1]).value, denominator: numberFromDigits(only[2]).value };
  const after = RATIO_THEN_PERCENT.exec(folded);
  const before = after ? undefined : PERCENT_THEN_RATIO.exec(folded);
  const [numerator, denominator, percent] = after
    ? [after[1], after[2], after[3]]
    : before
      ? [before[2], before[3], before[1]]
      : [];
  if (!numerator || !denominator || !percent) return undefined;
  const stated = numberFromDigits(percent);
  return {
    numerator: numberFromDigits(numerator).value,
    denominator: numberFromDigits(denominator).value,
    statedPercent: stated.value,
    statedDecimals: stated.decimals,
  };
}

/** numerator / denominator in percent points; undefined when the denominator is 0. */
export function ratioPercent(ratio: Pick<RatioText, "numerator" | "denominator">): number | undefined {
  return ratio.denominator === 0 ? undefined : (100 * ratio.numerator) / ratio.denominator;
}
