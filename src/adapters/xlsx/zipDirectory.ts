/**
 * The entries of a zip archive as its central directory and local headers describe them, read from
 * the bytes without inflating anything (APPNOTE.TXT 4.3). Host-free: used by the CLI and the pane.
 * Offsets are resolved the way JSZip (exceljs' unzipper) resolves them, so the bytes measured here
 * are the bytes exceljs will inflate.
 */
import { strFromU8 } from "fflate";

export interface ZipEntry {
  /** Every name the entry goes by: the local header's (which JSZip uses), the central one, a Unicode path. */
  names: string[];
  /** 0 stored, 8 deflated; anything else JSZip refuses. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory; a hostile file may lie. */
  uncompressedSize: number;
  /** Offset of the compressed data in the bytes. */
  dataStart: number;
}

/** The archive's structure is broken: it cannot be read at all. */
export class ZipStructureError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.length) throw new ZipStructureError(`cut short at ${at}`);
  }
  u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    this.need(at, 8);
    // Beyond 2^53 the number is only approximate, which is still far over any limit.
    return this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 2 ** 32;
  }
  slice(at: number, length: number): Uint8Array {
    this.need(at, length);
    return this.bytes.subarray(at, at + length);
  }
  lastIndexOf(signature: number, from: number): number {
    for (let at = Math.min(from, this.bytes.length - 4); at >= 0; at--) {
      if (this.view.getUint32(at, true) === signature) return at;
    }
    return -1;
  }
}

interface Directory {
  count: number;
  size: number;
  offset: number;
  /** Bytes between where the directory says it is and where it is (data prepended to the zip). */
  shift: number;
}

/** End of central directory: the last 22 bytes plus a comment of up to 65,535 bytes. */
function readDirectory(reader: Reader): Directory {
  const end = reader.lastIndexOf(EOCD, reader.bytes.length - 22);
  if (end < 0 || end < reader.bytes.length - 22 - MAX16) throw new ZipStructureError("no end of central directory");
  let count = reader.u16(end + 10);
  let size = reader.u32(end + 12);
  let offset = reader.u32(end + 16);
  let expectedEnd = offset + size;
  if (count === MAX16 || size === MAX32 || offset === MAX32) {
    const locator = reader.lastIndexOf(ZIP64_EOCD_LOCATOR, end - 20);
    if (locator < 0) throw new ZipStructureError("no zip64 locator");
    let record = reader.u64(locator + 8);
    if (reader.u32(record) !== ZIP64_EOCD) record = reader.lastIndexOf(ZIP64_EOCD, locator - 56);
    if (record < 0 || reader.u32(record) !== ZIP64_EOCD) throw new ZipStructureError("no zip64 end record");
    count = reader.u64(record + 32);
    size = reader.u64(record + 40);
    offset = reader.u64(record + 48);
    expectedEnd = offset + size + 12 + reader.u64(record + 4) + 20;
  }
  const extra = end - expectedEnd;
  if (extra < 0) throw new ZipStructureError(`missing ${-extra} bytes`);
  // As JSZip: a directory found where it says it is keeps its offsets; otherwise data was prepended.
  const inPlace = extra === 0 || (offset + 4 <= reader.bytes.length && reader.u32(offset) === CENTRAL_HEADER);
  return { count, size, offset, shift: inPlace ? 0 : extra };
}

/** The zip64 extra field (id 1) holds, in this order, whichever 32-bit fields were set to 0xFFFFFFFF. */
function zip64Sizes(extra: Uint8Array, sizes: { uncompressed: number; compressed: number; offset: number }) {
  const zip64 = extraFields(extra).get(0x0001);
  if (!zip64) return sizes;
  const sub = new Reader(zip64);
  let at = 0;
  const next = (value: number) => {
    if (value !== MAX32) return value;
    const wide = sub.u64(at);
    at += 8;
    return wide;
  };
  const uncompressed = next(sizes.uncompressed);
  const compressed = next(sizes.compressed);
  return { uncompressed, compressed, offset: next(sizes.offset) };
}

function extraFields(extra: Uint8Array): Map<number, Uint8Array> {
  const reader = new Reader(extra);
  const fields = new Map<number, Uint8Array>();
  for (let at = 0; at + 4 <= extra.length;) {
    const id = reader.u16(at);
    const length = reader.u16(at + 2);
    if (at + 4 + length > extra.length) break;
    fields.set(id, reader.slice(at + 4, length));
    at += 4 + length;
  }
  return fields;
}

/**
 * Names not flagged UTF-8 are CP437; their ASCII part (all an .xlsx part name uses) reads the same.
 * fflate's decoder, unlike TextDecoder, also exists where jsdom runs the pane's tests.
 */
const nameText = (bytes: Uint8Array) => strFromU8(bytes);

export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const reader = new Reader(bytes);
  const directory = readDirectory(reader);
  const entries: ZipEntry[] = [];
  let at = directory.offset + directory.shift;
  for (let i = 0; i < directory.count; i++) {
    if (reader.u32(at) !== CENTRAL_HEADER) throw new ZipStructureError(`no central header ${i}`);
    const method = reader.u16(at + 10);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    const name = reader.slice(at + 46, nameLength);
    const extra = reader.slice(at + 46 + nameLength, extraLength);
    const sizes = zip64Sizes(extra, {
      compressed: reader.u32(at + 20),
      uncompressed: reader.u32(at + 24),
      offset: reader.u32(at + 42),
    });
    const names = [nameText(name)];
    const unicodePath = extraFields(extra).get(0x7075);
    if (unicodePath && unicodePath.length > 5) names.push(nameText(unicodePath.subarray(5)));

    const local = sizes.offset + directory.shift;
    if (reader.u32(local) !== LOCAL_HEADER) throw new ZipStructureError(`no local header ${i}`);
    const localNameLength = reader.u16(local + 26);
    names.push(nameText(reader.slice(local + 30, localNameLength)));
    const dataStart = local + 30 + localNameLength + reader.u16(local + 28);
    reader.slice(dataStart, sizes.compressed);
    entries.push({
      names,
      method,
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      dataStart,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A part name as a reader resolves it: JSZip turns `\` into `/`, resolves `.` and `..`, and exceljs
 * drops a leading `/`; OPC compares part names case-insensitively (ECMA-376 Part 2, §9.1.1.1.2:
 * "Part name equivalence is determined by comparing part names as case-insensitive ASCII strings.
 * Packages shall not contain equivalent part names").
 */
export function partKey(name: string): string {
  const segments: string[] = [];
  for (const segment of name.replace(/\\/g, "/").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  const trailing = name.endsWith("/") ? "/" : "";
  return segments.join("/").replace(/[A-Z]/g, (c) => c.toLowerCase()) + trailing;
}

/** The first part name that two entries share (after partKey), if any. */
export function duplicatePart(entries: ZipEntry[]): string | undefined {
  const owner = new Map<string, number>();
  for (const [index, entry] of entries.entries()) {
    for (const name of entry.names) {
      const key = partKey(name);
      const first = owner.get(key);
      if (first !== undefined && first !== index) return name;
      owner.set(key, index);
    }
  }
  return undefined;
}
