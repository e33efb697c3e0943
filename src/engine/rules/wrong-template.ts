/**
 * `wrong-template` (merge): a unit's sheet of another template than the consolidated workbook's
 * (a kinh-phi sheet sent for a chi-tieu template): refused, and not counted as that unit's report.
 */
import type { FindingParams } from "../finding";
import type { RuleDefinition } from "./rule";

interface WrongTemplateParams extends FindingParams {
  sheet: string;
  file: string;
  unit: string;
  /** The template id the sheet is, and the consolidated workbook's (comma-separated when several). */
  found: string;
  wanted: string;
}

export const wrongTemplate: RuleDefinition<"wrong-template", WrongTemplateParams> = {
  id: "wrong-template",
  severity: "error",
  tags: ["merge", "recognition"],
  label: { vi: "Tệp khác mẫu", en: "Wrong template" },
  message: {
    vi: (p) =>
      `trang tính “${p.sheet}” của tệp ${p.file} là mẫu ${p.found}, khác mẫu của bảng tổng hợp (${p.wanted}); ` +
      `không tổng hợp và không tính là báo cáo của ${p.unit}.`,
    en: (p) =>
      `sheet “${p.sheet}” of file ${p.file} is a ${p.found} table, not the consolidated template's (${p.wanted}); ` +
      `not merged and not counted as ${p.unit}'s report.`,
  },
  examples: [{ sheet: "Phụ lục II", file: "vp.xlsx", unit: "VP", found: "kinh-phi", wanted: "chi-tieu" }],
};
