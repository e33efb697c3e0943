/** `unknown-row` (merge): a unit's row that matches nothing in the consolidated template, with the closest row proposed. */
import type { FindingParams } from "../finding";
import type { Words } from "../locale";
import type { RuleDefinition } from "./rule";

interface UnknownRowParams extends FindingParams {
  label: string;
  unit: string;
  file: string;
  /** Why it was not placed, when more is known than "no row matches" (a row naming no unit…). */
  reason?: Words;
  /** The closest template row, proposed, never applied: its label, cell and similarity in percent. */
  proposal?: { label: string; cell: string; similarity: number };
}

export const unknownRow: RuleDefinition<"unknown-row", UnknownRowParams> = {
  id: "unknown-row",
  severity: "warning",
  tags: ["merge"],
  label: { vi: "Dòng không khớp mẫu", en: "Unknown row" },
  message: {
    vi: (p, f) =>
      `dòng ${f.quote(p.label)} của ${p.unit} (tệp ${p.file}) ${p.reason?.vi ?? "không khớp dòng nào trong mẫu tổng hợp"}; chưa được tổng hợp.` +
      (p.proposal
        ? ` Có thể là ${f.quote(p.proposal.label)} (ô ${p.proposal.cell}, giống ${p.proposal.similarity}%) — cần xác nhận.`
        : ""),
    en: (p, f) =>
      `row ${f.quote(p.label)} from ${p.unit} (file ${p.file}) ${p.reason?.en ?? "matches no row of the consolidated template"}; not merged.` +
      (p.proposal
        ? ` It may be ${f.quote(p.proposal.label)} (cell ${p.proposal.cell}, ${p.proposal.similarity}% similar) — needs confirming.`
        : ""),
  },
  examples: [
    {
      label: "Số hồ sơ trực tuyến",
      unit: "VP",
      file: "vp.xlsx",
      proposal: { label: "Số hồ sơ nộp trực tuyến", cell: "B14", similarity: 91 },
    },
    { label: "Ước thực hiện", unit: "VP", file: "vp.xlsx" },
  ],
};
