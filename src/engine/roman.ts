/** Roman numerals as section STTs use them (I … C): read for numbering checks, written by the bench. */

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

const ROMAN_DIGITS: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** `XIV` → 14. The caller has already checked that the text is a Roman numeral. */
export function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i]];
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** 14 → `XIV`. */
export function toRoman(value: number): string {
  let rest = value;
  let text = "";
  for (const [n, letters] of ROMAN_DIGITS) {
    while (rest >= n) {
      text += letters;
      rest -= n;
    }
  }
  return text;
}
