/**
 * The parts of an .xlsx package, each inflated once when first asked for and kept, and the
 * relationships between them (OPC: ECMA-376 Part 2). Part names are compared as partKey makes them
 * (case-insensitive, `\` and `..` resolved). Host-free: Node's zlib in the CLI, fflate in the pane.
 */
import { inflateSync, strFromU8 } from "fflate";
import { nodeZlib } from "../inflatedSize";
import { partKey, readZipEntries, type ZipEntry } from "../zipDirectory";
import { Token, XmlScanner } from "./xml";

type Zlib = NonNullable<Awaited<ReturnType<typeof nodeZlib>>>;

export interface Relationship {
  id: string;
  /** The relationship type's last segment: `worksheet`, `sharedStrings`, `styles`, `officeDocument`… */
  type: string;
  /** The target's part key; undefined for an external target. */
  target?: string;
}

export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();

  private constructor(
    private readonly zip: Uint8Array,
    private readonly zlib: Zlib | undefined,
  ) {
    for (const entry of readZipEntries(zip)) {
      const key = partKey(entry.names[0]);
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }

  static async open(bytes: Uint8Array): Promise<Package> {
    return new Package(bytes, await nodeZlib());
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The part keys, in the zip's order. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The name the part has in the zip (for messages). */
  nameOf(key: string): string {
    return this.entries.get(key)?.names[0] ?? key;
  }

  /** The part's text (UTF-8), or undefined when the package has no such part. */
  text(key: string): string | undefined {
    const kept = this.texts.get(key);
    if (kept !== undefined) return kept;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const text = stripBom(utf8(this.inflate(entry)));
    this.texts.set(key, text);
    return text;
  }

  /** Drops a part's text once read, so a workbook's sheets are not all held at once. */
  forget(key: string): void {
    this.texts.delete(key);
  }

  /** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`); none when it has no rels part. */
  relationships(source: string): Relationship[] {
    const xml = this.text(relsPart(source));
    return xml === undefined ? [] : parseRelationships(xml, source);
  }

  /** The part's bytes, inflated (an image, vbaProject.bin: parts that are not text), or undefined when there is none. */
  bytes(key: string): Uint8Array | undefined {
    const entry = this.entries.get(key);
    return entry && this.inflate(entry);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const data = this.zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method !== 8) throw new Error(`compression method ${entry.method} in ${entry.names[0]}`);
    if (this.zlib) {
      // checkZipLimits has bounded the declared sizes; a part inflating beyond its own is damaged (as JSZip says).
      const size = entry.uncompressedSize + 1;
      // One output chunk of the declared size: zlib's default 16 KB chunks are copied together again.
      return this.zlib.inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.max(size, 64) });
    }
    return inflateSync(data);
  }
}

/** The relationships part of a part (OPC, ECMA-376 Part 2 §9.3.1): `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPart(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The `<Relationship>` elements of `source`'s relationships part, targets resolved against its folder. */
export function parseRelationships(xml: string, source: string): Relationship[] {
  const dir = source.slice(0, source.lastIndexOf("/") + 1);
  const relationships: Relationship[] = [];
  const scanner = new XmlScanner(xml);
  for (let token; (token = scanner.next()) !== Token.End;) {
    if (token !== Token.Open || scanner.name !== "Relationship") continue;
    const { Id, Type = "", Target, TargetMode } = scanner.attributes();
    relationships.push({
      id: Id,
      type: Type.slice(Type.lastIndexOf("/") + 1),
      target: TargetMode === "External" || Target === undefined ? undefined : resolveTarget(dir, Target),
    });
  }
  return relationships;
}

/** A relationship's target as a part key: absolute (`/xl/…`) or relative to the source's folder. */
export function resolveTarget(dir: string, target: string): string {
  const path = target.replace(/\\/g, "/").trim();
  return partKey(path.startsWith("/") ? path : dir + path);
}

/** Node's Buffer (what zlib inflates to) decodes UTF-8 faster than TextDecoder: 130 ms against 225 ms for 19 MB. */
function utf8(bytes: Uint8Array): string {
  return typeof Buffer !== "undefined" && Buffer.isBuffer(bytes) ? bytes.toString("utf8") : strFromU8(bytes);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
