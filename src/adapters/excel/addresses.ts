/** Parsing the A1 addresses Office.js returns ("Sheet1!A1:B4, 'Kế hoạch'!D1:D4") into 0-based rectangles. */
import { parseA1, type CellRange } from "../../engine/grid";

const AREA = /(?:'(?:[^']|'')*'|[^!,\s][^!,]*)!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/gi;

/** Every rectangle of a RangeAreas/Range address; an address without a sheet part is read as a single area. */
export function parseAreas(address: string): CellRange[] {
  const areas: CellRange[] = [];
  const withSheet = [...address.matchAll(AREA)];
  const pairs = withSheet.length
    ? withSheet.map((m) => [m[1], m[2] ?? m[1]])
    : address
        .split(",")
        .map((part) => part.trim().split(":"))
        .map(([a, b]) => [a, b ?? a]);
  for (const [from, to] of pairs) {
    const start = parseA1(from);
    const end = parseA1(to);
    if (!start || !end) continue;
    areas.push({
      top: Math.min(start.row, end.row),
      left: Math.min(start.col, end.col),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.col, end.col),
    });
  }
  return areas;
}
