/**
 * Hostile .xlsx files built in code, never committed: a workbook whose shared strings inflate to
 * hundreds of megabytes from a few hundred kilobytes (honest or lying about it in its headers), and
 * one that holds the same part twice. The inflated text is never held in memory: one deflated
 * megabyte, flushed so it stands alone, is repeated, as a bomb's author does. And a few kilobytes
 * merging millions of cells, which exceljs makes one object each.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export interface ZipPart {
  name: string;
  /** The part's content, or its deflated form with the size and CRC of what it inflates to. */
  data: Uint8Array | { deflated: Uint8Array; size: number; crc: number };
  /** The uncompressed size written in both headers, when it should lie. */
  declaredSize?: number;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(Math.floor(n / 0x10000) & 0xffff)];

/** A zip archive (deflated entries, no data descriptors), as Excel writes one. */
export function zipParts(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    // Not `instanceof Uint8Array`: under jsdom the bytes may come from another realm.
    const packed =
      "deflated" in part.data
        ? part.data
        : { deflated: deflateRawSync(part.data), size: part.data.length, crc: crc32(part.data) };
    const size = part.declaredSize ?? packed.size;
    const common = [...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0x21), ...u32(packed.crc)];
    const sizes = [...u32(packed.deflated.length), ...u32(size), ...u16(name.length), ...u16(0)];
    const local = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...common, ...sizes, ...name]);
    central.push(0x50, 0x4b, 0x01, 0x02, ...u16(20), ...common, ...sizes);
    central.push(...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
    chunks.push(local, packed.deflated);
    offset += local.length + packed.deflated.length;
  }
  const end = [0x50, 0x4b, 0x05, 0x06, ...u16(0), ...u16(0), ...u16(parts.length), ...u16(parts.length)];
  end.push(...u32(central.length), ...u32(offset), ...u16(0));
  chunks.push(new Uint8Array(central), new Uint8Array(end));
  return Buffer.concat(chunks);
}

/**
 * `head`, then `unit` repeated to about `megabytes` MB, then `tail`, deflated without building the
 * text. With `ratio`, spaces stored uncompressed follow the head (XML ignores them there), so that the
 * part inflates only about `ratio` times its compressed size, as an honest file could.
 */
export function deflatedRepetition(head: string, unit: string, megabytes: number, tail: string, ratio?: number) {
  const encode = (text: string) => Buffer.from(text, "utf8");
  const block = encode(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  const flushed = (bytes: Uint8Array, level = 9) =>
    deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH, level });
  const blockDeflated = flushed(block);
  const repeats = Math.ceil(megabytes);
  const padding = encode(ratio ? " ".repeat(Math.ceil((block.length * repeats) / ratio)) : "");
  const parts = [
    flushed(encode(head)),
    flushed(padding, 0),
    ...Array<Buffer>(repeats).fill(blockDeflated),
    deflateRawSync(encode(tail)),
  ];
  let crc = crc32(padding, crc32(encode(head)));
  for (let i = 0; i < repeats; i++) crc = crc32(block, crc);
  crc = crc32(encode(tail), crc);
  return {
    deflated: Buffer.concat(parts),
    size: Buffer.byteLength(head) + padding.length + block.length * repeats + Buffer.byteLength(tail),
    crc,
  };
}

async function smallWorkbookParts(): Promise<ZipPart[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phụ lục II");
  sheet.getCell("A1").value = "STT";
  sheet.getCell("B1").value = "Nội dung";
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  return Object.entries(files).map(([name, data]) => ({ name, data }));
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A real workbook with one part that inflates to `megabytes` MB: by default xl/sharedStrings.xml
 * of tiny strings (the costliest shape for exceljs); `part` names another part (customXml/item1.xml
 * is read by exceljs but not parsed: cheap); `lie` writes a 4 KB size in its headers instead;
 * `ratio` pads the part so that it inflates only about that many times its compressed size.
 */
export async function bombXlsx(
  megabytes: number,
  options: { lie?: boolean; part?: string; ratio?: number } = {},
): Promise<Uint8Array> {
  const name = options.part ?? "xl/sharedStrings.xml";
  const parts = (await smallWorkbookParts()).filter((p) => p.name !== name);
  const data =
    name === "xl/sharedStrings.xml"
      ? deflatedRepetition(
          `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
          "<si><t>x</t></si>",
          megabytes,
          "</sst>",
          options.ratio,
        )
      : deflatedRepetition(`${XML_HEAD}<bom>`, "<x/>", megabytes, "</bom>", options.ratio);
  parts.push({ name, data, declaredSize: options.lie ? 4096 : undefined });
  return zipParts(parts);
}

/** A real workbook with one of its parts stored twice, the second copy holding other numbers. */
export async function duplicatePartXlsx(name = "xl/worksheets/sheet1.xml", secondName = name): Promise<Uint8Array> {
  const parts = await smallWorkbookParts();
  const original = parts.find((p) => p.name === name);
  if (!original) throw new Error(`no ${name} in the workbook`);
  const other = Buffer.from(original.data as Uint8Array)
    .toString("utf8")
    .replace(
      /<sheetData\/>|<sheetData>.*<\/sheetData>/s,
      '<sheetData><row r="1"><c r="A1"><v>999</v></c></row></sheetData>',
    );
  return zipParts([...parts, { name: secondName, data: Buffer.from(other, "utf8") }]);
}

/** A small workbook of `sheets` sheets, each given these merged ranges in its XML (as a hostile file would be). */
export async function mergedRangesXlsx(refs: string[], sheets = 1): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (let s = 1; s <= sheets; s++) workbook.addWorksheet(`Trang ${s}`).getCell("A1").value = "STT";
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const merges = `<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
  for (let s = 1; s <= sheets; s++) {
    const name = `xl/worksheets/sheet${s}.xml`;
    parts[name] = strToU8(strFromU8(parts[name]).replace("</sheetData>", `</sheetData>${merges}`));
  }
  return zipSync(parts);
}
