/** The notes that say what a sheet was compared with: the approved plan, the previous period (spec §9). */
import { periodText, type Period } from "../periods/period";
import { defineNote } from "./note";

export const planNotPaired = defineNote({
  id: "plan-not-paired",
  message: {
    vi: (p: { sheet: string; file: string }) =>
      `Trang tính “${p.sheet}” không có đủ chỉ tiêu của kế hoạch được duyệt (tệp ${p.file}) để so sánh; chưa so với kế hoạch.`,
    en: (p) =>
      `Sheet “${p.sheet}” shares too few indicators with the approved plan (file ${p.file}) to compare; not compared with the plan.`,
  },
  examples: [{ sheet: "Phụ lục I", file: "ke-hoach.xlsx" }],
});

export const planCompared = defineNote({
  id: "plan-compared",
  message: {
    vi: (p: { file: string; sheet: string; rows: number }, f) =>
      `Đã so với kế hoạch được duyệt: tệp ${p.file}, trang tính “${p.sheet}” (${f.number(p.rows)} dòng khớp).`,
    en: (p, f) =>
      `Compared with the approved plan: file ${p.file}, sheet “${p.sheet}” (${f.number(p.rows)} matching rows).`,
  },
  examples: [{ file: "ke-hoach.xlsx", sheet: "Phụ lục I", rows: 32 }],
});

interface NearParams {
  label: string;
  cell: string;
  planLabel: string;
  planCell: string;
  /** Percent. */
  similarity: number;
}

export const planNearMatch = defineNote({
  id: "plan-near-match",
  message: {
    vi: (p: NearParams, f) =>
      `Dòng ${f.quote(p.label)} (ô ${p.cell}) gần giống chỉ tiêu ${f.quote(p.planLabel)} của kế hoạch ` +
      `(ô ${p.planCell}, giống ${f.number(p.similarity)}%) nhưng không trùng tên; ` +
      `chưa so sánh — hãy ghi đúng tên chỉ tiêu như kế hoạch.`,
    en: (p, f) =>
      `Row ${f.quote(p.label)} (cell ${p.cell}) is close to the plan's indicator ${f.quote(p.planLabel)} ` +
      `(cell ${p.planCell}, ${f.number(p.similarity)}% alike) but not the same name; ` +
      `not compared — write the indicator's name as the plan does.`,
  },
  examples: [{ label: "Tỷ lệ hồ sơ", cell: "B7", planLabel: "Tỷ lệ hồ sơ trực tuyến", planCell: "B7", similarity: 80 }],
});

export const previousNotPaired = defineNote({
  id: "previous-not-paired",
  message: {
    vi: (p: { sheet: string; file: string }) =>
      `Trang tính “${p.sheet}” không có đủ dòng chung với tệp kỳ trước ${p.file} để so sánh; chưa so với kỳ trước.`,
    en: (p) =>
      `Sheet “${p.sheet}” shares too few rows with the previous period's file ${p.file} to compare; not compared with the previous period.`,
  },
  examples: [{ sheet: "Phụ lục I", file: "6-thang.xlsx" }],
});

interface ComparedParams {
  file: string;
  sheet: string;
  rows: number;
  previous: Period;
  current: Period;
  /** Why cumulative figures were not compared, when they were not. */
  why?: "other-year" | "not-earlier";
}

const periodName = (period: Period, locale: "vi" | "en") =>
  periodText(period, locale) || (locale === "vi" ? "chưa rõ kỳ" : "period unknown");

export const previousCompared = defineNote({
  id: "previous-compared",
  message: {
    vi: (p: ComparedParams, f) => {
      const head =
        `Đã so với kỳ trước: tệp ${p.file}, trang tính “${p.sheet}” (${periodName(p.previous, "vi")}; kỳ này: ` +
        `${periodName(p.current, "vi")}; ${f.number(p.rows)} dòng khớp)`;
      if (!p.why) return `${head}.`;
      const why =
        p.why === "other-year"
          ? `kỳ trước thuộc năm ${p.previous.year}, kỳ này năm ${p.current.year}`
          : `kỳ trước (${periodText(p.previous)}) không sớm hơn kỳ này (${periodText(p.current)})`;
      return `${head}; không so số lũy kế vì ${why}.`;
    },
    en: (p, f) => {
      const head =
        `Compared with the previous period: file ${p.file}, sheet “${p.sheet}” (${periodName(p.previous, "en")}; this period: ` +
        `${periodName(p.current, "en")}; ${f.number(p.rows)} matching rows)`;
      if (!p.why) return `${head}.`;
      const why =
        p.why === "other-year"
          ? `the previous period is in ${p.previous.year}, this one in ${p.current.year}`
          : `the previous period (${periodText(p.previous, "en")}) is not earlier than this one (${periodText(p.current, "en")})`;
      return `${head}; cumulative figures not compared because ${why}.`;
    },
  },
  examples: [
    {
      file: "6-thang.xlsx",
      sheet: "Phụ lục I",
      rows: 30,
      previous: { months: 6, year: 2024 },
      current: { months: 9, year: 2024 },
    },
    {
      file: "6-thang.xlsx",
      sheet: "Phụ lục I",
      rows: 30,
      previous: { months: 6, year: 2023 },
      current: { months: 9, year: 2024 },
      why: "other-year",
    },
    { file: "9-thang.xlsx", sheet: "Phụ lục I", rows: 30, previous: { months: 9 }, current: {}, why: "not-earlier" },
  ],
});
