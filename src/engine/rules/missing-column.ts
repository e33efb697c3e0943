/** `missing-column`: a required column of the recognised template is absent from its header row (recognise.ts). */
import type { FindingParams } from "../finding";
import type { Words } from "../locale";
import type { RuleDefinition } from "./rule";

interface MissingColumnParams extends FindingParams {
  column: Words;
  template: { id: string; name: Words };
  /** The header row's first cell. */
  header: string;
}

export const missingColumn: RuleDefinition<"missing-column", MissingColumnParams> = {
  id: "missing-column",
  severity: "error",
  tags: ["recognition"],
  label: { vi: "Thiếu cột bắt buộc", en: "Missing column" },
  namesCell: false,
  message: {
    vi: (p) =>
      `Thiếu cột bắt buộc “${p.column.vi}” của mẫu ${p.template.name.vi} (${p.template.id}) ở dòng tiêu đề ${p.header}.`,
    en: (p) =>
      `The required column “${p.column.en}” of the ${p.template.name.en} template (${p.template.id}) is missing from the header at ${p.header}.`,
  },
  examples: [
    {
      column: { vi: "Kế hoạch", en: "Target" },
      template: { id: "chi-tieu", name: { vi: "Phụ lục I", en: "Appendix I" } },
      header: "A5",
      expected: "Kế hoạch",
      actual: null,
    },
  ],
};
