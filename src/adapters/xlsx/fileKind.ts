/**
 * Tells what a file is from its first bytes, before a zip reader sees it: exceljs answered an old .xls, a
 * password-protected workbook or a renamed text file with cryptic zip errors, and the user needs
 * to know which of these they have and what to do about it.
 */

export type FileKind = "zip" | "encrypted-ooxml" | "legacy-xls" | "empty" | "other";

/** What a zip holds, for a message that says what to do with it. */
export type ZipKind = "xlsx" | "xlsb" | "ods" | "other";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip archive (end-of-central-directory record only). */
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file (CFB): legacy .xls, and also the wrapper Excel puts around an encrypted .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Directory entries of a CFB file store their names in UTF-16LE. */
function utf16le(text: string): number[] {
  return [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

export function containsBytes(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

export function asciiBytes(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) {
    // Excel encrypts an .xlsx by wrapping it in a CFB with EncryptionInfo + EncryptedPackage streams.
    return containsBytes(bytes, utf16le("EncryptionInfo")) ? "encrypted-ooxml" : "legacy-xls";
  }
  return "other";
}

/**
 * Part names are stored uncompressed in a zip's headers, so they can be found in the bytes: an .xlsx
 * names `xl/workbook.xml`, a binary .xlsb `xl/workbook.bin`, and a LibreOffice .ods starts with its
 * `mimetype` entry (common in offices that use LibreOffice).
 */
export function zipKind(bytes: Uint8Array): ZipKind {
  if (containsBytes(bytes, asciiBytes("xl/workbook.bin"))) return "xlsb";
  if (containsBytes(bytes, asciiBytes("xl/workbook")) || containsBytes(bytes, asciiBytes("xl/_rels"))) return "xlsx";
  if (containsBytes(bytes.subarray(0, 200), asciiBytes("opendocument.spreadsheet"))) return "ods";
  return "other";
}
