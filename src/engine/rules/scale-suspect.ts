/**
 * `scale-suspect` (within one sheet): an amount that looks 1000× off.
 * - A non-integer amount with exactly the three decimals of a thousands group (224.591) in a column
 *   whose other items are integers of at least 100: typed `224.591` on a machine set to English
 *   separators, stored as the decimal 224,591 instead of 224591. Checked on totals too.
 * - An item amount about 1000× (or 1/1000 of) the median of the other items in its column
 *   (between 10^2.5 and 10^4 times: the median itself sits somewhere in an ordinary spread — the
 *   seed runs from 396 to 89.583 around a median of 15.970 — so 1000× an item is rarely exactly
 *   1000× the median; below 10^2.5 is ordinary spread). Needs at least three other items to make a median worth trusting.
 * kinh-phi amounts only: service counts per unit differ by orders of magnitude by nature.
 */
import type { Finding } from "../finding";
import { buildFinding, enNumber, vnNumber } from "../messages";
import type { CellRef, Table, TableRow } from "../model";
import { isEntry, numberOf } from "./cells";
import type { Rule } from "./rule";

const LOW = 10 ** 2.5;
const HIGH = 10 ** 4;
const MIN_NEIGHBOURS = 3;

/** Median of a sorted list with one occurrence of `value` left out (when it is in the list). */
function medianWithout(sorted: Float64Array, value: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  // The k-th value of the list without index `lo`, without copying it (O(log n) per cell).
  const skip = sorted[lo] === value ? lo : sorted.length;
  const length = skip < sorted.length ? sorted.length - 1 : sorted.length;
  if (length === 0) return undefined;
  const at = (k: number) => sorted[k < skip ? k : k + 1];
  const mid = length >> 1;
  return length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

const isWhole = (value: number) => Math.abs(value - Math.round(value)) < 1e-9;

/** 224.591 → true (three decimals exactly, as a thousands group typed with an English `.`). */
function looksLikeThousandsGroup(value: number): boolean {
  return !isWhole(value) && isWhole(value * 1000) && !isWhole(value * 100) && Math.abs(value) < 1000;
}

function unitSuffix(table: Table): { vi: string; en: string } {
  const unit = table.unitLine?.text.replace(/^\s*(đvt|đơn vị tính)\s*:\s*/i, "").trim();
  return unit ? { vi: ` ${unit}`, en: ` (${unit})` } : { vi: "", en: "" };
}

export const scaleSuspect: Rule = {
  id: "scale-suspect",
  severity: "warning",
  check(table) {
    if (table.templateId !== "kinh-phi") return [];
    const findings: Finding[] = [];
    const unit = unitSuffix(table);
    const suggest = (ref: CellRef, value: number, intended: number, whyVi: string, whyEn: string) =>
      findings.push(
        buildFinding(table, this, {
          cell: ref.address,
          vi: `kinh phí ${vnNumber(value)}${unit.vi} ${whyVi}; có lẽ định ghi ${vnNumber(intended)}${unit.vi} (chênh ${vnNumber(Math.abs(intended - value))}).`,
          en: `the amount ${enNumber(value)}${unit.en} ${whyEn}; probably meant ${enNumber(intended)}${unit.en} (off by ${enNumber(Math.abs(intended - value))}).`,
          expected: intended,
          actual: value,
        }),
      );

    table.amountColumns.forEach((_, i) => {
      const cells: { row: TableRow; ref: CellRef; value: number }[] = [];
      const items: number[] = [];
      for (const row of table.rows) {
        const value = numberOf(row.amounts[i]);
        if (value === undefined) continue;
        cells.push({ row, ref: row.amounts[i], value });
        if (isEntry(row)) items.push(value);
      }
      // A typed array sorts numerically without calling back into JS for each comparison.
      const sortedItems = Float64Array.from(items).sort();
      const positives = sortedItems.filter((v) => v > 0);
      const fractional = items.filter((v) => !isWhole(v)).length;
      for (const { row, ref, value } of cells) {
        const others = isEntry(row) ? items.length - 1 : items.length;
        const neighbours = isEntry(row) ? medianWithout(sortedItems, value) : medianWithout(sortedItems, NaN);
        if (others === 0 || neighbours === undefined) continue;
        // The other items are all whole when the only fractional one is this very cell.
        const othersWhole = fractional === (isEntry(row) && !isWhole(value) ? 1 : 0);
        if (looksLikeThousandsGroup(value) && othersWhole && neighbours >= 100) {
          suggest(
            ref,
            value,
            Math.round(value * 1000),
            "có phần thập phân trong khi các mục khác là số nguyên (dấu chấm phân cách hàng nghìn bị đọc thành dấu thập phân?)",
            "has decimals while the other items are whole numbers (a thousands dot read as a decimal point?)",
          );
          continue;
        }
        if (!isEntry(row) || value <= 0 || positives.length - 1 < MIN_NEIGHBOURS) continue;
        const factor = value / medianWithout(positives, value)!;
        if (factor >= LOW && factor <= HIGH) {
          suggest(
            ref,
            value,
            value / 1000,
            "lớn gấp khoảng 1000 lần mức thường gặp của các mục khác trong cột",
            "is about 1000 times the usual amount of the other items in the column",
          );
        } else if (factor <= 1 / LOW && factor >= 1 / HIGH) {
          suggest(
            ref,
            value,
            value * 1000,
            "chỉ bằng khoảng 1/1000 mức thường gặp của các mục khác trong cột",
            "is about 1/1000 of the usual amount of the other items in the column",
          );
        }
      }
    });
    return findings;
  },
};
