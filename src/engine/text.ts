/**
 * The one place text is normalised: folded for comparison (header, unit, row matching, duplicates),
 * tidied for showing back, stripped of diacritics for ASCII names. Nothing else in the engine
 * lower-cases, strips marks or collapses spaces by hand.
 */

/** Diacritics removed, case kept: `Sở TTTT` → `So TTTT`, `Đ` → `D` (NFC first: seeds and some keyboards produce NFD). */
export function withoutDiacritics(text: string): string {
  return text
    .normalize("NFC")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Folds text for comparison: diacritics removed, lower case, line breaks and runs of spaces collapsed, trimmed. */
export function foldText(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/**
 * Text that tidyText would return unchanged: single spaces between runs of characters that are NFC
 * whatever follows them (ASCII, precomposed Latin including every Vietnamese letter, dashes and
 * quotes). Every data cell is tidied, so this spares the common case the normalisation.
 */
const TIDY_RUN = "[\\x21-\\x7e\\u00a1-\\u024f\\u1e00-\\u1eff\\u2010-\\u2027]+";
const ALREADY_TIDY = new RegExp(`^(?:${TIDY_RUN}(?: ${TIDY_RUN})*)?$`);

/** NFC and trimmed, inner spaces kept: title lines, where runs of spaces are the blanks a signer fills in. */
export function trimText(text: string): string {
  return text.normalize("NFC").trim();
}

/** NFC, trimmed, inner whitespace collapsed: how a value is shown back to the user. */
export function tidyText(text: string): string {
  if (ALREADY_TIDY.test(text)) return text;
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Folded form of each character met so far (a sheet uses a few dozen distinct letters). */
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = foldText(ch);
    foldedChars.set(ch, folded);
  }
  return folded;
}

/** Characters that foldText does more to than lower-case: all but printable ASCII (per code point). */
const NEEDS_FOLDING = /[^\x20-\x7e]/gu;

/**
 * foldText for text already tidied (NFC, single spaces: every CellRef.text and TableRow.label), folded
 * character by character with a cache; the same result as foldText (measured: bench/README.md). The
 * final toLowerCase only changes ASCII letters: folded characters are lower case already.
 */
export function foldTidy(text: string): string {
  return text.replace(NEEDS_FOLDING, foldChar).toLowerCase();
}
