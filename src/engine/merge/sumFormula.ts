import { a1, type Cell } from "../grid";
import { parseVietnameseNumber } from "../parse/number";

/**
 * The SUM formula a recomputed total keeps when the template computed it with one (later edits still add
 * up): contiguous rows as one range, `SUM(D6:D9,D11:D15)`. None when a summed cell holds a number as text
 * (Excel's SUM skips it, so the formula would disagree with the total PhuLuc computed) or past SUM's 255
 * arguments: the total then stays a number.
 */
export function sumFormula(
  rows: readonly (readonly (Cell | undefined)[] | undefined)[],
  summed: number[],
  col: number,
): string | undefined {
  if (summed.some((row) => textNumber(rows[row]?.[col]))) return undefined;
  const runs: [number, number][] = [];
  for (const row of [...summed].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  if (runs.length === 0 || runs.length > 255) return undefined;
  const ref = ([from, to]: [number, number]) => (from === to ? a1(from, col) : `${a1(from, col)}:${a1(to, col)}`);
  return `SUM(${runs.map(ref).join(",")})`;
}

/** `2.120` typed as text: PhuLuc counts it, Excel's SUM does not (`-` or a note counts as nothing in both). */
function textNumber(cell: Cell | undefined): boolean {
  return typeof cell?.value === "string" && (parseVietnameseNumber(cell.value) ?? 0) !== 0;
}
