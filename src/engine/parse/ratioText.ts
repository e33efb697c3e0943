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

/** A ratio written in prose and the percentage stated for it (spec §3, claims in text). */
export interface RatioClaim {
  numerator: number;
  denominator: number;
  /** The ratio as written (`179/188`), for messages. */
  text: string;
  statedPercent: number;
  statedDecimals: number;
}

/** Footnote marks: `188(*)`, `188¹⁰`, `188<sup>10</sup>`, `188*`. */
const FOOTNOTE_MARKS = /<sup>[^<]*<\/sup>|\(\*+\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=\d)\*+/g;
/** Where a clause ends: `;`, a line break, a sentence's full stop (not a thousands dot). */
const CLAUSE_END = /[;\n]|\.(?!\d)/;
const PROSE_RATIO = new RegExp(String.raw`(?<![\d.,/])(${NUMBER_TOKEN})\s*\/\s*(${NUMBER_TOKEN})(?!\s*\/)`, "g");
const PROSE_PERCENT = new RegExp(String.raw`(?<![\d.,])(${NUMBER_TOKEN})\s*%`, "g");
/** Words before `a/b` that make it a rank (`xếp thứ 8/63`, `hạng 29/63`) or a date (`ngày 17/3`). */
const NOT_A_RATIO_BEFORE = /\b(thu|hang|ngay|thang)\s*$/;
/** Between a ratio and its percentage: words, commas, brackets, `=`/`:` — no other figure. */
const BETWEEN_AFTER = /^[^\d%]{0,60}$/;
/** Between a percentage and the ratio it was computed from: brackets and spaces (`94,2% (179/188)`). */
const BETWEEN_BEFORE = /^\s*[([:=-]?\s*$/;

/**
 * Every ratio `a/b` in a prose cell with the percentage stated for it in the same clause:
 * `179/188 cơ quan, đạt tỉ lệ 94,2%`, `39/39, đạt 100%`, `94,2% (179/188)`, several per cell.
 * A ratio without a stated percentage is left out (nothing to check), and so are dates
 * (`20/6/2024`, `ngày 17/3`), document numbers (`12/2022/TT-BTTTT`, `553/Ctr-UBND`) and ranks
 * (`xếp thứ 8/63`). A ratio takes the first percentage after it when only words lie between,
 * else a percentage written just before it; each percentage is claimed once.
 */
export function findRatioClaims(text: string): RatioClaim[] {
  const claims: RatioClaim[] = [];
  const folded = foldText(text.replace(FOOTNOTE_MARKS, ""));
  for (const clause of folded.split(CLAUSE_END)) {
    const ratios = [...clause.matchAll(PROSE_RATIO)].filter((m) => !NOT_A_RATIO_BEFORE.test(clause.slice(0, m.index)));
    if (!ratios.length) continue;
    const percents = [...clause.matchAll(PROSE_PERCENT)];
    const used = new Set<number>();
    for (const ratio of ratios) {
      const start = ratio.index;
      const end = start + ratio[0].length;
      const after = percents.find(
        (p) => p.index >= end && !used.has(p.index) && BETWEEN_AFTER.test(clause.slice(end, p.index)),
      );
      const before = after
        ? undefined
        : percents.find(
            (p) =>
              p.index + p[0].length <= start &&
              !used.has(p.index) &&
              BETWEEN_BEFORE.test(clause.slice(p.index + p[0].length, start)),
          );
      const percent = after ?? before;
      if (!percent) continue;
      used.add(percent.index);
      const stated = numberFromDigits(percent[1]);
      claims.push({
        numerator: numberFromDigits(ratio[1]).value,
        denominator: numberFromDigits(ratio[2]).value,
        text: ratio[0].replace(/\s+/g, ""),
        statedPercent: stated.value,
        statedDecimals: stated.decimals,
      });
    }
  }
  return claims;
}
