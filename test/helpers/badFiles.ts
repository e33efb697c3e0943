/**
 * Files that are not readable workbooks, as users send them: an old .xls, a password-protected
 * .xlsx (both OLE2/CFB containers), random bytes, a text file renamed .xlsx, a damaged .xlsx.
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A CFB container whose directory names the given streams (UTF-16LE, as CFB stores them). */
export function cfbWithStreams(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(CFB_MAGIC, 0);
  let at = 1024;
  for (const name of streamNames) {
    [...name].forEach((ch, i) => bytes.set([ch.charCodeAt(0), 0], at + 2 * i));
    at += 128; // directory entries are 128 bytes
  }
  return bytes;
}

/** What Excel 97-2003 writes: a CFB with a Workbook stream. */
export const legacyXlsBytes = (): Uint8Array => cfbWithStreams(["Root Entry", "Workbook", "SummaryInformation"]);

/** What Excel writes for a password-protected .xlsx: the package encrypted inside a CFB. */
export const encryptedXlsxBytes = (): Uint8Array =>
  cfbWithStreams(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);

/** Deterministic noise (no zip, no CFB magic). */
export function randomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  bytes[0] = 0x13; // never a magic number by accident
  return bytes;
}

export const textFileBytes = (): Uint8Array =>
  new TextEncoder().encode("STT;Chỉ tiêu;Năm 2024\n1;Tỷ lệ hộ có phương tiện nghe, nhìn;100%\n");

/** A real .xlsx cut short, as an interrupted download or copy leaves it. */
export function truncatedCopy(xlsx: Uint8Array, fraction = 0.6): Uint8Array {
  return xlsx.slice(0, Math.floor(xlsx.length * fraction));
}

/** An empty zip archive: the zip magic, but no workbook inside. */
export const emptyZipBytes = (): Uint8Array => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A real zip archive (entries stored, not compressed), as other programs write one. */
export function zipOf(entries: { name: string; text: string }[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const data = encoder.encode(entry.text);
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc32(data))];
    const sizes = [...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0)];
    const offset = locals.length;
    locals.push(...[0x50, 0x4b, 0x03, 0x04], ...common, ...sizes, ...name, ...data);
    central.push(...[0x50, 0x4b, 0x01, 0x02], ...u16(20), ...common, ...sizes);
    central.push(...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const end = [0x50, 0x4b, 0x05, 0x06, ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length)];
  end.push(...u32(central.length), ...u32(locals.length), ...u16(0));
  return new Uint8Array([...locals, ...central, ...end]);
}

/** What LibreOffice writes for an .ods: the mimetype entry first, uncompressed. */
export const odsBytes = (): Uint8Array =>
  zipOf([
    { name: "mimetype", text: "application/vnd.oasis.opendocument.spreadsheet" },
    { name: "content.xml", text: "<office:document-content/>" },
  ]);

/** The parts that name an Excel binary workbook (.xlsb). */
export const xlsbBytes = (): Uint8Array =>
  zipOf([
    { name: "[Content_Types].xml", text: "<Types/>" },
    { name: "xl/workbook.bin", text: "\u0083\u0001" },
  ]);

/** A Word document: a zip, but no workbook. */
export const docxBytes = (): Uint8Array =>
  zipOf([
    { name: "[Content_Types].xml", text: "<Types/>" },
    { name: "word/document.xml", text: "<w:document/>" },
  ]);
