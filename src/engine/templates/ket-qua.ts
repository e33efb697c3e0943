/**
 * Phụ lục kết quả thực hiện chỉ tiêu (spec §2.3). Kế hoạch and Tỷ lệ are optional here: a results
 * sheet that also restates the plan is still a results sheet (no Đơn vị chủ trì needed), and its
 * attainment is checked; a plan sheet (Kế hoạch + Đơn vị chủ trì) is chi-tieu.
 */
import { defineTemplate } from "../template";
import { INDICATOR_CUMULATIVE } from "./cumulative";
import { ACTUAL, ASSESSMENT, CODE, INDICATOR, MEASURE, NOTE, RATIO, STT, TARGET } from "./common";

export const KET_QUA = defineTemplate({
  id: "ket-qua",
  nameVi: "Phụ lục kết quả thực hiện chỉ tiêu",
  nameEn: "Indicator results appendix",
  defaultHeading: "PHỤ LỤC",
  columns: [
    STT,
    CODE,
    { ...INDICATOR, header: "Nội dung chỉ tiêu", headerEn: "Indicator" },
    MEASURE,
    { ...TARGET, required: false },
    { ...ACTUAL, required: true, header: "Kết quả", headerEn: "Result" },
    RATIO,
    { ...ASSESSMENT, required: true },
    NOTE,
  ],
  numbering: "flat",
  cumulative: INDICATOR_CUMULATIVE,
  policies: {
    required: { rows: "entry-leaves", roles: ["actual"] },
    duplicateScope: { section: false, owner: false },
    mergeStrategy: "indicator-rows",
    values: [
      { role: "actual", period: "result" },
      { role: "assessment", period: "result" },
    ],
  },
});
