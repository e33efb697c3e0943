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

/** foldTidy by one `replace` callback per character to fold: for any text, surrogate pairs included. */
function foldEachChar(text: string): string {
  return text.replace(NEEDS_FOLDING, foldChar).toLowerCase();
}

/**
 * The folded form of each UTF-16 code unit met so far, plus one (0: not met yet), or -1 when it does
 * not fold to exactly one code unit (`ǅ`, a lone combining mark, half of a surrogate pair).
 */
const foldedCodes = new Int32Array(0x10000);

function foldedCode(code: number): number {
  let entry = foldedCodes[code];
  if (entry === 0) {
    const folded = code >= 0xd800 && code <= 0xdfff ? "" : foldChar(String.fromCharCode(code));
    entry = folded.length === 1 ? folded.charCodeAt(0) + 1 : -1;
    foldedCodes[code] = entry;
  }
  return entry - 1;
}

/** Longest folded text held in the code-unit buffer (String.fromCharCode.apply takes it as arguments). */
const FOLD_BUFFER = 1024;
const foldBuffer = new Uint16Array(FOLD_BUFFER);

/**
 * Writes foldTidy's result into foldBuffer and returns its length, or -1 when it does not fit. Every
 * letter of Vietnamese text folds to one ASCII letter, so most texts are folded code unit by code
 * unit; one with a character that folds otherwise is folded by the general path and copied. Folded
 * characters are lower case already, so only ASCII letters are lowered here, as the general path's
 * final toLowerCase does.
 */
function foldIntoBuffer(text: string): number {
  const length = text.length;
  if (length > FOLD_BUFFER) return -1;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) {
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
    } else {
      code = foldedCode(code);
      if (code < 0) return copyIntoBuffer(foldEachChar(text));
    }
    foldBuffer[i] = code;
  }
  return length;
}

function copyIntoBuffer(folded: string): number {
  if (folded.length > FOLD_BUFFER) return -1;
  for (let i = 0; i < folded.length; i++) foldBuffer[i] = folded.charCodeAt(i);
  return folded.length;
}

/**
 * foldText for text already tidied (NFC, single spaces: every CellRef.text and TableRow.label): the
 * same result as foldText, built as one string from its code units (measured: bench/README.md).
 */
export function foldTidy(text: string): string {
  const length = foldIntoBuffer(text);
  if (length < 0) return foldEachChar(text);
  return String.fromCharCode.apply(null, foldBuffer.subarray(0, length) as unknown as number[]);
}

/** What foldWords makes one space: every run of characters but a–z, 0–9 and %. */
const NOT_WORD = /[^a-z0-9%]+/g;

/**
 * Writes foldWords' result into foldBuffer and returns its length, or -1 when the text is too long
 * or has a character that does not fold to exactly one code unit (the general path folds it). Spaces
 * and punctuation only separate words here, so the text need not be tidy.
 */
function wordsIntoBuffer(text: string): number {
  if (text.length > FOLD_BUFFER) return -1;
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x80) {
      code = foldedCode(code);
      if (code < 0) return -1;
    } else if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x25) {
      if (gap && length > 0) foldBuffer[length++] = 0x20;
      gap = false;
      foldBuffer[length++] = code;
    } else gap = true;
  }
  return length;
}

/**
 * The words of a text as rows are matched by them: foldText with every run of characters but a–z,
 * 0–9 and % made one space, trimmed. Built in the code-unit buffer like foldTidy, in one pass: each
 * label of a merge's template and units is keyed (measured: bench/README.md).
 */
export function foldWords(text: string): string {
  const length = wordsIntoBuffer(text);
  if (length < 0) return foldText(text).replace(NOT_WORD, " ").trim();
  return String.fromCharCode.apply(null, foldBuffer.subarray(0, length) as unknown as number[]);
}

/**
 * A number equal for tidy texts whose foldTidy is equal, and seldom for others, computed without
 * making the folded string: thousands of labels are grouped by it, and only the few that share one
 * are folded and compared (measured: bench/README.md). Undefined when the text folds to nothing.
 */
export function foldedHash(text: string): number | undefined {
  const length = foldIntoBuffer(text);
  // Text too long for the buffer (no Phụ lục label is): one shared number, compared by string.
  if (length < 0) return -1;
  if (length === 0) return undefined;
  let hash = length;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, 31) + foldBuffer[i]) | 0;
  return hash;
}
