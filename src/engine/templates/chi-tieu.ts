/** Phụ lục I — chỉ tiêu ngành (spec §2.1): a plan, optionally with its results. */
import { defineTemplate } from "../template";
import { INDICATOR_CUMULATIVE } from "./cumulative";
import {
  ACTUAL,
  ASSESSMENT,
  CODE,
  CO_UNITS,
  INDICATOR,
  LEAD_UNIT,
  MEASURE,
  NOTE,
  RATIO,
  STT,
  SUBTOTAL_LABELS,
  TARGET,
  TOTAL_LABELS,
} from "./common";

export const CHI_TIEU = defineTemplate({
  id: "chi-tieu",
  nameVi: "Phụ lục chỉ tiêu ngành",
  nameEn: "Sector indicators appendix",
  defaultHeading: "PHỤ LỤC I",
  columns: [STT, CODE, INDICATOR, MEASURE, TARGET, ACTUAL, RATIO, ASSESSMENT, LEAD_UNIT, CO_UNITS, NOTE],
  numbering: "per-section",
  subtotalLabels: SUBTOTAL_LABELS,
  totalLabels: TOTAL_LABELS,
  cumulative: INDICATOR_CUMULATIVE,
  policies: {
    required: { rows: "leaves", roles: ["target", "leadUnit"] },
    duplicateScope: { section: true, owner: false },
    mergeStrategy: "indicator-rows",
    values: [
      { role: "target", period: "plan" },
      { role: "actual", period: "result" },
      { role: "ratio", period: "result" },
      { role: "assessment", period: "result" },
    ],
    reportedByTarget: true,
  },
});
