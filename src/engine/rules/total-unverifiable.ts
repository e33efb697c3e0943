/**
 * `total-unverifiable` (warning): a subtotal or total whose covered cells include one that cannot
 * be read as a number (text such as `Đang thẩm định`, an Excel error, a formula never calculated).
 * The sum is unknown, so total-mismatch claims nothing; this says which cells stand in the way,
 * with the sum of the others, instead of skipping the total silently (spec §4). An empty total cell
 * is total-mismatch's note; `x` and `-` are empty, not unreadable.
 */
import { makeFinding, type Finding, type FindingParams } from "../finding";
import type { Words } from "../locale";
import type { CellRef } from "../model";
import { expectedTotals } from "../totals";
import type { SheetRule } from "./rule";

interface TotalUnverifiableParams extends FindingParams {
  /** What holds the total (`Tổng cộng`, `Mục I`). */
  subject: Words;
  /** The unreadable cells among its items. */
  cells: string[];
  /** What each of those cells holds, in the same order. */
  texts: string[];
  /** The sum of the readable cells. */
  others: number;
}

function shownText(ref: CellRef): string {
  return ref.parsed.kind === "uncalculated" ? `=${ref.parsed.formula}` : ref.text;
}

export const totalUnverifiable: SheetRule<"total-unverifiable", TotalUnverifiableParams> = {
  id: "total-unverifiable",
  severity: "warning",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Không đối chiếu được tổng", en: "Total not verifiable" },
  message: {
    vi: (p, f) =>
      `chưa đối chiếu được ${p.subject.vi} vì trong các ô được cộng có ô không đọc được thành số: ` +
      `${p.cells.map((cell, i) => `${cell} (${f.quote(p.texts[i])})`).join(", ")}; tổng các ô còn lại là ${f.number(p.others)}.`,
    en: (p, f) =>
      `${p.subject.en} cannot be checked: cells it adds up are not numbers: ` +
      `${p.cells.map((cell, i) => `${cell} (${f.quote(p.texts[i])})`).join(", ")}; the other cells add up to ${f.number(p.others)}.`,
  },
  examples: [
    {
      subject: { vi: "Tổng cộng", en: "Tổng cộng" },
      cells: ["D8"],
      texts: ["Đang thẩm định"],
      others: 2470,
    },
  ],
  check(table) {
    const findings: Finding[] = [];
    for (const total of expectedTotals(table)) {
      if (total.complete || (total.direction === "across" && !table.template.policies.totalsAcross)) continue;
      if (total.cell.parsed.kind === "empty") continue;
      const row = table.rows[total.rowIndex];
      const label = row.kind === "section" ? `Mục ${row.stt}` : row.label || "tổng";
      const unreadable = total.parts.filter((part) => part.parsed.kind !== "number" && part.parsed.kind !== "empty");
      findings.push(
        makeFinding(
          this,
          { sheet: table.sheet, cell: total.cell.address },
          {
            subject: { vi: label, en: label },
            cells: unreadable.map((ref) => ref.address),
            texts: unreadable.map(shownText),
            others: total.expected,
          },
        ),
      );
    }
    return findings;
  },
};
