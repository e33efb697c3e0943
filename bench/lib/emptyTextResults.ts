/**
 * Formula cells whose cached result is empty text: Excel saves `=IF(C5="";"";D5/C5)` on an empty row as
 * `<c r="E5" t="str"><f>…</f><v></v></c>`, and exceljs' parser keeps a cached value only when its text
 * is non-empty, so such a cell would read like a formula never calculated — and the check would tell the
 * user to recalculate in Excel, which changes nothing. Asked only about the cells exceljs left without a
 * result (rare in files Excel saved), so an ordinary file costs nothing. Part of the exceljs oracle
 * (exceljsReader.ts); PhuLuc's own reader reads such a result itself.
 */
import { a1, type Cell, type Grid } from "../../src/engine/grid";
import { Package } from "../../src/adapters/xlsx/ooxml/parts";
import { partKey } from "../../src/adapters/xlsx/zipDirectory";

/** Gives "" to the grids' formula cells without a result that Excel cached as empty text. */
export async function fillEmptyTextResults(bytes: Uint8Array, grids: Grid[]): Promise<void> {
  for (const grid of grids) {
    const unresolved = new Map<string, Cell>();
    grid.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell?.formula && cell.value === null && !cell.error) unresolved.set(a1(r, c), cell);
      }),
    );
    if (unresolved.size === 0) continue;
    for (const address of await emptyTextResults(bytes, grid.name, [...unresolved.keys()])) {
      unresolved.get(address)!.value = "";
    }
  }
}

/** Of `addresses` (A1) on the sheet named `sheetName`, those whose formula's cached result is empty text. */
async function emptyTextResults(bytes: Uint8Array, sheetName: string, addresses: string[]): Promise<Set<string>> {
  const pkg = await Package.open(bytes);
  const text = async (key: string) => pkg.text(key) ?? "";
  const sheet = tags(await text("xl/workbook.xml"), "sheet").find((a) => a.name === sheetName);
  const target = tags(await text("xl/_rels/workbook.xml.rels"), "Relationship").find(
    (a) => sheet && a.Id === sheet["r:id"],
  )?.Target;
  if (!target) return new Set();
  const cached = emptyTextCells(await text(partKey(target.startsWith("/") ? target : `xl/${target}`)));
  return new Set(addresses.filter((address) => cached.has(address)));
}

/** A string-result cell (`t="str"`, not self-closing) and what it holds up to its end tag. */
const STR_CELL = /<(?:\w+:)?c\b([^>]*\bt="str"[^>/]*)>([\s\S]*?)<\/(?:\w+:)?c>/g;
const EMPTY_VALUE = /<(?:\w+:)?v\s*(?:\/>|><\/(?:\w+:)?v>)/;

/** The addresses of the sheet's cells whose cached string result is there and empty (one pass). */
function emptyTextCells(xml: string): Set<string> {
  const cells = new Set<string>();
  for (const [, attributes, content] of xml.matchAll(STR_CELL)) {
    const address = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
    if (address && EMPTY_VALUE.test(content)) cells.add(address);
  }
  return cells;
}

/** The attributes of every `<name …>` tag, unescaped. */
function tags(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, "g"))].map(([, attributes]) =>
    Object.fromEntries(
      [...attributes.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, key, value]) => [key, unescapeXml(value)]),
    ),
  );
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([\da-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, named: string) =>
    hex || dec
      ? String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10))
      : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named.toLowerCase()]!,
  );
}
