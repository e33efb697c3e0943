/** Text normalisation shared by header matching, unit matching, row matching and duplicate detection. */

/**
 * Folds text for comparison: Unicode NFC first (seeds and some keyboards produce NFD), then
 * diacritics removed (đ → d), lower case, line breaks and runs of spaces collapsed, trimmed.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[đĐ]/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
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

/** NFC, trimmed, inner whitespace collapsed: how a value is shown back to the user. */
export function tidyText(text: string): string {
  if (ALREADY_TIDY.test(text)) return text;
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
