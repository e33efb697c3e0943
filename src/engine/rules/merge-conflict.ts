/** `merge-conflict` (merge): two units report different values for the same indicator; the kept value is named. */
import type { FindingParams } from "../finding";
import type { RuleDefinition } from "./rule";

interface MergeConflictParams extends FindingParams {
  /** The column's header (`Kết quả`). */
  column: string;
  indicator: string;
  /** The unit whose value differs, its file and cell. */
  unit: string;
  file: string;
  source: string;
  value: string;
  /** The value kept and who reported it. */
  kept: string;
  keptBy: string;
}

export const mergeConflict: RuleDefinition<"merge-conflict", MergeConflictParams> = {
  id: "merge-conflict",
  severity: "error",
  tags: ["merge"],
  label: { vi: "Xung đột khi tổng hợp", en: "Merge conflict" },
  message: {
    vi: (p, f) =>
      `${p.column} của ${f.quote(p.indicator)}: ${p.unit} (tệp ${p.file}, ô ${p.source}) ghi ${p.value} nhưng ` +
      `${p.keptBy} ghi ${p.kept}; đang giữ giá trị của ${p.keptBy}.`,
    en: (p, f) =>
      `${p.column} of ${f.quote(p.indicator)}: ${p.unit} (file ${p.file}, cell ${p.source}) reports ${p.value} but ` +
      `${p.keptBy} reports ${p.kept}; keeping ${p.keptBy}'s value.`,
  },
  examples: [
    {
      column: "Kết quả",
      indicator: "Tỷ lệ hồ sơ trực tuyến",
      unit: "VP",
      file: "vp.xlsx",
      source: "D12",
      value: "80%",
      kept: "85%",
      keptBy: "CNTT-BCVT",
      expected: "85%",
      actual: "80%",
    },
  ],
};
