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

/** NFC, trimmed, inner whitespace collapsed: how a value is shown back to the user. */
export function tidyText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
