/**
 * `total-unverifiable`: a total whose items include a cell that cannot be read as a number; which
 * cells, never skipping the total silently. Definition only for now: total-mismatch still says it in
 * a note (check.ts); moving that note here is the check's to do.
 */
import type { FindingParams } from "../finding";
import type { Words } from "../locale";
import type { RuleDefinition } from "./rule";

interface TotalUnverifiableParams extends FindingParams {
  /** What holds the total (`Tổng cộng`, `Mục I`). */
  subject: Words;
  /** The unreadable cells among its items. */
  cells: string[];
}

export const totalUnverifiable: RuleDefinition<"total-unverifiable", TotalUnverifiableParams> = {
  id: "total-unverifiable",
  severity: "warning",
  tags: ["sheet", "arithmetic"],
  label: { vi: "Không đối chiếu được tổng", en: "Total not verifiable" },
  message: {
    vi: (p) => `chưa đối chiếu được ${p.subject.vi} vì ô ${p.cells.join(", ")} trong các mục không đọc được thành số.`,
    en: (p) => `${p.subject.en} cannot be checked: cell ${p.cells.join(", ")} among its items is not a number.`,
  },
  examples: [{ subject: { vi: "Tổng cộng", en: "Tổng cộng" }, cells: ["D12", "D14"] }],
};
