/**
 * Thống kê dịch vụ công trực tuyến (spec §2.4): one row per reporting unit or period, counts that
 * add up in the closing total row. Mức độ 3 / mức độ 4 are the older names of một phần / toàn trình.
 */
import { defineTemplate } from "../template";

const COUNT = { kind: "number", summable: true } as const;

export const DICH_VU_CONG = defineTemplate({
  id: "dich-vu-cong",
  nameVi: "Thống kê dịch vụ công trực tuyến",
  nameEn: "Online public services statistics",
  defaultHeading: "PHỤ LỤC",
  columns: [
    {
      role: "stt",
      required: false,
      kind: "text",
      header: "STT",
      synonyms: ["^s ?tt\\.?$", "^so (tt|thu tu)$", "^tt$"],
    },
    {
      role: "reportingUnit",
      required: true,
      kind: "text",
      header: "Đơn vị / Kỳ",
      headerEn: "Unit / period",
      synonyms: [
        "^(ten )?don vi\\b(?!.*\\b(chu tri|phoi hop|tinh)\\b)",
        "^ky( bao cao)?\\b",
        "^dia phuong\\b",
        "^co quan$",
      ],
    },
    {
      role: "dvcTotal",
      required: true,
      ...COUNT,
      header: "Tổng số dịch vụ công",
      headerEn: "Total public services",
      synonyms: [
        "^tong so (dich vu cong|dvc|thu tuc hanh chinh|tthc|thu tuc|dich vu)\\b(?!.*\\b(mot phan|toan trinh|tich hop|muc do)\\b)",
        "^tong (so )?dvc$",
      ],
    },
    {
      role: "dvcIntegrated",
      required: false,
      ...COUNT,
      header: "Số DVCTT tích hợp Cổng DVC quốc gia",
      headerEn: "Integrated with the National Portal",
      synonyms: ["\\btich hop\\b", "\\bcong (dvc|dich vu cong) quoc gia\\b"],
    },
    {
      role: "dvcInfo",
      required: false,
      ...COUNT,
      header: "DV cung cấp thông tin trực tuyến",
      headerEn: "Information-only services",
      synonyms: ["\\bthong tin truc tuyen\\b", "^(dv|dvc|dich vu)( cong)? cung cap thong tin\\b", "\\bmuc do [12]\\b"],
    },
    {
      role: "dvcPartial",
      required: true,
      ...COUNT,
      header: "DVCTT một phần",
      headerEn: "Partly online",
      synonyms: ["\\bmot phan\\b", "\\bmuc do 3\\b"],
    },
    {
      role: "dvcFull",
      required: true,
      ...COUNT,
      header: "DVCTT toàn trình",
      headerEn: "Fully online",
      synonyms: ["\\btoan trinh\\b", "\\bmuc do 4\\b"],
    },
    {
      role: "onTimeRate",
      required: false,
      kind: "percent",
      header: "Tỷ lệ hồ sơ đúng hạn và trước hạn (%)",
      headerEn: "On-time rate (%)",
      synonyms: ["\\b(dung|truoc) han\\b"],
    },
    { role: "note", required: false, kind: "text", header: "Ghi chú", synonyms: ["^ghi chu\\b"] },
  ],
  numbering: "flat",
  totalLabels: [
    "^tong cong\\b",
    "^toan tinh\\b",
    "^tong so( chung| toan (tinh|nganh))?[:.]?$",
    "^tong[:.]?$",
    "^cong[:.]?$",
    "^toan nganh\\b",
  ],
  policies: {
    required: { rows: "non-sections", roles: ["dvcTotal"] },
    duplicateScope: { section: false, owner: false },
    serviceParts: true,
    mergeStrategy: "unit-rows",
    values: [
      { role: "dvcTotal", period: "result" },
      { role: "dvcInfo", period: "result" },
      { role: "dvcPartial", period: "result" },
      { role: "dvcFull", period: "result" },
      { role: "dvcIntegrated", period: "result" },
      { role: "onTimeRate", period: "result" },
    ],
  },
});
