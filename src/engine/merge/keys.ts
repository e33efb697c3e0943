/** How rows of different sheets are recognised as the same indicator. */
import { foldWords } from "../text";

/** Folded label with punctuation dropped: `Tỷ lệ hộ … (Truyền thanh thông minh).` ≡ `ty le ho … truyen thanh thong minh`. */
export function labelKey(label: string): string {
  // Each label is keyed several times (as a row, as its section, in the template and in every unit's copy).
  let key = keyCache.get(label);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = foldWords(label);
    keyCache.set(label, key);
  }
  return key;
}

const KEY_CACHE_LIMIT = 100_000;
const keyCache = new Map<string, string>();

/** The words of a label as matching sees them. */
export function tokens(label: string): string[] {
  return labelKey(label).split(" ").filter(Boolean);
}

/**
 * Dice coefficient of the two labels' word multisets (0..1): tolerant of a word added, dropped or
 * changed, which is how units retype an indicator. Used only to PROPOSE a match.
 */
export function tokenSimilarity(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of right) {
    const n = counts.get(token) ?? 0;
    if (n > 0) {
      common++;
      counts.set(token, n - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** Below this similarity no proposal is made. */
export const PROPOSAL_THRESHOLD = 0.6;
