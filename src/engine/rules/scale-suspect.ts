/**
 * `scale-suspect` (within one sheet): an amount that looks 1000× off.
 * - A non-integer amount with exactly the three decimals of a thousands group (224.591) in a column
 *   whose other items are integers of at least 100: typed `224.591` on a machine set to English
 *   separators, stored as the decimal 224,591 instead of 224591. Checked on totals too.
 * - An item amount about 1000× (or 1/1000 of) the median of the other items in its column
 *   (between 10^2.5 and 10^4 times: the median itself sits somewhere in an ordinary spread — the
 *   seed runs from 396 to 89.583 around a median of 15.970 — so 1000× an item is rarely exactly
 *   1000× the median; below 10^2.5 is ordinary spread). Needs at least three other items to make a median worth trusting.
 * - An item amount beyond that band (over 10^4 times the median), a whole number of millions that,
 *   divided by 1.000.000, falls within the other items' spread (a tenth of the smallest to ten times
 *   the largest): đồng typed into a `triệu đồng` column (830.000.000 for 830). The item itself may
 *   be small, so its distance to the median alone cannot tell 10⁶ from 10³; the round millions and
 *   landing among the others can.
 * kinh-phi amounts only: service counts per unit differ by orders of magnitude by nature.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { CellRef, Table, TableRow } from "../model";
import { isEntry, numberOf } from "./cells";
import type { SheetRule } from "./rule";

/**
 * In one sheet: an amount with a thousands group read as decimals, or 1000× / 1/1000 of the other
 * items. In a merge: a unit's count far from the other units' median, or a value 1000× the one kept.
 */
type ScaleParams = FindingParams &
  (
    | {
        kind: "decimals" | "times-1000" | "per-1000" | "times-million";
        value: number;
        intended: number;
        difference: number;
        /** The table's unit line (`triệu đồng`), when it has one. */
        unit?: string;
      }
    | { kind: "units-median"; label: string; value: number; median: number }
    | { kind: "kept-value"; unit: string; value: string; kept: string; keptBy: string }
  );

const WHY = {
  vi: {
    decimals:
      "có phần thập phân trong khi các mục khác là số nguyên (dấu chấm phân cách hàng nghìn bị đọc thành dấu thập phân?)",
    "times-1000": "lớn gấp khoảng 1000 lần mức thường gặp của các mục khác trong cột",
    "per-1000": "chỉ bằng khoảng 1/1000 mức thường gặp của các mục khác trong cột",
    "times-million": "lớn gấp khoảng 1.000.000 lần các mục khác trong cột (ghi theo đồng vào cột đơn vị triệu đồng?)",
  },
  en: {
    decimals: "has decimals while the other items are whole numbers (a thousands dot read as a decimal point?)",
    "times-1000": "is about 1000 times the usual amount of the other items in the column",
    "per-1000": "is about 1/1000 of the usual amount of the other items in the column",
    "times-million": "is about 1,000,000 times the other items in the column (đồng typed into a million-đồng column?)",
  },
};

const LOW = 10 ** 2.5;
const HIGH = 10 ** 4;
const MIN_NEIGHBOURS = 3;
const MILLION_HIGH = 10 ** 7.5;

/** True when `scaled` lies between a tenth of the smallest and ten times the largest of the other items. */
function withinSpread(sorted: Float64Array, value: number, scaled: number): boolean {
  const at = sorted.indexOf(value);
  const others = at < 0 ? sorted : Float64Array.from([...sorted.subarray(0, at), ...sorted.subarray(at + 1)]);
  return others.length > 0 && scaled >= others[0] / 10 && scaled <= others[others.length - 1] * 10;
}

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

/** The positive values of a sorted list: a view of its tail, not a filtered copy. */
function positivesOf(sorted: Float64Array): Float64Array {
  let first = 0;
  while (first < sorted.length && !(sorted[first] > 0)) first++;
  return sorted.subarray(first);
}

const isWhole = (value: number) => Math.abs(value - Math.round(value)) < 1e-9;

/** 224.591 → true (three decimals exactly, as a thousands group typed with an English `.`). */
function looksLikeThousandsGroup(value: number): boolean {
  return !isWhole(value) && isWhole(value * 1000) && !isWhole(value * 100) && Math.abs(value) < 1000;
}

function unitOf(table: Table): string | undefined {
  return table.unitLine?.text.replace(/^\s*(đvt|đơn vị tính)\s*:\s*/i, "").trim() || undefined;
}

export const scaleSuspect: SheetRule<"scale-suspect", ScaleParams> = {
  id: "scale-suspect",
  severity: "warning",
  tags: ["sheet", "merge", "arithmetic"],
  label: { vi: "Nghi sai đơn vị (×1000)", en: "Scale suspect (×1000)" },
  message: {
    vi: (p, f) => {
      if (p.kind === "units-median")
        return `${f.quote(p.label)} ghi ${f.number(p.value)}, gấp hoặc bằng 1/1000 mức của các đơn vị khác (trung vị ${f.number(p.median)}): có thể nhập sai dấu phân cách.`;
      if (p.kind === "kept-value")
        return `${p.unit} ghi ${p.value}, gấp hoặc bằng 1/1000 giá trị ${p.kept} của ${p.keptBy}: có thể nhập sai dấu phân cách hàng nghìn/thập phân.`;
      const unit = p.unit ? ` ${p.unit}` : "";
      return `kinh phí ${f.number(p.value)}${unit} ${WHY.vi[p.kind]}; có lẽ định ghi ${f.number(p.intended)}${unit} (chênh ${f.number(p.difference)}).`;
    },
    en: (p, f) => {
      if (p.kind === "units-median")
        return `${f.quote(p.label)} reports ${f.number(p.value)}, about 1000× or 1/1000 of the other units' (median ${f.number(p.median)}): probably a separator slip.`;
      if (p.kind === "kept-value")
        return `${p.unit} reports ${p.value}, about 1000× or 1/1000 of ${p.keptBy}'s ${p.kept}: probably a thousands/decimal separator slip.`;
      const unit = p.unit ? ` (${p.unit})` : "";
      return `the amount ${f.number(p.value)}${unit} ${WHY.en[p.kind]}; probably meant ${f.number(p.intended)}${unit} (off by ${f.number(p.difference)}).`;
    },
  },
  examples: [
    { kind: "decimals", value: 224.591, intended: 224591, difference: 224366.409, unit: "triệu đồng" },
    { kind: "times-1000", value: 15970000, intended: 15970, difference: 15954030 },
    { kind: "times-million", value: 830000000, intended: 830, difference: 829999170, unit: "triệu đồng" },
    { kind: "units-median", label: "Xã Mỹ Hòa Hưng", value: 2120000, median: 2100 },
    { kind: "kept-value", unit: "XA-017", value: "2,12", kept: "2.120", keptBy: "XA-001" },
  ],
  check(table) {
    if (table.template.policies.scaleBasis === "none") return [];
    const findings: Finding[] = [];
    const unit = unitOf(table);
    const suggest = (
      ref: CellRef,
      value: number,
      intended: number,
      kind: "decimals" | "times-1000" | "per-1000" | "times-million",
    ) =>
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: ref.address },
          {
            kind,
            value,
            intended,
            difference: Math.abs(intended - value),
            ...(unit ? { unit } : {}),
            expected: intended,
            actual: value,
          },
        ),
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
      const sortedItems = new Float64Array(items).sort();
      const positives = positivesOf(sortedItems);
      const fractional = items.filter((v) => !isWhole(v)).length;
      for (const { row, ref, value } of cells) {
        const others = isEntry(row) ? items.length - 1 : items.length;
        const neighbours = isEntry(row) ? medianWithout(sortedItems, value) : medianWithout(sortedItems, NaN);
        if (others === 0 || neighbours === undefined) continue;
        // The other items are all whole when the only fractional one is this very cell.
        const othersWhole = fractional === (isEntry(row) && !isWhole(value) ? 1 : 0);
        if (looksLikeThousandsGroup(value) && othersWhole && neighbours >= 100) {
          suggest(ref, value, Math.round(value * 1000), "decimals");
          continue;
        }
        if (!isEntry(row) || value <= 0 || positives.length - 1 < MIN_NEIGHBOURS) continue;
        const factor = value / medianWithout(positives, value)!;
        if (
          factor > HIGH &&
          factor <= MILLION_HIGH &&
          isWhole(value / 1e6) &&
          withinSpread(positives, value, value / 1e6)
        ) {
          suggest(ref, value, value / 1e6, "times-million");
        } else if (factor >= LOW && factor <= HIGH) {
          suggest(ref, value, value / 1000, "times-1000");
        } else if (factor <= 1 / LOW && factor >= 1 / HIGH) {
          suggest(ref, value, value * 1000, "per-1000");
        }
      }
    });
    return findings;
  },
};
